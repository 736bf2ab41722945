import type { CalendarDate } from '../domain/calendar-date.js';
import type { ProgramModel } from '../domain/program-model.js';
import { err, ok, type Result } from '../domain/result.js';
import { formatLocalDateTime } from '../engine/calendar/local-date-time.js';
import { compileNetwork, forwardPass, permute } from '../engine/cpm/compiled-network.js';
import { reachable } from '../engine/graph.js';
import { propagateDelay } from '../engine/impact/propagate-delay.js';
import { programInstance } from '../engine/plan/program-instance.js';
import { type ProgramNetwork, programNetwork } from '../engine/plan/program-network.js';
import { levelSchedule } from '../engine/rcpsp/level.js';
import type { WorkerPool } from './engine-pool/worker-pool.js';
import { type ForecastView, forecastProgram } from './forecast-program.js';
import type { PlanError } from './plan-program.js';

/** What might happen: an item takes longer, or a team has fewer people for a while. */
export type ImpactChange =
  | { readonly kind: 'slip'; readonly item: string; readonly days: number }
  | { readonly kind: 'capacity'; readonly team: string; readonly people: number; readonly from: CalendarDate; readonly to: CalendarDate };

export interface Shift {
  readonly before: string;
  readonly after: string;
  /** Working days later (negative: earlier). */
  readonly days: number;
}

/** The `impact` result; `--json` prints exactly this shape. Date-times are local ISO, as in `plan`. */
export interface ImpactReport {
  readonly program: string;
  readonly asOf: CalendarDate | null;
  readonly change: string;
  /** Deterministic: the CPM plan for a slip; the levelled plan for a change of capacity. */
  readonly basis: 'critical path' | 'levelled plan';
  readonly finish: Shift;
  readonly milestones: readonly {
    id: string;
    title: string;
    target: string | null;
    plan: Shift;
    p50: Shift | null;
    p80: Shift | null;
  }[];
  /** Work that waits, directly or not, on the changed item (or on the team's work in that window). */
  readonly downstream: { readonly items: number; readonly teams: readonly { team: string; name: string; items: readonly string[] }[] };
  readonly forecast: { trials: number; seed: number } | null;
}

export interface ImpactRequest {
  readonly asOf?: CalendarDate;
  readonly trials: number;
  readonly seed: number;
  readonly pool?: WorkerPool;
  /** Levelling budget for a change of capacity. */
  readonly schedules?: number;
}

export type ImpactError = PlanError | { kind: 'unknown'; message: string };

