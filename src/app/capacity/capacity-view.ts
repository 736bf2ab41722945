/**
 * The capacity view of a program on a day: per resource, usable capacity, projected demand, the
 * run-out and order-by dates, what to order for N months, the fit of the history, the what-ifs, and
 * the order item already in the program. Pure over the model and the stored usage; the day is passed in.
 */
import { type CalendarDate, daysBetween } from '../../domain/calendar-date.js';
import type { CapacityResource } from '../../domain/capacity.js';
import type { ProgramId } from '../../domain/ids.js';
import type { ProgramModel } from '../../domain/program-model.js';
import { err, ok, type Result } from '../../domain/result.js';
import { suggestion } from '../../domain/suggest.js';
import type { WorkItem } from '../../domain/work-item.js';
import { WorkingCalendar } from '../../engine/calendar/working-calendar.js';
import { type CapacityPlan, planCapacity } from '../../engine/capacity/capacity-plan.js';
import { fitPerMonth, fitValue, type UsageFit } from '../../engine/capacity/usage-fit.js';
import { applyWhatIf, describeWhatIf, type WhatIf } from '../../engine/capacity/what-if.js';
import { type WorkingDays, workingDaysOf } from '../../engine/capacity/working-days.js';
import type { CapacityState } from '../../engine/insights/insight-input.js';
import { programCalendar } from '../../engine/plan/program-calendar.js';
import type { UsageSeries } from '../../formats/usage-csv/read-usage-csv.js';

export type Rag = 'red' | 'amber' | 'green';

/** Working days before the order-by date that turn a resource red (order now) and amber (prepare the order). */
export const RED_WITHIN = 10;
export const AMBER_WITHIN = 40;

/** The two what-ifs the issue names, shown on every resource. */
export const STANDARD_WHAT_IFS: readonly WhatIf[] = [
  { kind: 'demand', factor: 2 },
  { kind: 'lead-slip', span: { weeks: 4 } },
];

export interface FitView {
  readonly kind: UsageFit['kind'];
  readonly r2: number;
  readonly rmse: number;
  readonly samples: number;
  /** % a month for the exponential fit, units a month for the linear fit. */
  readonly perMonth: number;
  /** The fitted value at each history sample. */
  readonly values?: readonly number[];
}

export interface PlanFigures {
  readonly installed: number;
  readonly usable: number;
  readonly binding: CapacityPlan['binding'];
  readonly current: { readonly date: CalendarDate; readonly value: number };
  /** Current usage over installed and over usable capacity, 0..1+. */
  readonly utilisation: number;
  readonly usableShare: number;
  readonly model: CapacityResource['demand']['model'];
  readonly growth?: { readonly percent: number; readonly per: string };
  readonly runOut: CalendarDate | null;
  readonly orderBy: CalendarDate | null;
  readonly daysUntilOrderBy: number | null;
  readonly workingDaysUntilOrderBy: number | null;
  /** Calendar days from today to the run-out; negative when already out. */
  readonly daysUntilRunOut: number | null;
  readonly late: boolean;
  readonly exhausted: boolean;
  readonly leadDays: number;
  readonly marginDays: number;
  readonly order: {
    readonly quantity: number;
    readonly orderOn: CalendarDate;
    readonly arrival: CalendarDate;
    readonly coverUntil: CalendarDate;
    readonly peakDemand: number;
    readonly installedAfter: number;
    readonly usableAfter: number;
    readonly runsOutAgain: CalendarDate | null;
  };
}

export interface WhatIfView {
  readonly label: string;
  readonly whatIf: WhatIf;
  readonly runOut: CalendarDate | null;
  readonly orderBy: CalendarDate | null;
  readonly late: boolean;
  readonly quantity: number;
  /** Calendar days the order-by date moves against the plan (negative = earlier); null when either has none. */
  readonly orderByShift: number | null;
  readonly problem?: string;
}

export interface OrderItemRef {
  readonly id: string;
  readonly title: string;
  readonly state: WorkItem['state'];
  readonly orderedOn: CalendarDate | null;
  readonly deadline: CalendarDate | null;
}

