import type { Incident, TimelineKind } from '../../domain/incident.js';

/** Milliseconds in a minute; durations in this folder are minutes. */
export const MINUTE_MS = 60_000;

/** Epoch milliseconds of an ISO date-time the domain schema has already checked. */
export const toMs = (iso: string): number => Date.parse(iso);

export const clockMs = (now: Date | number): number => (typeof now === 'number' ? now : now.getTime());

/** The earliest timeline entry of a kind, in epoch ms; undefined when the timeline has none. */
export function firstOf(incident: Incident, kind: TimelineKind): number | undefined {
  let first: number | undefined;
  for (const e of incident.timeline) {
    if (e.kind !== kind) continue;
    const t = toMs(e.at);
    if (first === undefined || t < first) first = t;
  }
  return first;
}
