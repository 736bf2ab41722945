import { reliabilityConfluence } from './reliability-confluence.js';
import { sectionConfluence } from './section-confluence.js';
import { RAG_LABEL, type Rag, type StatusReport } from './status-report.js';
import { esc } from './svg-charts.js';

const day = (dateTime: string) => dateTime.slice(0, 10);
const COLOUR: Record<Rag, string> = { green: 'Green', amber: 'Yellow', red: 'Red' };

/** Confluence's status lozenge macro. */
const lozenge = (r: Rag | null) =>
  r === null
    ? '—'
    : `<ac:structured-macro ac:name="status"><ac:parameter ac:name="colour">${COLOUR[r]}</ac:parameter><ac:parameter ac:name="title">${RAG_LABEL[r]}</ac:parameter></ac:structured-macro>`;

const ul = (items: readonly string[]) => (items.length === 0 ? '' : `<ul>${items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>`);

/**
 * The status report in Confluence storage format (XHTML with `ac:` macros), the body of a page
 * created or updated through the REST API. Charts are left to the HTML report; here the figures are tables.
 */
export function reportConfluence(r: StatusReport): string {
  const c = r.changes;
  const parts = [
    `<p><strong>Overall:</strong> ${lozenge(r.rag.overall)} ${esc(r.rag.why)}</p>`,
    ul(r.summary),
    r.comparedWith
      ? `<p><em>Status as of ${esc(r.asOf)}, compared with ${esc(r.comparedWith.label)}.</em></p>`
      : `<p><em>Status as of ${esc(r.asOf)}.</em></p>`,
    ...(r.reliability ? reliabilityConfluence(r.reliability) : []),
    '<h2>Milestones</h2>',
    '<table><tbody><tr><th>Milestone</th><th>Target</th><th>Likely (P50)</th><th>80 % sure (P80)</th><th>Status</th><th>Since last report</th></tr>',
    ...r.milestones.map(
      (m) =>
        `<tr><td>${esc(m.title)}</td><td>${esc(m.target ?? '—')}</td><td>${esc(day(m.p50))}</td><td>${esc(day(m.p80))}</td><td>${lozenge(m.rag)}</td><td>${
          m.trendDays === null ? '—' : m.trendDays === 0 ? 'no change' : `${m.trendDays > 0 ? '+' : ''}${m.trendDays} working days`
        }</td></tr>`,
    ),
    `<tr><td><strong>Program finish</strong></td><td>${esc(r.program.target)}</td><td>${esc(day(r.finish.p50))}</td><td>${esc(day(r.finish.p80))}</td><td></td><td></td></tr>`,
    '</tbody></table>',
    '<h2>Workstreams</h2>',
    '<table><tbody><tr><th>Workstream</th><th>Status</th><th>Why</th></tr>',
    ...r.rag.workstreams.map((w) => `<tr><td>${esc(w.name)}</td><td>${lozenge(w.rag)}</td><td>${esc(w.why)}</td></tr>`),
    '</tbody></table>',
    '<h2>What changed</h2>',
    c.known
      ? [
          `<p><em>Since ${esc(c.since ?? '')}.</em></p>`,
          ul([
            ...c.finished.map((x) => `Finished: ${x.title}`),
            ...c.slipped.map((x) => `Slipped: ${x.title}, ${x.days} working days later`),
            ...c.newRisks.map((x) => `New risk: ${x.title}`),
            ...c.closedRisks.map((x) => `Closed risk: ${x.title}`),
            ...c.decisionsMade.map((x) => `Decided: ${x.title}${x.outcome ? `: ${x.outcome}` : ''}`),
          ]) || '<p>Nothing was finished, slipped, raised, closed or decided.</p>',
        ].join('')
      : '<p><em>Not known for a program file.</em></p>',
    '<h2>Top risks</h2>',
    ul(r.topRisks.map((x) => `${x.severity.toUpperCase()}: ${x.title}. ${x.action}`)) || '<p>No risk detected.</p>',
    '<h2>Asks and decisions needed</h2>',
    ul([
      ...r.asks,
      ...r.decisionsNeeded
        .filter((d) => !r.asks.some((a) => a.includes(d.title)))
        .map((d) => `Decide "${d.title}"${d.blocksOn ? ` by ${d.blocksOn}` : ''}: ${d.why}.`),
    ]) || '<p>Nothing is waiting on leadership.</p>',
    '<h2>The work that sets the end date</h2>',
    `<p>${esc(r.criticalPath.sentence)}</p>`,
    ...(r.sections ?? []).flatMap(sectionConfluence),
  ];
  return `${parts.join('\n')}\n`;
}
