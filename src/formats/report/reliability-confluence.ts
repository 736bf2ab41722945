import { budgetLeftText, minutesText, type ReliabilitySection, SLO_STATE_LABEL, type SloState } from './reliability-section.js';
import { esc } from './svg-charts.js';

const COLOUR: Readonly<Record<SloState, string>> = { exhausted: 'Red', page: 'Red', ticket: 'Yellow', ok: 'Green', 'no-data': 'Grey' };

/** Confluence's status lozenge macro with any title. */
const lozenge = (colour: string, title: string) =>
  `<ac:structured-macro ac:name="status"><ac:parameter ac:name="colour">${colour}</ac:parameter><ac:parameter ac:name="title">${esc(title)}</ac:parameter></ac:structured-macro>`;

/** The reliability section in Confluence storage format: a panel-free headline, tables, lists. */
export function reliabilityConfluence(r: ReliabilitySection): string[] {
  const out: string[] = [
    '<h2>Reliability</h2>',
    `<p><strong>Is anything on fire?</strong> ${lozenge(r.onFire ? 'Red' : r.funnel.level1Broken ? 'Yellow' : 'Green', r.onFire ? 'Yes' : 'No')} ${esc(r.headline)}</p>`,
  ];
  if (r.openIncidents.length > 0) {
    out.push(
      '<table><tbody><tr><th>Open incident</th><th>Severity</th><th>Status</th><th>Open for</th><th>Commander</th><th>Stakeholder update</th></tr>',
      ...r.openIncidents.map(
        (i) =>
          `<tr><td>${esc(`${i.title} (${i.id})`)}</td><td>${lozenge(i.severity === 'SEV1' || i.severity === 'SEV2' ? 'Red' : 'Yellow', i.severity)}</td><td>${esc(i.status)}</td><td>${esc(minutesText(i.openForMinutes))}</td><td>${esc(i.commander ?? 'none named')}</td><td>${
            i.updateOverdueMinutes === null ? 'on time' : `<strong>${esc(minutesText(i.updateOverdueMinutes))} overdue</strong>`
          }</td></tr>`,
      ),
      '</tbody></table>',
    );
  }
  if (r.slos.length > 0) {
    out.push(
      '<table><tbody><tr><th>SLO</th><th>Service</th><th>Objective</th><th>Error budget</th><th>State</th></tr>',
      ...r.slos.map(
        (s) =>
          `<tr><td>${esc(s.name)}</td><td>${esc(s.service)}</td><td>${esc(`${s.objective} % over ${s.window}`)}</td><td>${esc(
            `${budgetLeftText(s.budgetLeft)}${s.exhaustsInMinutes === null ? '' : `, gone in ${minutesText(s.exhaustsInMinutes)} at this rate`}`,
          )}</td><td>${lozenge(COLOUR[s.state], SLO_STATE_LABEL[s.state])}</td></tr>`,
      ),
      '</tbody></table>',
    );
  }
  const f = r.funnel;
  const wip = f.inProgress.map((l) => `${l.name} ${l.count}`).join(' · ');
  if (f.level1Broken) {
    out.push(
      `<p><strong>Priority funnel: Stability is broken.</strong></p><ul>${f.reasons.map((x) => `<li>${esc(x.charAt(0).toUpperCase() + x.slice(1))}</li>`).join('')}</ul>`,
    );
    if (f.stop.length > 0)
      out.push(
        `<p>Scale work to pause until it is fixed: ${esc(f.stop.map((x) => `"${x.title}" (${x.id}${x.team ? `, ${x.team}` : ''})`).join('; '))}.</p>`,
      );
  } else out.push('<p><strong>Priority funnel:</strong> Stability holds.</p>');
  out.push(`<p><em>Work in progress by level: ${esc(wip)}.</em></p>`);
  if (r.postmortems.length > 0) {
    out.push(
      '<p><strong>Post-mortem action items still open:</strong></p>',
      `<ul>${r.postmortems
        .map(
          (pm) =>
            `<li>${esc(`${pm.id}, after "${pm.title}"`)}<ul>${pm.open
              .map(
                (a) =>
                  `<li>${a.overdueDays > 0 ? `<strong>${a.overdueDays} day${a.overdueDays === 1 ? '' : 's'} overdue:</strong> ` : ''}${esc(`${a.title} (${a.team}, due ${a.due}, level ${a.level})`)}</li>`,
              )
              .join('')}</ul></li>`,
        )
        .join('')}</ul>`,
    );
  }
  const p = r.period;
  out.push(
    `<p><strong>Incidents since ${esc(p.since)}:</strong> ${
      p.incidents === 0
        ? 'none.'
        : esc(
            `${p.incidents} (${p.bySeverity.map((s) => `${s.count} ${s.severity}`).join(', ')})${p.mttrMinutes === null ? '; none resolved yet' : `; mean time to resolve ${minutesText(p.mttrMinutes)}`}.`,
          )
    }</p>`,
  );
  return out;
}
