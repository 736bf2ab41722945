/**
 * "Order" turns a resource's plan into a procurement item in the program, as one change set:
 * the item is the delivery — its duration is the lead time and margin, it may start on the order-by
 * date and must finish by the run-out day (its deadline) — so the plan and the existing
 * `order-overdue` rule compute the same order-by date as the capacity plan. Tags `capacity` and
 * `capacity:<resource>` tie it to the resource, which then counts as ordered.
 */
import type { CalendarDate } from '../../domain/calendar-date.js';
import type { CapacityResource } from '../../domain/capacity.js';
import type { ProgramId } from '../../domain/ids.js';
import type { ProgramModel } from '../../domain/program-model.js';
import { err, ok, type Result } from '../../domain/result.js';
import type { WorkItem } from '../../domain/work-item.js';
import type { ChangeMeta, ProgramStore, SaveResult } from '../../store/program-store.js';
import { type EditError, editEntity } from '../edit-program.js';
import { capacityResourceDetail, orderItemOf, type PlanFigures, resourceTag } from './capacity-view.js';

export type OrderError =
  | EditError
  | { readonly kind: 'no-resource'; readonly message: string }
  | { readonly kind: 'calendar'; readonly message: string }
  | { readonly kind: 'no-plan'; readonly message: string }
  | { readonly kind: 'nothing-to-order'; readonly message: string }
  | { readonly kind: 'already-ordered'; readonly item: string; readonly message: string };

export interface OrderOptions {
  readonly today: CalendarDate;
  readonly months: number;
}

const number = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 1 });

/** A free item id: `order-<resource>`, then `-2`, `-3`… (ids are at most 64 characters). */
function itemId(model: ProgramModel, resource: string): string {
  const base = `order-${resource}`.slice(0, 58);
  const taken = new Set(model.items.map((i) => i.id as string));
  if (!taken.has(base)) return base;
  for (let k = 2; ; k++) if (!taken.has(`${base}-${k}`)) return `${base}-${k}`;
}

/** The procurement item for a plan: what to order, by when, and why, in words a buyer can act on. */
export function orderItem(model: ProgramModel, resource: CapacityResource, plan: PlanFigures, months: number): Record<string, unknown> {
  const o = plan.order;
  const name = resource.name ?? resource.id;
  const unit = resource.unit;
  const growth =
    plan.model === 'compound'
      ? `compound growth of ${plan.growth?.percent ?? 0} % a ${plan.growth?.per ?? 'month'}`
      : `a ${plan.model === 'linear-fit' ? 'linear' : 'exponential'} fit of the usage history`;
  const headroom = resource.headroom;
  const policy = [
    headroom.maxUtilisation !== undefined ? `at most ${headroom.maxUtilisation} % utilisation` : '',
    headroom.redundancy ? `N+${headroom.redundancy.k} of ${number(headroom.redundancy.unitSize)} ${unit}` : '',
  ]
    .filter(Boolean)
    .join(' and ');
  const description = [
    `Order ${number(o.quantity)} ${unit} for ${name}${resource.vendor ? ` from ${resource.vendor}` : ''} by ${plan.orderBy}.`,
    `Usage ${number(plan.current.value)} ${unit} on ${plan.current.date} of ${number(plan.installed)} installed (${number(plan.usable)} usable under ${policy}); with ${growth} headroom runs out on ${plan.runOut}.`,
    `Lead time ${plan.leadDays} working days plus ${plan.marginDays} margin on the program calendar gives the order-by date ${plan.orderBy}.`,
    `The order covers ${months} months past arrival, to ${o.coverUntil} (peak ${number(o.peakDemand)} ${unit}): ${number(o.installedAfter)} ${unit} installed, ${number(o.usableAfter)} usable${o.runsOutAgain ? `, running out again on ${o.runsOutAgain}` : ''}.`,
  ].join('\n');
  return {
    id: itemId(model, resource.id),
    title: `Order ${number(o.quantity)} ${unit}: ${name}`,
    kind: 'procurement',
    description,
    ...(resource.team ? { team: resource.team } : {}),
    ...(resource.vendor ? { vendor: resource.vendor } : {}),
    estimate: plan.leadDays + plan.marginDays,
    ...(plan.orderBy ? { startNoEarlierThan: plan.orderBy } : {}),
    ...(plan.runOut ? { deadline: plan.runOut } : {}),
    priority: 4,
    tags: ['capacity', resourceTag(resource.id)],
    ...(resource.services.length > 0 ? { services: resource.services } : {}),
  };
}

export interface OrderPlaced {
  readonly item: WorkItem;
  readonly etag: string;
  readonly saved: SaveResult;
  readonly plan: PlanFigures;
}

export async function orderCapacity(
  store: ProgramStore,
  programId: ProgramId,
  resourceId: string,
  options: OrderOptions,
  meta: ChangeMeta,
  usage: Parameters<typeof capacityResourceDetail>[2],
): Promise<Result<OrderPlaced, OrderError>> {
  const model = await store.readProgram(programId);
  if (!model) return err({ kind: 'no-program' });
  const detail = capacityResourceDetail(model, resourceId, usage, options);
  if (!detail.ok) return err(detail.error);
  const resource = model.capacity.find((r) => r.id === resourceId) as CapacityResource;
  const existing = orderItemOf(model, resourceId);
  if (existing && existing.state !== 'done') {
    return err({
      kind: 'already-ordered',
      item: existing.id,
      message: `capacity resource "${resourceId}" already has order item "${existing.id}" (${existing.state}); update it, or cancel it before ordering again`,
    });
  }
  const plan = detail.value.plan;
  if (!plan) return err({ kind: 'no-plan', message: detail.value.problem ?? 'no plan' });
  if (plan.order.quantity <= 0) {
    return err({
      kind: 'nothing-to-order',
      message: `capacity resource "${resourceId}" needs no order: its usable capacity covers the projected demand to ${plan.order.coverUntil}`,
    });
  }
  const created = await editEntity(
    store,
    programId,
    'item',
    { op: 'create', value: orderItem(model, resource, plan, options.months) },
    meta,
  );
  if (!created.ok) return err(created.error);
  return ok({ item: created.value.value as WorkItem, etag: created.value.etag as string, saved: created.value.saved, plan });
}
