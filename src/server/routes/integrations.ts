import { z } from 'zod';
import type { HttpDeps, IntegrationError } from '../../app/integrations/http-client.js';
import {
  isTracker,
  previewMapping,
  type RunDeps,
  type RunError,
  type SyncRun,
  SyncRuns,
  testConnection,
} from '../../app/integrations/integration-runs.js';
import {
  type Env,
  type IntegrationView,
  integrationViews,
  removeIntegration,
  type SettingsError,
  saveIntegrationConfig,
  setIntegrationSecret,
} from '../../app/integrations/integration-settings.js';
import { type PublishNowError, publishNow } from '../../app/integrations/publish/publish-now.js';
import { checkConfluence, checkSlack } from '../../app/integrations/publish-target-checks.js';
import type { ProgramId } from '../../domain/ids.js';
import { INTEGRATION_KINDS, type IntegrationKind } from '../../domain/integration.js';
import { problem } from '../problem.js';
import { type Reply, type RouteInput, route } from '../route.js';
import type { ServerDeps } from '../server-deps.js';

/**
 * Integrations over HTTP (issue 8): viewers see the settings (never a secret) and the run log,
 * editors run tests, previews, syncs and publishes, admins change settings and secrets.
 * Secrets for runs are the stored one, else the environment variable the settings name, read here
 * at the server's edge. A sync runs in the background, one at a time per program and kind.
 */

type AnyInput = RouteInput<unknown, unknown, unknown>;
const kindParams = z.strictObject({ programId: z.string().min(1), kind: z.enum(INTEGRATION_KINDS) });
const trackerParams = z.strictObject({
  programId: z.string().min(1),
  kind: z.enum(['jira', 'github'], { message: 'only jira and github sync; confluence and slack publish' }),
});
const publishParams = z.strictObject({
  programId: z.string().min(1),
  kind: z.enum(['confluence', 'slack'], { message: 'only confluence and slack publish; jira and github sync' }),
});
type KindParams = { programId: string; kind: IntegrationKind };

