import { z } from 'zod';
import { logTimeline, openIncident, postUpdate, setIncidentStatus } from '../../app/reliability/incident-changes.js';
import type { ReliabilityEditError, Saved } from '../../app/reliability/incident-edit.js';
import { storedIncidentMetrics } from '../../app/reliability/incident-metrics-report.js';
import { incidentIds, incidentView } from '../../app/reliability/incident-view.js';
import { draftPostmortem } from '../../app/reliability/postmortem-draft.js';
import type { ProgramId } from '../../domain/ids.js';
import {
  INCIDENT_STATUSES,
  type IncidentStatus,
  incidentSchema,
  instantSchema,
  postmortemSchema,
  SEVERITIES,
  severityDefinitionSchema,
  TIMELINE_KINDS,
  type TimelineKind,
  withSeverityOverrides,
} from '../../domain/incident.js';
import type { Result } from '../../domain/result.js';
import { suggestion } from '../../domain/suggest.js';
import { withEtag } from '../api-schemas.js';
import { problem } from '../problem.js';
import { type Reply, type RouteInput, route } from '../route.js';
import type { ServerDeps } from '../server-deps.js';

/** `?at=` an instant with its zone; absent = the server's clock. */
export const atQuery = { at: instantSchema.optional() };
const incidentParams = z.strictObject({ programId: z.string().min(1), id: z.string().min(1) });

type AnyInput = RouteInput<unknown, unknown, unknown>;

export const attribution = (input: AnyInput) => ({
  actor: input.principal?.login ?? 'unknown',
  at: input.deps.now(),
  source: input.principal?.via === 'token' ? 'api token' : 'web',
});

export const noProgram = (id: string | undefined) => problem(404, 'no-program', 'No such program', `there is no program "${id}"`);

export const noIncident = (programId: string, id: string, known: readonly string[]): Reply =>
  problem(404, 'not-found', 'No such incident', `there is no incident "${id}" in "${programId}"; ${suggestion(id, known, 'incidents')}`);

/** A failed reliability write as a problem: 404 unknown, 409 exists/changed, 422 invalid or an illegal status move. */
export function reliabilityFailure(e: ReliabilityEditError, programId: string): Reply {
  switch (e.kind) {
    case 'no-program':
      return noProgram(programId);
    case 'not-found':
      return problem(404, 'not-found', `No such ${e.entity}`, `there is no ${e.entity} "${e.key}" in "${programId}"`);
    case 'exists':
      return problem(409, 'exists', `The ${e.entity} exists`, `a ${e.entity} "${e.key}" exists already; pick another id`);
    case 'conflict':
      return problem(
        409,
        'edit-conflict',
        'Changed by someone else',
        'it changed since you read it; review the current version, re-apply your change and send its ETag in If-Match',
        { current: e.current, currentEtag: e.currentEtag },
      );
    case 'invalid':
      return problem(422, 'invalid-edit', 'Cannot be saved', e.errors.map((x) => `${x.field}: ${x.message}`).join('; '), {
        errors: e.errors,
      });
    case 'illegal-transition':
      return problem(422, 'illegal-transition', 'Status cannot move there', `${e.message}; ${e.hint}`, {
        from: e.from,
        to: e.to,
        allowed: e.allowed,
        errors: [{ field: 'status', message: `from ${e.from} the status can move to ${e.allowed.join(', ')}` }],
      });
  }
}

/** Answers a write with the saved entity and its ETag, and tells open pages (SSE), as the entity routes do. */
export function savedReply<T>(input: AnyInput, done: Result<Saved<T>, ReliabilityEditError>, status = 200): Reply {
  const programId = input.programId as ProgramId;
  if (!done.ok) return reliabilityFailure(done.error, programId);
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
  return { status, body: { etag, value }, headers: { etag } };
}

/**
 * A read computed once per program version, instant and options when the instant is given; with
 * no `at` the answer is for the server's "now", which moves, so it is computed each time.
 */