export interface CapacityResourceView {
  readonly id: string;
  readonly name: string;
  readonly unit: string;
  readonly team: string | null;
  readonly vendor: string | null;
  readonly services: readonly string[];
  readonly history: { readonly samples: number; readonly from: string | null; readonly to: string | null };
  readonly rag: Rag;
  /** One sentence a TPM can paste: what to do by when. */
  readonly headline: string;
  readonly plan: PlanFigures | null;
  /** Why no plan could be made (no usage, a fit that cannot be made). */
  readonly problem: string | null;
  readonly fits: { readonly linear: FitView | null; readonly exponential: FitView | null };
  readonly whatIfs: readonly WhatIfView[];
  readonly orderItem: OrderItemRef | null;
}

export interface CapacityResourceDetail extends CapacityResourceView {
  /** Usage samples (ms since the epoch, value). */
  readonly usage: { readonly t: readonly number[]; readonly v: readonly number[] };
  /** Daily projected demand from `start`. */
  readonly projection: { readonly start: CalendarDate; readonly values: readonly number[] } | null;
  /** The same under each what-if, in the order of `whatIfs`. */
  readonly whatIfProjections: readonly ({ readonly start: CalendarDate; readonly values: readonly number[] } | null)[];
}

export interface CapacityView {
  readonly today: CalendarDate;
  readonly months: number;
  readonly resources: readonly CapacityResourceView[];
  readonly counts: { readonly red: number; readonly amber: number; readonly green: number };
}

export interface CapacityViewOptions {
  readonly today: CalendarDate;
  /** The order covers this many months past arrival. */
  readonly months: number;
  /** Extra what-ifs beyond the two standard ones. */
  readonly whatIfs?: readonly WhatIf[];
}

export type CapacityViewError =
  | { readonly kind: 'calendar'; readonly message: string }
  | { readonly kind: 'no-resource'; readonly message: string };

const TAG = 'capacity';

/** The tag that ties an order item to its resource, beside the plain `capacity` tag. */
export const resourceTag = (id: string) => `${TAG}:${id}`;

/** The program calendar's working days. */
export function programWorkingDays(model: ProgramModel, today: CalendarDate): Result<WorkingDays, CapacityViewError> {
  const compiled = WorkingCalendar.compile(programCalendar(model.program), today);
  if (!compiled.ok) return err({ kind: 'calendar', message: compiled.error.map((p) => p.message).join('; ') });
  return ok(workingDaysOf(compiled.value));
}

/** The order item for a resource: a procurement or long-lead item tagged `capacity:<id>` that is not cancelled. */
export function orderItemOf(model: ProgramModel, id: string): WorkItem | undefined {
  const tag = resourceTag(id);
  const items = model.items.filter(
    (i) => (i.kind === 'procurement' || i.kind === 'long-lead') && i.state !== 'cancelled' && i.tags.includes(tag),
  );
  // The latest open one when several: an earlier order may be delivered already.
  return items.find((i) => i.state !== 'done') ?? items[items.length - 1];
}

function fitView(fit: UsageFit | undefined, usage: UsageSeries | undefined, withValues: boolean): FitView | null {
  if (!fit) return null;
  return {
    kind: fit.kind,
    r2: fit.r2,
    rmse: fit.rmse,
    samples: fit.samples,
    perMonth: fitPerMonth(fit),
    ...(withValues && usage ? { values: Array.from(usage.timestamps, (t) => fitValue(fit, t)) } : {}),
  };
}

function figures(plan: CapacityPlan): PlanFigures {
  const p = plan.projection;
  return {
    installed: plan.installed,
    usable: plan.usable,
    binding: plan.binding,
    current: plan.current,
    utilisation: plan.utilisation,
    usableShare: plan.usableShare,
    model: p.model,
    ...(p.growth ? { growth: p.growth } : {}),
    runOut: plan.runOut ?? null,
    orderBy: plan.orderBy ?? null,
    daysUntilOrderBy: plan.daysUntilOrderBy ?? null,
    workingDaysUntilOrderBy: plan.workingDaysUntilOrderBy ?? null,
    daysUntilRunOut: plan.runOut !== undefined ? daysBetween(plan.today, plan.runOut) : null,
    late: plan.late,
    exhausted: plan.exhausted,
    leadDays: plan.leadDays,
    marginDays: plan.marginDays,
    order: { ...plan.order, runsOutAgain: plan.order.runsOutAgain ?? null },
  };
}