const resultSchema = z.object({
  at: z.string(),
  kind: z.enum(['sync', 'publish', 'test']),
  ok: z.boolean(),
  summary: z.unknown(),
  error: z.string().nullable(),
  actor: z.string(),
});
const progressSchema = z.object({ phase: z.string(), done: z.number(), total: z.number().optional() });
const runSchema = z.object({
  runId: z.string(),
  kind: z.enum(['jira', 'github']),
  actor: z.string(),
  startedAt: z.string(),
  progress: progressSchema,
  finishedAt: z.string().nullable(),
  ok: z.boolean().nullable(),
  summary: z.unknown(),
  error: z.string().nullable(),
  version: z.number().nullable(),
});
const viewSchema = z.object({
  kind: z.enum(INTEGRATION_KINDS),
  config: z.record(z.string(), z.unknown()).nullable(),
  hasSecret: z.boolean(),
  secretEnv: z.string().nullable(),
  secretSource: z.enum(['stored', 'env', 'none']),
  describe: z.string().nullable(),
  schedule: z.looseObject({ every: z.string(), at: z.string(), timeZone: z.string(), text: z.string(), next: z.string() }).nullable(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
  results: z.array(resultSchema),
  running: runSchema.nullable(),
});
const listSchema = z.object({ integrations: z.array(viewSchema) });
const testSchema = z.object({ ok: z.literal(true), account: z.string(), detail: z.string() });
const previewSchema = z.object({
  describe: z.string(),
  limit: z.number(),
  rows: z.array(
    z.object({
      key: z.string(),
      id: z.string(),
      url: z.string().nullable(),
      title: z.string().nullable(),
      kind: z.string().nullable(),
      team: z.string().nullable(),
      estimate: z.number().nullable(),
      state: z.string().nullable(),
      parent: z.string().nullable(),
      workstream: z.string().nullable(),
      dependencies: z.number(),
      action: z.enum(['create', 'update', 'unchanged']),
    }),
  ),
  summary: z.looseObject({ created: z.array(z.string()), updated: z.array(z.string()), fetched: z.number() }),
});

/** Each server's background syncs. */
const syncRuns = new WeakMap<ServerDeps, SyncRuns>();
function runsOf(deps: ServerDeps): SyncRuns {
  let runs = syncRuns.get(deps);
  if (!runs) {
    runs = new SyncRuns();
    syncRuns.set(deps, runs);
  }
  return runs;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const HTTP: HttpDeps = { sleep, now: () => Date.now() };
/** The server's environment, read here at the edge only: the settings name the variables that hold secrets. */
const env = (): Env => process.env;

function runDeps(deps: ServerDeps): RunDeps {
  return {
    store: deps.store,
    env: env(),
    http: HTTP,
    now: deps.now,
    checks: { confluence: checkConfluence, slack: (config, secret) => checkSlack(config, secret) },
  };
}

const actorOf = (input: AnyInput) => input.principal?.login ?? 'unknown';

function settingsFailure(e: SettingsError): Reply {
  switch (e.kind) {
    case 'no-program':
      return problem(404, 'no-program', 'No such program', e.message);
    case 'not-configured':
      return problem(404, 'not-configured', 'Not configured', e.message);
    case 'invalid':
      return problem(422, 'invalid-integration', 'The settings have problems', e.message, { errors: e.errors });
  }
}

/** A failed run: our own state as 404/409/422, the other side's answer as 502 (it is their failure, said in words). */
function runFailure(e: RunError | PublishNowError, kind: IntegrationKind): Reply {
  switch (e.kind) {
    case 'not-configured':
      return problem(404, 'not-configured', 'Not configured', e.message);
    case 'no-program':
      return problem(404, 'no-program', 'No such program', e.message);
    case 'running':
      return problem(409, 'sync-running', 'A sync is already running', e.message, { runId: e.runId });
    case 'no-secret':
      return problem(422, 'no-secret', 'No secret to connect with', e.message, { errors: [{ field: 'secret', message: e.message }] });
    case 'config':
      return problem(422, `${kind}-config`, 'The settings do not work', e.message, {
        errors: [{ field: e.field ?? 'config', message: e.message }],
      });
    case 'report':
      return problem(422, 'report-failed', 'The status report could not be built', e.message);
    case 'invalid':
      return problem(422, 'sync-invalid', 'The sync would make the program invalid', e.message, { problems: e.problems });
    default:
      return problem(502, `${kind}-${e.kind}`, upstreamTitle(e), e.message);
  }
}

function upstreamTitle(e: IntegrationError): string {
  switch (e.kind) {
    case 'auth':
      return 'The credentials were refused';
    case 'not-found':
      return 'Not found there';
    case 'rate-limited':
      return 'Rate limited';
    case 'network':
      return 'Could not reach it';
    default:
      return 'It answered with an error';
  }
}

function withRunning(deps: ServerDeps, programId: ProgramId, view: IntegrationView) {
  const running = isTracker(view.kind) ? (runsOf(deps).current(programId, view.kind) ?? null) : null;
  return { ...view, running };
}

/** After a sync saved: open pages refetch, cached answers of the old version go. */
function announce(deps: ServerDeps, programId: ProgramId, run: SyncRun): void {
  if (!run.ok || run.version === null) return;
  deps.cache.forgetVersions();
  deps.access.forgetAll();
  const summary = run.summary as { created?: string[]; updated?: string[]; removed?: string[] } | null;
  deps.events.publish({
    programId,
    version: run.version,
    actor: run.actor,
    source: `sync ${run.kind}`,
    changes: [
      ...(summary?.created ?? []).map((id) => ({ entity: 'item', id, op: 'create' })),
      ...(summary?.updated ?? []).map((id) => ({ entity: 'item', id, op: 'update' })),
      ...(summary?.removed ?? []).map((id) => ({ entity: 'item', id, op: 'update' })),
    ].slice(0, 500),
  });
}

const path = (rest = '') => `/api/programs/{programId}/integrations${rest}`;

export const integrationRoutes = [
  route<{ programId: string }>({
    method: 'get',
    path: path(),
    tag: 'Integrations',
    summary: 'Every integration with its settings and run log',
    description:
      'Jira, GitHub, Confluence and Slack, always all four: `config` (null when not configured) as in integrations.yaml, `hasSecret` (a secret is stored; it is never given back), `secretEnv` and `secretSource` (where a run takes its token from: stored, the server environment, or none), the site and selection in words, the publishing schedule in words, the last 20 results newest first, and the sync running now.',
    access: 'viewer',
    params: z.strictObject({ programId: z.string().min(1) }),
    response: listSchema,
    async handle(input) {
      const views = await integrationViews(input.deps.store, input.params.programId as ProgramId, env(), input.deps.now());
      if (!views.ok) return settingsFailure(views.error);
      return { body: { integrations: views.value.map((v) => withRunning(input.deps, input.params.programId as ProgramId, v)) } };
    },
  }),
  route<KindParams, Record<string, never>, Record<string, unknown>>({
    method: 'put',
    path: path('/{kind}'),
    tag: 'Integrations',
    summary: 'Change the settings of an integration',
    description:
      "The body is the kind's section of integrations.yaml (e.g. for jira: site, api, auth, select, mapping). Defaults are filled in and answered. 422 lists each problem with its field. Secrets are not settings: the settings name the environment variable, and PUT …/secret stores one.",
    access: 'admin',
    params: kindParams,
    body: z.record(z.string(), z.unknown()),
    response: viewSchema,
    problems: [422],
    async handle(input) {
      const programId = input.params.programId as ProgramId;
      const saved = await saveIntegrationConfig(
        input.deps.store,
        programId,
        input.params.kind,
        input.body,
        {
          actor: actorOf(input as AnyInput),
          at: input.deps.now(),
        },
        env(),
      );
      if (!saved.ok) return settingsFailure(saved.error);
      return { body: withRunning(input.deps, programId, saved.value) };
    },
  }),
  route<KindParams, Record<string, never>, { secret: string }>({
    method: 'put',
    path: path('/{kind}/secret'),
    tag: 'Integrations',
    summary: 'Store the secret of an integration',
    description:
      'The API token (Jira, GitHub, Confluence) or the incoming webhook URL (Slack). Kept on the server for its own calls, never answered by any request, not in the history or the logs. Answers 204.',
    access: 'admin',
    params: kindParams,
    body: z.strictObject({ secret: z.string().trim().min(1, { message: 'the secret is empty' }).max(4096) }),
    async handle(input) {
      const done = await setIntegrationSecret(input.deps.store, input.params.programId as ProgramId, input.params.kind, input.body.secret, {
        actor: actorOf(input as AnyInput),
        at: input.deps.now(),
      });
      return done.ok ? { status: 204 } : settingsFailure(done.error);
    },
  }),
  route<KindParams>({
    method: 'delete',
    path: path('/{kind}/secret'),
    tag: 'Integrations',
    summary: 'Forget the stored secret',
    description: 'Runs then take the secret from the environment variable the settings name. Answers 204.',
    access: 'admin',
    params: kindParams,
    async handle(input) {
      const done = await setIntegrationSecret(input.deps.store, input.params.programId as ProgramId, input.params.kind, null, {
        actor: actorOf(input as AnyInput),
        at: input.deps.now(),
      });
      return done.ok ? { status: 204 } : settingsFailure(done.error);
    },
  }),
  route<KindParams>({
    method: 'delete',
    path: path('/{kind}'),
    tag: 'Integrations',
    summary: 'Disconnect an integration',
    description: 'Forgets its settings, stored secret and run log. Items already synced stay, with their tracker keys. Answers 204.',
    access: 'admin',
    params: kindParams,
    async handle(input) {
      const done = await removeIntegration(input.deps.store, input.params.programId as ProgramId, input.params.kind);
      return done.ok ? { status: 204 } : settingsFailure(done.error);
    },
  }),
  route<KindParams>({
    method: 'post',
    path: path('/{kind}/test'),
    tag: 'Integrations',
    summary: 'Test the connection',
    description:
      'Jira and GitHub: signs in and reads the selection. Confluence: signs in and reads the space. Slack: checks the webhook URL only (calling it would post). The outcome is recorded in the run log. 422 when settings or secret are missing, 502 with the reason when the other side refuses.',
    access: 'editor',
    params: kindParams,
    response: testSchema,
    problems: [422, 502],
    async handle(input) {
      const tested = await testConnection(
        runDeps(input.deps),
        input.params.programId as ProgramId,
        input.params.kind,
        actorOf(input as AnyInput),
      );
      return tested.ok ? { body: { ok: true, ...tested.value } } : runFailure(tested.error, input.params.kind);
    },
  }),
  route<{ programId: string; kind: 'jira' | 'github' }, { limit: number }>({
    method: 'post',
    path: path('/{kind}/preview'),
    tag: 'Integrations',
    summary: 'Preview the mapping',
    description:
      'Fetches the first `limit` issues of the selection (default 50) and answers them mapped (item id, title, team, estimate in days, state, parent, workstream, dependencies) with what a sync of them would do (a dry run: nothing is written).',
    access: 'editor',
    params: trackerParams,
    query: z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
    response: previewSchema,
    problems: [422, 502],
    async handle(input) {
      const preview = await previewMapping(
        runDeps(input.deps),
        input.params.programId as ProgramId,
        input.params.kind,
        input.query.limit,
        actorOf(input as AnyInput),
      );
      return preview.ok ? { body: preview.value } : runFailure(preview.error, input.params.kind);
    },
  }),
  route<{ programId: string; kind: 'jira' | 'github' }>({
    method: 'post',
    path: path('/{kind}/sync'),
    tag: 'Integrations',
    summary: 'Start a sync',
    description:
      'Starts the sync in the background and answers 202 with the run: follow it with GET …/runs/current (phase, done, total; then the summary). 409 while a sync of this kind runs for the program. The result is recorded in the run log.',
    access: 'editor',
    params: trackerParams,
    response: runSchema,
    responseStatus: 202,
    problems: [409, 422],
    async handle(input) {
      const programId = input.params.programId as ProgramId;
      const started = await runsOf(input.deps).start(runDeps(input.deps), programId, input.params.kind, actorOf(input as AnyInput), (run) =>
        announce(input.deps, programId, run),
      );
      return started.ok ? { status: 202, body: started.value.run } : runFailure(started.error, input.params.kind);
    },
  }),
  route<{ programId: string; kind: 'jira' | 'github' }>({
    method: 'get',
    path: path('/{kind}/runs/current'),
    tag: 'Integrations',
    summary: 'The running (or last) sync',
    description: 'Progress while it runs (`finishedAt` null), then how it ended. 404 when this server has not synced it since it started.',
    access: 'viewer',
    params: trackerParams,
    response: runSchema,
    async handle(input) {
      const run = runsOf(input.deps).current(input.params.programId as ProgramId, input.params.kind);
      return run
        ? { body: run }
        : problem(404, 'no-run', 'No sync yet', `no ${input.params.kind} sync has run on this server since it started`);
    },
  }),
  route<{ programId: string; kind: 'confluence' | 'slack' }>({
    method: 'post',
    path: path('/{kind}/publish'),
    tag: 'Integrations',
    summary: 'Publish the status report now',
    description:
      "Builds today's status report of the stored program (as `throughline report`) and sends it: Confluence gets a new page or a new version of the page (answers its id, version and URL), Slack gets the Block Kit summary (answers the block count). Recorded in the run log. 422 when settings or secret are missing or the report cannot be built, 502 with the reason when the other side refuses.",
    access: 'editor',
    params: publishParams,
    response: z.object({ ok: z.literal(true), kind: z.enum(['confluence', 'slack']), summary: z.record(z.string(), z.unknown()) }),
    problems: [422, 502],
    async handle(input) {
      const deps = input.deps;
      const done = await publishNow(
        { store: deps.store, env: env(), http: HTTP, pool: deps.pool, now: deps.now },
        input.params.programId as ProgramId,
        input.params.kind,
        actorOf(input as AnyInput),
      );
      if (!done.ok) return runFailure(done.error, input.params.kind);
      const { kind, ...summary } = done.value;
      return { body: { ok: true, kind, summary } };
    },
  }),
  route<{ programId: string; itemId: string }, { limit: number }>({
    method: 'get',
    path: '/api/programs/{programId}/items/{itemId}/activity',
    tag: 'Integrations',
    summary: "An item's activity in its tracker",
    description:
      'What the tracker recorded about the item (Jira changelog: who changed which field from what to what, and when), newest first, as synced. Empty for items that do not come from a tracker.',
    access: 'viewer',
    params: z.strictObject({ programId: z.string().min(1), itemId: z.string().min(1) }),
    query: z.strictObject({ limit: z.coerce.number().int().min(1).max(1000).default(100) }),
    response: z.object({
      activity: z.array(
        z.object({
          id: z.string(),
          item: z.string(),
          at: z.string(),
          actor: z.string(),
          field: z.string(),
          from: z.string().optional(),
          to: z.string().optional(),
        }),
      ),
    }),
    async handle(input) {
      const programId = input.params.programId as ProgramId;
      if ((await input.deps.store.versionOf(programId)) === undefined)
        return problem(404, 'no-program', 'No such program', `there is no program "${programId}"`);
      return { body: { activity: await input.deps.store.integrations.activity(programId, input.params.itemId, input.query.limit) } };
    },
  }),
];