export async function cachedAt(
  deps: ServerDeps,
  programId: string,
  version: number,
  key: string,
  at: string | undefined,
  compute: () => unknown,
): Promise<Reply> {
  if (at === undefined) return { body: compute() };
  const json = await deps.cache.derive(programId as ProgramId, version, `${key}@${at}`, async () => JSON.stringify(compute()));
  return { json };
}

const ms = z.number().nullable();
export const incidentViewSchema = z.strictObject({
  incident: incidentSchema,
  etag: z.string(),
  severity: z.strictObject({ severity: z.enum(SEVERITIES), description: z.string(), updateCadenceMinutes: z.number().nullable() }),
  metrics: z.strictObject({ timeToDetectMs: ms, timeToAcknowledgeMs: ms, timeToMitigateMs: ms, timeToResolveMs: ms }),
  nextUpdateDue: z.string().nullable(),
  updateOverdueMinutes: z.number().nullable(),
  executiveUpdate: z.string(),
  nextStatuses: z.array(z.enum(INCIDENT_STATUSES)),
  postmortems: z.array(z.string()),
});

const metricsSchema = z.strictObject({
  count: z.number(),
  bySeverity: z.array(z.strictObject({ severity: z.enum(SEVERITIES), count: z.number(), open: z.number(), mttrMs: ms })),
  byService: z.array(z.strictObject({ service: z.string(), count: z.number(), open: z.number() })),
  budgetConsumed: z.array(
    z.strictObject({
      incident: z.string(),
      slo: z.string(),
      consumed: z.number(),
      unit: z.enum(['minutes', 'events']),
      fraction: z.number(),
      ongoing: z.boolean(),
      source: z.enum(['sli-data', 'impact-minutes']),
    }),
  ),
  version: z.number(),
});

const timelineBody = z.strictObject({
  kind: z.enum(TIMELINE_KINDS, { message: `kind is one of ${TIMELINE_KINDS.join(', ')}` }),
  text: z.string().default(''),
  at: instantSchema.optional(),
  author: z.string().min(1).optional(),
});
const updateBody = z.strictObject({
  audience: z.string().trim().min(1, { message: 'say who received it, e.g. executives, customers, #incident' }),
  text: z.string().trim().min(1, { message: 'an update needs its text' }),
  at: instantSchema.optional(),
});
const statusBody = z.strictObject({
  status: z.enum(INCIDENT_STATUSES, { message: `status is one of ${INCIDENT_STATUSES.join(', ')}` }),
  at: instantSchema.optional(),
  /** Why (required to reopen); also the text of the milestone entry. */
  text: z.string().optional(),
});

const declareBody = z.strictObject({
  /** Default: the next id in the program's own numbering (after inc-2027-014 comes inc-2027-015). */
  id: z.string().min(1).optional(),
  title: z.string().trim().min(1, { message: 'say what is happening, e.g. Checkout returns 502 for EU customers' }),
  severity: z.enum(SEVERITIES, { message: `severity is one of ${SEVERITIES.join(', ')}` }),
  startedAt: instantSchema.optional(),
  impactStartedAt: instantSchema.optional(),
  services: z.array(z.string().min(1)).default([]),
  incidentCommander: z.string().trim().min(1).optional(),
});

const ifMatch = (input: AnyInput) => input.header('if-match');
const instantOf = (input: AnyInput, at: string | undefined) => (at === undefined ? input.deps.now() : new Date(at)).toISOString();