const fmt = (n: number) => (Math.abs(n) >= 100 ? Math.round(n).toLocaleString('en-US') : String(Math.round(n * 10) / 10));

/** An order item counts once it is placed (orderedOn, or work on it started): before that the order-by date still matters. */
const placed = (item: WorkItem | undefined) =>
  item !== undefined && (item.orderedOn !== undefined || item.state === 'in-progress' || item.state === 'done');

function ragOf(plan: CapacityPlan, item: WorkItem | undefined): Rag {
  if (plan.exhausted) return 'red';
  if (plan.orderBy === undefined) return 'green';
  if (placed(item)) return 'green';
  const left = plan.workingDaysUntilOrderBy ?? 0;
  if (plan.late || left <= RED_WITHIN) return 'red';
  return left <= AMBER_WITHIN ? 'amber' : 'green';
}

function headlineOf(resource: CapacityResource, plan: CapacityPlan, item: WorkItem | undefined, months: number): string {
  const unit = resource.unit;
  const qty = `${fmt(plan.order.quantity)} ${unit}`;
  if (plan.exhausted && plan.runOut !== undefined) {
    return `Out of headroom since ${plan.runOut}: demand ${fmt(plan.current.value)} ${unit} is over the usable ${fmt(plan.usable)}; ${item ? `order ${item.id} is open` : `order ${qty} now (arrives ${plan.order.arrival})`}.`;
  }
  if (plan.runOut === undefined) return `Headroom lasts past ${plan.horizonEnd}; no order needed.`;
  if (item) {
    return `Headroom runs out ${plan.runOut}; order ${item.id} ${item.orderedOn ? `placed ${item.orderedOn}` : `not yet placed (order by ${plan.orderBy})`}.`;
  }
  if (plan.late) {
    return `Order-by date ${plan.orderBy} has passed: headroom runs out ${plan.runOut}, an order today arrives ${plan.order.arrival}. Order ${qty} now.`;
  }
  return `Order ${qty} by ${plan.orderBy} (${plan.workingDaysUntilOrderBy} working days): headroom runs out ${plan.runOut}; that covers ${months} months, to ${plan.order.coverUntil}.`;
}

const seriesOf = (plan: CapacityPlan) => ({ start: plan.series.start, values: Array.from(plan.series.demand) });

function resourceView(
  model: ProgramModel,
  resource: CapacityResource,
  usage: UsageSeries | undefined,
  calendar: WorkingDays,
  options: CapacityViewOptions,
  detail: boolean,
): CapacityResourceDetail {
  const input = { resource, today: options.today, ...(usage ? { history: usage } : {}) };
  const result = planCapacity(input, calendar, { months: options.months });
  const item = orderItemOf(model, resource.id);
  const n = usage?.timestamps.length ?? 0;
  const base = {
    id: resource.id,
    name: resource.name ?? resource.id,
    unit: resource.unit,
    team: resource.team ?? null,
    vendor: resource.vendor ?? null,
    services: resource.services,
    history: {
      samples: n,
      from: n > 0 && usage ? new Date(usage.timestamps[0] as number).toISOString() : null,
      to: n > 0 && usage ? new Date(usage.timestamps[n - 1] as number).toISOString() : null,
    },
    orderItem: item
      ? { id: item.id, title: item.title, state: item.state, orderedOn: item.orderedOn ?? null, deadline: item.deadline ?? null }
      : null,
    usage: detail && usage ? { t: Array.from(usage.timestamps), v: Array.from(usage.values) } : { t: [], v: [] },
  };
  if (!result.ok) {
    return {
      ...base,
      rag: 'amber',
      headline: `No projection: ${result.error.message}.`,
      plan: null,
      problem: result.error.message,
      fits: { linear: null, exponential: null },
      whatIfs: [],
      projection: null,
      whatIfProjections: [],
    };
  }
  const plan = result.value;
  const whatIfs = [...STANDARD_WHAT_IFS, ...(options.whatIfs ?? [])];
  const changed = whatIfs.map((w) => planCapacity(applyWhatIf(input, w), calendar, { months: options.months }));
  return {
    ...base,
    rag: ragOf(plan, item),
    headline: headlineOf(resource, plan, item, options.months),
    plan: figures(plan),
    problem: null,
    fits: { linear: fitView(plan.fits.linear, usage, detail), exponential: fitView(plan.fits.exponential, usage, detail) },
    whatIfs: whatIfs.map((w, i): WhatIfView => {
      const r = changed[i];
      const label = describeWhatIf(w);
      if (!r?.ok)
        return {
          label,
          whatIf: w,
          runOut: null,
          orderBy: null,
          late: false,
          quantity: 0,
          orderByShift: null,
          problem: r?.error.message ?? '',
        };
      const p = r.value;
      return {
        label,
        whatIf: w,
        runOut: p.runOut ?? null,
        orderBy: p.orderBy ?? null,
        late: p.late,
        quantity: p.order.quantity,
        orderByShift: p.orderBy !== undefined && plan.orderBy !== undefined ? daysBetween(plan.orderBy, p.orderBy) : null,
      };
    }),
    projection: detail ? seriesOf(plan) : null,
    whatIfProjections: detail ? changed.map((r) => (r.ok ? seriesOf(r.value) : null)) : [],
  };
}

