import { budgetLeftText, minutesText, type ReliabilitySection, SLO_STATE_LABEL, type SloState } from './reliability-section.js';

const ICON: Readonly<Record<SloState, string>> = { exhausted: '🔴', page: '🔴', ticket: '🟠', ok: '🟢', 'no-data': '⚪' };
/** A table cell: pipes escaped, line breaks folded. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/** The reliability section as Markdown lines: the headline, then only the tables that have rows. */
export function reliabilityMarkdown(r: ReliabilitySection): string[] {
  const out: string[] = ['## Reliability', '', `**Is anything on fire?** ${r.headline}`, ''];
  if (r.openIncidents.length > 0) {
    out.push('| Open incident | Severity | Status | Open for | Commander | Stakeholder update |', '|---|---|---|---|---|---|');
    for (const i of r.openIncidents) {
      const update = i.updateOverdueMinutes === null ? 'on time' : `⚠️ ${minutesText(i.updateOverdueMinutes)} overdue`;
      out.push(
        `| ${cell(i.title)} (${i.id}) | ${i.severity} | ${i.status} | ${minutesText(i.openForMinutes)} | ${cell(i.commander ?? 'none named')} | ${update} |`,
      );
    }
    out.push('');
  }
  if (r.slos.length > 0) {
    out.push('| SLO | Service | Objective | Error budget | State |', '|---|---|---|---|---|');
    for (const s of r.slos) {
      const left = s.exhaustsInMinutes === null ? '' : `, gone in ${minutesText(s.exhaustsInMinutes)} at this rate`;
      out.push(
        `| ${cell(s.name)} | ${cell(s.service)} | ${s.objective} % over ${s.window} | ${budgetLeftText(s.budgetLeft)}${left} | ${ICON[s.state]} ${SLO_STATE_LABEL[s.state]} |`,
      );
    }
    out.push('');
  }
  const wip = r.funnel.inProgress.map((l) => `${l.name} ${l.count}`).join(' · ');
  if (r.funnel.level1Broken) {
    out.push(`**Priority funnel: Stability is broken.** ${r.funnel.reasons.map((x) => `${capitalize(x)}.`).join(' ')}`, '');
    if (r.funnel.stop.length > 0)
      out.push(
        `Scale work to pause until it is fixed: ${r.funnel.stop.map((x) => `"${x.title}" (${x.id}${x.team ? `, ${x.team}` : ''})`).join(', ')}.`,
        '',
      );
  } else out.push('**Priority funnel:** Stability holds: no major incident open, no budget used up, no level-1 fix overdue.', '');
  out.push(`_Work in progress by level: ${wip}._`, '');
  if (r.postmortems.length > 0) {
    out.push('**Post-mortem action items still open:**');
    for (const pm of r.postmortems) {
      out.push(`- ${pm.id}, after "${pm.title}":`);
      for (const a of pm.open)
        out.push(
          `  - ${a.overdueDays > 0 ? `**${a.overdueDays} day${a.overdueDays === 1 ? '' : 's'} overdue**: ` : ''}${a.title} (${a.team}, due ${a.due}, level ${a.level})`,
        );
    }
    out.push('');
  }
  const p = r.period;
  out.push(
    p.incidents === 0
      ? `**Incidents since ${p.since}:** none.`
      : `**Incidents since ${p.since}:** ${p.incidents} (${p.bySeverity.map((s) => `${s.count} ${s.severity}`).join(', ')})${p.mttrMinutes === null ? '; none resolved yet' : `; mean time to resolve ${minutesText(p.mttrMinutes)}`}.`,
    '',
  );
  return out;
}

const capitalize = (s: string) => (s === '' ? s : `${s[0]?.toUpperCase()}${s.slice(1)}`);
