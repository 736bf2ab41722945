import { addDays, type CalendarDate, daysBetween } from '../../domain/calendar-date.js';
import type { CapacityResource } from '../../domain/capacity.js';
import { err, ok, type Result } from '../../domain/result.js';
import { type DemandProjection, type ProjectionProblem, projectDemand } from './demand-projection.js';
import { addMonths } from './growth.js';
import { bindingRule, installedFor, usableCapacity } from './headroom.js';
import { fitUsage, type UsageFit, type UsageHistory } from './usage-fit.js';
import { spanWorkingDays, type WorkingDays, workingDaysAfter, workingDaysBefore, workingDaysBetween } from './working-days.js';

/** Everything a capacity plan is computed from; the what-ifs are transforms of this (see `what-if.ts`). */
export interface CapacityInput {
  readonly resource: CapacityResource;
  readonly history?: UsageHistory;
  /** The clock: the day the plan is made on. */
  readonly today: CalendarDate;
  /** Multiplies projected demand ("double the traffic" = 2); 1 by default. */
  readonly demandScale?: number;
}

export interface PlanOptions {
  /** The order covers demand this many calendar months past its arrival. */
  readonly months: number;
  /** How far ahead to look for the run-out, in days; 5 years by default. */
  readonly horizonDays?: number;
}

export interface CapacityOrder {
  /** Amount to order, in the resource's unit, a whole multiple of the order unit; 0 when none is needed. */
  readonly quantity: number;
  /** The day the order is placed in this plan: the order-by date, or today when that has passed. */
  readonly orderOn: CalendarDate;
  /** When the order is in service: the run-out day when ordered by the order-by date, else today plus lead time and margin. */
  readonly arrival: CalendarDate;
  /** The order covers demand up to this day (arrival + N months). */
  readonly coverUntil: CalendarDate;
  /** The highest projected demand from today to `coverUntil`. */
  readonly peakDemand: number;
  readonly installedAfter: number;
  readonly usableAfter: number;
  /** The first day demand exceeds the usable capacity after the order; undefined past the horizon. */
  readonly runsOutAgain?: CalendarDate;
}

export interface CapacityPlan {
  readonly resourceId: string;
  readonly unit: string;
  readonly today: CalendarDate;
  readonly installed: number;
  readonly usable: number;
  readonly binding: ReturnType<typeof bindingRule>;
  /** Current usage and the day it is of (the projection's start). */
  readonly current: { readonly date: CalendarDate; readonly value: number };
  /** Current usage as a share of installed and of usable capacity, 0..1+. */
  readonly utilisation: number;
  readonly usableShare: number;
  readonly projection: Omit<DemandProjection, 'at'>;
  /** Both fits of the history when it has 3 samples or more, for comparison whatever the model. */
  readonly fits: { readonly linear?: UsageFit; readonly exponential?: UsageFit };
  /** Lead time and margin in working days on the program calendar. */
  readonly leadDays: number;
  readonly marginDays: number;
  /** The first day projected demand exceeds usable capacity; undefined when not within the horizon. */
  readonly runOut?: CalendarDate;
  /** The last working day to order for delivery by the run-out day. */
  readonly orderBy?: CalendarDate;
  /** Calendar and working days from today to the order-by date (negative when late). */
  readonly daysUntilOrderBy?: number;
  readonly workingDaysUntilOrderBy?: number;
  /** The order-by date has passed: an order placed today arrives after the run-out. */
  readonly late: boolean;
  /** Headroom is already used up (demand above usable capacity today or earlier). */
  readonly exhausted: boolean;
  readonly order: CapacityOrder;
  readonly horizonEnd: CalendarDate;
  /** Daily projected demand from the projection's start to the end of the order's cover. */
  readonly series: { readonly start: CalendarDate; readonly demand: Float64Array };
}

export type CapacityProblem = ProjectionProblem;

const DEFAULT_HORIZON = 1827;

/** The first day in `from..to` (inclusive) where `demand(day) > usable`. */
function firstDayOver(demand: (d: CalendarDate) => number, usable: number, from: CalendarDate, to: CalendarDate): CalendarDate | undefined {
  for (let d = from; d <= to; d = addDays(d, 1)) if (demand(d) > usable) return d;
  return undefined;
}

