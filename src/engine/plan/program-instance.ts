import type { ProgramModel } from '../../domain/program-model.js';
import type { Result } from '../../domain/result.js';
import { buildInstance, type InstanceProblem, type RcpspInstance } from '../rcpsp/instance.js';
import { finishToStartEdges } from './finish-to-start-edges.js';
import type { ProgramNetwork } from './program-network.js';

/**
 * A program as a resource-constrained scheduling instance, for levelling. Periods are working days
 * of the program calendar; each team is a resource whose capacity is its people, lowered on the
 * days of its exceptions; an item needs `effort` people of its team (at most the team's size, in
 * tenths of a person) for
 * its remaining duration, rounded up to whole days. Procurement and long-lead items take no people:
 * their duration is a supplier's lead time.
 *
 * Activity `n` (one past the items) is a zero-length source at day 0: start-no-earlier-than dates
 * and the status date become finish-to-start lags from it. SS, FF and SF links become finish-to-start
 * lags with the same meaning for the (rounded) durations: SS lag L = FS lag L − d(pred), FF lag L =
 * FS lag L − d(succ), SF lag L = FS lag L − d(pred) − d(succ); such lags may be negative.
 * Deadlines are not enforced by levelling; the plan's floats show where they are missed.
 */
/** Resource units per person: efforts and capacities are counted in tenths of a person (effort 0.5 = 5). */
export const PEOPLE_UNITS = 10;

export function programInstance(model: ProgramModel, pn: ProgramNetwork): Result<RcpspInstance, InstanceProblem[]> {
  const perDay = pn.calendar.minutesPerDay;
  const n = pn.items.length;
  const days = (minutes: number) => Math.ceil(minutes / perDay - 1e-9);
  const durations = [...Array.from(pn.likely, days), 0];
  const teamIndex = new Map(model.teams.map((t, r) => [t.id as string, r]));
  const capacity = model.teams.map((t) => Math.max(1, Math.round(t.capacity * PEOPLE_UNITS)));
  const demands = pn.items.map((item, v) => {
    const row = new Array<number>(model.teams.length).fill(0);
    const r = item.team === undefined ? undefined : teamIndex.get(item.team);
    // A lead time is the supplier's time, not the team's: procurement waits without taking people.
    const waits = item.kind === 'procurement' || item.kind === 'long-lead';
    if (r !== undefined && !waits && (durations[v] ?? 0) > 0)
      row[r] = Math.min(capacity[r] as number, Math.max(1, Math.round(item.effort * PEOPLE_UNITS)));
    return row;
  });
  demands.push(new Array<number>(model.teams.length).fill(0));

  const edges = finishToStartEdges(pn.network, durations, perDay);
  for (let v = 0; v < n; v++) {
    const release = Math.max(
      0,
      pn.network.notBefore[v] as number,
      Number.isNaN(pn.network.fixedStart[v] as number) ? 0 : (pn.network.fixedStart[v] as number),
    );
    edges.push([n, v, Math.max(0, Math.floor(release / perDay + 1e-9))]);
  }

  // Capacity by working day for teams with exceptions, far enough to cover any plan.
  const horizon = durations.reduce((sum, d) => sum + d, 0) + Math.ceil(pn.asOf / perDay) + 1;
  const profile = model.teams.map((team, r) => {
    if (team.exceptions.length === 0) return [];
    const row = new Array<number>(horizon).fill(capacity[r] as number);
    for (const ex of team.exceptions) {
      const first = Math.floor(pn.calendar.offsetOf(`${ex.from}T00:00`) / perDay);
      const last = Math.ceil(pn.calendar.offsetOf(`${ex.to ?? ex.from}T23:59`) / perDay);
      for (let t = Math.max(0, first); t < Math.min(horizon, last); t++)
        row[t] = Math.min(row[t] as number, Math.round(ex.capacity * PEOPLE_UNITS));
    }
    return row;
  });
  return buildInstance({
    durations,
    edges,
    demands,
    capacity,
    ...(profile.some((row) => row.length > 0) ? { profile } : {}),
    ids: [...pn.items.map((i) => i.id as string), '(start)'],
  });
}
