import type { Incident, IncidentStatus, Severity, SeverityDefinition, TimelineKind } from '../../domain/incident.js';
import { DEFAULT_SEVERITY_DEFINITIONS } from '../../domain/incident.js';
import { clockMs, MINUTE_MS, toMs } from './instants.js';

/** What each milestone means to someone outside engineering. Notes stay out of the update. */
const PLAIN_EVENT: Partial<Record<TimelineKind, string>> = {
  detected: 'We noticed the problem',
  acknowledged: 'An engineer took charge of the response',
  mitigated: 'Customers stopped being affected',
  resolved: 'The problem was fixed',
};

const PLAIN_STATUS: Record<IncidentStatus, string> = {
  investigating: 'We are still looking for the cause.',
  identified: 'We have found the cause and are working on a fix.',
  monitoring: 'A fix is in place and we are watching to make sure it holds.',
  resolved: 'The problem is fixed.',
};

const PLAIN_SEVERITY: Record<Severity, string> = {
  SEV1: 'critical',
  SEV2: 'major',
  SEV3: 'minor',
  SEV4: 'low',
};

/** `2027-03-15 09:05 UTC`: one zone for every reader, no locale. */
export function plainTime(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

const sentence = (s: string) => {
  const t = s.trim();
  return t === '' || /[.!?]$/.test(t) ? t : `${t}.`;
};

/**
 * The executive update, drafted from the timeline: what happened, impact, current status and when
 * the next update comes. Deterministic: the same incident and `now` give the same text. Drafting it
 * means it is about to be sent, so the next update is due one cadence after `now`.
 */
export function draftExecutiveUpdate(
  incident: Incident,
  now: Date | number,
  definitions: Readonly<Record<Severity, SeverityDefinition>> = DEFAULT_SEVERITY_DEFINITIONS,
): string {
  const lines: string[] = [`${incident.title} (${PLAIN_SEVERITY[incident.severity]} incident)`, '', 'What happened:'];
  const events = incident.timeline
    .map((e, i) => ({ e, i, t: toMs(e.at) }))
    .filter(({ e }) => PLAIN_EVENT[e.kind] !== undefined)
    .sort((a, b) => a.t - b.t || a.i - b.i);
  if (events.length === 0) lines.push(`- ${plainTime(toMs(incident.startedAt))}: We opened this incident.`);
  for (const { e, t } of events) {
    const detail = e.text.trim() === '' ? '' : ` ${sentence(e.text)}`;
    lines.push(`- ${plainTime(t)}: ${PLAIN_EVENT[e.kind]}.${detail}`);
  }
  lines.push('', 'Impact:');
  const impact = incident.impact;
  if (impact === undefined) lines.push('We are still measuring the impact.');
  else {
    const parts = [sentence(impact.description)];
    if (impact.customers !== undefined) parts.push(`About ${impact.customers.toLocaleString('en-US')} customers were affected.`);
    if (impact.revenue !== undefined) parts.push(`Estimated lost revenue: ${impact.revenue.toLocaleString('en-US')}.`);
    lines.push(parts.join(' '));
  }
  if (incident.services.length > 0) lines.push(`Services affected: ${incident.services.join(', ')}.`);
  lines.push('', 'Current status:', PLAIN_STATUS[incident.status], '', 'Next update:');
  const cadence = definitions[incident.severity].updateCadenceMinutes;
  if (incident.status === 'resolved') lines.push('This is the final update. A review of what happened will follow.');
  else if (cadence === null) lines.push('We will write again when the situation changes.');
  else lines.push(`By ${plainTime(clockMs(now) + cadence * MINUTE_MS)}, or sooner if the situation changes.`);
  return lines.join('\n');
}
