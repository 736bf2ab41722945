import type { CalendarDate } from '../domain/calendar-date.js';
import type { ProgramModel } from '../domain/program-model.js';
import { err, ok, type Result } from '../domain/result.js';
import { formatLocalDateTime } from '../engine/calendar/local-date-time.js';
import { compileNetwork, permute } from '../engine/cpm/compiled-network.js';
import { type DurationDistribution, samplingPlan } from '../engine/forecast/duration-sampler.js';
import { type Distribution, milestoneSamples, percentilesOf, summarizeForecast } from '../engine/forecast/forecast-summary.js';
import type { ForecastModel } from '../engine/forecast/monte-carlo.js';
import { programInstance } from '../engine/plan/program-instance.js';
import { type ProgramNetwork, programNetwork } from '../engine/plan/program-network.js';
import type { WorkerPool } from './engine-pool/worker-pool.js';
import type { PlanError } from './plan-program.js';

/** The `forecast` result; `--json` prints exactly this shape. Dates are local ISO date-times. */
export interface ForecastView {
  readonly trials: number;
  readonly seed: number;
  readonly distribution: DurationDistribution;
  /** Each trial levelled by team capacity (finish and milestones); criticality is the unlevelled one. */
  readonly levelled: boolean;
  readonly finish: Record<keyof Distribution, string>;
  readonly milestones: readonly {
    id: string;
    target: string | null;
    p50: string;
    p80: string;
    p95: string;
    probabilityOnTime: number | null;
  }[];
  /** Items by criticality index (share of trials in which they were critical), highest first. */
  readonly criticality: readonly { id: string; index: number }[];
  /** Items by how strongly their duration moves the finish (correlation), highest first. */
  readonly sensitivity: readonly { id: string; score: number }[];
  /** With `curves`: each milestone's and the finish's S-curve, the date by which p % of trials were done. */
  readonly curves?: readonly { id: string; points: readonly { p: number; at: string }[] }[];
}

/** The percentiles of an S-curve: 2.5 % to 97.5 % in steps of 2.5. */
const CURVE_PERCENTS = Array.from({ length: 39 }, (_, i) => (i + 1) * 2.5);

export interface ForecastRequest {
  readonly trials: number;
  readonly seed: number;
  readonly asOf?: CalendarDate;
  readonly distribution?: DurationDistribution;
  /** Level every trial by team capacity. */
  readonly level?: boolean;
  /** Working days added to these items' optimistic, likely and pessimistic durations (impact of a slip). */
  readonly extraDays?: ReadonlyMap<string, number>;
  /** Also return each milestone's S-curve (for charts). */
  readonly curves?: boolean;
  readonly onProgress?: (done: number, total: number) => void;
}

/** A Monte Carlo forecast of a program, run on the pool's workers. */
export async function forecastProgram(
  model: ProgramModel,
  pool: WorkerPool,
  request: ForecastRequest,
): Promise<Result<ForecastView, PlanError>> {
  const built = programNetwork(model, request.asOf !== undefined ? { asOf: request.asOf } : {});
  if (!built.ok) return err({ kind: 'calendar', message: built.error.problems.map((p) => p.message).join('; ') });
  const pn = built.value;
  if (request.extraDays) addDays(pn, request.extraDays);
  const compiled = compileNetwork(pn.network);
  if (!compiled.ok) return err({ kind: 'cycle', path: (compiled.error.cycles[0] ?? []).map((v) => pn.items[v]?.id ?? String(v)) });
  const c = compiled.value;
  const distribution = request.distribution ?? 'pert';
  const milestoneIds = pn.items.flatMap((item, v) => (item.kind === 'milestone' ? [v] : []));
  let forecastModel: ForecastModel = {
    compiled: c,
    sampling: samplingPlan(
      permute(pn.optimistic, c.original),
      permute(pn.likely, c.original),
      permute(pn.pessimistic, c.original),
      distribution,
    ),
    milestones: Int32Array.from(milestoneIds, (v) => c.positionOf[v] as number),
    projectStart: 0,
  };
  if (request.level) {
    const instance = programInstance(model, pn);
    if (!instance.ok) return err({ kind: 'calendar', message: instance.error.map((p) => p.message).join('; ') });
    forecastModel = { ...forecastModel, levelling: { instance: instance.value, perDay: pn.calendar.minutesPerDay } };
  }
  const run = await pool.run({ model: forecastModel, trials: request.trials, seed: request.seed }, request.onProgress);
  const summary = summarizeForecast(
    forecastModel,
    run,
    Float64Array.from(milestoneIds, (v) => pn.target[v] as number),
  );
  const at = (offset: number) => formatLocalDateTime(pn.calendar.dateTimeAt(offset, 'end'));
  const dates = (d: Distribution) => ({ p10: at(d.p10), p50: at(d.p50), p80: at(d.p80), p90: at(d.p90), p95: at(d.p95), mean: at(d.mean) });
  const id = (v: number) => pn.items[v]?.id as string;
  const ranked = (values: Float64Array, keep: (x: number) => boolean) =>
    [...values.keys()]
      .filter((v) => keep(values[v] as number))
      .sort((a, b) => Math.abs(values[b] as number) - Math.abs(values[a] as number) || a - b);
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return ok({
    trials: summary.trials,
    seed: request.seed,
    distribution,
    levelled: request.level === true,
    finish: dates(summary.finish),
    milestones: summary.milestones.map((m, k) => {
      const v = milestoneIds[k] as number;
      const target = pn.items[v]?.target;
      return {
        id: id(v),
        target: target ?? null,
        p50: at(m.p50),
        p80: at(m.p80),
        p95: at(m.p95),
        probabilityOnTime: Number.isNaN(m.probabilityOnTime) ? null : round(m.probabilityOnTime),
      };
    }),
    criticality: ranked(summary.criticality, (x) => x > 0).map((v) => ({ id: id(v), index: round(summary.criticality[v] as number) })),
    sensitivity: ranked(summary.sensitivity, (x) => x !== 0).map((v) => ({ id: id(v), score: round(summary.sensitivity[v] as number) })),
    ...(request.curves
      ? {
          curves: [
            ...milestoneIds.map((v, k) => ({
              id: id(v),
              points: percentilesOf(milestoneSamples(run, milestoneIds.length, k), CURVE_PERCENTS).map((x, i) => ({
                p: CURVE_PERCENTS[i] as number,
                at: at(x),
              })),
            })),
            {
              id: '(finish)',
              points: percentilesOf(run.finish, CURVE_PERCENTS).map((x, i) => ({ p: CURVE_PERCENTS[i] as number, at: at(x) })),
            },
          ],
        }
      : {}),
  });
}

/** Lengthens items in a freshly built network (it is not shared) by whole working days. */
function addDays(pn: ProgramNetwork, extra: ReadonlyMap<string, number>): void {
  const perDay = pn.calendar.minutesPerDay;
  pn.items.forEach((item, v) => {
    const days = extra.get(item.id);
    if (days === undefined) return;
    for (const a of [pn.optimistic, pn.likely, pn.pessimistic, pn.network.duration]) a[v] = Math.max(0, (a[v] as number) + days * perDay);
  });
}
