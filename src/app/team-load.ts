import { mondayOf } from '../domain/calendar-date.js';
import type { ProgramModel } from '../domain/program-model.js';
import { formatLocalDateTime } from '../engine/calendar/local-date-time.js';
import { PEOPLE_UNITS } from '../engine/plan/program-instance.js';
import type { ProgramNetwork } from '../engine/plan/program-network.js';
import type { RcpspInstance } from '../engine/rcpsp/instance.js';
import { loadProfile } from '../engine/rcpsp/level.js';

/** A team's booked work and available people in one week (Monday), in person-days, to a tenth. */
export interface TeamWeekLoad {
  readonly team: string;
  readonly week: string;
  readonly load: number;
  readonly capacity: number;
}

/** Each team's load per week when the instance's activities start at `starts` (periods = working days). */
export function weeklyTeamLoad(model: ProgramModel, pn: ProgramNetwork, inst: RcpspInstance, starts: Int32Array): TeamWeekLoad[] {
  const perDay = pn.calendar.minutesPerDay;
  const profile = loadProfile(inst, starts);
  const weekOf = (period: number) => mondayOf(formatLocalDateTime(pn.calendar.dateTimeAt(period * perDay, 'start')));
  const weeks = Array.from({ length: profile.horizon }, (_, t) => weekOf(t));
  const round = (x: number) => Math.round(x * 10) / 10;
  return model.teams.flatMap((team, r) => {
    const byWeek = new Map<string, { load: number; capacity: number }>();
    for (let t = 0; t < profile.horizon; t++) {
      const w = weeks[t] as string;
      const cell = byWeek.get(w) ?? { load: 0, capacity: 0 };
      cell.load += (profile.load[r * profile.horizon + t] as number) / PEOPLE_UNITS;
      cell.capacity += (profile.capacity[r * profile.horizon + t] as number) / PEOPLE_UNITS;
      byWeek.set(w, cell);
    }
    return [...byWeek].map(([week, cell]) => ({ team: team.id as string, week, load: round(cell.load), capacity: round(cell.capacity) }));
  });
}

/** The instance's starts (working days) for a CPM plan's early starts (working minutes); extras start at 0. */
export function startsFromEarlyStarts(inst: RcpspInstance, earlyStart: Float64Array, perDay: number): Int32Array {
  const starts = new Int32Array(inst.n);
  for (let v = 0; v < earlyStart.length && v < inst.n; v++) starts[v] = Math.floor((earlyStart[v] as number) / perDay + 1e-9);
  return starts;
}
