import { z } from 'zod';
import { dayIn } from '../../app/day-in-zone.js';
import { EXPORT_FORMATS, exportProgram, isExportFormat } from '../../app/export-program.js';
import { forecastProgram } from '../../app/forecast-program.js';
import type { PlanError } from '../../app/plan-program.js';
import { planProgram } from '../../app/plan-program.js';
import { programRisks, type RiskReport, withReviews } from '../../app/program-risks.js';
import { buildStatusReport } from '../../app/status-report.js';
import { storedReportInputs } from '../../app/stored-report-inputs.js';
import { findingReviews, storedRiskInputs } from '../../app/stored-risk-inputs.js';
import { type CalendarDate, calendarDateSchema } from '../../domain/calendar-date.js';
import type { ProgramId } from '../../domain/ids.js';
import { ENTITY_ORDER } from '../../domain/program-diff.js';
import type { EntityKind, ProgramModel } from '../../domain/program-model.js';
import type { Result } from '../../domain/result.js';
import { reportConfluence } from '../../formats/report/confluence.js';
import { reportHtml } from '../../formats/report/html.js';
import { reportMarkdown } from '../../formats/report/markdown.js';
import { reportSlack } from '../../formats/report/slack.js';
import { changeSetSchema, forecastSchema, planSchema, programIdParam } from '../api-schemas.js';
import { problem } from '../problem.js';
import { type Reply, route } from '../route.js';
import type { ServerDeps } from '../server-deps.js';

export const planFailure = (e: PlanError): Reply =>
  e.kind === 'cycle'
    ? problem(422, 'cycle', 'Dependency cycle', `the plan cannot be computed: ${e.path.join(' → ')}`, { path: e.path })
    : problem(422, 'calendar', 'Calendar problem', e.message);

/** The program at its current version, and the status date: `asOf`, or today in the program's zone. */
export async function programAt(deps: ServerDeps, programId: string | undefined, asOf: CalendarDate | undefined) {
  const current = await deps.cache.current(programId as ProgramId);
  if (!current) return undefined;
  return { ...current, asOf: asOf ?? dayIn(current.model.program.calendar.timezone, deps.now()) };
}
export const noProgram = (id: string | undefined) => problem(404, 'no-program', 'No such program', `there is no program "${id}"`);

/** A computed answer, checked and serialized once per program version and options. */
export async function cached(
  deps: ServerDeps,
  id: string | undefined,
  version: number,
  key: string,
  schema: z.ZodType,
  compute: () => Promise<{ ok: true; value: unknown } | { ok: false; error: PlanError }>,
): Promise<Reply> {
  const result = await deps.cache.derive(id as ProgramId, version, key, async () => {
    const done = await compute();
    if (!done.ok) return { error: done.error };
    const body = { version, ...(done.value as object) };
    schema.parse(body);
    return { json: JSON.stringify(body) };
  });
  return 'error' in result ? planFailure(result.error) : { json: result.json };
}

/**
 * The risks the rules detect, without people's verdicts, cached per version: verdicts change
 * without a new version, so they are applied on every read (`withReviews`).
 */
export function detectedRisks(
  deps: ServerDeps,
  at: { model: ProgramModel; version: number; asOf: CalendarDate },
  trials: number,
): Promise<Result<RiskReport, PlanError>> {
  const id = at.model.program.id as ProgramId;
  return deps.cache.derive(id, at.version, `findings:${at.asOf}:${trials}`, async () =>
    programRisks(at.model, {
      asOf: at.asOf,
      trials,
      seed: 1,
      pool: deps.pool,
      lastChanged: (await storedRiskInputs(deps.store, at.model)).lastChanged,
      sli: deps.store,
      usage: deps.store,
      cost: deps.store,
      now: deps.now(),
    }),
  );
}

export const asOfQuery = { asOf: calendarDateSchema.optional() };
const findingsSchema = z.looseObject({
  version: z.number(),
  findings: z.array(z.looseObject({ key: z.string(), rule: z.string(), severity: z.string() })),
});

