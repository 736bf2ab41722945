import { z } from 'zod';

/**
 * OpenSLO v1 objects as written (SPEC-README.md, OpenSLO@aa5cb78). Every object is strict: an
 * unknown field is an error, as in the go-sdk's strict decoder (oslo's unknown-field.yaml).
 * Cross-field rules (op with ratio metrics, time slices, windows) live in validate-openslo.ts,
 * where the SLI behind an `indicatorRef` is known.
 */

/** RFC 1123 label, as go-sdk checks metadata.name. */
export const RFC1123 = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

const name = z
  .string()
  .max(63, 'a name has at most 63 characters (RFC 1123)')
  .regex(RFC1123, 'must be an RFC 1123 name: lower-case letters, digits and "-", starting and ending with a letter or digit');

export const MetadataSchema = z.strictObject({
  name,
  displayName: z.string().optional(),
  labels: z.record(z.string(), z.union([z.string(), z.array(z.string())])).optional(),
  annotations: z.record(z.string(), z.string()).optional(),
});

const op = z.enum(['lt', 'lte', 'gt', 'gte']);
/** Duration shorthand, parsed later so the error can say which unit was meant. */
const durationText = z.string();

const MetricSourceSchema = z.strictObject({
  metricSourceRef: z.string().optional(),
  type: z.string().optional(),
  spec: z.record(z.string(), z.unknown()),
});
const MetricSourceHolder = z.strictObject({ metricSource: MetricSourceSchema });

export const RatioMetricSchema = z.strictObject({
  counter: z.boolean().optional(),
  good: MetricSourceHolder.optional(),
  bad: MetricSourceHolder.optional(),
  total: MetricSourceHolder.optional(),
  rawType: z.enum(['success', 'failure']).optional(),
  raw: MetricSourceHolder.optional(),
});

export const SliSpecSchema = z.strictObject({
  description: z.string().optional(),
  thresholdMetric: MetricSourceHolder.optional(),
  ratioMetric: RatioMetricSchema.optional(),
});

export const InlineSliSchema = z.strictObject({ metadata: MetadataSchema, spec: SliSpecSchema });

export const TimeWindowSchema = z.strictObject({
  duration: durationText,
  isRolling: z.boolean().optional(),
  calendar: z
    .strictObject({
      // YAML 1.2 reads `2022-01-01 12:00:00` as a string; a Date only comes from programmatic input.
      startTime: z.string(),
      timeZone: z.string(),
    })
    .optional(),
});

export const ObjectiveSchema = z.strictObject({
  displayName: z.string().optional(),
  op: op.optional(),
  value: z.number().optional(),
  target: z.number().optional(),
  targetPercent: z.number().optional(),
  timeSliceTarget: z.number().optional(),
  timeSliceWindow: z.union([durationText, z.number()]).optional(),
  indicator: InlineSliSchema.optional(),
  indicatorRef: z.string().optional(),
  compositeWeight: z.number().optional(),
});

export const AlertConditionSpecSchema = z.strictObject({
  description: z.string().optional(),
  severity: z.string(),
  condition: z.strictObject({
    kind: z.literal('burnrate'),
    op,
    threshold: z.number(),
    lookbackWindow: durationText,
    alertAfter: durationText.optional(),
  }),
});

export const AlertNotificationTargetSpecSchema = z.strictObject({
  description: z.string().optional(),
  target: z.string(),
});

const inline = <S extends z.ZodType>(kind: string, spec: S) => z.strictObject({ kind: z.literal(kind), metadata: MetadataSchema, spec });

export const AlertPolicySpecSchema = z.strictObject({
  description: z.string().optional(),
  alertWhenNoData: z.boolean().optional(),
  alertWhenResolved: z.boolean().optional(),
  alertWhenBreaching: z.boolean().optional(),
  conditions: z.array(z.union([z.strictObject({ conditionRef: z.string() }), inline('AlertCondition', AlertConditionSpecSchema)])).min(1),
  notificationTargets: z.array(
    z.union([z.strictObject({ targetRef: z.string() }), inline('AlertNotificationTarget', AlertNotificationTargetSpecSchema)]),
  ),
});

export const SloSpecSchema = z.strictObject({
  description: z.string().optional(),
  service: z.string(),
  indicator: InlineSliSchema.optional(),
  indicatorRef: z.string().optional(),
  timeWindow: z.array(TimeWindowSchema).length(1, 'an SLO has exactly one time window'),
  budgetingMethod: z.enum(['Occurrences', 'Timeslices', 'RatioTimeslices']),
  objectives: z.array(ObjectiveSchema).min(1, 'an SLO needs at least one objective'),
  // `alertPolicies:` left empty reads as null (examples/budgeting-method/occurences-slo.yaml).
  alertPolicies: z
    .array(z.union([z.strictObject({ alertPolicyRef: z.string() }), inline('AlertPolicy', AlertPolicySpecSchema)]))
    .nullable()
    .optional(),
});

export const ServiceSpecSchema = z.strictObject({ description: z.string().optional() });

export const DataSourceSpecSchema = z.strictObject({
  description: z.string().optional(),
  type: z.string(),
  connectionDetails: z.unknown(),
});

const object = <S extends z.ZodType>(kind: string, spec: S) =>
  z.strictObject({ apiVersion: z.literal('openslo/v1'), kind: z.literal(kind), metadata: MetadataSchema, spec });

/** One schema per kind; Service may omit its spec (oslo-testdata-format/list-of-services.yaml). */
export const KIND_SCHEMAS = {
  SLO: object('SLO', SloSpecSchema),
  SLI: object('SLI', SliSpecSchema),
  Service: z.strictObject({
    apiVersion: z.literal('openslo/v1'),
    kind: z.literal('Service'),
    metadata: MetadataSchema,
    spec: ServiceSpecSchema.optional(),
  }),
  DataSource: object('DataSource', DataSourceSpecSchema),
  AlertPolicy: object('AlertPolicy', AlertPolicySpecSchema),
  AlertCondition: object('AlertCondition', AlertConditionSpecSchema),
  AlertNotificationTarget: object('AlertNotificationTarget', AlertNotificationTargetSpecSchema),
} as const;

export type OpenSloKind = keyof typeof KIND_SCHEMAS;
export type SloObject = z.infer<(typeof KIND_SCHEMAS)['SLO']>;
export type SliObject = z.infer<(typeof KIND_SCHEMAS)['SLI']>;
export type ServiceObject = z.infer<(typeof KIND_SCHEMAS)['Service']>;
export type DataSourceObject = z.infer<(typeof KIND_SCHEMAS)['DataSource']>;
export type AlertPolicyObject = z.infer<(typeof KIND_SCHEMAS)['AlertPolicy']>;
export type AlertConditionObject = z.infer<(typeof KIND_SCHEMAS)['AlertCondition']>;
export type AlertNotificationTargetObject = z.infer<(typeof KIND_SCHEMAS)['AlertNotificationTarget']>;
export type SliSpec = z.infer<typeof SliSpecSchema>;
export type Metadata = z.infer<typeof MetadataSchema>;
