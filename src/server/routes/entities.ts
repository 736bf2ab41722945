import { z } from 'zod';
import { type EditableEntity, type EditError, editEntity, etagOf, findEntity } from '../../app/edit-program.js';
import { type CapacityResource, capacityResourceSchema } from '../../domain/capacity.js';
import { crossesTeams, type Dependency } from '../../domain/dependency.js';
import type { ProgramId } from '../../domain/ids.js';
import { type Incident, incidentSchema, type Postmortem, postmortemSchema } from '../../domain/incident.js';
import { type Migration, migrationSchema } from '../../domain/migration.js';
import type { ProgramModel } from '../../domain/program-model.js';
import { type ProgramService, programServiceSchema } from '../../domain/program-service.js';
import { type ProgramSlo, programSloSchema } from '../../domain/program-slo.js';
import type { WorkItem } from '../../domain/work-item.js';
import {
  decisionSchema,
  dependencySchema,
  itemSchema,
  pageMeta,
  pageQuery,
  riskSchema,
  teamSchema,
  withEtag,
  workstreamSchema,
} from '../api-schemas.js';
import { problem } from '../problem.js';
import { type Reply, type Route, type RouteInput, route } from '../route.js';

interface EntitySpec {
  readonly entity: EditableEntity;
  /** Path segment and list name: `items`. */
  readonly plural: string;
  readonly label: string;
  readonly schema: z.ZodType;
  /** Path parameters naming one entity, and its key from them. */
  readonly keyParams: readonly string[];
  readonly keyOf: (params: Record<string, string>) => string;
  readonly list: (model: ProgramModel) => readonly unknown[];
  /** Filters on the list, as query parameters. */
  readonly filters: z.ZodRawShape;
  /** The filter for a query: set up once per list (lookups it needs), then called per entity. */
  readonly matcher: (query: Record<string, unknown>, model: ProgramModel) => (entity: unknown) => boolean;
}

const byId = (params: Record<string, string>) => params.id as string;
/** A filter value: absent matches all; "a,b" matches either. */
const inList = (wanted: unknown, value: string | undefined) =>
  wanted === undefined || (value !== undefined && String(wanted).split(',').includes(value));

/** An entity keyed by `id` in its own list, optionally filtered by its status. */
const keyedById = (
  entity: EditableEntity,
  plural: 'teams' | 'workstreams' | 'risks' | 'decisions' | 'services' | 'slos' | 'incidents' | 'postmortems' | 'capacity' | 'migrations',
  schema: z.ZodType,
  byStatus: boolean,
): EntitySpec => ({
  entity,
  plural,
  label: entity,
  schema,
  keyParams: ['id'],
  keyOf: byId,
  list: (m) => m[plural],
  filters: byStatus ? { status: z.string().optional() } : {},
  matcher: (q) => (e) => inList(q.status, (e as { status?: string }).status),
});

const SPECS: readonly EntitySpec[] = [
  {
    entity: 'item',
    plural: 'items',
    label: 'item',
    schema: itemSchema,
    keyParams: ['id'],
    keyOf: byId,
    list: (m) => m.items,
    filters: {
      team: z.string().optional(),
      workstream: z.string().optional(),
      state: z.string().optional(),
      kind: z.string().optional(),
      parent: z.string().optional(),
      q: z.string().optional(),
    },
    matcher: (q) => (e) => {
      const item = e as WorkItem;
      return (
        (q.team === undefined || item.team === q.team) &&
        (q.workstream === undefined || item.workstream === q.workstream) &&
        inList(q.state, item.state) &&
        inList(q.kind, item.kind) &&
        (q.parent === undefined || item.parent === q.parent) &&
        (q.q === undefined || `${item.id} ${item.title}`.toLowerCase().includes(String(q.q).toLowerCase()))
      );
    },
  },
  {
    entity: 'dependency',
    plural: 'dependencies',
    label: 'dependency',
    schema: dependencySchema,
    keyParams: ['from', 'to'],
    keyOf: (p) => `${p.from}->${p.to}`,
    list: (m) => m.dependencies,
    filters: { item: z.string().optional(), state: z.string().optional(), crossTeam: z.enum(['true', 'false']).optional() },
    matcher: (q, model) => {
      const teamOf = new Map(model.items.map((i) => [i.id as string, i.team]));
      return (e) => {
        const d = e as Dependency;
        if (q.item !== undefined && d.from !== q.item && d.to !== q.item) return false;
        if (!inList(q.state, d.state)) return false;
        return q.crossTeam === undefined || crossesTeams(teamOf.get(d.from), teamOf.get(d.to)) === (q.crossTeam === 'true');
      };
    },
  },
  keyedById('team', 'teams', teamSchema, false),
  keyedById('workstream', 'workstreams', workstreamSchema, false),
  keyedById('risk', 'risks', riskSchema, true),
  keyedById('decision', 'decisions', decisionSchema, true),
  {
    ...keyedById('service', 'services', programServiceSchema, false),
    filters: { team: z.string().optional(), kind: z.string().optional(), tier: z.coerce.number().int().optional() },
    matcher: (q) => (e) => {
      const s = e as ProgramService;
      return inList(q.team, s.team) && inList(q.kind, s.kind) && (q.tier === undefined || s.tier === q.tier);
    },
  },
  {
    ...keyedById('slo', 'slos', programSloSchema, false),
    filters: { service: z.string().optional() },
    matcher: (q) => (e) => inList(q.service, (e as ProgramSlo).service),
  },
  {
    ...keyedById('incident', 'incidents', incidentSchema, true),
    filters: { status: z.string().optional(), severity: z.string().optional(), service: z.string().optional() },
    matcher: (q) => (e) => {
      const i = e as Incident;
      return (
        inList(q.status, i.status) && inList(q.severity, i.severity) && (q.service === undefined || i.services.includes(String(q.service)))
      );
    },
  },
  {
    ...keyedById('postmortem', 'postmortems', postmortemSchema, false),
    filters: { incident: z.string().optional() },
    matcher: (q) => (e) => inList(q.incident, (e as Postmortem).incident),
  },
  {
    ...keyedById('capacity', 'capacity', capacityResourceSchema, false),
    label: 'capacity resource',
    filters: { team: z.string().optional() },
    matcher: (q) => (e) => inList(q.team, (e as CapacityResource).team),
  },
  {
    ...keyedById('migration', 'migrations', migrationSchema, false),
    filters: { service: z.string().optional() },
    matcher: (q) => (e) => q.service === undefined || (e as Migration).services.some((s) => s.service === String(q.service)),
  },
];

