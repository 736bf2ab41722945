import { z } from 'zod';
import { generateMigrationItems, recordStepDone } from '../../app/migration/migration-changes.js';
import {
  DEFAULT_MIGRATION_SEED,
  DEFAULT_MIGRATION_TRIALS,
  defaultAsOf,
  findMigration,
  migrationView,
  summariseMigration,
} from '../../app/migration/migration-view.js';
import { type CalendarDate, calendarDateSchema } from '../../domain/calendar-date.js';
import type { ProgramId } from '../../domain/ids.js';
import { migrationSchema } from '../../domain/migration.js';
import { DEFAULT_HISTORY_WEEKS } from '../../engine/migration/throughput.js';
import { withEtag } from '../api-schemas.js';
import { problem } from '../problem.js';
import { type Reply, type RouteInput, route } from '../route.js';
import type { ServerDeps } from '../server-deps.js';
import { asOfQuery, noProgram, programAt } from './computed.js';
import { attribution, reliabilityFailure, savedReply } from './incidents.js';

type AnyInput = RouteInput<unknown, unknown, unknown>;
const day = z.string();
const nullableDay = day.nullable();
const params = z.strictObject({ programId: z.string().min(1), migrationId: z.string().min(1) });
const forecastQuery = {
  ...asOfQuery,
  trials: z.coerce.number().int().min(100, { message: 'at least 100 trials' }).max(100_000).default(DEFAULT_MIGRATION_TRIALS),
  seed: z.coerce.number().int().min(0).default(DEFAULT_MIGRATION_SEED),
  history: z.coerce.number().int().min(1, { message: 'at least 1 week of history' }).max(520).default(DEFAULT_HISTORY_WEEKS),
};
type ForecastQuery = { asOf?: CalendarDate | undefined; trials: number; seed: number; history: number };

const count = { services: z.number(), servicesDone: z.number(), steps: z.number(), stepsDone: z.number(), share: z.number() };
const rag = z.enum(['green', 'amber', 'red']).nullable();
const reasons = z.array(z.enum(['behind', 'late', 'stalled']));
const forecastSchema = z.strictObject({
  trials: z.number(),
  remaining: z.number(),
  history: z.array(z.number()),
  historyFrom: day,
  meanThroughput: z.number(),
  p50: nullableDay,
  p80: nullableDay,
  p95: nullableDay,
  probabilityByTarget: z.number().nullable(),
  curve: z.array(z.tuple([day, z.number()])),
});

export const migrationViewSchema = z.strictObject({
  version: z.number(),
  id: z.string(),
  title: z.string(),
  description: z.string().optional(),
  steps: z.array(z.string()),
  start: nullableDay,
  target: nullableDay,
  asOf: day,
  progress: z.strictObject({
    overall: z.strictObject(count),
    teams: z.array(z.strictObject({ team: z.string(), ...count })),
    columns: z.array(z.strictObject({ step: z.string(), done: z.number(), services: z.number() })),
  }),
  grid: z.array(
    z.strictObject({
      service: z.string(),
      name: z.string(),
      team: z.string(),
      next: z.string().nullable(),
      note: z.string().optional(),
      cells: z.array(
        z.strictObject({
          step: z.string(),
          done: nullableDay,
          item: z.strictObject({ id: z.string(), state: z.string() }).nullable(),
        }),
      ),
    }),
  ),
  burnDown: z.array(z.strictObject({ on: day, remaining: z.number(), finished: z.number() })),
  forecast: forecastSchema.nullable(),
  forecastProblem: z.strictObject({ message: z.string(), hint: z.string() }).nullable(),
  historyWeeks: z.number(),
  trials: z.number(),
  seed: z.number(),
  rag,
  teams: z.array(
    z.strictObject({
      team: z.string(),
      share: z.number(),
      remaining: z.number(),
      p50: nullableDay,
      p80: nullableDay,
      probabilityByTarget: z.number().nullable(),
      reasons,
      services: z.number(),
      servicesDone: z.number(),
      stepsDone: z.number(),
      steps: z.number(),
    }),
  ),
  laggards: z.array(z.string()),
  nextSteps: z.array(
    z.strictObject({
      team: z.string(),
      steps: z.array(z.strictObject({ service: z.string(), step: z.string(), item: z.string().nullable() })),
    }),
  ),
  generatedItems: z.number(),
});

const summarySchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  target: nullableDay,
  share: z.number(),
  stepsDone: z.number(),
  steps: z.number(),
  servicesDone: z.number(),
  services: z.number(),
  p50: nullableDay,
  p80: nullableDay,
  probabilityByTarget: z.number().nullable(),
  rag,
  laggards: z.array(z.string()),
});
const listSchema = z.strictObject({ version: z.number(), asOf: day, migrations: z.array(summarySchema) });

const generateSchema = z.strictObject({
  migration: z.string(),
  added: z.array(z.string()),
  links: z.number(),
  existing: z.array(z.string()),
  problems: z.array(z.looseObject({ service: z.string(), step: z.string(), message: z.string(), hint: z.string() })),
  version: z.number(),
});
const doneBody = z.strictObject({
  service: z.string().min(1, { message: 'name the service, e.g. checkout-api' }),
  step: z.string().min(1, { message: 'name the step, e.g. cutover' }),
  on: calendarDateSchema.optional(),
});

/** The program and the status day: `asOf`, else today or the latest recorded done day if later. */
async function migrationsAt(deps: ServerDeps, programId: string | undefined, asOf: CalendarDate | undefined) {
  const at = await programAt(deps, programId, asOf);
  return at && asOf === undefined ? { ...at, asOf: defaultAsOf(at.model, at.asOf) } : at;
}

