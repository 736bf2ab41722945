import { RELIABILITY_CSS, reliabilityHtml } from './reliability-html.js';
import { SECTION_CSS, sectionHtml } from './section-html.js';
import { RAG_LABEL, type Rag, type StatusReport } from './status-report.js';
import { burnUpSvg, esc, ganttSvg, sCurveSvg } from './svg-charts.js';

const day = (dateTime: string) => dateTime.slice(0, 10);
const badge = (r: Rag | null) => (r ? `<span class="rag ${r}">${RAG_LABEL[r]}</span>` : '<span class="muted">—</span>');
const trend = (days: number | null) =>
  days === null
    ? '<span class="muted">—</span>'
    : days === 0
      ? 'no change'
      : days > 0
        ? `<span class="worse">▲ ${days} days later</span>`
        : `<span class="better">▼ ${-days} days earlier</span>`;

const CSS = `
:root { color-scheme: light; --ink:#1f2937; --muted:#6b7280; --line:#e5e7eb; --bg:#ffffff; --panel:#f9fafb; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--ink); font: 15px/1.5 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1040px; margin: 0 auto; padding: 32px 40px 48px; }
header { display: flex; justify-content: space-between; align-items: baseline; gap: 16px; border-bottom: 1px solid var(--line); padding-bottom: 12px; }
h1 { font-size: 26px; margin: 0; font-weight: 650; }
h2 { font-size: 17px; margin: 32px 0 10px; font-weight: 650; }
.muted { color: var(--muted); }
.summary { display: grid; grid-template-columns: 170px 1fr; gap: 20px; align-items: start; margin-top: 20px; background: var(--panel); border: 1px solid var(--line); border-radius: 10px; padding: 18px 20px; }
.summary ul { margin: 0; padding-left: 18px; }
.summary li { margin: 3px 0; }
.overall { text-align: center; }
.overall .rag { font-size: 18px; padding: 8px 16px; display: inline-block; }
.rag { border-radius: 999px; padding: 2px 10px; font-size: 13px; font-weight: 600; white-space: nowrap; }
.rag.green { background: #dcfce7; color: #166534; } .rag.amber { background: #fef3c7; color: #92400e; } .rag.red { background: #fee2e2; color: #991b1b; }
.worse { color: #b91c1c; } .better { color: #15803d; }
table { width: 100%; border-collapse: collapse; font-size: 14px; }
th, td { text-align: left; padding: 7px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); font-weight: 600; }
td.num { white-space: nowrap; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(360px, 1fr)); gap: 12px; }
figure { margin: 0; border: 1px solid var(--line); border-radius: 10px; padding: 10px 12px; background: #fff; }
figcaption { font-size: 13px; font-weight: 600; margin-bottom: 4px; }
svg { max-width: 100%; height: auto; font-family: inherit; }
.cols { display: grid; grid-template-columns: 1fr 1fr; gap: 24px; }
.cols ul { padding-left: 18px; margin: 0; }
footer { margin-top: 36px; font-size: 12px; color: var(--muted); border-top: 1px solid var(--line); padding-top: 10px; }
@media print { main { padding: 0; } }
`;

