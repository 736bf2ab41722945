import type { CalendarDate } from '../../domain/calendar-date.js';
import type { CapacityResource, DemandStep } from '../../domain/capacity.js';
import { err, ok, type Result } from '../../domain/result.js';
import { growthFactor } from './growth.js';
import { type FitProblem, fitUsage, fitValue, type UsageFit, type UsageHistory } from './usage-fit.js';

/**
 * Projected demand per day. `base` is the day the projection starts from (the day of the current
 * usage, or of the last sample for a fit): steps on or before it are already in the usage and are
 * not added again; steps after it add their amount from their day on, flat (a launch adds 400 cores,
 * it does not grow by itself). `scale` multiplies the whole projection ("double the traffic").
 */
export interface DemandProjection {
  readonly model: CapacityResource['demand']['model'];
  readonly base: { readonly date: CalendarDate; readonly value: number };
  /** The steps that add after `base`, in date order. */
  readonly steps: readonly DemandStep[];
  readonly scale: number;
  /** For the fit models, the fit the projection follows. */
  readonly fit?: UsageFit;
  /** Compound growth in force (0 % when the resource gives none). */
  readonly growth?: { readonly percent: number; readonly per: NonNullable<CapacityResource['demand']['growth']>['per'] };
  /** Demand on a day, in the resource's unit. */
  at(date: CalendarDate): number;
}

export type ProjectionProblem =
  | { readonly kind: 'no-usage'; readonly message: string }
  | (FitProblem & { readonly model: 'linear-fit' | 'exponential-fit' });

/** The UTC day of an instant: usage samples are placed on the calendar by their UTC date. */
export function dayOf(ms: number): CalendarDate {
  return new Date(ms).toISOString().slice(0, 10) as CalendarDate;
}

/** Milliseconds at the start (UTC) of a day. */
export function msOf(date: CalendarDate): number {
  return Date.parse(`${date}T00:00:00Z`);
}

export function projectDemand(
  resource: CapacityResource,
  history: UsageHistory | undefined,
  today: CalendarDate,
  scale = 1,
): Result<DemandProjection, ProjectionProblem> {
  const n = history?.timestamps.length ?? 0;
  const last = n > 0 && history ? { date: dayOf(history.timestamps[n - 1] as number), value: history.values[n - 1] as number } : undefined;
  const model = resource.demand.model;
  let base: { date: CalendarDate; value: number };
  let fit: UsageFit | undefined;
  let trend: (date: CalendarDate) => number;
  let growth: DemandProjection['growth'];
  if (model === 'compound') {
    const value = resource.used ?? last?.value;
    if (value === undefined) {
      return err({
        kind: 'no-usage',
        message: `capacity resource "${resource.id}" has no current usage: give used (and asOf) in the program, or upload a usage history`,
      });
    }
    const date = resource.used !== undefined ? (resource.asOf ?? today) : (last?.date ?? today);
    base = { date, value };
    growth = { percent: resource.demand.growth?.percent ?? 0, per: resource.demand.growth?.per ?? 'month' };
    const g = growth;
    trend = (d) => value * growthFactor(g.percent, g.per, date, d);
  } else {
    const kind = model === 'linear-fit' ? 'linear' : 'exponential';
    if (!history || !last) {
      return err({
        kind: 'too-few-samples',
        model,
        message: `capacity resource "${resource.id}" projects demand by ${kind === 'linear' ? 'a linear' : 'an exponential'} fit but has no usage history: upload a CSV (timestamp,value) or set source.prometheus and refresh`,
      });
    }
    const fitted = fitUsage(history, kind);
    if (!fitted.ok) return err({ ...fitted.error, model, message: `capacity resource "${resource.id}": ${fitted.error.message}` });
    const f = fitted.value;
    fit = f;
    base = { date: last.date, value: fitValue(f, msOf(last.date)) };
    trend = (d) => fitValue(f, msOf(d));
  }
  const steps = resource.demand.steps.filter((s) => s.on > base.date).sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  const at = (date: CalendarDate) => {
    let v = trend(date);
    for (const s of steps) if (s.on <= date) v += s.add;
    return scale * v;
  };
  return ok({ model, base, steps, scale, ...(fit ? { fit } : {}), ...(growth ? { growth } : {}), at });
}
