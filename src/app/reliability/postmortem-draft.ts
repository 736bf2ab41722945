import type { Incident, Postmortem } from '../../domain/incident.js';
import type { ProgramModel } from '../../domain/program-model.js';
import { plainTime } from '../../engine/incidents/executive-update.js';
import { incidentDurations } from '../../engine/incidents/incident-metrics.js';

/** `pm-N` for incident `inc-N`, else `pm-<incident id>`; `-2`, `-3`… when a post-mortem has that id already. */
export function postmortemIdFor(model: ProgramModel, incident: Incident): string {
  const n = /^inc-(\d+)$/.exec(incident.id)?.[1];
  const base = n === undefined ? `pm-${incident.id}` : `pm-${n}`;
  const taken = new Set(model.postmortems.map((p) => p.id as string));
  if (!taken.has(base)) return base;
  let k = 2;
  while (taken.has(`${base}-${k}`)) k++;
  return `${base}-${k}`;
}

/** The impact in one paragraph, from what the incident recorded. */
export function impactText(incident: Incident): string {
  const i = incident.impact;
  if (i === undefined) return '';
  const parts = [i.description.trim()];
  if (i.customers !== undefined) parts.push(`About ${i.customers.toLocaleString('en-US')} customers were affected.`);
  if (i.revenue !== undefined) parts.push(`Estimated lost revenue: ${i.revenue.toLocaleString('en-US')}.`);
  return parts.join(' ');
}

/**
 * The blameless template prefilled from an incident, not saved: a factual summary line to build
 * on, the impact, and the incident's timeline copied. Contributing factors, what went well and
 * poorly, luck and action items are for the review to write.
 */
export function draftPostmortem(model: ProgramModel, incident: Incident): Postmortem {
  const d = incidentDurations(incident);
  const opened = plainTime(Date.parse(incident.startedAt));
  const on = incident.services.length > 0 ? ` on ${incident.services.join(', ')}` : '';
  const lasted =
    d.timeToResolve === null
      ? `It is ${incident.status === 'resolved' ? 'resolved' : `still ${incident.status}`}.`
      : `It was resolved after ${Math.round(d.timeToResolve)} minutes.`;
  return {
    id: postmortemIdFor(model, incident) as Postmortem['id'],
    incident: incident.id as Postmortem['incident'],
    summary: `${incident.severity} incident "${incident.title}"${on}, opened ${opened}. ${lasted}`,
    impact: impactText(incident),
    timeline: incident.timeline.map((e) => ({ ...e })),
    contributingFactors: [],
    wentWell: [],
    wentPoorly: [],
    gotLucky: [],
    actionItems: [],
  };
}