export function planCapacity(input: CapacityInput, calendar: WorkingDays, options: PlanOptions): Result<CapacityPlan, CapacityProblem> {
  const { resource, today } = input;
  const projected = projectDemand(resource, input.history, today, input.demandScale ?? 1);
  if (!projected.ok) return err(projected.error);
  const projection = projected.value;
  const demand = projection.at;
  const installed = resource.installed;
  const usable = usableCapacity(installed, resource.headroom);
  const horizonEnd = addDays(today, options.horizonDays ?? DEFAULT_HORIZON);
  const start = projection.base.date < today ? projection.base.date : today;
  const runOut = firstDayOver(demand, usable, start, horizonEnd);
  const leadDays = spanWorkingDays(resource.leadTime, calendar.perWeek);
  const marginDays = spanWorkingDays(resource.margin, calendar.perWeek);
  const orderBy = runOut !== undefined ? workingDaysBefore(runOut, leadDays + marginDays, calendar) : undefined;
  const late = orderBy !== undefined && orderBy < today;

  const orderOn = orderBy !== undefined && !late ? orderBy : today;
  const earliest = workingDaysAfter(today, leadDays + marginDays, calendar);
  const arrival = runOut !== undefined && !late ? runOut : earliest;
  const coverUntil = addMonths(arrival, options.months);
  let peakDemand = 0;
  for (let d = start; d <= coverUntil; d = addDays(d, 1)) peakDemand = Math.max(peakDemand, demand(d));
  const unit = resource.orderUnit;
  const shortfall = installedFor(peakDemand, resource.headroom) - installed;
  // A hair of tolerance so 1e-12 of float noise does not order one more unit.
  let quantity = shortfall <= 1e-9 ? 0 : unit ? Math.ceil(shortfall / unit - 1e-9) * unit : Math.ceil(shortfall - 1e-9);
  // Invariant: the order covers the peak. At very large sizes (1e15) the division by the
  // utilisation and back can lose the last unit to rounding, so check with the same function
  // that judges it and add a unit (twice at most: the loss is under one unit of rounding).
  for (let i = 0; i < 2 && quantity > 0 && usableCapacity(installed + quantity, resource.headroom) < peakDemand; i++) quantity += unit ?? 1;
  const installedAfter = installed + quantity;
  const usableAfter = usableCapacity(installedAfter, resource.headroom);
  const runsOutAgain = quantity > 0 ? firstDayOver(demand, usableAfter, arrival, horizonEnd) : runOut;

  const fits: { linear?: UsageFit; exponential?: UsageFit } = {};
  if (input.history && input.history.timestamps.length >= 3) {
    const linear = fitUsage(input.history, 'linear');
    if (linear.ok) fits.linear = linear.value;
    const exponential = fitUsage(input.history, 'exponential');
    if (exponential.ok) fits.exponential = exponential.value;
  }

  const seriesStart = projection.base.date;
  const seriesEnd = coverUntil > (runsOutAgain ?? coverUntil) ? coverUntil : (runsOutAgain ?? coverUntil);
  const length = Math.max(1, daysBetween(seriesStart, seriesEnd) + 1);
  const series = new Float64Array(length);
  for (let i = 0; i < length; i++) series[i] = demand(addDays(seriesStart, i));

  const { at: _at, ...projectionData } = projection;
  const current = { date: projection.base.date, value: projection.base.value * projection.scale };
  return ok({
    resourceId: resource.id,
    unit: resource.unit,
    today,
    installed,
    usable,
    binding: bindingRule(installed, resource.headroom),
    current,
    utilisation: current.value / installed,
    usableShare: usable > 0 ? current.value / usable : Number.POSITIVE_INFINITY,
    projection: projectionData,
    fits,
    leadDays,
    marginDays,
    ...(runOut !== undefined ? { runOut } : {}),
    ...(orderBy !== undefined
      ? { orderBy, daysUntilOrderBy: daysBetween(today, orderBy), workingDaysUntilOrderBy: workingDaysBetween(today, orderBy, calendar) }
      : {}),
    late,
    exhausted: runOut !== undefined && runOut <= today,
    order: {
      quantity,
      orderOn,
      arrival,
      coverUntil,
      peakDemand,
      installedAfter,
      usableAfter,
      ...(runsOutAgain !== undefined ? { runsOutAgain } : {}),
    },
    horizonEnd,
    series: { start: seriesStart, demand: series },
  });
}
