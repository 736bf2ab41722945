import { z } from 'zod';

/**
 * The SLO model Throughline computes on, whatever file it came from (OpenSLO v1 today). Names are
 * the OpenSLO `metadata.name`s; every reference is resolved, so an `Slo` carries its SLI and alert
 * policies inline.
 */

/**
 * OpenSLO duration shorthand: a positive integer and a case-sensitive unit. `m` is minutes and `M`
 * months; `M`, `Q` and `Y` are calendar units with no fixed length, so they stay symbolic here.
 */
export const DurationUnitSchema = z.enum(['s', 'm', 'h', 'd', 'w', 'M', 'Q', 'Y']);
export type DurationUnit = z.infer<typeof DurationUnitSchema>;

export const DurationSchema = z.object({ count: z.number().int().positive(), unit: DurationUnitSchema });
export type Duration = z.infer<typeof DurationSchema>;

/** Where an SLI's numbers come from: a data source's name and/or type, and the query fields it needs. */
export const MetricSourceSchema = z.object({
  ref: z.string().optional(),
  type: z.string().optional(),
  spec: z.record(z.string(), z.unknown()),
});
export type MetricSource = z.infer<typeof MetricSourceSchema>;

/** good/total, bad/total, or a single raw ratio (`rawType` says whether it counts successes or failures). */
export const RatioSliSchema = z.object({
  kind: z.literal('ratio'),
  name: z.string(),
  displayName: z.string().optional(),
  description: z.string().optional(),
  /** True when the sources are monotonic counters (rates are taken), false for gauges. */
  counter: z.boolean().optional(),
  good: MetricSourceSchema.optional(),
  bad: MetricSourceSchema.optional(),
  total: MetricSourceSchema.optional(),
  raw: MetricSourceSchema.optional(),
  rawType: z.enum(['success', 'failure']).optional(),
});

/** One metric compared against each objective's `op` and `value`. */
export const ThresholdSliSchema = z.object({
  kind: z.literal('threshold'),
  name: z.string(),
  displayName: z.string().optional(),
  description: z.string().optional(),
  metric: MetricSourceSchema,
});

export const SliSchema = z.discriminatedUnion('kind', [RatioSliSchema, ThresholdSliSchema]);
export type Sli = z.infer<typeof SliSchema>;

export const ComparisonOpSchema = z.enum(['lt', 'lte', 'gt', 'gte']);
export type ComparisonOp = z.infer<typeof ComparisonOpSchema>;

export const ObjectiveSchema = z.object({
  displayName: z.string().optional(),
  /** Threshold SLIs only: a good event is one whose metric `op` `value`. */
  op: ComparisonOpSchema.optional(),
  value: z.number().optional(),
  /** Fraction of good events (or good slices) required, in [0, 1); `targetPercent` is normalised into it. */
  target: z.number().min(0).lt(1),
  /** Timeslices: fraction of a slice that must be good for the slice to count as good, in (0, 1]. */
  timeSliceTarget: z.number().gt(0).max(1).optional(),
  /** Timeslices and RatioTimeslices: the slice length. */
  timeSliceWindow: DurationSchema.optional(),
});
export type Objective = z.infer<typeof ObjectiveSchema>;

export const BudgetingMethodSchema = z.enum(['Occurrences', 'Timeslices', 'RatioTimeslices']);
export type BudgetingMethod = z.infer<typeof BudgetingMethodSchema>;

/** Rolling: the last `duration`. Calendar: aligned periods of `duration` from `startTime` (local, no zone) in `timeZone` (IANA). */
export const TimeWindowSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('rolling'), duration: DurationSchema }),
  z.object({ kind: z.literal('calendar'), duration: DurationSchema, startTime: z.string(), timeZone: z.string() }),
]);
export type TimeWindow = z.infer<typeof TimeWindowSchema>;

export const AlertConditionSchema = z.object({
  name: z.string(),
  displayName: z.string().optional(),
  description: z.string().optional(),
  severity: z.string(),
  /** OpenSLO v1 knows one kind, `burnrate`: alert when burn rate `op` `threshold` over `lookbackWindow`. */
  condition: z.object({
    kind: z.string(),
    op: ComparisonOpSchema,
    threshold: z.number(),
    lookbackWindow: DurationSchema,
    alertAfter: DurationSchema.optional(),
  }),
});
export type AlertCondition = z.infer<typeof AlertConditionSchema>;

export const AlertNotificationTargetSchema = z.object({
  name: z.string(),
  displayName: z.string().optional(),
  description: z.string().optional(),
  target: z.string(),
});
export type AlertNotificationTarget = z.infer<typeof AlertNotificationTargetSchema>;

export const AlertPolicySchema = z.object({
  name: z.string(),
  displayName: z.string().optional(),
  description: z.string().optional(),
  alertWhenBreaching: z.boolean().optional(),
  alertWhenResolved: z.boolean().optional(),
  alertWhenNoData: z.boolean().optional(),
  conditions: z.array(AlertConditionSchema),
  notificationTargets: z.array(AlertNotificationTargetSchema),
});
export type AlertPolicy = z.infer<typeof AlertPolicySchema>;

export const SloSchema = z.object({
  name: z.string(),
  displayName: z.string().optional(),
  description: z.string().optional(),
  /** The service's name; OpenSLO does not require a Service object of that name to exist. */
  service: z.string(),
  sli: SliSchema,
  budgetingMethod: BudgetingMethodSchema,
  timeWindow: TimeWindowSchema,
  objectives: z.array(ObjectiveSchema).min(1),
  alertPolicies: z.array(AlertPolicySchema),
});
export type Slo = z.infer<typeof SloSchema>;

export const SloServiceSchema = z.object({
  name: z.string(),
  displayName: z.string().optional(),
  description: z.string().optional(),
});
export type SloService = z.infer<typeof SloServiceSchema>;

export const DataSourceSchema = z.object({
  name: z.string(),
  displayName: z.string().optional(),
  description: z.string().optional(),
  type: z.string(),
  /** Free-form per data source type (URLs, keys); kept as written. */
  connectionDetails: z.unknown(),
});
export type DataSource = z.infer<typeof DataSourceSchema>;
