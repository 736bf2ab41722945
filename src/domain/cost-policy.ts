import { z } from 'zod';
import { teamIdSchema } from './ids.js';
import { serviceIdSchema } from './program-service.js';

/**
 * Which cost rows a rule takes. Every given field must match (AND); a list matches any of its
 * values. `tags` compares the FOCUS `Tags` object key by key. Matching is exact and case-sensitive,
 * as cloud tags are.
 */
export const costMatchSchema = z
  .strictObject({
    tags: z.record(z.string().min(1), z.union([z.string(), z.array(z.string()).min(1)])).optional(),
    /** FOCUS ServiceName, e.g. "Amazon Elastic Compute Cloud". */
    serviceName: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional(),
    /** FOCUS ServiceCategory, e.g. Compute, Storage. */
    serviceCategory: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional(),
    /** FOCUS ProviderName, e.g. AWS. */
    provider: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional(),
    /** FOCUS SubAccountId or SubAccountName. */
    subAccount: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional(),
    /** Prefix of FOCUS ResourceId, e.g. an ARN prefix. */
    resourceIdPrefix: z.string().min(1).optional(),
  })
  .refine((m) => Object.values(m).some((v) => v !== undefined), {
    message: 'a match needs at least one field, e.g. { tags: { team: payments } }',
  });
export type CostMatch = z.infer<typeof costMatchSchema>;

/**
 * One allocation rule. Either a fixed target (`match` → `team` and/or `service`), or `byTag`: the
 * value of that tag names the team (a team id, or a value listed in `teamTagValues`). Rules apply
 * in order; the first that allocates a row wins; rows no rule takes stay unallocated and are shown.
 */
export const costRuleSchema = z.union(
  [
    z.strictObject({
      match: costMatchSchema,
      team: teamIdSchema.optional(),
      service: serviceIdSchema.optional(),
      note: z.string().optional(),
    }),
    z.strictObject({
      byTag: z.string().min(1, { message: 'byTag is a tag key, e.g. team' }),
      /** Tag value → team id, for tags that do not spell team ids. */
      values: z.record(z.string(), teamIdSchema).optional(),
      note: z.string().optional(),
    }),
  ],
  { message: 'a cost rule is { match: {...}, team: …, service: … } or { byTag: team }' },
);
export type CostRule = z.infer<typeof costRuleSchema>;

export const costBudgetSchema = z.strictObject({
  team: teamIdSchema,
  /** Per calendar month, in the policy's currency. */
  monthly: z.number({ message: 'monthly is an amount, e.g. 120000' }).nonnegative({ message: 'monthly is 0 or more' }),
});
export type CostBudget = z.infer<typeof costBudgetSchema>;

export const COST_METRICS = ['EffectiveCost', 'BilledCost'] as const;

/** How the program reads its cloud bill: which cost column counts, who pays for what, and budgets. */
export const costPolicySchema = z.strictObject({
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, { message: 'currency is an ISO 4217 code, e.g. USD' })
    .default('USD'),
  /** EffectiveCost (after discounts and amortised commitments) unless the TPM reports invoices. */
  metric: z.enum(COST_METRICS, { message: `metric is one of ${COST_METRICS.join(', ')}` }).default('EffectiveCost'),
  allocation: z.array(costRuleSchema).default([]),
  budgets: z.array(costBudgetSchema).default([]),
});
export type CostPolicy = z.infer<typeof costPolicySchema>;
