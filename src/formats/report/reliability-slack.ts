import { budgetLeftText, minutesText, type ReliabilitySection, SLO_STATE_LABEL, type SloState } from './reliability-section.js';

const EMOJI: Readonly<Record<SloState, string>> = {
  exhausted: ':red_circle:',
  page: ':red_circle:',
  ticket: ':large_orange_circle:',
  ok: ':large_green_circle:',
  'no-data': ':white_circle:',
};

/**
 * The reliability section as mrkdwn texts, one per Block Kit section: the headline with what is on
 * fire, then the funnel and late fixes. Only problems are listed; the rest is counted. The caller
 * escapes nothing here: `mrkdwn` is passed in, so the same escaping applies to the whole message.
 */
export function reliabilitySlack(r: ReliabilitySection, mrkdwn: (text: string) => string): string[] {
  const lines = [
    `*Reliability*\n${r.onFire ? ':fire:' : r.funnel.level1Broken ? ':warning:' : ':white_check_mark:'} *Is anything on fire?* ${mrkdwn(r.headline)}`,
  ];
  for (const i of r.openIncidents)
    lines.push(
      `• ${i.severity} *${mrkdwn(i.title)}*: ${i.status}, open ${minutesText(i.openForMinutes)}${i.commander ? `, commander ${mrkdwn(i.commander)}` : ''}${
        i.updateOverdueMinutes === null ? '' : ` :warning: update ${minutesText(i.updateOverdueMinutes)} overdue`
      }`,
    );
  const troubled = r.slos.filter((s) => s.state === 'exhausted' || s.state === 'page' || s.state === 'ticket');
  for (const s of troubled)
    lines.push(`• ${EMOJI[s.state]} *${mrkdwn(s.name)}*: ${SLO_STATE_LABEL[s.state].toLowerCase()}, ${budgetLeftText(s.budgetLeft)}`);
  const fine = r.slos.filter((s) => s.state === 'ok').length;
  const unknown = r.slos.filter((s) => s.state === 'no-data').length;
  const slos = (n: number) => `${n} SLO${n === 1 ? '' : 's'}`;
  const rest = [fine > 0 ? `${slos(fine)} within budget` : '', unknown > 0 ? `${fine > 0 ? unknown : slos(unknown)} without data yet` : ''];
  if (fine + unknown > 0) lines.push(`• ${rest.filter(Boolean).join(', ')}`);
  const out = [lines.join('\n')];

  const more: string[] = [];
  const f = r.funnel;
  if (f.level1Broken) {
    more.push(
      `:no_entry: *Stability is broken:* ${f.reasons.slice(0, 3).map(mrkdwn).join('; ')}${f.reasons.length > 3 ? ` (and ${f.reasons.length - 3} more)` : ''}.`,
    );
    if (f.stop.length > 0)
      more.push(`Pause: ${f.stop.map((x) => `*${mrkdwn(x.title)}*${x.team ? ` (${mrkdwn(x.team)})` : ''}`).join(', ')}.`);
  }
  const late = r.postmortems.flatMap((pm) => pm.open.filter((a) => a.overdueDays > 0));
  for (const a of late)
    more.push(`• :hourglass: ${a.overdueDays} day${a.overdueDays === 1 ? '' : 's'} overdue: ${mrkdwn(a.title)} (${mrkdwn(a.team)})`);
  const p = r.period;
  more.push(
    `_Incidents since ${p.since}: ${p.incidents === 0 ? 'none' : `${p.incidents} (${p.bySeverity.map((s) => `${s.count} ${s.severity}`).join(', ')})${p.mttrMinutes === null ? '' : `, mean time to resolve ${minutesText(p.mttrMinutes)}`}`}._`,
  );
  out.push(more.join('\n'));
  return out;
}
