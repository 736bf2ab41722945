import { z } from 'zod';
import { type CatalogImportError, importBackstageFiles } from '../../app/reliability/catalog-import.js';
import { programCatalogView } from '../../app/reliability/catalog-view.js';
import { compileProgramCatalog, programBlastRadius, resolveChange } from '../../app/reliability/program-catalog.js';
import type { ProgramId } from '../../domain/ids.js';
import { importProblemSchema, programIdParam, saveResultSchema } from '../api-schemas.js';
import { fileProblemsReply } from '../file-problems.js';
import { problem } from '../problem.js';
import { type Reply, route } from '../route.js';

const tier = z.number().int().nullable();
const kind = z.enum(['service', 'resource', 'api']);

const catalogSchema = z.strictObject({
  services: z.array(
    z.strictObject({
      id: z.string(),
      name: z.string(),
      kind: z.enum(['service', 'resource']),
      team: z.string(),
      teamName: z.string(),
      tier,
      lifecycle: z.string(),
      type: z.string().nullable(),
      system: z.string().nullable(),
      provides: z.array(z.string()),
      consumes: z.array(z.string()),
      dependsOn: z.array(z.string()),
      consumers: z.number().int(),
      items: z.array(z.strictObject({ id: z.string(), title: z.string(), state: z.string(), priority: z.number().int().nullable() })),
      slos: z.array(z.string()),
      openIncidents: z.number().int(),
    }),
  ),
  apis: z.array(z.strictObject({ name: z.string(), provider: z.string(), consumers: z.array(z.string()) })),
  version: z.number(),
});

const blastRadiusSchema = z.strictObject({
  origin: z.strictObject({ ref: z.string(), kind, name: z.string(), team: z.string() }),
  affected: z.array(
    z.strictObject({
      ref: z.string(),
      kind,
      name: z.string(),
      team: z.string(),
      teamName: z.string(),
      tier,
      lifecycle: z.string().nullable(),
      distance: z.number().int().positive(),
      path: z.array(z.string()),
    }),
  ),
  teams: z.array(z.strictObject({ team: z.string(), teamName: z.string(), count: z.number().int(), worstTier: tier })),
  items: z.array(
    z.strictObject({
      id: z.string(),
      title: z.string(),
      team: z.string().nullable(),
      state: z.string(),
      priority: z.number().int().nullable(),
      services: z.array(z.string()),
    }),
  ),
  cycles: z.array(z.array(z.string())),
  version: z.number(),
});

const noteSchema = z.strictObject({
  code: z.string(),
  message: z.string(),
  hint: z.string().optional(),
  file: z.string().optional(),
  line: z.number().optional(),
  column: z.number().optional(),
  ref: z.string().optional(),
});

const importSchema = z.strictObject({
  saved: saveResultSchema,
  services: z.number().int(),
  added: z.array(z.string()),
  replaced: z.array(z.string()),
  teamsCreated: z.array(z.string()),
  warnings: z.array(noteSchema),
});

const noProgram = (id: string | undefined) => problem(404, 'no-program', 'No such program', `there is no program "${id}"`);

function importFailure(e: CatalogImportError, programId: string, file: string): Reply {
  switch (e.kind) {
    case 'no-program':
      return noProgram(programId);
    case 'unreadable':
      return fileProblemsReply('invalid-catalog', 'The catalog file has problems', file, e.problems);
    case 'invalid':
      return problem(
        422,
        'invalid-import',
        'The program would break a rule',
        `${e.problems.map((p) => p.message).join('; ')}; nothing was changed`,
        {
          errors: e.problems.map((p) => ({
            field: p.ref !== undefined ? `services.${p.ref}` : 'body',
            message: p.hint ? `${p.message}; ${p.hint}` : p.message,
          })),
          problems: e.problems.map((p) => importProblemSchema.parse({ code: p.code, message: p.message, hint: p.hint })),
        },
      );
  }
}

/** `group=team,group=team` → a map; undefined for anything else (reported as a field error). */
function teamMap(text: string | undefined): Record<string, string> | undefined {
  if (text === undefined) return {};
  const out: Record<string, string> = {};
  for (const pair of text.split(',')) {
    const [group, team, extra] = pair.split('=').map((s) => s.trim());
    if (!group || !team || extra !== undefined) return undefined;
    out[group] = team;
  }
  return out;
}

