import { z } from 'zod';
import { refreshSliFromPrometheus, type SliDataError, type SliDataSaved, storeSliCsv } from '../../app/reliability/slo-data.js';
import { importOpenSlo, type SloImportError } from '../../app/reliability/slo-import.js';
import { DEFAULT_SERIES_POINTS, MAX_SERIES_POINTS, programSloSeries, programSloStatuses } from '../../app/reliability/slo-status.js';
import type { ProgramId } from '../../domain/ids.js';
import type { ProgramModel } from '../../domain/program-model.js';
import { suggestion } from '../../domain/suggest.js';
import { availabilityTable } from '../../engine/slo/availability.js';
import { csvProblemsReply, fileProblemsReply } from '../file-problems.js';
import { problem } from '../problem.js';
import { type Reply, type RouteInput, route } from '../route.js';

/** An instant with its zone, e.g. 2027-03-05T12:00:00Z; absent = now. */
const atQuery = z
  .string()
  .refine((s) => /(Z|[+-]\d{2}:?\d{2})$/i.test(s) && !Number.isNaN(Date.parse(s)), {
    message: 'at is an ISO 8601 date-time with a zone, e.g. 2027-03-05T12:00:00Z',
  })
  .optional();

const ruleSchema = z.object({
  name: z.string(),
  severity: z.enum(['page', 'ticket']),
  burnRate: z.number(),
  longWindowMs: z.number(),
  shortWindowMs: z.number(),
  longBurnRate: z.number().nullable(),
  shortBurnRate: z.number().nullable(),
  fires: z.boolean(),
});

const dataSchema = z.object({
  samples: z.number(),
  /** First and last stored sample, ISO 8601 UTC. */
  from: z.string().nullable(),
  to: z.string().nullable(),
  source: z.enum(['csv', 'prometheus']),
});

const statusSchema = z.object({
  slos: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      service: z.string(),
      objective: z.number(),
      budgeting: z.string(),
      window: z.string(),
      calendar: z.object({ start: z.string(), timeZone: z.string() }).nullable(),
      allowedDowntimeSeconds: z.number().nullable(),
      unit: z.enum(['events', 'minutes']),
      data: dataSchema.nullable(),
      budget: z
        .object({
          atMs: z.number(),
          attainedSli: z.number().nullable(),
          total: z.number(),
          consumed: z.number(),
          remaining: z.number(),
          exhausted: z.boolean(),
          burnRate: z.number().nullable(),
          timeToExhaustionMs: z.number().nullable(),
          alert: z.enum(['page', 'ticket']).nullable(),
          rules: z.array(ruleSchema),
        })
        .nullable(),
      notComputed: z.string().nullable(),
    }),
  ),
  version: z.number(),
});

const seriesSchema = z.object({
  id: z.string(),
  unit: z.enum(['events', 'minutes']),
  total: z.number().nullable(),
  points: z.array(
    z.object({ t: z.number(), sli: z.number().nullable(), consumed: z.number(), remaining: z.number(), burnRate: z.number().nullable() }),
  ),
  notComputed: z.string().nullable(),
});

