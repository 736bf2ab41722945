import { z } from 'zod';
import { calendarDateSchema } from './calendar-date.js';
import { READABLE_ID } from './ids.js';
import type { IncidentId } from './incident.js';

// Not incident.ts's schema: incident.ts imports work-item.ts, which imports this file.
const incidentRefSchema = z
  .string()
  .regex(READABLE_ID, { message: 'an incident id uses letters, digits, ".", "_" and "-" (e.g. "inc-7")' })
  .transform((s) => s as IncidentId);

/** Why the debt was taken on (the four usual causes). */
export const DEBT_CAUSES = ['no-time', 'no-budget', 'no-owner', 'no-knowledge'] as const;
export type DebtCause = (typeof DEBT_CAUSES)[number];

/**
 * Marks a work item as tech debt. Its "interest" is what carrying it costs: toil hours each month
 * and the incidents it contributed to. Debt items sit at funnel level 2 (Reliability) unless the
 * item says otherwise; the services it affects are the item's `services`.
 */
export const debtSchema = z.strictObject({
  cause: z.enum(DEBT_CAUSES, { message: `cause is one of ${DEBT_CAUSES.join(', ')}` }),
  toilHoursPerMonth: z
    .number({ message: 'toilHoursPerMonth is a number of hours, e.g. 12' })
    .nonnegative({ message: 'toilHoursPerMonth is 0 or more' })
    .optional(),
  /** Incidents (by id) this debt contributed to. */
  incidents: z.array(incidentRefSchema).default([]),
  /** When the debt was taken on or found. */
  since: calendarDateSchema.optional(),
});
export type Debt = z.infer<typeof debtSchema>;

/** Funnel level of debt an item does not place itself: Reliability. */
export const DEBT_LEVEL = 2;

/**
 * Debt items without a priority sit at funnel level 2, so planning, the funnel and the file agree
 * on where they are. Returns the same array when nothing changes.
 */
export function placeDebt<T extends { debt?: Debt | undefined; priority?: 1 | 2 | 3 | 4 | undefined }>(items: readonly T[]): readonly T[] {
  if (!items.some((i) => i.debt !== undefined && i.priority === undefined)) return items;
  return items.map((i) => (i.debt !== undefined && i.priority === undefined ? { ...i, priority: DEBT_LEVEL } : i));
}
