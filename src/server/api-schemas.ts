import { z } from 'zod';
import { decisionSchema } from '../domain/decision.js';
import { dependencySchema } from '../domain/dependency.js';
import { riskSchema } from '../domain/risk.js';
import { teamSchema } from '../domain/team.js';
import { workItemSchema } from '../domain/work-item.js';
import { workstreamSchema } from '../domain/workstream.js';
import { ROLES } from '../store/account-store.js';

/** Schemas of the API's own shapes; entities reuse the domain's schemas as they are. */
export const roleSchema = z.enum(ROLES);
export const programIdParam = z.strictObject({ programId: z.string().min(1) });

export const userSchema = z.strictObject({
  login: z.string(),
  name: z.string(),
  isAdmin: z.boolean(),
  createdAt: z.string(),
});

export const sessionSchema = z.strictObject({
  user: z.strictObject({ login: z.string(), name: z.string(), isAdmin: z.boolean() }),
  /** Echo in X-CSRF-Token on every write made with the session cookie. */
  csrfToken: z.string().optional(),
});

export const pageQuery = {
  page: z.coerce.number().int().min(1, { message: 'page starts at 1' }).default(1),
  perPage: z.coerce.number().int().min(1).max(1000, { message: 'perPage is at most 1000' }).default(100),
};
export const pageMeta = { page: z.number(), perPage: z.number(), total: z.number() };

/** An entity with the strong ETag of its content (send it back in If-Match to change it). */
export const withEtag = <T extends z.ZodType>(schema: T) => z.object({ etag: z.string(), value: schema });

export const itemSchema = workItemSchema;
export { decisionSchema, dependencySchema, riskSchema, teamSchema, workstreamSchema };

export const programListingSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  version: z.number(),
  updatedAt: z.string(),
  role: roleSchema,
  teams: z.number(),
  items: z.number(),
  milestones: z.number(),
  dependencies: z.number(),
});

export const planItemSchema = z.strictObject({
  id: z.string(),
  title: z.string().optional(),
  start: z.union([z.string(), z.number()]),
  finish: z.union([z.string(), z.number()]),
  earlyStart: z.union([z.string(), z.number()]),
  earlyFinish: z.union([z.string(), z.number()]),
  lateStart: z.union([z.string(), z.number()]),
  lateFinish: z.union([z.string(), z.number()]),
  totalFloat: z.number(),
  freeFloat: z.number(),
  critical: z.boolean(),
});
export const planSchema = z.object({
  version: z.number(),
  unit: z.enum(['period', 'datetime']),
  finish: z.union([z.string(), z.number()]),
  items: z.array(planItemSchema),
  criticalPath: z.array(z.string()),
  levelling: z
    .object({
      schedules: z.number(),
      seed: z.number(),
      delays: z.array(
        z.object({ id: z.string(), delay: z.number(), resource: z.string(), busy: z.number(), capacity: z.number(), need: z.number() }),
      ),
      teamLoad: z.array(z.object({ team: z.string(), week: z.string(), load: z.number(), capacity: z.number() })).optional(),
    })
    .optional(),
});

const distribution = z.object({ p10: z.string(), p50: z.string(), p80: z.string(), p90: z.string(), p95: z.string() });
export const forecastSchema = z.object({
  version: z.number(),
  trials: z.number(),
  seed: z.number(),
  distribution: z.string(),
  levelled: z.boolean(),
  finish: distribution,
  milestones: z.array(
    z.object({
      id: z.string(),
      target: z.string().nullable(),
      p50: z.string(),
      p80: z.string(),
      p95: z.string(),
      probabilityOnTime: z.number().nullable(),
    }),
  ),
  criticality: z.array(z.object({ id: z.string(), index: z.number() })),
  sensitivity: z.array(z.object({ id: z.string(), score: z.number() })),
  curves: z.array(z.object({ id: z.string(), points: z.array(z.object({ p: z.number(), at: z.string() })) })).optional(),
});

export const changeSetSchema = z.strictObject({
  id: z.number(),
  programId: z.string(),
  at: z.string(),
  actor: z.string(),
  source: z.string(),
  version: z.number(),
  changes: z.array(
    z.object({ entity: z.string(), id: z.string(), op: z.string(), before: z.unknown().optional(), after: z.unknown().optional() }),
  ),
});

export const saveResultSchema = z.strictObject({
  programId: z.string(),
  created: z.boolean(),
  version: z.number(),
  changes: z.number(),
  /** MS Project imports: what could not be carried over exactly. */
  caveats: z.array(z.string()).optional(),
});

export const importProblemSchema = z.object({
  code: z.string(),
  message: z.string(),
  hint: z.string().optional(),
  line: z.number().optional(),
  column: z.number().optional(),
  /** MS Project imports: the task, resource or calendar a problem is about, as `Task UID 12`. */
  subject: z.string().optional(),
});
