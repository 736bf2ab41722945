import type { Graph } from '../graph.js';

/** Link types as stored per edge: finish-to-start, start-to-start, finish-to-finish, start-to-finish. */
export const LINK = { FS: 0, SS: 1, FF: 2, SF: 3 } as const;
export type LinkCode = (typeof LINK)[keyof typeof LINK];

/**
 * A schedule network in one time unit chosen by the caller (PSPLIB periods, working minutes of a
 * calendar, …); CPM never converts. Activity `v` is node `v` of `graph`; edge `e` runs
 * predecessor → successor with `linkType[e]` and `lag[e]` (negative = lead).
 */
export interface ScheduleNetwork {
  readonly graph: Graph;
  readonly linkType: Uint8Array;
  readonly lag: Float64Array;
  /** Remaining duration of each activity; 0 for milestones and finished work. */
  readonly duration: Float64Array;
  /** Earliest allowed start (start-no-earlier-than, or the status date for unfinished work); -Infinity when free. */
  readonly notBefore: Float64Array;
  /** Latest allowed finish (a deadline); +Infinity when none. Can make float negative. */
  readonly finishBy: Float64Array;
  /** A start that is a fact, not a plan (work already started or done); NaN when not fixed. */
  readonly fixedStart: Float64Array;
}

/** A network with no constraints, for tests and adapters to fill in. */
export function emptyConstraints(n: number): Pick<ScheduleNetwork, 'notBefore' | 'finishBy' | 'fixedStart'> {
  return {
    notBefore: new Float64Array(n).fill(Number.NEGATIVE_INFINITY),
    finishBy: new Float64Array(n).fill(Number.POSITIVE_INFINITY),
    fixedStart: new Float64Array(n).fill(Number.NaN),
  };
}

/**
 * How much later predecessor u could be, on one link alone, without moving successor w's dates
 * (negative when the link is violated, e.g. by a fixed start). The one place the four link types
 * are spelled out for slack: free float, critical walk-back and critical chains all use it.
 */
export function linkSlackOf(type: number, lag: number, esU: number, efU: number, esW: number, efW: number): number {
  return type === LINK.FS ? esW - lag - efU : type === LINK.SS ? esW - lag - esU : type === LINK.FF ? efW - lag - efU : efW - lag - esU;
}

/**
 * The earliest start a successor of duration `d` may have on one link from predecessor u (early
 * start `esU`, early finish `efU`). The one place the four link types are spelled out for the
 * forward pass: CPM and delay propagation both use it (the Monte Carlo kernel mirrors it in WAT).
 */
export function linkStartBound(type: number, lag: number, esU: number, efU: number, d: number): number {
  return type === LINK.FS ? efU + lag : type === LINK.SS ? esU + lag : type === LINK.FF ? efU + lag - d : esU + lag - d;
}
