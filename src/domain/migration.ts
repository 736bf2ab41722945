import { z } from 'zod';
import type { Brand } from './brand.js';
import { calendarDateSchema } from './calendar-date.js';
import { READABLE_ID, teamIdSchema } from './ids.js';
import { serviceIdSchema } from './program-service.js';

export type MigrationId = string & Brand<'MigrationId'>;

const readable = (what: string, example: string) =>
  z.string().regex(READABLE_ID, {
    message: `${what} uses letters, digits, ".", "_" and "-", starts with a letter or digit, at most 64 characters (e.g. "${example}")`,
  });

export const migrationIdSchema = readable('a migration id', 'dc-exit').transform((s) => s as MigrationId);
export const migrationStepSchema = readable('a step name', 'dual-run');

export const DEFAULT_MIGRATION_STEPS = ['inventory', 'dual-run', 'cutover', 'decommission'] as const;

/**
 * One service being moved: the team that moves it and the day each finished step was done. Steps
 * finish in order, so `done` names a prefix of the migration's steps.
 */
export const migrationServiceSchema = z.strictObject({
  service: serviceIdSchema,
  /** Who moves it; defaults to the service's owner team. */
  team: teamIdSchema.optional(),
  /** Step name → the day it was finished. */
  done: z.record(migrationStepSchema, calendarDateSchema).default({}),
  note: z.string().optional(),
});
export type MigrationService = z.infer<typeof migrationServiceSchema>;

/**
 * A migration moves a set of services through the same ordered steps (inventory → dual-run →
 * cutover → decommission). Its progress is counted in finished steps; the history of when steps
 * finished drives its throughput forecast.
 */
export const migrationSchema = z.strictObject({
  id: migrationIdSchema,
  title: z.string().min(1, { message: 'a migration needs a title' }),
  description: z.string().optional(),
  /** Ordered; every service goes through all of them. */
  steps: z
    .array(migrationStepSchema)
    .min(1, { message: 'a migration needs at least one step, e.g. [inventory, dual-run, cutover, decommission]' })
    .default([...DEFAULT_MIGRATION_STEPS]),
  start: calendarDateSchema.optional(),
  /** The date promised for the last step of the last service. */
  target: calendarDateSchema.optional(),
  services: z.array(migrationServiceSchema).default([]),
});
export type Migration = z.infer<typeof migrationSchema>;