const savedSchema = z.object({
  slo: z.string(),
  samples: z.number(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  source: dataSchema.shape.source,
});

const sloParams = z.strictObject({ programId: z.string(), id: z.string() });
const programParams = z.strictObject({ programId: z.string() });

const noProgram = (programId: string) => problem(404, 'no-program', 'No such program', `there is no program "${programId}"`);

/** Runs `run` on the program's current model (cached per version); 404 when there is none. */
async function onProgram(
  input: RouteInput<{ programId: string }, unknown, unknown>,
  run: (programId: ProgramId, current: { model: ProgramModel; version: number }) => Promise<Reply>,
): Promise<Reply> {
  const programId = input.params.programId as ProgramId;
  const current = await input.deps.cache.current(programId);
  return current ? run(programId, current) : noProgram(programId);
}
const instant = (at: string | undefined, input: RouteInput<unknown, unknown, unknown>) =>
  at === undefined ? input.deps.now().getTime() : Date.parse(at);

function dataFailure(e: SliDataError): Reply {
  switch (e.kind) {
    case 'no-slo':
      return problem(404, 'no-slo', 'No such SLO', e.message);
    case 'csv':
      return csvProblemsReply('invalid-sli-data', 'The SLI data has problems', e.problems);
    case 'no-source':
      return problem(
        422,
        'no-source',
        'Nothing to refresh from',
        `${e.message}; add source: { prometheus: URL } to the SLO, or upload its data as CSV`,
        {
          errors: [{ field: 'source', message: e.message }],
        },
      );
    case 'not-ratio':
      return problem(422, 'not-ratio', 'Not refreshable', e.message, { errors: [{ field: 'indicator', message: e.message }] });
    case 'prometheus': {
      // The server could not be asked, or answered nonsense: a bad gateway. It refused the query: the SLO's to fix.
      const upstream = e.error.kind === 'unreachable' || e.error.kind === 'http' || e.error.kind === 'bad-response';
      return problem(
        upstream ? 502 : 422,
        `prometheus-${e.error.kind}`,
        'Prometheus could not give the SLI',
        `${e.error.message} (${e.error.hint})`,
        {
          errors: [{ field: e.error.query ? `indicator.ratio.${e.error.query}` : 'source', message: e.error.message }],
        },
      );
    }
  }
}

function importFailure(e: SloImportError, file: string): Reply {
  switch (e.kind) {
    case 'no-program':
      return problem(404, 'no-program', 'No such program', e.message);
    case 'openslo':
      return fileProblemsReply('invalid-openslo', 'The OpenSLO file has problems', file, e.problems);
    case 'needs-team':
      return problem(422, 'team-required', 'An owner team is needed', e.message, { errors: [{ field: 'team', message: e.message }] });
    case 'unknown-team':
      return problem(422, 'unknown-team', 'No such team', e.message, { errors: [{ field: 'team', message: e.message }] });
    case 'nothing':
      return problem(422, 'nothing-to-import', 'Nothing to import', e.message, {
        errors: e.warnings.map((w) => ({ field: 'body', message: w.message })),
      });
    case 'invalid':
      return problem(422, 'invalid-edit', 'The program would break a rule', e.errors.map((x) => `${x.field}: ${x.message}`).join('; '), {
        errors: e.errors,
      });
  }
}

/** After new data: open pages refetch SLO figures; the program itself did not change, so its version stays. */
async function published(input: RouteInput<unknown, unknown, unknown>, programId: ProgramId, saved: SliDataSaved): Promise<Reply> {
  // Reports and findings cached for this version read SLI data: they must not outlive it.
  input.deps.cache.forgetDerived(programId);
  const version = await input.deps.store.versionOf(programId);
  if (version !== undefined)
    input.deps.events.publish({
      programId,
      version,
      actor: input.principal?.login ?? 'unknown',
      source: input.principal?.via === 'token' ? 'api token' : 'web',
      changes: [{ entity: 'sli-data', id: saved.slo, op: 'update' }],
    });
  return { body: saved };
}

/** SLO status, budget series, SLI data (CSV or Prometheus), the availability table and OpenSLO import (issue 6). */
export const sloRoutes = [
  route<{ programId: string }, { at?: string | undefined }>({
    method: 'get',
    path: '/api/programs/{programId}/slos/status',
    tag: 'SLOs',
    summary: 'Status and error budget of every SLO',
    description:
      'Per SLO: objective (percent), window, allowed downtime over the window, the stored SLI data, and with data the error budget at the last sample at or before `at` (default now): attained SLI, total, consumed and remaining (events for Occurrences, minutes for time slices; remaining < 0 when overspent), burn rate over the window so far, time until exhaustion, and the SRE Workbook multi-window burn-rate rules with the pair that fires. `notComputed` says why a budget is missing.',
    access: 'viewer',
    params: programParams,
    query: z.strictObject({ at: atQuery }),
    response: statusSchema,
    handle: (input) =>
      onProgram(input, async (programId, current) => {
        const slos = await programSloStatuses(input.deps.store, programId, current.model, instant(input.query.at, input));
        return { body: { slos, version: current.version } };
      }),
  }),
  route<{ programId: string; id: string }, { at?: string | undefined; points: number }>({
    method: 'get',
    path: '/api/programs/{programId}/slos/{id}/series',
    tag: 'SLOs',
    summary: 'Error budget of one SLO over its window',
    description: `The budget over the window ending at the last sample at or before \`at\`, at most \`points\` points (default ${DEFAULT_SERIES_POINTS}, at most ${MAX_SERIES_POINTS}); each point is the last sample of its span of time, \`t\` in ms since the epoch.`,
    access: 'viewer',
    params: sloParams,
    query: z.strictObject({ at: atQuery, points: z.coerce.number().int().min(2).max(MAX_SERIES_POINTS).default(DEFAULT_SERIES_POINTS) }),
    response: seriesSchema,
    handle: (input) =>
      onProgram(input, async (programId, current) => {
        const series = await programSloSeries(
          input.deps.store,
          programId,
          current.model,
          input.params.id,
          instant(input.query.at, input),
          input.query.points,
        );
        if (!series)
          return problem(
            404,
            'no-slo',
            'No such SLO',
            `there is no SLO "${input.params.id}" in "${programId}"; ${suggestion(
              input.params.id,
              current.model.slos.map((s) => s.id),
              'SLOs',
            )}`,
          );
        return { body: series };
      }),
  }),
  route<{ programId: string; id: string }, { file: string }, string>({
    method: 'put',
    path: '/api/programs/{programId}/slos/{id}/data',
    tag: 'SLOs',
    summary: 'Upload SLI samples (CSV)',
    description:
      'The body is CSV with a header: `timestamp,good,total` for a ratio SLI, `timestamp,value` for a threshold SLI; timestamps in epoch seconds or ISO 8601 with a zone, strictly increasing. Replaces the stored samples. Each problem is answered with its line and column; nothing is stored then.',
    access: 'editor',
    params: sloParams,
    query: z.strictObject({ file: z.string().min(1).default('data.csv') }),
    rawBody: { contentTypes: ['text/csv', 'text/plain', 'application/csv'] },
    response: savedSchema,
    problems: [422],
    handle: (input) =>
      onProgram(input, async (programId, current) => {
        const saved = await storeSliCsv(
          input.deps.store,
          programId,
          current.model,
          input.params.id,
          { file: input.query.file, text: input.body },
          { actor: input.principal?.login ?? 'unknown', at: input.deps.now() },
        );
        return saved.ok ? published(input as RouteInput<unknown, unknown, unknown>, programId, saved.value) : dataFailure(saved.error);
      }),
  }),
  route<{ programId: string; id: string }, { at?: string | undefined }>({
    method: 'post',
    path: '/api/programs/{programId}/slos/{id}/refresh',
    tag: 'SLOs',
    summary: 'Pull SLI samples from Prometheus',
    description:
      "Reads the SLO's good (or bad) and total queries from its `source.prometheus` server over /api/v1/query_range, over the window ending at `at` (default now; at least the 3 days the Workbook's ticket rule looks back), at the step of the queries' range selector (`[1m]` → 1 min), and replaces the stored samples. Prometheus's own error text is passed on: 502 when the server cannot be reached or answers nonsense, 422 when it refuses the query or has no data.",
    access: 'editor',
    params: sloParams,
    query: z.strictObject({ at: atQuery }),
    response: savedSchema,
    problems: [422, 502],
    handle: (input) =>
      onProgram(input, async (programId, current) => {
        const saved = await refreshSliFromPrometheus(
          input.deps.store,
          programId,
          current.model,
          input.params.id,
          instant(input.query.at, input),
          {
            actor: input.principal?.login ?? 'unknown',
            at: input.deps.now(),
          },
        );
        return saved.ok ? published(input as RouteInput<unknown, unknown, unknown>, programId, saved.value) : dataFailure(saved.error);
      }),
  }),
  route<Record<string, never>, { nines: string }>({
    method: 'get',
    path: '/api/availability',
    tag: 'SLOs',
    summary: 'Availability table',
    description:
      'Allowed downtime in seconds per year (365 d), quarter (90 d), month (30 d), week and day for each availability, e.g. 99.9 → 31,536 s (8 h 45 m 36 s) a year.',
    access: 'signed-in',
    query: z.strictObject({
      nines: z
        .string()
        .default('99,99.5,99.9,99.95,99.99,99.999')
        .refine((s) => s.split(',').every((t) => t.trim() !== '' && Number(t) >= 0 && Number(t) <= 100), {
          message: 'nines is a comma-separated list of percentages from 0 to 100, e.g. 99.9,99.99',
        }),
    }),
    response: z.object({
      rows: z.array(
        z.object({ percent: z.number(), year: z.number(), quarter: z.number(), month: z.number(), week: z.number(), day: z.number() }),
      ),
    }),
    async handle({ query }) {
      const rows = availabilityTable(query.nines.split(',').map((t) => Number(t))).map((r) => ({
        percent: r.percent,
        year: r.downtimeSeconds.year,
        quarter: r.downtimeSeconds.quarter,
        month: r.downtimeSeconds.month,
        week: r.downtimeSeconds.week,
        day: r.downtimeSeconds.day,
      }));
      return { body: { rows } };
    },
  }),
  route<{ programId: string }, { file: string; team?: string | undefined; lenient?: 'true' | 'false' | undefined }, string>({
    method: 'post',
    path: '/api/programs/{programId}/import/openslo',
    tag: 'SLOs',
    summary: 'Import SLOs from OpenSLO',
    description:
      "The body is OpenSLO v1 YAML (one or more documents; kinds SLO, SLI, Service, DataSource, AlertPolicy, AlertCondition, AlertNotificationTarget). Each SLO objective becomes a program SLO (a second objective gets the id `<name>-2`), replacing one of the same id; OpenSLO Services and services the SLOs name that the program lacks are created, owned by `team`. A metricSourceRef to a Prometheus DataSource with a url becomes the SLO's source. One change set; a file with problems changes nothing (422 with line and column). `lenient=true` reads files that break the spec in ways with one meaning (as `throughline slo --lenient`), reporting them as warnings.",
    access: 'editor',
    params: programParams,
    query: z.strictObject({
      file: z.string().min(1).default('openslo.yaml'),
      team: z.string().min(1).optional(),
      lenient: z.enum(['true', 'false']).optional(),
    }),
    rawBody: { contentTypes: ['application/yaml', 'application/x-yaml', 'text/yaml', 'text/plain', 'application/json'] },
    response: z.object({
      saved: z.object({ programId: z.string(), version: z.number(), changes: z.number() }),
      slos: z.number(),
      sloIds: z.array(z.string()),
      services: z.number(),
      serviceIds: z.array(z.string()),
      warnings: z.array(
        z.object({ message: z.string(), slo: z.string().optional(), line: z.number().optional(), column: z.number().optional() }),
      ),
    }),
    problems: [422],
    async handle(input) {
      const programId = input.params.programId as ProgramId;
      const meta = {
        actor: input.principal?.login ?? 'unknown',
        at: input.deps.now(),
        source: `import ${input.query.file}`,
      };
      const done = await importOpenSlo(
        input.deps.store,
        programId,
        {
          files: [{ file: input.query.file, text: input.body }],
          lenient: input.query.lenient === 'true',
          ...(input.query.team !== undefined ? { team: input.query.team } : {}),
        },
        meta,
      );
      if (!done.ok) return importFailure(done.error, input.query.file);
      const { saved } = done.value;
      if (saved.changes.length > 0)
        input.deps.events.publish({
          programId,
          version: saved.version,
          actor: meta.actor,
          source: meta.source,
          changes: saved.changes.map((c) => ({ entity: c.entity, id: c.id, op: c.op })),
        });
      return {
        body: {
          ...done.value,
          saved: { programId: saved.programId, version: saved.version, changes: saved.changes.length },
          warnings: done.value.warnings.map((w) =>
            'line' in w ? { message: `${w.file}:${w.line}:${w.column}: ${w.message}`, line: w.line, column: w.column } : w,
          ),
        },
      };
    },
  }),
];