export async function programImpact(
  model: ProgramModel,
  change: ImpactChange,
  request: ImpactRequest,
): Promise<Result<ImpactReport, ImpactError>> {
  const built = programNetwork(model, request.asOf !== undefined ? { asOf: request.asOf } : {});
  if (!built.ok) return err({ kind: 'calendar', message: built.error.problems.map((p) => p.message).join('; ') });
  const pn = built.value;
  const perDay = pn.calendar.minutesPerDay;
  // As in plan: a finish at time 0 is the program's start.
  const at = (offset: number) => formatLocalDateTime(pn.calendar.dateTimeAt(offset, offset === 0 ? 'start' : 'end'));
  const shift = (before: number, after: number): Shift => ({
    before: at(before),
    after: at(after),
    days: round((after - before) / perDay),
  });
  const milestoneIds = pn.items.flatMap((item, v) => (item.kind === 'milestone' ? [v] : []));

  let deterministic: { finish: Shift; milestones: Shift[]; downstream: Uint8Array };
  let basis: ImpactReport['basis'];
  let changed: ProgramModel = model;
  let extraDays: ReadonlyMap<string, number> | undefined;
  if (change.kind === 'slip') {
    const v = pn.items.findIndex((i) => i.id === change.item);
    if (v < 0) return err({ kind: 'unknown', message: `no item or milestone "${change.item}"` });
    const compiled = compileNetwork(pn.network);
    if (!compiled.ok) return err({ kind: 'cycle', path: (compiled.error.cycles[0] ?? []).map((u) => pn.items[u]?.id ?? String(u)) });
    const c = compiled.value;
    const duration = permute(pn.network.duration, c.original);
    const es = new Float64Array(c.n);
    const ef = new Float64Array(c.n);
    const finish = forwardPass(c, duration, 0, es, ef);
    const k = c.positionOf[v] as number;
    const after = propagateDelay(c, duration, es, ef, 0, new Map([[k, Math.max(0, (duration[k] as number) + change.days * perDay)]]));
    deterministic = {
      finish: shift(finish, after.finish),
      milestones: milestoneIds.map((m) => shift(ef[c.positionOf[m] as number] as number, after.ef[c.positionOf[m] as number] as number)),
      downstream: reachable(pn.network.graph, v, 'downstream'),
    };
    deterministic.downstream[v] = 0;
    basis = 'critical path';
    extraDays = new Map([[change.item, change.days]]);
  } else {
    const team = model.teams.find((t) => t.id === change.team);
    if (!team) return err({ kind: 'unknown', message: `no team "${change.team}"` });
    changed = {
      ...model,
      teams: model.teams.map((t) =>
        t.id === team.id
          ? {
              ...t,
              exceptions: [
                ...t.exceptions,
                { from: change.from, to: change.to, capacity: Math.max(0, t.capacity - change.people), reason: 'impact analysis' },
              ],
            }
          : t,
      ),
    };
    const levelled = (m: ProgramModel) => levelledDates(m, pn, request.schedules ?? 500, request.seed);
    const before = levelled(model);
    const afterPlan = levelled(changed);
    if (!before.ok) return before;
    if (!afterPlan.ok) return afterPlan;
    // Downstream: the team's work that the levelled plan has running in the window, and all that waits on it.
    const from = pn.calendar.offsetOf(`${change.from}T00:00`);
    const to = pn.calendar.offsetOf(`${change.to}T23:59`);
    const inWindow = pn.items.flatMap((item, v) =>
      item.team === team.id && (before.value.finish[v] as number) > from && (before.value.start[v] as number) < to ? [v] : [],
    );
    const downstream = downstreamOf(pn, inWindow);
    deterministic = {
      finish: shift(before.value.makespan, afterPlan.value.makespan),
      milestones: milestoneIds.map((m) => shift(before.value.finish[m] as number, afterPlan.value.finish[m] as number)),
      downstream,
    };
    basis = 'levelled plan';
  }

  let p: { before: ForecastView; after: ForecastView } | undefined;
  if (request.trials > 0 && request.pool) {
    const base = { trials: request.trials, seed: request.seed, ...(request.asOf !== undefined ? { asOf: request.asOf } : {}) };
    const level = change.kind === 'capacity' ? { level: true } : {};
    const before = await forecastProgram(model, request.pool, { ...base, ...level });
    if (!before.ok) return before;
    // The same seed on both sides: the difference is the change's, not sampling noise.
    const after = await forecastProgram(changed, request.pool, { ...base, ...level, ...(extraDays ? { extraDays } : {}) });
    if (!after.ok) return after;
    p = { before: before.value, after: after.value };
  }
  const workingDaysBetween = (a: string, b: string) =>
    round((pn.calendar.offsetOf(b.slice(0, 16)) - pn.calendar.offsetOf(a.slice(0, 16))) / perDay);
  const forecastShift = (k: number, key: 'p50' | 'p80'): Shift | null => {
    const before = p?.before.milestones[k]?.[key];
    const after = p?.after.milestones[k]?.[key];
    return before && after ? { before, after, days: workingDaysBetween(before, after) } : null;
  };
  const waiting = workByTeam(model, pn, deterministic.downstream);
  return ok({
    program: model.program.id,
    asOf: request.asOf ?? null,
    change: describe(change, model),
    basis,
    finish: deterministic.finish,
    milestones: milestoneIds.map((m, k) => ({
      id: pn.items[m]?.id as string,
      title: pn.items[m]?.title as string,
      target: pn.items[m]?.target ?? null,
      plan: deterministic.milestones[k] as Shift,
      p50: forecastShift(k, 'p50'),
      p80: forecastShift(k, 'p80'),
    })),
    downstream: { items: waiting.reduce((sum, t) => sum + t.items.length, 0), teams: waiting },
    forecast: p ? { trials: request.trials, seed: request.seed } : null,
  });
}

/** Everything that waits, directly or not, on an item or on any of a team's open work: the blast radius. */
export interface BlastRadius {
  readonly program: string;
  readonly of: string;
  /** Waiting work, grouped by its team, most affected first; the changed team's own work is left out. */
  readonly teams: readonly { team: string; name: string; items: readonly string[] }[];
  readonly items: number;
  /** Milestones among the waiting work. */
  readonly milestones: readonly string[];
}

