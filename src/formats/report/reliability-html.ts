import { budgetLeftText, minutesText, type ReliabilitySection, SLO_STATE_LABEL, type SloState } from './reliability-section.js';
import { esc } from './svg-charts.js';

/** RAG-like colour of each SLO state, drawn with the report's `.rag` badge classes. */
const STATE_CLASS: Readonly<Record<SloState, string>> = { exhausted: 'red', page: 'red', ticket: 'amber', ok: 'green', 'no-data': 'none' };

/** Extra CSS for the section, appended to the report's stylesheet. */
export const RELIABILITY_CSS = `
.fire { display: flex; gap: 14px; align-items: baseline; border-radius: 10px; padding: 12px 16px; margin: 0 0 12px; border: 1px solid var(--line); }
.fire.yes { background: #fee2e2; border-color: #fecaca; } .fire.no { background: #dcfce7; border-color: #bbf7d0; } .fire.warn { background: #fef3c7; border-color: #fde68a; }
.fire strong { white-space: nowrap; }
.rag.none { background: var(--panel); color: var(--muted); border: 1px solid var(--line); }
.budget { display: inline-block; width: 90px; height: 8px; border-radius: 4px; background: var(--line); vertical-align: middle; margin-right: 8px; overflow: hidden; }
.budget i { display: block; height: 100%; background: #16a34a; } .budget i.low { background: #d97706; } .budget i.out { background: #dc2626; }
.funnel { margin: 14px 0 0; } .funnel.broken { border-left: 4px solid #dc2626; padding-left: 12px; } .funnel.holds { border-left: 4px solid #16a34a; padding-left: 12px; }
.funnel p { margin: 4px 0; }
.late { color: #b91c1c; font-weight: 600; }
`;

const capitalize = (s: string) => (s === '' ? s : `${s[0]?.toUpperCase()}${s.slice(1)}`);
const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;

/** A bar for the share of budget left: decoration beside the written figure, hidden from screen readers. */
function bar(share: number | null): string {
  if (share === null) return '';
  const pct = Math.max(0, Math.min(100, Math.round(share * 100)));
  return `<span class="budget" aria-hidden="true"><i class="${pct <= 0 ? 'out' : pct < 25 ? 'low' : ''}" style="width:${pct}%"></i></span>`;
}

/** The reliability section of the HTML report: headline first, then only the parts that have something to say. */
export function reliabilityHtml(r: ReliabilitySection): string {
  const parts: string[] = [
    '<h2>Reliability</h2>',
    `<div class="fire ${r.onFire ? 'yes' : r.funnel.level1Broken ? 'no warn' : 'no'}"><strong>Is anything on fire?</strong><span>${esc(r.headline)}</span></div>`,
  ];
  if (r.openIncidents.length > 0) {
    parts.push(
      '<table><thead><tr><th>Open incident</th><th>Severity</th><th>Status</th><th>Open for</th><th>Commander</th><th>Stakeholder update</th></tr></thead><tbody>',
      ...r.openIncidents.map(
        (i) =>
          `<tr><td>${esc(i.title)} <span class="muted">${esc(i.id)}</span></td><td><span class="rag ${i.severity === 'SEV1' || i.severity === 'SEV2' ? 'red' : 'amber'}">${esc(i.severity)}</span></td><td>${esc(i.status)}</td><td class="num">${esc(minutesText(i.openForMinutes))}</td><td>${esc(i.commander ?? 'none named')}</td><td>${
            i.updateOverdueMinutes === null ? 'on time' : `<span class="late">${esc(minutesText(i.updateOverdueMinutes))} overdue</span>`
          }</td></tr>`,
      ),
      '</tbody></table>',
    );
  }
  if (r.slos.length > 0) {
    parts.push(
      '<h3>Will it stay up? Error budgets</h3><table><thead><tr><th>SLO</th><th>Service</th><th>Objective</th><th>Error budget</th><th>State</th></tr></thead><tbody>',
      ...r.slos.map(
        (s) =>
          `<tr><td>${esc(s.name)}</td><td>${esc(s.service)}</td><td class="num">${esc(`${s.objective} % over ${s.window}`)}</td><td>${bar(s.budgetLeft)}${esc(budgetLeftText(s.budgetLeft))}${
            s.exhaustsInMinutes === null
              ? ''
              : `<br><span class="muted">gone in ${esc(minutesText(s.exhaustsInMinutes))} at this rate</span>`
          }</td><td><span class="rag ${STATE_CLASS[s.state]}">${esc(SLO_STATE_LABEL[s.state])}</span></td></tr>`,
      ),
      '</tbody></table>',
    );
  }
  const f = r.funnel;
  const wip = f.inProgress.map((l) => `${l.name} ${l.count}`).join(' · ');
  parts.push(
    f.level1Broken
      ? `<div class="funnel broken"><p><strong>Priority funnel: Stability is broken.</strong></p><ul>${f.reasons.map((x) => `<li>${esc(capitalize(x))}</li>`).join('')}</ul>${
          f.stop.length > 0
            ? `<p>Scale work to pause until it is fixed: ${f.stop.map((x) => `<strong>${esc(x.title)}</strong> <span class="muted">${esc(`${x.id}${x.team ? `, ${x.team}` : ''}`)}</span>`).join('; ')}.</p>`
            : ''
        }<p class="muted">Work in progress by level: ${esc(wip)}.</p></div>`
      : `<div class="funnel holds"><p><strong>Priority funnel:</strong> Stability holds.</p><p class="muted">Work in progress by level: ${esc(wip)}.</p></div>`,
  );
  if (r.postmortems.length > 0) {
    parts.push(
      '<h3>Post-mortem action items still open</h3>',
      ...r.postmortems.map(
        (pm) =>
          `<p>${esc(pm.id)}, after “${esc(pm.title)}”</p><ul>${pm.open
            .map(
              (a) =>
                `<li>${a.overdueDays > 0 ? `<span class="late">${esc(days(a.overdueDays))} overdue:</span> ` : ''}${esc(a.title)} <span class="muted">${esc(`${a.team}, due ${a.due}, level ${a.level}`)}</span></li>`,
            )
            .join('')}</ul>`,
      ),
    );
  }
  const p = r.period;
  parts.push(
    `<p><strong>Incidents since ${esc(p.since)}:</strong> ${
      p.incidents === 0
        ? 'none.'
        : esc(
            `${p.incidents} (${p.bySeverity.map((s) => `${s.count} ${s.severity}`).join(', ')})${p.mttrMinutes === null ? '; none resolved yet' : `; mean time to resolve ${minutesText(p.mttrMinutes)}`}.`,
          )
    }</p>`,
  );
  return parts.join('\n');
}