const noMigration = (programId: string, message: string, hint: string): Reply =>
  problem(404, 'not-found', 'No such migration', `${message}; ${hint}`, { programId });

export const migrationViewRoutes = [
  route<{ programId: string }, ForecastQuery>({
    method: 'get',
    path: '/api/programs/{programId}/migration-views',
    tag: 'Migrations',
    summary: 'Every migration in a line',
    description:
      'Per migration on the status day (`asOf`; default today in the program zone, or the latest recorded done day when later): share of steps done, services migrated, throughput forecast P50/P80, chance by the target, status (green: P80 by the target; amber: only P50; red: P50 after it) and laggard teams. Cached per program version and options.',
    access: 'viewer',
    params: z.strictObject({ programId: z.string().min(1) }),
    query: z.strictObject(forecastQuery),
    response: listSchema,
    async handle({ programId, query, deps }) {
      const at = await migrationsAt(deps, programId, query.asOf);
      if (!at) return noProgram(programId);
      const key = `migration-views:${at.asOf}:${query.trials}:${query.seed}:${query.history}`;
      const json = await deps.cache.derive(programId as ProgramId, at.version, key, async () => {
        const options = { asOf: at.asOf, trials: query.trials, seed: query.seed, historyWeeks: query.history };
        const migrations = at.model.migrations.map((m) => summariseMigration(migrationView(at.model, m, options)));
        return JSON.stringify(listSchema.parse({ version: at.version, asOf: at.asOf, migrations }));
      });
      return { json };
    },
  }),
  route<{ programId: string; migrationId: string }, ForecastQuery>({
    method: 'get',
    path: '/api/programs/{programId}/migrations/{migrationId}/view',
    tag: 'Migrations',
    summary: 'A migration’s progress, burn-down, forecast and laggards',
    description:
      'On the status day (`asOf`; default today, or the latest recorded done day when later): progress overall, per team and per step; the services × steps grid with done days and generated items; the weekly burn-down; a throughput Monte Carlo forecast (each trial resamples the last `history` weeks of finished steps; P50/P80/P95, chance by the target, cumulative curve); status green (P80 by the target, no team late), amber (only P50, or a team late or stalled), red (P50 after it); teams with their own P80 and lag reasons (behind: 15 points under the overall share; late: own P80 after the target; stalled: nothing finished in the window); next step per service by team. Cached per program version and options.',
    access: 'viewer',
    params,
    query: z.strictObject(forecastQuery),
    response: migrationViewSchema,
    async handle({ programId, params, query, deps }) {
      const at = await migrationsAt(deps, programId, query.asOf);
      if (!at) return noProgram(programId);
      const found = findMigration(at.model, params.migrationId);
      if (!found.ok) return noMigration(programId as string, found.error.message, found.error.hint);
      const key = `migration-view:${params.migrationId}:${at.asOf}:${query.trials}:${query.seed}:${query.history}`;
      const json = await deps.cache.derive(programId as ProgramId, at.version, key, async () => {
        const view = migrationView(at.model, found.value, {
          asOf: at.asOf,
          trials: query.trials,
          seed: query.seed,
          historyWeeks: query.history,
        });
        return JSON.stringify(migrationViewSchema.parse({ version: at.version, ...view }));
      });
      return { json };
    },
  }),
  route<{ programId: string; migrationId: string }>({
    method: 'post',
    path: '/api/programs/{programId}/migrations/{migrationId}/generate',
    tag: 'Migrations',
    summary: 'Generate the migration’s work items',
    description:
      'Adds one work item per service and step (`<migration>-<service>-<step>`, "Cutover checkout-api", the migrating team, the service, tags migration and the migration id), chained finish-to-start, in one change set; items already there are left as they are, so a second call adds nothing. From then on a recorded step marks its item done and a done item gives its step that day.',
    access: 'editor',
    params,
    response: generateSchema,
    problems: [422],
    async handle(input) {
      const any = input as AnyInput;
      const programId = input.programId as ProgramId;
      const done = await generateMigrationItems(input.deps.store, programId, input.params.migrationId, attribution(any));
      if (!done.ok) return reliabilityFailure(done.error, programId);
      const { saved, ...rest } = done.value;
      if (saved !== null && saved.changes.length > 0) {
        const meta = attribution(any);
        input.deps.events.publish({
          programId,
          version: saved.version,
          actor: meta.actor,
          source: meta.source,
          changes: saved.changes.map((c) => ({ entity: c.entity, id: c.id, op: c.op })),
        });
      }
      const version = saved?.version ?? (await input.deps.store.versionOf(programId)) ?? 0;
      return { body: { ...rest, problems: rest.problems.map((p) => ({ ...p })), version } };
    },
  }),
  route<{ programId: string; migrationId: string }, Record<string, never>, z.infer<typeof doneBody>>({
    method: 'post',
    path: '/api/programs/{programId}/migrations/{migrationId}/done',
    tag: 'Migrations',
    summary: 'Record a finished step',
    description:
      'A service finished a step on a day (`on`, default today in the program zone). Steps finish in order: the step before must be done, on or before that day (422 otherwise, with the fix). Its generated item, if any, becomes done.',
    access: 'editor',
    params,
    body: doneBody,
    response: withEtag(migrationSchema),
    problems: [422],
    async handle(input) {
      const any = input as AnyInput;
      const at = await programAt(input.deps, input.programId, undefined);
      if (!at) return noProgram(input.programId);
      const on = (input.body.on ?? at.asOf) as CalendarDate;
      const done = await recordStepDone(
        input.deps.store,
        input.programId as ProgramId,
        input.params.migrationId,
        input.body.service,
        input.body.step,
        on,
        attribution(any),
      );
      return savedReply(any, done);
    },
  }),
];