export function blastRadius(model: ProgramModel, of: { item: string } | { team: string }): Result<BlastRadius, ImpactError> {
  const built = programNetwork(model);
  if (!built.ok) return err({ kind: 'calendar', message: built.error.problems.map((p) => p.message).join('; ') });
  const pn = built.value;
  let reached: Uint8Array;
  if ('item' in of) {
    const v = pn.items.findIndex((i) => i.id === of.item);
    if (v < 0) return err({ kind: 'unknown', message: `no item or milestone "${of.item}"` });
    reached = downstreamOf(pn, [v]);
    reached[v] = 0;
  } else {
    if (!model.teams.some((t) => t.id === of.team)) return err({ kind: 'unknown', message: `no team "${of.team}"` });
    reached = downstreamOf(
      pn,
      pn.items.flatMap((item, v) => (item.team === of.team && item.state !== 'done' && item.state !== 'cancelled' ? [v] : [])),
    );
  }
  const milestones = pn.items.flatMap((item, v) => (reached[v] === 1 && item.kind === 'milestone' ? [item.id as string] : []));
  const teams = workByTeam(model, pn, reached, 'team' in of ? of.team : undefined);
  return ok({
    program: model.program.id,
    of: 'item' in of ? `item "${of.item}"` : `team ${model.teams.find((t) => t.id === of.team)?.name ?? of.team}`,
    teams,
    items: teams.reduce((sum, t) => sum + t.items.length, 0),
    milestones,
  });
}

/** Everything downstream of any of `starts` (themselves included). */
function downstreamOf(pn: ProgramNetwork, starts: readonly number[]): Uint8Array {
  const reached = new Uint8Array(pn.items.length);
  for (const v of starts) {
    const reach = reachable(pn.network.graph, v, 'downstream');
    for (let u = 0; u < reach.length; u++) if (reach[u] === 1) reached[u] = 1;
  }
  return reached;
}

/**
 * The work in `reached`, grouped by team, most first. Milestones are reported on their own and
 * epics are containers of the work listed, so both are left out; so is `exceptTeam`'s own work.
 */
function workByTeam(
  model: ProgramModel,
  pn: ProgramNetwork,
  reached: Uint8Array,
  exceptTeam?: string,
): { team: string; name: string; items: string[] }[] {
  const teamName = new Map(model.teams.map((t) => [t.id as string, t.name]));
  const byTeam = new Map<string, string[]>();
  pn.items.forEach((item, v) => {
    if (reached[v] !== 1 || item.kind === 'milestone' || pn.children.has(v) || (exceptTeam !== undefined && item.team === exceptTeam))
      return;
    const key = item.team ?? '';
    byTeam.set(key, [...(byTeam.get(key) ?? []), item.id]);
  });
  return [...byTeam]
    .map(([team, items]) => ({ team, name: team === '' ? 'no team' : (teamName.get(team) ?? team), items }))
    .sort((a, b) => b.items.length - a.items.length || (a.team < b.team ? -1 : 1));
}

const round = (x: number) => Math.round(x * 100) / 100;

function describe(change: ImpactChange, model: ProgramModel): string {
  if (change.kind === 'slip') return `"${change.item}" slips ${change.days} working day${change.days === 1 ? '' : 's'}`;
  const name = model.teams.find((t) => t.id === change.team)?.name ?? change.team;
  return `${name} loses ${change.people} ${change.people === 1 ? 'person' : 'people'} from ${change.from} to ${change.to}`;
}

/** A levelled plan's starts and finishes (network offsets) per item, and its finish. */
function levelledDates(
  model: ProgramModel,
  pn: ProgramNetwork,
  schedules: number,
  seed: number,
): Result<{ start: Float64Array; finish: Float64Array; makespan: number }, ImpactError> {
  const inst = programInstance(model, pn);
  if (!inst.ok) return err({ kind: 'calendar', message: inst.error.map((x) => x.message).join('; ') });
  const plan = levelSchedule(inst.value, { schedules, seed });
  const perDay = pn.calendar.minutesPerDay;
  const n = pn.items.length;
  const start = new Float64Array(n);
  const finish = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    start[v] = (plan.starts[v] as number) * perDay;
    finish[v] = ((plan.starts[v] as number) + (inst.value.duration[v] as number)) * perDay;
  }
  return ok({ start, finish, makespan: plan.makespan * perDay });
}