function editFailure(e: EditError, label: string, programId: string): Reply {
  switch (e.kind) {
    case 'no-program':
      return problem(404, 'no-program', 'No such program', `there is no program "${programId}"`);
    case 'not-found':
      return problem(404, 'not-found', `No such ${label}`, `there is no ${label} "${e.key}" in "${programId}"`);
    case 'exists':
      return problem(
        409,
        'exists',
        `The ${label} exists`,
        `a ${label} "${e.key}" exists already; change it with PATCH, or pick another id`,
      );
    case 'conflict':
      return problem(
        409,
        'edit-conflict',
        'Changed by someone else',
        `this ${label} changed since you read it; review the current version, re-apply your change and send its ETag in If-Match`,
        { current: e.current, currentEtag: e.currentEtag },
      );
    case 'invalid':
      return problem(422, 'invalid-edit', `The ${label} cannot be saved`, e.errors.map((x) => `${x.field}: ${x.message}`).join('; '), {
        errors: e.errors,
      });
  }
}

function routesFor(spec: EntitySpec): Route[] {
  const base = `/api/programs/{programId}/${spec.plural}`;
  const one = `${base}/${spec.keyParams.map((k) => `{${k}}`).join('/')}`;
  const keyParams = z.strictObject({ programId: z.string(), ...Object.fromEntries(spec.keyParams.map((k) => [k, z.string()])) });
  const tag = spec.plural[0]?.toUpperCase() + spec.plural.slice(1);
  const listSchema = z.object({ [spec.plural]: z.array(withEtag(spec.schema)), version: z.number(), ...pageMeta });
  const ifMatch = (input: RouteInput<unknown, unknown, unknown>) => input.header('if-match');
  const attribution = (input: RouteInput<unknown, unknown, unknown>) => ({
    actor: input.principal?.login ?? 'unknown',
    at: input.deps.now(),
    source: input.principal?.via === 'token' ? 'api token' : 'web',
  });

  async function write(
    input: RouteInput<unknown, unknown, unknown>,
    edit: Parameters<typeof editEntity>[3],
    created: boolean,
  ): Promise<Reply> {
    const programId = input.programId as ProgramId;
    const done = await editEntity(input.deps.store, programId, spec.entity, edit, attribution(input));
    if (!done.ok) return editFailure(done.error, spec.label, programId);
    const { saved, value, etag } = done.value;
    if (saved.changes.length > 0) {
      const meta = attribution(input);
      input.deps.events.publish({
        programId,
        version: saved.version,
        actor: meta.actor,
        source: meta.source,
        changes: saved.changes.map((c) => ({ entity: c.entity, id: c.id, op: c.op })),
      });
    }
    if (value === undefined) return { status: 204 };
    return { status: created ? 201 : 200, body: { etag, value }, headers: { etag: etag as string } };
  }

  const needIfMatch = (input: RouteInput<unknown, unknown, unknown>): Reply | undefined =>
    ifMatch(input)
      ? undefined
      : problem(
          428,
          'if-match-required',
          'If-Match required',
          `send the ${spec.label}'s ETag (from GET) in If-Match, so a change made meanwhile is not overwritten`,
        );

  return [
    route<Record<string, string>, Record<string, unknown>>({
      method: 'get',
      path: base,
      tag,
      summary: `List ${spec.plural}`,
      description: `Paginated (page, perPage ≤ 1000) in the program's order${Object.keys(spec.filters).length ? `; filters: ${Object.keys(spec.filters).join(', ')} (comma for several values)` : ''}.`,
      access: 'viewer',
      params: z.strictObject({ programId: z.string() }),
      query: z.strictObject({ ...pageQuery, ...spec.filters }),
      response: listSchema,
      async handle({ programId, query, deps }) {
        const current = await deps.cache.current(programId as ProgramId);
        if (!current) return problem(404, 'no-program', 'No such program', `there is no program "${programId}"`);
        const page = query.page as number;
        const perPage = query.perPage as number;
        const key = `list:${spec.plural}:${JSON.stringify(query)}`;
        const json = await deps.cache.derive(programId as ProgramId, current.version, key, async () => {
          const all = spec.list(current.model).filter(spec.matcher(query, current.model));
          const slice = all.slice((page - 1) * perPage, page * perPage);
          const body = {
            [spec.plural]: slice.map((value) => ({ etag: etagOf(value), value })),
            version: current.version,
            page,
            perPage,
            total: all.length,
          };
          // Checked once per version and query, then served as it is.
          listSchema.parse(body);
          return JSON.stringify(body);
        });
        return { json };
      },
    }),
    route<Record<string, string>>({
      method: 'get',
      path: one,
      tag,
      summary: `One ${spec.label}, with its ETag`,
      access: 'viewer',
      params: keyParams,
      response: withEtag(spec.schema),
      async handle({ programId, params, deps }) {
        const current = await deps.cache.current(programId as ProgramId);
        const value = current ? findEntity(current.model, spec.entity, spec.keyOf(params)) : undefined;
        if (value === undefined)
          return problem(404, 'not-found', `No such ${spec.label}`, `there is no ${spec.label} "${spec.keyOf(params)}" in "${programId}"`);
        const etag = etagOf(value);
        return { body: { etag, value }, headers: { etag } };
      },
    }),
    route<Record<string, string>, Record<string, never>, unknown>({
      method: 'post',
      path: base,
      tag,
      summary: `Create a ${spec.label}`,
      description: 'The whole program is checked as on import (references, estimates, cycles); 422 says what is wrong at which field.',
      access: 'editor',
      params: z.strictObject({ programId: z.string() }),
      body: z.record(z.string(), z.unknown()),
      response: withEtag(spec.schema),
      responseStatus: 201,
      problems: [409, 422],
      handle: (input) => write(input as RouteInput<unknown, unknown, unknown>, { op: 'create', value: input.body }, true),
    }),
    route<Record<string, string>, Record<string, never>, Record<string, unknown>>({
      method: 'patch',
      path: one,
      tag,
      summary: `Change a ${spec.label}`,
      description:
        'A JSON merge patch (RFC 7396; null removes a field). If-Match must carry the ETag you read: 409 with the current version when someone changed it meanwhile, 428 without it.',
      access: 'editor',
      params: keyParams,
      body: z.record(z.string(), z.unknown()),
      response: withEtag(spec.schema),
      problems: [409, 422, 428],
      async handle(input) {
        const missing = needIfMatch(input as RouteInput<unknown, unknown, unknown>);
        if (missing) return missing;
        return write(
          input as RouteInput<unknown, unknown, unknown>,
          {
            op: 'update',
            key: spec.keyOf(input.params),
            ifMatch: ifMatch(input as RouteInput<unknown, unknown, unknown>) as string,
            patch: input.body,
          },
          false,
        );
      },
    }),
    route<Record<string, string>>({
      method: 'delete',
      path: one,
      tag,
      summary: `Delete a ${spec.label}`,
      description: 'If-Match must carry the ETag you read. Fails with 422 while other entities still refer to it.',
      access: 'editor',
      params: keyParams,
      problems: [409, 422, 428],
      async handle(input) {
        const missing = needIfMatch(input as RouteInput<unknown, unknown, unknown>);
        if (missing) return missing;
        return write(
          input as RouteInput<unknown, unknown, unknown>,
          { op: 'delete', key: spec.keyOf(input.params), ifMatch: ifMatch(input as RouteInput<unknown, unknown, unknown>) as string },
          false,
        );
      },
    }),
  ];
}

export const entityRoutes = SPECS.flatMap(routesFor);
