import { z } from 'zod';
import { calendarDateSchema } from './calendar-date.js';
import { decisionIdSchema, itemIdSchema, READABLE_ID } from './ids.js';

export const DECISION_STATUSES = ['open', 'decided', 'superseded'] as const;

export const decisionOptionSchema = z.strictObject({
  id: z.string().min(1),
  title: z.string().min(1),
  description: z.string().optional(),
  /** The scenario that evaluated this option (throughline scenario), by name. */
  scenario: z.string().regex(READABLE_ID, { message: 'a scenario name uses letters, digits, ".", "_" or "-"' }).optional(),
});

export const decisionSchema = z.strictObject({
  id: decisionIdSchema,
  title: z.string().min(1, { message: 'a decision needs a title' }),
  context: z.string().optional(),
  options: z.array(decisionOptionSchema).default([]),
  status: z
    .enum(DECISION_STATUSES, {
      message: `status is one of ${DECISION_STATUSES.join(', ')}`,
    })
    .default('open'),
  /** The chosen option's id, or a sentence when none of the options won. */
  outcome: z.string().optional(),
  decidedBy: z.string().optional(),
  decidedOn: calendarDateSchema.optional(),
  /** The date after which the open decision blocks work. */
  needBy: calendarDateSchema.optional(),
  items: z.array(itemIdSchema).default([]),
});
export type Decision = z.infer<typeof decisionSchema>;
