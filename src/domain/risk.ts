import { z } from 'zod';
import { calendarDateSchema } from './calendar-date.js';
import { itemIdSchema, riskIdSchema, teamIdSchema } from './ids.js';

export const RISK_STATUSES = ['open', 'mitigating', 'accepted', 'closed'] as const;

export const riskSchema = z.strictObject({
  id: riskIdSchema,
  title: z.string().min(1, { message: 'a risk needs a title' }),
  description: z.string().optional(),
  /** Chance it happens, 0 to 1. */
  probability: z.number().min(0).max(1, { message: 'probability is between 0 and 1, e.g. 0.3' }),
  impact: z
    .strictObject({
      /** Working days the program would lose. */
      days: z.number().nonnegative().optional(),
      /** Money the program would lose, in the program's currency. */
      cost: z.number().nonnegative().optional(),
    })
    .refine((i) => i.days !== undefined || i.cost !== undefined, {
      message: 'impact needs days, cost, or both',
    }),
  owner: z.string().optional(),
  team: teamIdSchema.optional(),
  mitigation: z.string().optional(),
  status: z
    .enum(RISK_STATUSES, {
      message: `status is one of ${RISK_STATUSES.join(', ')}`,
    })
    .default('open'),
  raisedOn: calendarDateSchema.optional(),
  items: z.array(itemIdSchema).default([]),
});
export type Risk = z.infer<typeof riskSchema>;

/** Expected loss: probability × impact, per unit the impact is given in. */
export function riskExposure(risk: Risk): { days?: number; cost?: number } {
  return {
    ...(risk.impact.days !== undefined ? { days: risk.probability * risk.impact.days } : {}),
    ...(risk.impact.cost !== undefined ? { cost: risk.probability * risk.impact.cost } : {}),
  };
}