export const serviceRoutes = [
  route<{ programId: string }>({
    method: 'get',
    path: '/api/programs/{programId}/services/catalog',
    tag: 'Services',
    summary: 'The service catalog as a TPM reads it',
    description:
      'Each service and resource with its owner team, tier, lifecycle, APIs provided and consumed, dependencies, the number of services that use it directly (dependsOn or consuming one of its APIs), the program items that name it, its SLOs and its open incidents; and each API with its provider and consumers. Cached per program version.',
    access: 'viewer',
    params: programIdParam,
    response: catalogSchema,
    async handle({ programId, deps }) {
      const current = await deps.cache.current(programId as ProgramId);
      if (!current) return noProgram(programId);
      const json = await deps.cache.derive(programId as ProgramId, current.version, 'services:catalog', async () => {
        const body = { ...programCatalogView(current.model), version: current.version };
        catalogSchema.parse(body);
        return JSON.stringify(body);
      });
      return { json };
    },
  }),
  route<{ programId: string }, { of: string }>({
    method: 'get',
    path: '/api/programs/{programId}/blast-radius',
    tag: 'Services',
    summary: 'Blast radius: who is affected if X changes',
    description:
      "`of` is a service or resource id, or an API name (`api:NAME` when a service has the same name; without it the service is meant, whose radius contains its API's). Every transitive consumer with its owner team, tier, distance (links: provider → API → consumer is two, a dependency one) and path (APIs written `api:NAME`); per team, how many of its services and the worst tier; the program items that name the changed service or an affected one; dependency cycles the change runs into. Unknown `of`: 404 with a did-you-mean.",
    access: 'viewer',
    params: programIdParam,
    query: z.strictObject({ of: z.string().min(1, { message: 'say what changes: a service id or an API name, e.g. of=users-db' }) }),
    response: blastRadiusSchema,
    async handle({ programId, query, deps }) {
      const current = await deps.cache.current(programId as ProgramId);
      if (!current) return noProgram(programId);
      const id = programId as ProgramId;
      const compiled = await deps.cache.derive(id, current.version, 'services:compiled', async () => compileProgramCatalog(current.model));
      // Unknown names are answered uncached, so the cache holds at most one radius per service and API.
      const resolved = resolveChange(compiled, query.of);
      if (!resolved.ok)
        return problem(404, 'unknown-service', 'Not in the service catalog', `${resolved.error.message}; ${resolved.error.hint}`, {
          errors: [{ field: 'of', message: `${resolved.error.message}; ${resolved.error.hint}` }],
        });
      const json = await deps.cache.derive(id, current.version, `blast-radius:${resolved.value}`, async () => {
        const r = programBlastRadius(compiled, query.of);
        if (!r.ok) throw new Error(`resolved ${resolved.value} has no radius: ${r.error.message}`);
        const body = { ...r.value, version: current.version };
        blastRadiusSchema.parse(body);
        return JSON.stringify(body);
      });
      return { json };
    },
  }),
  route<{ programId: string }, { file: string; teams?: string | undefined }, string>({
    method: 'post',
    path: '/api/programs/{programId}/import/backstage',
    tag: 'Services',
    summary: 'Import a Backstage catalog',
    description:
      "The body is a Backstage catalog file (multi-document YAML: Component, API, Resource, System, Group, User…; Locations to other files cannot be followed in an upload and are reported). Components become services and Resources resources, keyed by name, replacing the program's services of the same id and keeping the others; providesApis/consumesApis become API names, dependsOn ids, a subcomponent a dependency of its whole; the owner Group becomes the team of that id (`teams=group=team,…` maps other names), created with capacity 1 when the program has none (listed in `teamsCreated`); a User owner goes to their first group. One change set; a file with problems changes nothing (422, each problem at its line and column).",
    access: 'editor',
    params: programIdParam,
    query: z.strictObject({
      file: z.string().min(1).default('catalog-info.yaml'),
      teams: z.string().optional(),
    }),
    rawBody: { contentTypes: ['application/yaml', 'application/x-yaml', 'text/yaml', 'text/plain'] },
    response: importSchema,
    problems: [422],
    async handle({ programId, query, body, principal, deps }) {
      const teamFor = teamMap(query.teams);
      if (teamFor === undefined)
        return problem(
          422,
          'invalid-query',
          'Bad team mapping',
          'teams is a list of GROUP=TEAM pairs separated by commas, e.g. team-a=identity',
          {
            errors: [{ field: 'teams', message: 'write GROUP=TEAM pairs separated by commas, e.g. team-a=identity,team-b=billing' }],
          },
        );
      const meta = { actor: principal?.login ?? 'unknown', at: deps.now() };
      const done = await importBackstageFiles(deps.store, [query.file], (path) => (path === query.file ? body : undefined), {
        programId: programId as ProgramId,
        label: query.file,
        ...meta,
        teamFor,
      });
      if (!done.ok) return importFailure(done.error, programId as string, query.file);
      const { saved, ...rest } = done.value;
      if (saved.changes.length > 0)
        deps.events.publish({
          programId: saved.programId,
          version: saved.version,
          actor: meta.actor,
          source: `import ${query.file}`,
          changes: saved.changes.map((c) => ({ entity: c.entity, id: c.id, op: c.op })),
        });
      return {
        body: {
          saved: { programId: saved.programId, created: saved.created, version: saved.version, changes: saved.changes.length },
          ...rest,
        },
      };
    },
  }),
];