const RANK: Record<Rag, number> = { red: 0, amber: 1, green: 2 };

/** Worst first: red before amber before green, then the earliest order-by (none last). */
function worstFirst(a: CapacityResourceView, b: CapacityResourceView): number {
  const byRag = RANK[a.rag] - RANK[b.rag];
  if (byRag !== 0) return byRag;
  const ao = a.plan?.orderBy ?? '9999-12-31';
  const bo = b.plan?.orderBy ?? '9999-12-31';
  return ao < bo ? -1 : ao > bo ? 1 : a.id < b.id ? -1 : 1;
}

export function capacityView(
  model: ProgramModel,
  usage: ReadonlyMap<string, UsageSeries>,
  options: CapacityViewOptions,
): Result<CapacityView, CapacityViewError> {
  const calendar = programWorkingDays(model, options.today);
  if (!calendar.ok) return calendar;
  const resources = model.capacity
    .map((r) => {
      const {
        usage: _u,
        projection: _p,
        whatIfProjections: _w,
        ...view
      } = resourceView(model, r, usage.get(r.id), calendar.value, options, false);
      return view;
    })
    .sort(worstFirst);
  const counts = { red: 0, amber: 0, green: 0 };
  for (const r of resources) counts[r.rag]++;
  return ok({ today: options.today, months: options.months, resources, counts });
}

export function capacityResourceDetail(
  model: ProgramModel,
  id: string,
  usage: UsageSeries | undefined,
  options: CapacityViewOptions,
): Result<CapacityResourceDetail, CapacityViewError> {
  const resource = model.capacity.find((r) => r.id === id);
  if (!resource) {
    const known = model.capacity.map((r) => r.id as string);
    return err({
      kind: 'no-resource',
      message: `program ${model.program.id} has no capacity resource "${id}"; ${suggestion(id, known, 'capacity resources')}`,
    });
  }
  const calendar = programWorkingDays(model, options.today);
  if (!calendar.ok) return calendar;
  return ok(resourceView(model, resource, usage, calendar.value, options, true));
}

/** Stored usage history, as the risk rules and the report read it. */
export interface UsageReader {
  readonly usage: { readAll(program: ProgramId): Promise<readonly { resource: string; series: UsageSeries }[]> };
}

export async function usageOf(reader: UsageReader | undefined, programId: ProgramId): Promise<Map<string, UsageSeries>> {
  if (!reader) return new Map();
  return new Map((await reader.usage.readAll(programId)).map((u) => [u.resource, u.series]));
}

/** Each resource with a plan, as the capacity risk rule reads it. */
export function capacityStates(view: CapacityView): CapacityState[] {
  return view.resources.flatMap((r): CapacityState[] =>
    r.plan
      ? [
          {
            id: r.id,
            name: r.name,
            unit: r.unit,
            team: r.team,
            usable: r.plan.usable,
            runOut: r.plan.runOut,
            orderBy: r.plan.orderBy,
            workingDaysUntilOrderBy: r.plan.workingDaysUntilOrderBy,
            late: r.plan.late,
            exhausted: r.plan.exhausted,
            leadDays: r.plan.leadDays + r.plan.marginDays,
            quantity: r.plan.order.quantity,
            arrival: r.plan.order.arrival,
            ordered: r.orderItem !== null,
          },
        ]
      : [],
  );
}
