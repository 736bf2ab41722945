import { z } from 'zod';
import { capacityResourceSchema } from '../../domain/capacity.js';
import { decisionSchema } from '../../domain/decision.js';
import { DEPENDENCY_STATES, LINK_TYPES } from '../../domain/dependency.js';
import { itemIdSchema } from '../../domain/ids.js';
import { incidentSchema, postmortemSchema } from '../../domain/incident.js';
import { migrationSchema } from '../../domain/migration.js';
import { programSchema } from '../../domain/program.js';
import { programServiceSchema } from '../../domain/program-service.js';
import { programSloSchema } from '../../domain/program-slo.js';
import { riskSchema } from '../../domain/risk.js';
import { teamSchema } from '../../domain/team.js';
import { workItemSchema } from '../../domain/work-item.js';
import { workstreamSchema } from '../../domain/workstream.js';

/** The file format's version; bump it (with a migration note in docs/program-file.md) on breaking changes. */
export const FORMAT_VERSION = 1;

/**
 * One entry of `dependsOn`: the id of the predecessor (finish-to-start, no lag), or an object that
 * says how the two items are linked and where the agreement between their teams stands.
 */
export const dependencyRefSchema = z.union(
  [
    itemIdSchema,
    z.strictObject({
      item: itemIdSchema,
      type: z
        .enum(LINK_TYPES, {
          message: `type is one of ${LINK_TYPES.join(', ')}`,
        })
        .optional(),
      lag: z
        .number({
          message: 'lag is a number of working days (negative for overlap)',
        })
        .optional(),
      state: z
        .enum(DEPENDENCY_STATES, {
          message: `state is one of ${DEPENDENCY_STATES.join(', ')}`,
        })
        .optional(),
      note: z.string().optional(),
    }),
  ],
  {
    message: 'a dependency is an item id, or { item, type, lag, state, note }',
  },
);
export type DependencyRef = z.infer<typeof dependencyRefSchema>;

const dependsOn = z.array(dependencyRefSchema).default([]);

export const itemEntrySchema = workItemSchema.extend({ dependsOn });
export const milestoneEntrySchema = workItemSchema.omit({ kind: true }).extend({ dependsOn });

export const sectionSchemas = {
  teams: teamSchema,
  workstreams: workstreamSchema,
  items: itemEntrySchema,
  milestones: milestoneEntrySchema,
  risks: riskSchema,
  decisions: decisionSchema,
  services: programServiceSchema,
  slos: programSloSchema,
  incidents: incidentSchema,
  postmortems: postmortemSchema,
  capacity: capacityResourceSchema,
  migrations: migrationSchema,
} as const;
export type Section = keyof typeof sectionSchemas;
export const SECTIONS = Object.keys(sectionSchemas) as Section[];

/** The whole file. Reading checks each entry on its own (so one bad entry hides nothing else); this schema is for editors. */
export const programDocumentSchema = z
  .strictObject({
    throughline: z.literal(FORMAT_VERSION, {
      message: `throughline is the file format version: ${FORMAT_VERSION}`,
    }),
    program: programSchema,
    teams: z.array(teamSchema).default([]),
    workstreams: z.array(workstreamSchema).default([]),
    items: z.array(itemEntrySchema).default([]),
    milestones: z.array(milestoneEntrySchema).default([]),
    risks: z.array(riskSchema).default([]),
    decisions: z.array(decisionSchema).default([]),
    services: z.array(programServiceSchema).default([]),
    slos: z.array(programSloSchema).default([]),
    incidents: z.array(incidentSchema).default([]),
    postmortems: z.array(postmortemSchema).default([]),
    capacity: z.array(capacityResourceSchema).default([]),
    migrations: z.array(migrationSchema).default([]),
  })
  .meta({
    title: 'Throughline program file',
    description:
      'A cross-team program: teams, workstreams, work items, milestones, dependencies, risks and decisions; services, SLOs, incidents and post-mortems; capacity resources and migrations.',
  });

/** JSON Schema (draft 2020-12) of the program file, for editor completion. */
export function programJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(programDocumentSchema, {
    io: 'input',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
}
