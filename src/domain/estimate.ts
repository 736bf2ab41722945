import { z } from 'zod';

/**
 * Working days of effort-elapsed time: a single figure, or optimistic / most likely / pessimistic
 * for forecasts. Impossible shapes (negative, out of order) are shape-valid here and reported by
 * `checkProgram` with a precise message.
 */
export const threePointSchema = z.strictObject({
  optimistic: z.number({ message: 'optimistic is a number of working days' }),
  likely: z.number({ message: 'likely is a number of working days' }),
  pessimistic: z.number({ message: 'pessimistic is a number of working days' }),
});
export type ThreePoint = z.infer<typeof threePointSchema>;

export const estimateSchema = z.union([z.number(), threePointSchema], {
  message: 'an estimate is a number of working days (e.g. 5) or { optimistic, likely, pessimistic }',
});
export type Estimate = z.infer<typeof estimateSchema>;

/** The single duration the deterministic plan uses: the figure itself, or the most likely one. */
export function likelyDays(estimate: Estimate): number {
  return typeof estimate === 'number' ? estimate : estimate.likely;
}
