import type { CalendarDate } from '../domain/calendar-date.js';
import type { ProgramModel } from '../domain/program-model.js';
import { err, ok, type Result } from '../domain/result.js';
import { formatLocalDateTime } from '../engine/calendar/local-date-time.js';
import { criticalChains } from '../engine/cpm/critical-chains.js';
import { criticalPath } from '../engine/cpm/critical-path.js';
import { PEOPLE_UNITS, programInstance } from '../engine/plan/program-instance.js';
import { type ProgramNetwork, programNetwork } from '../engine/plan/program-network.js';
import { explainDelays, levelSchedule } from '../engine/rcpsp/level.js';
import type { PlanItemView, PlanView } from './plan-view.js';
import { weeklyTeamLoad } from './team-load.js';

export type PlanError = { kind: 'calendar'; message: string } | { kind: 'cycle'; path: string[] };

/** Round working days to a minute's precision so floats print cleanly. */
const days = (minutes: number, perDay: number) => Math.round((minutes / perDay) * 1440) / 1440;

/** The critical-path plan of a program: early and late dates on its calendar, floats in working days. */
export function planProgram(
  model: ProgramModel,
  options: { asOf?: CalendarDate; nearCritical?: number; level?: { schedules: number; seed: number } } = {},
): Result<PlanView, PlanError> {
  const built = programNetwork(model, options.asOf !== undefined ? { asOf: options.asOf } : {});
  if (!built.ok) return err({ kind: 'calendar', message: built.error.problems.map((p) => p.message).join('; ') });
  const pn = built.value;
  const perDay = pn.calendar.minutesPerDay;
  const cpm = criticalPath(pn.network, { criticalThreshold: (options.nearCritical ?? 0) * perDay });
  if (!cpm.ok) return err({ kind: 'cycle', path: (cpm.error.cycles[0] ?? []).map((v) => pn.items[v]?.id ?? String(v)) });
  const c = cpm.value;
  // Many activities share dates; format each (offset, edge) once.
  const formatted = { start: new Map<number, string>(), end: new Map<number, string>() };
  const at = (offset: number, edge: 'start' | 'end') => {
    let text = formatted[edge].get(offset);
    if (text === undefined) {
      text = formatLocalDateTime(pn.calendar.dateTimeAt(offset, edge));
      formatted[edge].set(offset, text);
    }
    return text;
  };
  const items: PlanItemView[] = pn.items.map((item, v) => {
    const kids = pn.children.get(v);
    // An epic spans its work: from its earliest child's start to its roll-up finish.
    const es = kids ? Math.min(...kids.map((k) => c.earlyStart[k] as number)) : (c.earlyStart[v] as number);
    const ls = kids ? Math.min(...kids.map((k) => c.lateStart[k] as number)) : (c.lateStart[v] as number);
    // A zero-length activity (a milestone) happens at one moment: the end of the work before it.
    const startEdge = (c.earlyFinish[v] as number) === es && es > 0 ? 'end' : 'start';
    // Nothing happens before the program starts: a zero-length activity at time 0 finishes at its start.
    const finishEdge = (c.earlyFinish[v] as number) === 0 ? 'start' : 'end';
    return {
      id: item.id,
      title: item.title,
      start: at(es, startEdge),
      finish: at(c.earlyFinish[v] as number, finishEdge),
      earlyStart: at(es, startEdge),
      earlyFinish: at(c.earlyFinish[v] as number, finishEdge),
      lateStart: at(ls, (c.lateFinish[v] as number) === ls && ls > 0 ? 'end' : 'start'),
      lateFinish: at(c.lateFinish[v] as number, 'end'),
      totalFloat: days(c.totalFloat[v] as number, perDay),
      freeFloat: days(c.freeFloat[v] as number, perDay),
      critical: c.critical[v] === 1,
    };
  });
  const [longest] = criticalChains(pn.network, c);
  const plan: PlanView = {
    unit: 'datetime',
    finish: at(c.finish, 'end'),
    items,
    criticalPath: (longest ?? []).map((v) => pn.items[v]?.id as string),
  };
  return options.level ? levelProgram(model, pn, plan, options.level) : ok(plan);
}

/** The levelled plan: start and finish from levelling by team capacity; early/late stay the CPM's. */
function levelProgram(
  model: ProgramModel,
  pn: ProgramNetwork,
  plan: PlanView,
  level: { schedules: number; seed: number },
): Result<PlanView, PlanError> {
  const built = programInstance(model, pn);
  if (!built.ok) return err({ kind: 'calendar', message: built.error.map((p) => p.message).join('; ') });
  const inst = built.value;
  const levelled = levelSchedule(inst, level);
  const perDay = pn.calendar.minutesPerDay;
  const day = (period: number, edge: 'start' | 'end') => formatLocalDateTime(pn.calendar.dateTimeAt(period * perDay, edge));
  const items = plan.items.map((item, v) => {
    const s = levelled.starts[v] as number;
    const f = s + (inst.duration[v] as number);
    return { ...item, start: day(s, f === s ? 'end' : 'start'), finish: day(f, 'end') };
  });
  const teams = model.teams;
  const delays = explainDelays(inst, levelled.starts)
    .filter((d) => d.wait > 0 && d.resource !== undefined && d.activity < pn.items.length)
    .map((d) => ({
      id: pn.items[d.activity]?.id as string,
      delay: d.wait,
      resource: teams[d.resource as number]?.name ?? `team ${d.resource}`,
      busy: (d.busy ?? 0) / PEOPLE_UNITS,
      capacity: (d.capacity ?? 0) / PEOPLE_UNITS,
      need: (d.need ?? 0) / PEOPLE_UNITS,
    }))
    .sort((a, b) => b.delay - a.delay);
  const teamLoad = weeklyTeamLoad(model, pn, inst, levelled.starts);
  return ok({
    ...plan,
    finish: day(levelled.makespan, 'end'),
    items,
    levelling: { schedules: levelled.schedulesUsed, seed: level.seed, delays, teamLoad },
  });
}

export type { ProgramNetwork };