export const incidentRoutes = [
  route<{ programId: string }, Record<string, never>, z.infer<typeof declareBody>>({
    method: 'post',
    path: '/api/programs/{programId}/incidents/declare',
    tag: 'Incidents',
    summary: 'Declare an incident',
    description:
      "Opens an incident as investigating, now (or at `startedAt`), with a `detected` entry naming who declared it. Without an `id` it takes the next one in the program's own numbering, retrying if a concurrent declaration took it.",
    access: 'editor',
    params: z.strictObject({ programId: z.string().min(1) }),
    body: declareBody,
    response: withEtag(incidentSchema),
    problems: [409, 422],
    async handle(input) {
      const { programId, body, principal } = input;
      const any = input as AnyInput;
      const at = instantOf(any, body.startedAt);
      const by = principal?.login ?? 'unknown';
      const done = await openIncident(
        input.deps.store,
        programId as ProgramId,
        {
          ...(body.id === undefined ? {} : { id: body.id }),
          title: body.title,
          severity: body.severity,
          startedAt: at,
          ...(body.impactStartedAt === undefined ? {} : { impactStartedAt: body.impactStartedAt }),
          services: body.services,
          roles: body.incidentCommander === undefined ? {} : { incidentCommander: body.incidentCommander },
          timeline: [{ at, kind: 'detected', text: `Incident declared by ${by}`, author: by }],
        },
        attribution(any),
      );
      return savedReply(any, done, 201);
    },
  }),
  route<{ programId: string }>({
    method: 'get',
    path: '/api/programs/{programId}/incidents/severities',
    tag: 'Incidents',
    summary: 'Severity definitions',
    description:
      "SEV1 to SEV4 as this program defines them: its own definitions (program.severities) laid over the defaults after PagerDuty's incident response documentation, each with its stakeholder update cadence in minutes (null = no scheduled updates).",
    access: 'viewer',
    params: z.strictObject({ programId: z.string().min(1) }),
    response: z.strictObject({ severities: z.array(severityDefinitionSchema) }),
    async handle({ programId, deps }) {
      const current = await deps.cache.current(programId as ProgramId);
      if (!current) return noProgram(programId);
      const defined = withSeverityOverrides(current.model.program.severities ?? []);
      return { body: { severities: SEVERITIES.map((s) => defined[s]) } };
    },
  }),
  route<{ programId: string }, { from?: string | undefined; to?: string | undefined; at?: string | undefined }>({
    method: 'get',
    path: '/api/programs/{programId}/incidents/metrics',
    tag: 'Incidents',
    summary: 'Incident metrics',
    description:
      'Incidents opened in [from, to): counts and open per severity with mean time to resolve (from impact start, else detection, else opening), per service, and the error budget each consumed on the SLOs of the services it touched, from impact start to mitigation (else resolution, else `at`): measured from stored SLI samples for Occurrences SLOs (`source: sli-data`, events), else every impact minute counted as bad (`impact-minutes`).',
    access: 'viewer',
    params: z.strictObject({ programId: z.string().min(1) }),
    query: z.strictObject({ from: instantSchema.optional(), to: instantSchema.optional(), ...atQuery }),
    response: metricsSchema,
    async handle({ programId, query, deps }) {
      const current = await deps.cache.current(programId as ProgramId);
      if (!current) return noProgram(programId);
      const now = query.at === undefined ? deps.now() : new Date(query.at);
      const range = { now, ...(query.from ? { from: new Date(query.from) } : {}), ...(query.to ? { to: new Date(query.to) } : {}) };
      // Not cached: uploaded SLI samples change the measured consumption without a new program version.
      const report = await storedIncidentMetrics(deps.store, programId as ProgramId, current.model, range);
      return { body: { ...report, version: current.version } };
    },
  }),
  route<{ programId: string; id: string }, { at?: string | undefined }>({
    method: 'get',
    path: '/api/programs/{programId}/incidents/{id}/view',
    tag: 'Incidents',
    summary: 'An incident as responders see it',
    description:
      "At `at` (default now): TTD/TTA/TTM/TTR in ms, the program's definition of its severity, when the next stakeholder update is due and how many minutes it is overdue, the executive update drafted from the timeline, the statuses it may move to, its post-mortems.",
    access: 'viewer',
    params: incidentParams,
    query: z.strictObject(atQuery),
    response: incidentViewSchema,
    async handle({ programId, params, query, deps }) {
      const current = await deps.cache.current(programId as ProgramId);
      if (!current) return noProgram(programId);
      const now = query.at === undefined ? deps.now() : new Date(query.at);
      if (!current.model.incidents.some((i) => i.id === params.id))
        return noIncident(programId as string, params.id, incidentIds(current.model));
      return cachedAt(deps, programId as string, current.version, `incident-view:${params.id}`, query.at, () =>
        incidentView(current.model, params.id, now),
      );
    },
  }),
  route<{ programId: string; id: string }, Record<string, never>, z.infer<typeof timelineBody>>({
    method: 'post',
    path: '/api/programs/{programId}/incidents/{id}/timeline',
    tag: 'Incidents',
    summary: 'Log a timeline entry',
    description:
      'Adds an entry (detected, acknowledged, mitigated, resolved, note, status-change, update-sent) in time order; `at` defaults to now, `author` to the caller. If-Match is optional: with it, 409 when the incident changed since; without it, the entry is added on top of concurrent writes.',
    access: 'editor',
    params: incidentParams,
    body: timelineBody,
    response: withEtag(incidentSchema),
    problems: [409, 422],
    async handle(input) {
      const { programId, params, body, principal } = input;
      const any = input as AnyInput;
      const entry = {
        kind: body.kind as TimelineKind,
        text: body.text,
        at: instantOf(any, body.at),
        author: body.author ?? principal?.login ?? 'unknown',
      };
      return savedReply(any, await logTimeline(input.deps.store, programId as ProgramId, params.id, entry, attribution(any), ifMatch(any)));
    },
  }),
  route<{ programId: string; id: string }, Record<string, never>, z.infer<typeof updateBody>>({
    method: 'post',
    path: '/api/programs/{programId}/incidents/{id}/updates',
    tag: 'Incidents',
    summary: 'Record a stakeholder update',
    description:
      'An update sent to an audience; it restarts the update cadence of the severity. `at` defaults to now; the author is the caller.',
    access: 'editor',
    params: incidentParams,
    body: updateBody,
    response: withEtag(incidentSchema),
    problems: [409, 422],
    async handle(input) {
      const { programId, params, body, principal } = input;
      const any = input as AnyInput;
      const update = { audience: body.audience, text: body.text, at: instantOf(any, body.at), author: principal?.login ?? 'unknown' };
      return savedReply(any, await postUpdate(input.deps.store, programId as ProgramId, params.id, update, attribution(any), ifMatch(any)));
    },
  }),
  route<{ programId: string; id: string }, Record<string, never>, z.infer<typeof statusBody>>({
    method: 'put',
    path: '/api/programs/{programId}/incidents/{id}/status',
    tag: 'Incidents',
    summary: 'Move the status',
    description:
      'Forward only (investigating → identified → monitoring → resolved, skipping allowed), or resolved → investigating with a `text` saying why. Logs the status change, and the mitigated (monitoring) or resolved milestone when the timeline lacks it. 422 `illegal-transition` names the `allowed` next statuses.',
    access: 'editor',
    params: incidentParams,
    body: statusBody,
    response: withEtag(incidentSchema),
    problems: [409, 422],
    async handle(input) {
      const { programId, params, body, principal } = input;
      const any = input as AnyInput;
      const change = {
        status: body.status as IncidentStatus,
        at: instantOf(any, body.at),
        ...(body.text === undefined ? {} : { text: body.text }),
        author: principal?.login ?? 'unknown',
      };
      return savedReply(
        any,
        await setIncidentStatus(input.deps.store, programId as ProgramId, params.id, change, attribution(any), ifMatch(any)),
      );
    },
  }),
  route<{ programId: string; id: string }>({
    method: 'get',
    path: '/api/programs/{programId}/incidents/{id}/postmortem-draft',
    tag: 'Incidents',
    summary: 'A post-mortem drafted from the incident (not saved)',
    description:
      'The blameless template prefilled: id (pm-N for inc-N), a factual summary line, the impact, the timeline copied; the lists and action items are for the review to write. Save it with POST /postmortems.',
    access: 'viewer',
    params: incidentParams,
    response: z.strictObject({ value: postmortemSchema }),
    async handle({ programId, params, deps }) {
      const current = await deps.cache.current(programId as ProgramId);
      if (!current) return noProgram(programId);
      const incident = current.model.incidents.find((i) => i.id === params.id);
      if (!incident) return noIncident(programId as string, params.id, incidentIds(current.model));
      return { body: { value: draftPostmortem(current.model, incident) } };
    },
  }),
];
