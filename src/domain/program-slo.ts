import { z } from 'zod';
import type { Brand } from './brand.js';
import { READABLE_ID } from './ids.js';
import { serviceIdSchema } from './program-service.js';
import type { Duration, Slo } from './slo.js';
import { ComparisonOpSchema, DurationUnitSchema } from './slo.js';

export type SloId = string & Brand<'SloId'>;

export const sloIdSchema = z
  .string()
  .regex(READABLE_ID, {
    message:
      'an SLO id uses letters, digits, ".", "_" and "-", starts with a letter or digit, at most 64 characters (e.g. "checkout-availability")',
  })
  .transform((s) => s as SloId);

const DURATION_TEXT = /^([1-9][0-9]*)([smhdwMQY])$/;
/** OpenSLO's duration shorthand, e.g. `28d`, `1M`, `5m` (m = minutes, M = months). */
export const durationTextSchema = z.string().regex(DURATION_TEXT, {
  message: 'a duration is a whole number and a unit: s, m (minutes), h, d, w, M (months), Q or Y — e.g. 28d',
});

export function parseDurationText(text: string): Duration | undefined {
  const m = DURATION_TEXT.exec(text);
  if (!m) return undefined;
  const unit = DurationUnitSchema.safeParse(m[2]);
  return unit.success ? { count: Number(m[1]), unit: unit.data } : undefined;
}

/** A percentage strictly between 0 and 100, e.g. 99.9. */
const percent = (what: string) =>
  z
    .number({ message: `${what} is a percentage, e.g. 99.9` })
    .gt(0, { message: `${what} is a percentage above 0 and below 100, e.g. 99.9` })
    .lt(100, { message: `${what} is a percentage above 0 and below 100, e.g. 99.9 (100 % leaves no budget)` });

/** Queries in the data source's language (PromQL for Prometheus). */
const ratioIndicatorSchema = z.strictObject({
  good: z.string().min(1).optional(),
  bad: z.string().min(1).optional(),
  total: z.string().min(1, { message: 'a ratio indicator needs a total query' }),
});

const thresholdIndicatorSchema = z.strictObject({
  query: z.string().min(1),
  op: ComparisonOpSchema,
  value: z.number(),
});

/**
 * An SLO as the program file writes it: compact, with the service by id. It converts to the OpenSLO
 * model the engines compute on (`toSlo`); an OpenSLO import converts the other way.
 */
export const programSloSchema = z
  .strictObject({
    id: sloIdSchema,
    service: serviceIdSchema,
    name: z.string().min(1).optional(),
    description: z.string().optional(),
    /** Target in percent of good events (Occurrences) or good time slices (Timeslices). */
    objective: percent('objective'),
    budgeting: z
      .enum(['Occurrences', 'Timeslices', 'RatioTimeslices'], { message: 'budgeting is Occurrences, Timeslices or RatioTimeslices' })
      .default('Occurrences'),
    /** Window length; rolling unless `calendar` says where periods start. */
    window: durationTextSchema.default('28d'),
    calendar: z
      .strictObject({
        /** Local start of the first period, `YYYY-MM-DD HH:MM:SS`. */
        start: z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/, { message: 'start is local time, e.g. 2026-01-01 00:00:00' }),
        timeZone: z.string().min(1).default('UTC'),
      })
      .optional(),
    indicator: z.union([z.strictObject({ ratio: ratioIndicatorSchema }), z.strictObject({ threshold: thresholdIndicatorSchema })], {
      message: 'indicator is { ratio: { good or bad, total } } or { threshold: { query, op, value } }',
    }),
    /** Timeslices: a slice counts as good when at least `target` % of it is good. */
    timeSlice: z.strictObject({ window: durationTextSchema, target: percent('timeSlice.target').optional() }).optional(),
    /** Where the indicator's numbers come from; none = supplied with each report (a CSV). */
    source: z.strictObject({ prometheus: z.url({ message: 'prometheus is the server URL, e.g. http://prometheus:9090' }) }).optional(),
  })
  .superRefine((s, ctx) => {
    const ratio = 'ratio' in s.indicator ? s.indicator.ratio : undefined;
    if (ratio && (ratio.good === undefined) === (ratio.bad === undefined))
      ctx.addIssue({
        code: 'custom',
        path: ['indicator', 'ratio'],
        message: 'a ratio indicator has exactly one of good or bad, and total',
      });
    if (s.budgeting !== 'Occurrences' && s.timeSlice === undefined)
      ctx.addIssue({ code: 'custom', path: ['timeSlice'], message: `${s.budgeting} needs timeSlice: { window: 1m, target: 95 }` });
  });
export type ProgramSlo = z.infer<typeof programSloSchema>;

const promSource = (query: string, source: ProgramSlo['source']) => ({
  type: 'Prometheus',
  spec: source ? { query, url: source.prometheus } : { query },
});

/** The OpenSLO model of a program SLO; the service keeps its program id. */
export function toSlo(s: ProgramSlo): Slo {
  const window = parseDurationText(s.window) ?? { count: 28, unit: 'd' as const };
  const ratio = 'ratio' in s.indicator ? s.indicator.ratio : undefined;
  const threshold = 'threshold' in s.indicator ? s.indicator.threshold : undefined;
  const slice = s.timeSlice ? parseDurationText(s.timeSlice.window) : undefined;
  return {
    name: s.id,
    ...(s.name === undefined ? {} : { displayName: s.name }),
    ...(s.description === undefined ? {} : { description: s.description }),
    service: s.service,
    sli: ratio
      ? {
          kind: 'ratio',
          name: `${s.id}-sli`,
          counter: true,
          total: promSource(ratio.total, s.source),
          ...(ratio.good === undefined ? {} : { good: promSource(ratio.good, s.source) }),
          ...(ratio.bad === undefined ? {} : { bad: promSource(ratio.bad, s.source) }),
        }
      : { kind: 'threshold', name: `${s.id}-sli`, metric: promSource(threshold?.query ?? '', s.source) },
    budgetingMethod: s.budgeting,
    timeWindow: s.calendar
      ? { kind: 'calendar', duration: window, startTime: s.calendar.start, timeZone: s.calendar.timeZone }
      : { kind: 'rolling', duration: window },
    objectives: [
      {
        target: s.objective / 100,
        ...(threshold ? { op: threshold.op, value: threshold.value } : {}),
        ...(s.timeSlice?.target === undefined ? {} : { timeSliceTarget: s.timeSlice.target / 100 }),
        ...(slice ? { timeSliceWindow: slice } : {}),
      },
    ],
    alertPolicies: [],
  };
}
