import type { CalendarDate } from '../../domain/calendar-date.js';
import type { ProgramModel } from '../../domain/program-model.js';
import type { Result } from '../../domain/result.js';
import type { ForecastModel, TrialChunk } from '../../engine/forecast/monte-carlo.js';
import type { PlanError } from '../plan-program.js';
import type { PlanView } from '../plan-view.js';

/** Trials per chunk: fixed, so the split (and the result) does not depend on the number of workers. */
export const CHUNK_TRIALS = 250;

export interface ForecastJob {
  readonly model: ForecastModel;
  readonly trials: number;
  readonly seed: number;
}

/** Sizes of the chunks a job is split into, in order. */
export function chunkSizes(trials: number): number[] {
  const sizes: number[] = [];
  for (let done = 0; done < trials; done += CHUNK_TRIALS) sizes.push(Math.min(CHUNK_TRIALS, trials - done));
  return sizes;
}

/** A levelled plan run whole on one worker: levelling is seeded, so any worker gives the same plan. */
export interface PlanJob {
  readonly model: ProgramModel;
  readonly asOf?: CalendarDate;
  readonly level: { readonly schedules: number; readonly seed: number };
}

export type WorkerRequest =
  | { readonly type: 'plan'; readonly jobId: number; readonly job: PlanJob }
  | { readonly type: 'model'; readonly jobId: number; readonly model: ForecastModel }
  | { readonly type: 'chunk'; readonly jobId: number; readonly index: number; readonly trials: number; readonly seed: number }
  | { readonly type: 'forget'; readonly jobId: number };

export type WorkerReply =
  | { readonly type: 'plan'; readonly jobId: number; readonly result: Result<PlanView, PlanError> }
  | { readonly type: 'chunk'; readonly jobId: number; readonly index: number; readonly chunk: TrialChunk }
  | { readonly type: 'error'; readonly jobId: number; readonly message: string };
