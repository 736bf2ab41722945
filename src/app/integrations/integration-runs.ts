import type { ExternalBatch, SyncSummary } from '../../domain/external-work.js';
import type { ProgramId } from '../../domain/ids.js';
import type { GithubIntegration, IntegrationKind, JiraIntegration } from '../../domain/integration.js';
import { err, ok, type Result } from '../../domain/result.js';
import type { IntegrationConfigs, ResultRun } from '../../store/integration-store.js';
import type { ProgramStore } from '../../store/program-store.js';
import type { HttpDeps, IntegrationError } from './http-client.js';
import { type Env, secretEnvOf, secretFor } from './integration-settings.js';
import { openWorkSource } from './open-work-source.js';
import { type SyncError, syncProgram } from './sync-program.js';
import type { SyncProgress, WorkSource } from './work-source.js';

/**
 * Running an integration from the server (issue 8): test the connection, preview the mapping,
 * sync in the background with progress, publish. Every outcome is recorded as the integration's
 * last result. Secrets come from the store or the environment passed in, and never leave.
 */

export type TrackerKind = 'jira' | 'github';
export const isTracker = (kind: IntegrationKind): kind is TrackerKind => kind === 'jira' || kind === 'github';

/** Checks a Confluence or Slack configuration without publishing anything. */
export type PublishCheck = (config: unknown, secret: string, deps: HttpDeps) => Promise<Result<ConnectionOk, IntegrationError>>;

export interface RunDeps {
  readonly store: ProgramStore;
  readonly env: Env;
  readonly http: HttpDeps;
  readonly now: () => Date;
  readonly checks: { readonly confluence: PublishCheck; readonly slack: PublishCheck };
}

export interface ConnectionOk {
  readonly account: string;
  readonly detail: string;
}

export type RunError =
  | IntegrationError
  | SyncError
  | { readonly kind: 'not-configured'; readonly message: string }
  | { readonly kind: 'no-secret'; readonly message: string }
  | { readonly kind: 'running'; readonly message: string; readonly runId: string };

interface Prepared<K extends IntegrationKind> {
  readonly config: IntegrationConfigs[K];
  readonly secret: string;
}

async function prepare<K extends IntegrationKind>(deps: RunDeps, programId: ProgramId, kind: K): Promise<Result<Prepared<K>, RunError>> {
  const stored = await deps.store.integrations.get(programId, kind);
  const config = stored?.config as IntegrationConfigs[K] | undefined;
  if (!config) return err({ kind: 'not-configured', message: `${kind} is not configured for "${programId}": save its settings first` });
  const secret = await secretFor(deps.store, programId, kind, config, deps.env);
  if (!secret) {
    const env = secretEnvOf(kind, config);
    return err({
      kind: 'no-secret',
      message: `no ${kind === 'slack' ? 'webhook URL' : 'token'} for ${kind}: set it on this screen (kept on the server, never shown again) or in the server's environment as ${env}`,
    });
  }
  return ok({ config, secret });
}

/** The tracker with the secret already resolved (stored, else the environment). */
const sourceOf = (deps: RunDeps, kind: TrackerKind, p: Prepared<TrackerKind>): Result<WorkSource, RunError> =>
  openWorkSource(
    kind,
    kind === 'jira' ? { jira: p.config as JiraIntegration } : { github: p.config as GithubIntegration },
    { env: deps.env, stored: p.secret },
    deps.http,
  );

async function record(
  deps: RunDeps,
  programId: ProgramId,
  kind: IntegrationKind,
  run: ResultRun,
  actor: string,
  outcome: Result<unknown, RunError>,
): Promise<void> {
  // Not configured or already running: nothing ran, so the log does not say it did.
  if (!outcome.ok && (outcome.error.kind === 'not-configured' || outcome.error.kind === 'running')) return;
  await deps.store.integrations.recordResult(programId, kind, {
    at: deps.now(),
    kind: run,
    ok: outcome.ok,
    ...(outcome.ok ? { summary: outcome.value } : { error: outcome.error.message }),
    actor,
  });
}

/** Tests the connection and credentials; never writes to the tracker or posts anything. */
export async function testConnection(
  deps: RunDeps,
  programId: ProgramId,
  kind: IntegrationKind,
  actor: string,
): Promise<Result<ConnectionOk, RunError>> {
  const prepared = await prepare(deps, programId, kind);
  let outcome: Result<ConnectionOk, RunError>;
  if (!prepared.ok) outcome = prepared;
  else if (isTracker(kind)) {
    const source = sourceOf(deps, kind, prepared.value as Prepared<TrackerKind>);
    outcome = source.ok ? await source.value.test() : source;
  } else outcome = await deps.checks[kind](prepared.value.config, prepared.value.secret, deps.http);
  await record(deps, programId, kind, 'test', actor, outcome);
  return outcome;
}

/** One mapped issue as the preview shows it. */
export interface PreviewRow {
  readonly key: string;
  readonly id: string;
  readonly url: string | null;
  readonly title: string | null;
  readonly kind: string | null;
  readonly team: string | null;
  /** Likely working days. */
  readonly estimate: number | null;
  readonly state: string | null;
  readonly parent: string | null;
  readonly workstream: string | null;
  /** Links to or from it that become dependencies. */
  readonly dependencies: number;
  /** What the sync would do with it. */
  readonly action: 'create' | 'update' | 'unchanged';
}

export interface Preview {
  readonly describe: string;
  readonly limit: number;
  readonly rows: readonly PreviewRow[];
  /** The sync of these issues as a dry run: what it would create and update. */
  readonly summary: SyncSummary;
}

const likely = (e: unknown): number | null =>
  typeof e === 'number' ? e : e && typeof e === 'object' && 'likely' in e ? Number((e as { likely: number }).likely) : null;

