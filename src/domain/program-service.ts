import { z } from 'zod';
import type { Brand } from './brand.js';
import { READABLE_ID, teamIdSchema } from './ids.js';

export type ServiceId = string & Brand<'ServiceId'>;

const readable = (what: string, example: string) =>
  z.string().regex(READABLE_ID, {
    message: `${what} uses letters, digits, ".", "_" and "-", starts with a letter or digit, at most 64 characters (e.g. "${example}")`,
  });

export const serviceIdSchema = readable('a service id', 'billing-api').transform((s) => s as ServiceId);
/** An API is named by what its provider calls it; consumers write the same name. */
export const apiNameSchema = readable('an API name', 'billing-v2');

/** A running service, or a resource one depends on (a database, a bucket, a cluster). */
export const SERVICE_KINDS = ['service', 'resource'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

/**
 * A service as the program file writes it: owned by one of the program's teams, with the APIs it
 * provides and consumes by name, and the services or resources it needs to run. Imported Backstage
 * components become `service`s and resources `resource`s; refs become ids.
 */
export const programServiceSchema = z.strictObject({
  id: serviceIdSchema,
  name: z.string().min(1).optional(),
  kind: z.enum(SERVICE_KINDS, { message: `kind is one of ${SERVICE_KINDS.join(', ')}` }).default('service'),
  description: z.string().optional(),
  /** The owner team: a change here is theirs to make, an outage theirs to fix. */
  team: teamIdSchema,
  /** 1 is the most critical; none = not tiered (sorts last). */
  tier: z
    .number()
    .int()
    .min(1, { message: 'tier is a whole number from 1 (most critical) to 5' })
    .max(5, { message: 'tier is a whole number from 1 (most critical) to 5' })
    .optional(),
  /** experimental, production, deprecated… */
  lifecycle: z.string().min(1).default('production'),
  /** service, website, database, s3-bucket… (free-form, as in Backstage). */
  type: z.string().min(1).optional(),
  system: z.string().min(1).optional(),
  provides: z.array(apiNameSchema).default([]),
  consumes: z.array(apiNameSchema).default([]),
  /** Services or resources (by id) this one needs to run. */
  dependsOn: z.array(serviceIdSchema).default([]),
});
export type ProgramService = z.infer<typeof programServiceSchema>;
