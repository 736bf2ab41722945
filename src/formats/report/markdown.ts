import { reliabilityMarkdown } from './reliability-markdown.js';
import { sectionMarkdown } from './section-markdown.js';
import { RAG_LABEL, type Rag, type StatusReport } from './status-report.js';

const day = (dateTime: string) => dateTime.slice(0, 10);
const ICON: Record<Rag, string> = { green: '🟢', amber: '🟠', red: '🔴' };
const rag = (r: Rag | null) => (r ? `${ICON[r]} ${RAG_LABEL[r]}` : '—');
/** A table cell: pipes escaped, line breaks folded. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const trend = (days: number | null) =>
  days === null ? '—' : days === 0 ? 'no change' : days > 0 ? `${days} working days later` : `${-days} working days earlier`;

/** The status report as GitHub-flavoured Markdown. */
export function reportMarkdown(r: StatusReport): string {
  const out: string[] = [];
  out.push(`# ${r.program.name}: status as of ${r.asOf}`, '');
  out.push(`**Overall: ${rag(r.rag.overall)}.** ${r.rag.why}`, '');
  out.push(...r.summary.map((s) => `- ${s}`), '');
  if (r.comparedWith) out.push(`_Compared with ${r.comparedWith.label}._`, '');
  if (r.reliability) out.push(...reliabilityMarkdown(r.reliability));

  out.push('## Milestones', '');
  out.push('| Milestone | Target | Likely (P50) | 80 % sure (P80) | Status | Since last report |', '|---|---|---|---|---|---|');
  for (const m of r.milestones) {
    out.push(`| ${cell(m.title)} | ${m.target ?? '—'} | ${day(m.p50)} | ${day(m.p80)} | ${rag(m.rag)} | ${trend(m.trendDays)} |`);
  }
  out.push(`| **Program finish** | ${r.program.target} | ${day(r.finish.p50)} | ${day(r.finish.p80)} |  |  |`, '');

  out.push('## Workstreams', '');
  out.push('| Workstream | Status | Why |', '|---|---|---|');
  for (const w of r.rag.workstreams) out.push(`| ${cell(w.name)} | ${rag(w.rag)} | ${cell(w.why)} |`);
  out.push('');

  out.push('## What changed', '');
  if (!r.changes.known) out.push('_Not known for a program file: load it into the store to keep its history._', '');
  else {
    const list = (title: string, rows: readonly string[]) => {
      if (rows.length > 0) out.push(`**${title}:**`, ...rows.map((x) => `- ${x}`), '');
    };
    out.push(`_Since ${r.changes.since}._`, '');
    list(
      'Finished',
      r.changes.finished.map((x) => `${x.title} (${x.id})`),
    );
    list(
      'Slipped',
      r.changes.slipped.map((x) => `${x.title}: ${x.days} working days later`),
    );
    list(
      'New risks',
      r.changes.newRisks.map((x) => x.title),
    );
    list(
      'Closed risks',
      r.changes.closedRisks.map((x) => x.title),
    );
    list(
      'Decisions made',
      r.changes.decisionsMade.map((x) => `${x.title}${x.outcome ? `: ${x.outcome}` : ''}`),
    );
    const none = [r.changes.finished, r.changes.slipped, r.changes.newRisks, r.changes.closedRisks, r.changes.decisionsMade].every(
      (l) => l.length === 0,
    );
    if (none) out.push('Nothing was finished, slipped, raised, closed or decided.', '');
  }

  out.push('## Top risks', '');
  if (r.topRisks.length === 0) out.push('No risk detected.', '');
  for (const x of r.topRisks) out.push(`- **${x.severity.toUpperCase()}**: ${x.title}. ${x.action}`);
  out.push('');

  out.push('## Asks and decisions needed', '');
  if (r.asks.length === 0 && r.decisionsNeeded.length === 0) out.push('Nothing is waiting on leadership.', '');
  for (const a of r.asks) out.push(`- ${a}`);
  for (const d of r.decisionsNeeded.filter((d) => !r.asks.some((a) => a.includes(d.title))))
    out.push(`- Decide "${d.title}"${d.blocksOn ? ` by ${d.blocksOn}` : ''}: ${d.why}.`);
  out.push('');

  out.push('## The work that sets the end date', '', r.criticalPath.sentence, '');
  // Capacity, cost, migrations, debt: supporting detail after the program's own status.
  for (const s of r.sections ?? []) out.push(...sectionMarkdown(s));
  out.push(`<sub>Forecast from ${r.finish.trials} simulated schedules. Status rules: docs/status-report.md.</sub>`, '');
  return out.join('\n');
}