/** Fetches the first `limit` issues and answers them mapped, with what a sync would do: writes nothing. */
export async function previewMapping(
  deps: RunDeps,
  programId: ProgramId,
  kind: TrackerKind,
  limit: number,
  actor: string,
): Promise<Result<Preview, RunError>> {
  const prepared = await prepare(deps, programId, kind);
  if (!prepared.ok) return prepared;
  const opened = sourceOf(deps, kind, prepared.value);
  if (!opened.ok) return opened;
  const source = opened.value;
  let batch: ExternalBatch | undefined;
  // The dry run's own fetch is the preview's: the tracker is read once.
  const capturing: WorkSource = {
    system: source.system,
    owned: source.owned,
    describe: source.describe,
    test: () => source.test(),
    keys: (progress) => source.keys(progress),
    async fetch(since, progress, max) {
      const fetched = await source.fetch(since, progress, max);
      if (fetched.ok) batch = fetched.value;
      return fetched;
    },
  };
  const dry = await syncProgram(deps.store, programId, capturing, { dryRun: true, limit, at: deps.now(), actor, progress: () => {} });
  if (!dry.ok) return dry;
  const created = new Set<string>(dry.value.summary.created);
  const updated = new Set<string>(dry.value.summary.updated);
  const links = new Map<string, number>();
  for (const d of batch?.dependencies ?? []) {
    links.set(d.from, (links.get(d.from) ?? 0) + 1);
    links.set(d.to, (links.get(d.to) ?? 0) + 1);
  }
  const rows = (batch?.works ?? []).map(
    (w): PreviewRow => ({
      key: w.key,
      id: w.id,
      url: w.url ?? null,
      title: w.fields.title ?? null,
      kind: w.fields.kind ?? null,
      team: w.fields.team ?? null,
      estimate: likely(w.fields.estimate),
      state: w.fields.state ?? null,
      parent: w.fields.parent ?? null,
      workstream: w.fields.workstream ?? null,
      dependencies: links.get(w.id) ?? 0,
      action: created.has(w.id) ? 'create' : updated.has(w.id) ? 'update' : 'unchanged',
    }),
  );
  return ok({ describe: source.describe, limit, rows, summary: dry.value.summary });
}

/** A background sync: where it is while it runs, then how it ended. */
export interface SyncRun {
  readonly runId: string;
  readonly kind: TrackerKind;
  readonly actor: string;
  readonly startedAt: string;
  readonly progress: SyncProgress;
  readonly finishedAt: string | null;
  readonly ok: boolean | null;
  readonly summary: SyncSummary | null;
  readonly error: string | null;
  /** The program's version after the sync. */
  readonly version: number | null;
}

/**
 * The syncs of one server: one at a time per program and kind, each remembered (the latest) so a
 * page opened mid-sync, or after it, sees where it is or how it ended.
 */
export class SyncRuns {
  private readonly runs = new Map<string, SyncRun>();
  private counter = 0;

  current(programId: ProgramId, kind: TrackerKind): SyncRun | undefined {
    return this.runs.get(`${programId}\n${kind}`);
  }

  /**
   * Starts a sync unless one runs; `finished` hears the outcome (to publish the program's change).
   * The promise of the run itself is returned for tests and shutdown.
   */
  async start(
    deps: RunDeps,
    programId: ProgramId,
    kind: TrackerKind,
    actor: string,
    finished: (run: SyncRun) => void,
  ): Promise<Result<{ run: SyncRun; done: Promise<SyncRun> }, RunError>> {
    const key = `${programId}\n${kind}`;
    const running = this.runs.get(key);
    if (running && running.finishedAt === null) {
      return err({
        kind: 'running',
        message: `a ${kind} sync started by ${running.actor} is running (${running.progress.phase})`,
        runId: running.runId,
      });
    }
    const prepared = await prepare(deps, programId, kind);
    if (!prepared.ok) {
      await record(deps, programId, kind, 'sync', actor, prepared);
      return prepared;
    }
    const opened = sourceOf(deps, kind, prepared.value);
    if (!opened.ok) {
      await record(deps, programId, kind, 'sync', actor, opened);
      return opened;
    }
    const source = opened.value;
    this.counter += 1;
    let run: SyncRun = {
      runId: `${kind}-${deps.now().getTime().toString(36)}-${this.counter}`,
      kind,
      actor,
      startedAt: deps.now().toISOString(),
      progress: { phase: 'connecting', done: 0 },
      finishedAt: null,
      ok: null,
      summary: null,
      error: null,
      version: null,
    };
    this.runs.set(key, run);
    const done = (async () => {
      const outcome = await syncProgram(deps.store, programId, source, {
        dryRun: false,
        at: deps.now(),
        actor,
        progress: (progress) => {
          run = { ...run, progress };
          this.runs.set(key, run);
        },
        recordActivity: (id, entries) => deps.store.integrations.recordActivity(id, entries),
      }).catch((e: unknown): Result<never, RunError> => err({ kind: 'network', message: `the sync stopped: ${String(e)}` }));
      await record(deps, programId, kind, 'sync', actor, outcome.ok ? ok(outcome.value.summary) : outcome).catch(() => {});
      run = {
        ...run,
        progress: outcome.ok ? { ...run.progress, phase: 'done' } : run.progress,
        finishedAt: deps.now().toISOString(),
        ok: outcome.ok,
        summary: outcome.ok ? outcome.value.summary : null,
        error: outcome.ok ? null : outcome.error.message,
        version: outcome.ok ? (outcome.value.version ?? null) : null,
      };
      this.runs.set(key, run);
      finished(run);
      return run;
    })();
    return ok({ run, done });
  }
}
