import { z } from 'zod';
import type { Brand } from './brand.js';
import { calendarDateSchema } from './calendar-date.js';
import { READABLE_ID, teamIdSchema } from './ids.js';
import { serviceIdSchema } from './program-service.js';

export type CapacityId = string & Brand<'CapacityId'>;

export const capacityIdSchema = z
  .string()
  .regex(READABLE_ID, {
    message:
      'a capacity resource id uses letters, digits, ".", "_" and "-", starts with a letter or digit, at most 64 characters (e.g. "compute-use1")',
  })
  .transform((s) => s as CapacityId);

const positive = (what: string, example: string) =>
  z.number({ message: `${what} is a number, e.g. ${example}` }).positive({ message: `${what} is above 0, e.g. ${example}` });
const nonNegative = (what: string, example: string) =>
  z.number({ message: `${what} is a number, e.g. ${example}` }).nonnegative({ message: `${what} is 0 or more, e.g. ${example}` });

/**
 * A span of working time on the program calendar: `weeks` count as that many calendar weeks of
 * working days (5 on a Monday-Friday calendar), `days` as working days. Both may be given; they add.
 */
export const workingSpanSchema = z
  .strictObject({
    weeks: nonNegative('weeks', '12').optional(),
    days: nonNegative('days', '10').optional(),
  })
  .refine((s) => s.weeks !== undefined || s.days !== undefined, { message: 'give weeks, days or both, e.g. { weeks: 12 }' });
export type WorkingSpan = z.infer<typeof workingSpanSchema>;

/**
 * How much of the installed capacity may be used before the resource counts as full. `maxUtilisation`
 * is a percentage of the usable capacity; `redundancy` keeps k of N units spare (N+k), each unit
 * `unitSize` of the resource's unit. With both, the tighter one holds.
 */
export const headroomSchema = z
  .strictObject({
    maxUtilisation: z
      .number({ message: 'maxUtilisation is a percentage, e.g. 80' })
      .gt(0, { message: 'maxUtilisation is a percentage above 0 and at most 100, e.g. 80' })
      .max(100, { message: 'maxUtilisation is a percentage above 0 and at most 100, e.g. 80' })
      .optional(),
    redundancy: z
      .strictObject({
        k: z.number().int({ message: 'k is a whole number of spare units, e.g. 1 for N+1' }).min(1, { message: 'k is 1 or more (N+1)' }),
        unitSize: positive('unitSize', '512 (cores per rack)'),
      })
      .optional(),
  })
  .refine((h) => h.maxUtilisation !== undefined || h.redundancy !== undefined, {
    message: 'a headroom policy gives maxUtilisation, redundancy or both, e.g. { maxUtilisation: 80 }',
  });
export type HeadroomPolicy = z.infer<typeof headroomSchema>;

export const GROWTH_PERIODS = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type GrowthPeriod = (typeof GROWTH_PERIODS)[number];

/** A one-off change in demand: a launch adds `add` units from `on` (negative for a decommission). */
export const demandStepSchema = z.strictObject({
  on: calendarDateSchema,
  add: z.number({ message: 'add is a number of units, e.g. 400 (negative to remove)' }),
  note: z.string().optional(),
});
export type DemandStep = z.infer<typeof demandStepSchema>;

export const DEMAND_MODELS = ['compound', 'linear-fit', 'exponential-fit'] as const;
export type DemandModel = (typeof DEMAND_MODELS)[number];

/**
 * How demand grows from the current usage. `compound` grows by `growth.percent` each `growth.per`
 * (20 % a month); the fits project the usage history (least squares on the values, or on their logs).
 * Steps add on top of either.
 */
export const demandSchema = z.strictObject({
  model: z.enum(DEMAND_MODELS, { message: `model is one of ${DEMAND_MODELS.join(', ')}` }).default('compound'),
  growth: z
    .strictObject({
      percent: z
        .number({ message: 'growth percent is a number, e.g. 20 for 20 % a month' })
        .gt(-100, { message: 'growth percent is above -100' }),
      per: z.enum(GROWTH_PERIODS, { message: `growth per is one of ${GROWTH_PERIODS.join(', ')}` }).default('month'),
    })
    .optional(),
  steps: z.array(demandStepSchema).default([]),
});
export type Demand = z.infer<typeof demandSchema>;

/** Where the usage history comes from when it is not uploaded as CSV. */
export const usageSourceSchema = z.strictObject({
  prometheus: z.strictObject({
    url: z.url({ message: 'the Prometheus URL is a full URL, e.g. http://prometheus:9090' }),
    query: z
      .string()
      .min(1, { message: 'give the PromQL query of the usage, e.g. sum(kube_pod_container_resource_requests{resource="cpu"})' }),
  }),
});
export type UsageSource = z.infer<typeof usageSourceSchema>;

/**
 * Something with a unit that runs out: compute cores, memory, storage, network, licences. The
 * program holds its installed capacity, current usage, how it must keep headroom, how long a
 * purchase takes to arrive, and how demand grows. Usage history is stored beside the program
 * (uploaded CSV or the Prometheus query), not in the file.
 */
export const capacityResourceSchema = z.strictObject({
  id: capacityIdSchema,
  name: z.string().min(1).optional(),
  /** cores, GiB, TB, Gbit/s, seats… */
  unit: z.string().min(1, { message: 'a capacity resource needs a unit, e.g. cores, TiB, seats' }),
  /** Who plans and orders it. */
  team: teamIdSchema.optional(),
  /** Services that run on it. */
  services: z.array(serviceIdSchema).default([]),
  /** Installed capacity now, in `unit`. */
  installed: positive('installed', '4096'),
  /** Usage on `asOf`, in `unit`; without it the last sample of the history counts. */
  used: nonNegative('used', '2900').optional(),
  asOf: calendarDateSchema.optional(),
  headroom: headroomSchema.default({ maxUtilisation: 80 }),
  /** From order to usable capacity, on the program calendar. */
  leadTime: workingSpanSchema,
  /** Extra time kept before the lead time, for slips in approval or delivery. */
  margin: workingSpanSchema.optional(),
  /** Orders come in whole multiples of this (cores per server); none = any amount. */
  orderUnit: positive('orderUnit', '64').optional(),
  /** Supplier, carried onto the procurement item an order creates. */
  vendor: z.string().optional(),
  demand: demandSchema.default({ model: 'compound', steps: [] }),
  source: usageSourceSchema.optional(),
});
export type CapacityResource = z.infer<typeof capacityResourceSchema>;