/** The status report as one self-contained HTML page: no scripts, no external files, charts as inline SVG. */
export function reportHtml(r: StatusReport): string {
  const key = [...r.milestones]
    .filter((m) => m.curve.length > 0)
    .sort((a, b) => rank(b.rag) - rank(a.rag) || (a.target ?? '9').localeCompare(b.target ?? '9'))
    .slice(0, 4);
  const list = (items: readonly string[], empty: string) =>
    items.length === 0 ? `<p class="muted">${esc(empty)}</p>` : `<ul>${items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>`;
  const c = r.changes;
  const changed = !c.known
    ? '<p class="muted">Not known for a program file: load it into the store to keep its history.</p>'
    : `<p class="muted">Since ${esc(c.since ?? '')}.</p><div class="cols"><div><h3>Finished</h3>${list(
        c.finished.map((x) => x.title),
        'Nothing finished.',
      )}<h3>Slipped</h3>${list(
        c.slipped.map((x) => `${x.title}: ${x.days} working days later`),
        'Nothing slipped.',
      )}</div><div><h3>Risks</h3>${list(
        [...c.newRisks.map((x) => `New: ${x.title}`), ...c.closedRisks.map((x) => `Closed: ${x.title}`)],
        'No risk raised or closed.',
      )}<h3>Decisions made</h3>${list(
        c.decisionsMade.map((x) => `${x.title}${x.outcome ? `: ${x.outcome}` : ''}`),
        'No decision made.',
      )}</div></div>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(`${r.program.name}: status ${r.asOf}`)}</title>
<style>${CSS}${r.reliability ? RELIABILITY_CSS : ''}${r.sections?.length ? SECTION_CSS : ''}</style>
</head>
<body>
<main>
<header>
  <h1>${esc(r.program.name)}</h1>
  <div class="muted">Status as of <strong>${esc(r.asOf)}</strong>${r.program.tpm ? ` · ${esc(r.program.tpm)}` : ''}${r.comparedWith ? ` · compared with ${esc(r.comparedWith.label)}` : ''}</div>
</header>
<section class="summary">
  <div class="overall"><div class="muted">Overall</div>${badge(r.rag.overall)}<p class="muted" style="font-size:13px">Target ${esc(r.program.target)}<br>80&nbsp;% sure by ${esc(day(r.finish.p80))}</p></div>
  <ul>${r.summary.map((s) => `<li>${esc(s)}</li>`).join('')}</ul>
</section>
${r.reliability ? `\n${reliabilityHtml(r.reliability)}\n` : ''}
<h2>Milestones</h2>
<table>
<thead><tr><th>Milestone</th><th>Target</th><th>Likely</th><th>80&nbsp;% sure</th><th>Status</th><th>Since last report</th></tr></thead>
<tbody>
${r.milestones.map((m) => `<tr><td>${esc(m.title)}</td><td class="num">${esc(m.target ?? '—')}</td><td class="num">${esc(day(m.p50))}</td><td class="num">${esc(day(m.p80))}</td><td>${badge(m.rag)}</td><td class="num">${trend(m.trendDays)}</td></tr>`).join('\n')}
<tr><td><strong>Program finish</strong></td><td class="num">${esc(r.program.target)}</td><td class="num">${esc(day(r.finish.p50))}</td><td class="num">${esc(day(r.finish.p80))}</td><td></td><td></td></tr>
</tbody>
</table>

<h2>When the key milestones land</h2>
<div class="charts">${key.map((m) => `<figure><figcaption>${esc(m.title)}</figcaption>${sCurveSvg(m)}</figure>`).join('')}</div>

<h2>Roadmap</h2>
<figure>${ganttSvg(r.gantt, r.asOf)}</figure>

<h2>Work done against plan</h2>
<figure>${burnUpSvg(r.burnUp, r.asOf)}</figure>

<h2>Workstreams</h2>
<table><thead><tr><th>Workstream</th><th>Status</th><th>Why</th></tr></thead><tbody>
${r.rag.workstreams.map((w) => `<tr><td>${esc(w.name)}</td><td>${badge(w.rag)}</td><td>${esc(w.why)}</td></tr>`).join('\n')}
</tbody></table>

<h2>What changed</h2>
${changed}

<h2>Top risks</h2>
${r.topRisks.length === 0 ? '<p class="muted">No risk detected.</p>' : `<table><tbody>${r.topRisks.map((x) => `<tr><td>${badge(x.severity === 'high' ? 'red' : x.severity === 'medium' ? 'amber' : 'green').replace(/>[^<]+</, `>${x.severity}<`)}</td><td><strong>${esc(x.title)}</strong><br><span class="muted">${esc(x.action)}</span></td></tr>`).join('')}</tbody></table>`}

<h2>Asks and decisions needed</h2>
${list([...r.asks, ...r.decisionsNeeded.filter((d) => !r.asks.some((a) => a.includes(d.title))).map((d) => `Decide "${d.title}"${d.blocksOn ? ` by ${d.blocksOn}` : ''}: ${d.why}.`)], 'Nothing is waiting on leadership.')}

<h2>The work that sets the end date</h2>
<p>${esc(r.criticalPath.sentence)}</p>
${(r.sections ?? []).map((s) => `\n${sectionHtml(s)}\n`).join('')}
<footer>Forecast from ${r.finish.trials} simulated schedules. Status: on track when 80&nbsp;% sure to make the date, at risk when only likely to, off track when more likely late than not. Generated by Throughline.</footer>
</main>
</body>
</html>
`;
}

const rank = (r: Rag | null) => (r === 'red' ? 2 : r === 'amber' ? 1 : 0);