export const computedRoutes = [
  route<{ programId: string }, { asOf?: CalendarDate | undefined; level: boolean; schedules: number; seed: number }>({
    method: 'get',
    path: '/api/programs/{programId}/plan',
    tag: 'Plan',
    summary: 'Schedule and critical path',
    description:
      "Early/late dates, floats and critical chain from the status date; with level=true, capacity-levelled (why each item waits, team load per week), computed on the engine's worker pool so the server stays responsive. Cached per program version.",
    access: 'viewer',
    params: programIdParam,
    query: z.strictObject({
      ...asOfQuery,
      level: z
        .enum(['true', 'false'])
        .default('false')
        .transform((v) => v === 'true'),
      schedules: z.coerce.number().int().min(1).max(50_000).default(1000),
      seed: z.coerce.number().int().default(1),
    }),
    response: planSchema,
    problems: [422],
    async handle({ programId, query, deps }) {
      const at = await programAt(deps, programId, query.asOf);
      if (!at) return noProgram(programId);
      const level = query.level ? { schedules: query.schedules, seed: query.seed } : undefined;
      // Levelling takes seconds on a large program: it runs on the engine's worker pool, off this thread.
      return cached(deps, programId, at.version, `plan:${at.asOf}:${JSON.stringify(level ?? null)}`, planSchema, async () =>
        level ? deps.pool.plan({ model: at.model, asOf: at.asOf, level }) : planProgram(at.model, { asOf: at.asOf }),
      );
    },
  }),
  route<{ programId: string }, { asOf?: CalendarDate | undefined; trials: number; seed: number; level: boolean }>({
    method: 'get',
    path: '/api/programs/{programId}/forecast',
    tag: 'Plan',
    summary: 'Monte Carlo forecast',
    description:
      "Percentiles of the finish and of each milestone, the chance of meeting each target, criticality and sensitivity, and S-curves; runs on the engine's worker pool, cached per program version.",
    access: 'viewer',
    params: programIdParam,
    query: z.strictObject({
      ...asOfQuery,
      trials: z.coerce.number().int().min(100, { message: 'at least 100 trials' }).max(100_000).default(2000),
      seed: z.coerce.number().int().default(1),
      level: z
        .enum(['true', 'false'])
        .default('false')
        .transform((v) => v === 'true'),
    }),
    response: forecastSchema,
    problems: [422],
    async handle({ programId, query, deps }) {
      const at = await programAt(deps, programId, query.asOf);
      if (!at) return noProgram(programId);
      const key = `forecast:${at.asOf}:${query.trials}:${query.seed}:${query.level}`;
      return cached(deps, programId, at.version, key, forecastSchema, () =>
        forecastProgram(at.model, deps.pool, { trials: query.trials, seed: query.seed, asOf: at.asOf, level: query.level, curves: true }),
      );
    },
  }),
  route<{ programId: string }, { asOf?: CalendarDate | undefined; trials: number }>({
    method: 'get',
    path: '/api/programs/{programId}/findings',
    tag: 'Risks',
    summary: 'Detected risks and the risk register',
    description: 'Every detection rule run on the program (with reviews), the dismissed findings, and the manual register by exposure.',
    access: 'viewer',
    params: programIdParam,
    query: z.strictObject({ ...asOfQuery, trials: z.coerce.number().int().min(0).max(20_000).default(1000) }),
    response: findingsSchema,
    problems: [422],
    async handle({ programId, query, deps }) {
      const at = await programAt(deps, programId, query.asOf);
      if (!at) return noProgram(programId);
      const detected = await detectedRisks(deps, at, query.trials);
      if (!detected.ok) return planFailure(detected.error);
      const body = { version: at.version, ...withReviews(detected.value, await findingReviews(deps.store, at.model)) };
      return { body };
    },
  }),
  route<
    { programId: string },
    { asOf?: CalendarDate | undefined; format: 'json' | 'markdown' | 'html' | 'confluence' | 'slack'; trials: number }
  >({
    method: 'get',
    path: '/api/programs/{programId}/report',
    tag: 'Reports',
    summary: 'Status report',
    description: 'The executive status report: as data (json), Markdown, HTML, Confluence storage format or Slack Block Kit.',
    access: 'viewer',
    params: programIdParam,
    query: z.strictObject({
      ...asOfQuery,
      format: z.enum(['json', 'markdown', 'html', 'confluence', 'slack']).default('json'),
      trials: z.coerce.number().int().min(100).max(20_000).default(2000),
    }),
    produces: ['application/json', 'text/markdown', 'text/html', 'application/xhtml+xml'],
    problems: [422],
    async handle({ programId, query, deps }) {
      const at = await programAt(deps, programId, query.asOf);
      if (!at) return noProgram(programId);
      // A written summary changes the report without a new program version: its time is part of the key.
      const written = await deps.store.reportSummaries.read(programId as ProgramId);
      // So do verdicts on detected risks: their count and latest time too.
      const reviews = await deps.store.insights.findingReviews(programId as ProgramId);
      const reviewed = `${reviews.length}.${Math.max(0, ...reviews.map((r) => r.at.getTime()))}`;
      const key = `report:${at.asOf}:${query.trials}:${written?.updatedAt.getTime() ?? 0}:${reviewed}`;
      const built = await deps.cache.derive(programId as ProgramId, at.version, key, async () =>
        buildStatusReport(at.model, {
          asOf: at.asOf,
          trials: query.trials,
          seed: 1,
          pool: deps.pool,
          now: deps.now(),
          ...(await storedReportInputs(deps.store, at.model, at.asOf)),
        }),
      );
      if (!built.ok) return planFailure(built.error);
      const { report } = built.value;
      switch (query.format) {
        case 'markdown':
          return { text: reportMarkdown(report), contentType: 'text/markdown; charset=utf-8' };
        case 'html':
          return { text: reportHtml(report), contentType: 'text/html; charset=utf-8' };
        case 'confluence':
          return { text: reportConfluence(report), contentType: 'application/xhtml+xml; charset=utf-8' };
        case 'slack':
          return { json: JSON.stringify(reportSlack(report)) };
        default:
          return { json: JSON.stringify({ version: at.version, ...report }) };
      }
    },
  }),
  route<{ programId: string; format: string }, { asOf?: CalendarDate | undefined }>({
    method: 'get',
    path: '/api/programs/{programId}/exports/{format}',
    tag: 'Reports',
    summary: 'Export',
    description: `Formats: ${Object.keys(EXPORT_FORMATS).join(', ')}.`,
    access: 'viewer',
    params: z.strictObject({ programId: z.string(), format: z.string() }),
    query: z.strictObject(asOfQuery),
    produces: ['text/plain', 'text/csv', 'text/calendar', 'application/json'],
    problems: [422],
    async handle({ programId, params, query, deps }) {
      if (!isExportFormat(params.format)) {
        return problem(
          404,
          'no-format',
          'No such export',
          `no export "${params.format}"; the formats are ${Object.keys(EXPORT_FORMATS).join(', ')}`,
        );
      }
      const at = await programAt(deps, programId, query.asOf);
      if (!at) return noProgram(programId);
      const done = exportProgram(at.model as ProgramModel, params.format, { asOf: at.asOf, now: deps.now() });
      if (!done.ok) return planFailure(done.error);
      const types: Record<string, string> = { csv: 'text/csv', ical: 'text/calendar', json: 'application/json' };
      const type = types[params.format] ?? 'text/plain';
      return {
        text: done.value,
        contentType: `${type}; charset=utf-8`,
        headers: { 'content-disposition': `attachment; filename="${programId}-${params.format}"` },
      };
    },
  }),
  route<{ programId: string }, { limit: number; entity?: string | undefined; entityId?: string | undefined }>({
    method: 'get',
    path: '/api/programs/{programId}/history',
    tag: 'History',
    summary: 'Change history',
    description:
      "Change sets, newest first, each with who, when, from where, and every entity before and after. Filter by entity and entityId for one item's history.",
    access: 'viewer',
    params: programIdParam,
    query: z.strictObject({
      limit: z.coerce.number().int().min(1).max(1000).default(50),
      entity: z.enum(ENTITY_ORDER as [EntityKind, ...EntityKind[]]).optional(),
      entityId: z.string().optional(),
    }),
    response: z.object({ changeSets: z.array(changeSetSchema) }),
    async handle({ programId, query, deps }) {
      const sets = await deps.store.history(programId as ProgramId, {
        limit: query.limit,
        ...(query.entity ? { entity: query.entity as EntityKind } : {}),
        ...(query.entityId ? { entityId: query.entityId } : {}),
      });
      return { body: { changeSets: sets.map((s) => ({ ...s, at: s.at.toISOString(), changes: [...s.changes] })) } };
    },
  }),
  route<{ programId: string }>({
    method: 'get',
    path: '/api/programs/{programId}/events',
    tag: 'History',
    summary: 'Live changes (Server-Sent Events)',
    description:
      'An event `changed` with { programId, version, actor, source, changes } whenever anyone changes the program; `ready` first.',
    access: 'viewer',
    params: programIdParam,
    produces: ['text/event-stream'],
    async handle({ programId, deps }) {
      return {
        stream: async (write, signal) => {
          const queue: string[] = [];
          let wake: (() => void) | undefined;
          const stop = deps.events.subscribe(programId as ProgramId, (e) => {
            queue.push(JSON.stringify(e));
            wake?.();
          });
          try {
            await write('ready', JSON.stringify({ programId, version: await deps.store.versionOf(programId as ProgramId) }));
            while (!signal.aborted) {
              const next = queue.shift();
              if (next !== undefined) {
                await write('changed', next);
                continue;
              }
              // Wake on a change, or every 25 s for a keep-alive through proxies.
              await new Promise<void>((resolve) => {
                wake = resolve;
                const timer = setTimeout(resolve, 25_000);
                signal.addEventListener('abort', () => {
                  clearTimeout(timer);
                  resolve();
                });
              });
              wake = undefined;
              if (queue.length === 0 && !signal.aborted) await write('ping', '{}');
            }
          } finally {
            stop();
          }
        },
      };
    },
  }),
];
