import type { CalendarDate } from '../../domain/calendar-date.js';
import { LINK_TYPES } from '../../domain/dependency.js';
import type { ProgramModel } from '../../domain/program-model.js';
import { err, ok, type Result } from '../../domain/result.js';
import type { WorkItem } from '../../domain/work-item.js';
import type { CalendarProblem } from '../calendar/calendar-definition.js';
import { WorkingCalendar } from '../calendar/working-calendar.js';
import { emptyConstraints, type ScheduleNetwork } from '../cpm/network.js';
import { buildGraph } from '../graph.js';
import { programCalendar } from './program-calendar.js';

/**
 * A program as a schedule network, in **working minutes** of the program calendar counted from the
 * program's start day. Activity `v` is `items[v]`. Epics with children are zero-length roll-up
 * nodes: each child finishes before the epic does (so links out of an epic wait for all of its
 * work), and links into an epic are passed on to its children.
 */
export interface ProgramNetwork {
  readonly network: ScheduleNetwork;
  readonly calendar: WorkingCalendar;
  readonly items: readonly WorkItem[];
  /** Three-point remaining durations in minutes; all three equal for a single-figure estimate. */
  readonly optimistic: Float64Array;
  readonly likely: Float64Array;
  readonly pessimistic: Float64Array;
  /** For each epic with children, its descendant tasks; an epic's start is its earliest child's. */
  readonly children: ReadonlyMap<number, readonly number[]>;
  /** Offset of the status date: unfinished work starts no earlier. */
  readonly asOf: number;
  /** Offset of the end of each milestone's target day; NaN when it has none. */
  readonly target: Float64Array;
}

export type ProgramNetworkError = { kind: 'calendar'; problems: CalendarProblem[] };

const FINISHED = new Set(['done', 'cancelled']);

export function programNetwork(model: ProgramModel, options: { asOf?: CalendarDate } = {}): Result<ProgramNetwork, ProgramNetworkError> {
  const compiled = WorkingCalendar.compile(programCalendar(model.program), model.program.start);
  if (!compiled.ok) return err({ kind: 'calendar', problems: compiled.error });
  const calendar = compiled.value;
  const perDay = calendar.minutesPerDay;
  const items = model.items;
  const n = items.length;
  const index = new Map(items.map((item, i) => [item.id as string, i]));
  const asOf = options.asOf === undefined ? 0 : Math.max(0, calendar.offsetOf(`${options.asOf}T00:00`));
  const dayStart = (d: string) => calendar.offsetOf(`${d}T00:00`);
  const dayEnd = (d: string) => calendar.offsetOf(`${d}T00:00`) + calendar.workingMinutesOn(d);

  const childrenOf = new Map<number, number[]>();
  items.forEach((item, i) => {
    const parent = item.parent === undefined ? undefined : index.get(item.parent);
    if (parent === undefined) return;
    const kids = childrenOf.get(parent);
    if (kids) kids.push(i);
    else childrenOf.set(parent, [i]);
  });
  const leaves = (v: number): number[] => {
    const kids = childrenOf.get(v);
    return kids ? kids.flatMap(leaves) : [v];
  };

  const optimistic = new Float64Array(n);
  const likely = new Float64Array(n);
  const pessimistic = new Float64Array(n);
  const constraints = emptyConstraints(n);
  const target = new Float64Array(n).fill(Number.NaN);
  items.forEach((item, v) => {
    if (item.kind === 'milestone' && item.target !== undefined) target[v] = dayEnd(item.target);
    if (item.startNoEarlierThan !== undefined) constraints.notBefore[v] = dayStart(item.startNoEarlierThan);
    if (item.deadline !== undefined) constraints.finishBy[v] = dayEnd(item.deadline);
    if (FINISHED.has(item.state)) {
      // Finished work takes no more time; with no actual dates it is placed at the program start.
      constraints.fixedStart[v] = 0;
      return;
    }
    if (item.state !== 'not-started' || asOf > 0) {
      constraints.notBefore[v] = Math.max(constraints.notBefore[v] as number, asOf);
    }
    if (childrenOf.has(v) || item.estimate === undefined || item.kind === 'milestone') return;
    const e = item.estimate;
    const [o, m, p] = typeof e === 'number' ? [e, e, e] : [e.optimistic, e.likely, e.pessimistic];
    // Work in progress: what is left, as remaining days or the unfinished share of the estimate.
    const left = item.remaining !== undefined ? item.remaining / Math.max(m, 1e-9) : 1 - (item.percentComplete ?? 0) / 100;
    const scale = item.state === 'in-progress' ? Math.max(0, Math.min(1, left)) : 1;
    const fixedRemaining = item.state === 'in-progress' && item.remaining !== undefined && m === 0;
    optimistic[v] = (fixedRemaining ? (item.remaining as number) : o * scale) * perDay;
    likely[v] = (fixedRemaining ? (item.remaining as number) : m * scale) * perDay;
    pessimistic[v] = (fixedRemaining ? (item.remaining as number) : p * scale) * perDay;
  });

  const from: number[] = [];
  const to: number[] = [];
  const type: number[] = [];
  const lag: number[] = [];
  const link = (a: number, b: number, t: number, l: number) => {
    from.push(a);
    to.push(b);
    type.push(t);
    lag.push(l);
  };
  for (const [epic, kids] of childrenOf) for (const kid of kids) link(kid, epic, 0, 0);
  for (const d of model.dependencies) {
    const a = index.get(d.from);
    const b = index.get(d.to);
    if (a === undefined || b === undefined) continue;
    const t = LINK_TYPES.indexOf(d.type);
    if (!childrenOf.has(b)) {
      link(a, b, t, d.lag * perDay);
      continue;
    }
    // A task that depends on its own epic would wait on itself; its epic membership already orders it.
    for (const leaf of leaves(b)) if (leaf !== a) link(a, leaf, t, d.lag * perDay);
  }
  const network: ScheduleNetwork = {
    graph: buildGraph(n, Int32Array.from(from), Int32Array.from(to)),
    linkType: Uint8Array.from(type),
    lag: Float64Array.from(lag),
    duration: likely.slice(),
    ...constraints,
  };
  const children = new Map([...childrenOf.keys()].map((epic) => [epic, leaves(epic)]));
  return ok({ network, calendar, items, optimistic, likely, pessimistic, children, asOf, target });
}
