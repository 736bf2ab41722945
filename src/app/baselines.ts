import type { CalendarDate } from '../domain/calendar-date.js';
import type { ProgramModel } from '../domain/program-model.js';
import { err, ok, type Result } from '../domain/result.js';
import { WorkingCalendar } from '../engine/calendar/working-calendar.js';
import { programCalendar } from '../engine/plan/program-calendar.js';
import type { PlanError } from './plan-program.js';
import { planProgram } from './plan-program.js';

/** A plan frozen in a baseline: each item's planned start and finish (ISO local date-times). */
export interface FrozenPlan {
  readonly finish: string;
  readonly items: Readonly<Record<string, { start: string; finish: string }>>;
}

export function freezePlan(model: ProgramModel, asOf?: CalendarDate): Result<FrozenPlan, PlanError> {
  const plan = planProgram(model, asOf !== undefined ? { asOf } : {});
  if (!plan.ok) return plan;
  return ok({
    finish: String(plan.value.finish),
    items: Object.fromEntries(plan.value.items.map((i) => [i.id, { start: String(i.start), finish: String(i.finish) }])),
  });
}

export interface ItemVariance {
  readonly id: string;
  readonly title: string;
  readonly kind: string;
  /** added: not in the baseline; removed: only in the baseline. */
  readonly change: 'added' | 'removed' | 'moved' | 'same';
  readonly baseline: { start: string; finish: string } | null;
  readonly current: { start: string; finish: string } | null;
  /** Working days later than the baseline (negative: earlier); null when added or removed. */
  readonly startSlip: number | null;
  readonly finishSlip: number | null;
}

/** The `baseline --compare` result: every item's slip against the baseline, milestones first. */
export interface BaselineVariance {
  readonly program: string;
  readonly baseline: { name: string; createdAt: string; actor: string };
  readonly asOf: CalendarDate | null;
  readonly finish: { baseline: string; current: string; slip: number };
  readonly milestones: readonly ItemVariance[];
  readonly items: readonly ItemVariance[];
  readonly counts: { added: number; removed: number; later: number; earlier: number; same: number };
}

export function compareWithBaseline(
  model: ProgramModel,
  baseline: { name: string; createdAt: Date; actor: string; model: ProgramModel; plan: FrozenPlan },
  asOf?: CalendarDate,
): Result<BaselineVariance, PlanError> {
  const current = freezePlan(model, asOf);
  if (!current.ok) return current;
  const calendar = WorkingCalendar.compile(programCalendar(model.program), model.program.start);
  if (!calendar.ok) return err({ kind: 'calendar', message: calendar.error.map((p) => p.message).join('; ') });
  const cal = calendar.value;
  const slip = (before: string, after: string) =>
    Math.round(((cal.offsetOf(after.slice(0, 16)) - cal.offsetOf(before.slice(0, 16))) / cal.minutesPerDay) * 100) / 100;
  const then = new Map(baseline.model.items.map((i) => [i.id as string, i]));
  const now = new Map(model.items.map((i) => [i.id as string, i]));
  const rows: ItemVariance[] = [];
  for (const item of model.items) {
    const b = baseline.plan.items[item.id];
    const c = current.value.items[item.id] ?? null;
    if (!b || !then.has(item.id)) {
      rows.push({
        id: item.id,
        title: item.title,
        kind: item.kind,
        change: 'added',
        baseline: null,
        current: c,
        startSlip: null,
        finishSlip: null,
      });
      continue;
    }
    const startSlip = c ? slip(b.start, c.start) : null;
    const finishSlip = c ? slip(b.finish, c.finish) : null;
    rows.push({
      id: item.id,
      title: item.title,
      kind: item.kind,
      change: startSlip === 0 && finishSlip === 0 ? 'same' : 'moved',
      baseline: b,
      current: c,
      startSlip,
      finishSlip,
    });
  }
  for (const item of baseline.model.items) {
    if (now.has(item.id)) continue;
    rows.push({
      id: item.id,
      title: item.title,
      kind: item.kind,
      change: 'removed',
      baseline: baseline.plan.items[item.id] ?? null,
      current: null,
      startSlip: null,
      finishSlip: null,
    });
  }
  // Largest finish slip first: what a TPM reads first.
  rows.sort((a, b) => (b.finishSlip ?? Number.NEGATIVE_INFINITY) - (a.finishSlip ?? Number.NEGATIVE_INFINITY) || a.id.localeCompare(b.id));
  const count = (f: (r: ItemVariance) => boolean) => rows.filter(f).length;
  return ok({
    program: model.program.id,
    baseline: { name: baseline.name, createdAt: baseline.createdAt.toISOString(), actor: baseline.actor },
    asOf: asOf ?? null,
    finish: { baseline: baseline.plan.finish, current: current.value.finish, slip: slip(baseline.plan.finish, current.value.finish) },
    milestones: rows.filter((r) => r.kind === 'milestone'),
    items: rows.filter((r) => r.kind !== 'milestone'),
    counts: {
      added: count((r) => r.change === 'added'),
      removed: count((r) => r.change === 'removed'),
      later: count((r) => (r.finishSlip ?? 0) > 0),
      earlier: count((r) => (r.finishSlip ?? 0) < 0),
      same: count((r) => r.change === 'same'),
    },
  });
}
