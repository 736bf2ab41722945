import type { WorkerPool } from '../app/engine-pool/worker-pool.js';
import type { HttpDeps } from '../app/integrations/http-client.js';
import { type Env, secretEnvOf, secretFor } from '../app/integrations/integration-settings.js';
import { type PublishError, type PublishOutcome, publishReport, storedProgramReport } from '../app/integrations/publish/publish-report.js';
import type { ProgramId } from '../domain/ids.js';
import type { ConfluenceIntegration, PublishSchedule, SlackIntegration } from '../domain/integration.js';
import type { ProgramModel } from '../domain/program-model.js';
import { err, type Result } from '../domain/result.js';
import { dueRun } from '../engine/schedule/next-run.js';
import type { StatusReport } from '../formats/report/status-report.js';
import type { IntegrationResult, StoredIntegration } from '../store/integration-store.js';
import type { ProgramStore } from '../store/program-store.js';

/**
 * Scheduled publishing (issue 8): every 30 s, the programs whose Confluence or Slack integration
 * has a schedule that is due ("every friday at 15:00", in the schedule's zone or the program's)
 * get their status report published, and the outcome is recorded as the integration's result
 * (actor `schedule`, with the instant it was scheduled for), which the integrations screen shows.
 *
 * - A schedule runs once per scheduled instant: the last scheduled run is read back from the
 *   results, and after downtime only the latest missed instant runs (engine/schedule/next-run.ts).
 *   A failed run is recorded and not retried until the next instant (no storm against a broken
 *   target; "publish now" is there for a retry).
 * - Never two publishes of one schedule at once, even when a publish outlasts a tick.
 * - One program's or target's failure is recorded and does not stop the others.
 */

export const TICK_MS = 30_000;
type Target = 'confluence' | 'slack';
const TARGETS: readonly Target[] = ['confluence', 'slack'];

export interface PublishSchedulerDeps {
  readonly store: ProgramStore;
  /** The server's environment, for secrets the configs name by variable. */
  readonly env: Env;
  readonly http: HttpDeps;
  readonly pool: WorkerPool;
  readonly now: () => Date;
  /** Calls `tick` every `ms` until the returned function is called. Default: an unref'd setInterval. */
  readonly every?: (ms: number, tick: () => void) => () => void;
  readonly log?: (line: string) => void;
  /** Monte Carlo trials of the published report (2000, as `throughline report`). */
  readonly trials?: number;
}

/** One scheduled publish a tick ran. */
export interface ScheduledRun {
  readonly program: string;
  readonly kind: Target;
  readonly scheduledFor: string;
  readonly ok: boolean;
  readonly error?: string;
}

export interface PublishScheduler {
  /** Runs the due schedules now (also what the timer calls); resolves when they are recorded. */
  tick(): Promise<ScheduledRun[]>;
  /** Stops the timer and waits for publishes in flight. */
  stop(): Promise<void>;
}

/** The instant the last scheduled run was for: recorded in its summary, else its time. */
function lastScheduled(results: readonly IntegrationResult[]): Date | undefined {
  const last = results.find((r) => r.kind === 'publish' && r.actor === 'schedule');
  if (!last) return undefined;
  const planned = (last.summary as { scheduledFor?: unknown } | undefined)?.scheduledFor;
  return typeof planned === 'string' ? new Date(planned) : last.at;
}

/** The Confluence page the last successful publish wrote: Slack links it as the full report. */
function confluencePageUrl(integration: StoredIntegration | undefined): string | undefined {
  const done = integration?.results.find((r) => r.kind === 'publish' && r.ok);
  const url = (done?.summary as { url?: unknown } | undefined)?.url;
  return typeof url === 'string' ? url : undefined;
}

export function startPublishScheduler(deps: PublishSchedulerDeps): PublishScheduler {
  const log = deps.log ?? (() => {});
  const running = new Map<string, Promise<ScheduledRun>>();
  /**
   * The instant each schedule last ran for, in this process: a tick that read the results just
   * before another tick recorded its run must still not run that instant again.
   */
  const ranFor = new Map<string, number>();

  async function publishOne(
    programId: ProgramId,
    kind: Target,
    integration: StoredIntegration,
    scheduledFor: Date,
    report: () => Promise<Result<StatusReport, PublishError>>,
    page: { url?: string | undefined },
  ): Promise<ScheduledRun> {
    let outcome: Result<PublishOutcome, PublishError>;
    try {
      const config = integration.config as ConfluenceIntegration | SlackIntegration;
      const secret = await secretFor(deps.store, programId, kind, config, deps.env);
      if (!secret) {
        outcome = err({
          kind: 'config',
          message: `no ${kind === 'slack' ? 'webhook URL' : 'API token'} for ${kind}: store one on the integrations screen or set ${secretEnvOf(kind, config)} in the server's environment`,
        });
      } else {
        const built = await report();
        outcome = !built.ok
          ? built
          : await publishReport(
              built.value,
              kind === 'confluence' ? { kind, config: config as ConfluenceIntegration } : { kind, config: config as SlackIntegration },
              secret,
              deps.http,
              { reportUrl: page.url },
            );
        // The page just written is the full report Slack links.
        if (outcome.ok && outcome.value.kind === 'confluence') page.url = outcome.value.url;
      }
    } catch (e) {
      // A bug, not an expected failure; recorded so the screen shows the schedule did not publish.
      log(`scheduled ${kind} publish of ${programId} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      outcome = err({ kind: 'report', message: 'the publish failed on our side; it has been logged' });
    }
    const { kind: _published, ...summary } = outcome.ok ? outcome.value : { kind };
    await deps.store.integrations.recordResult(programId, kind, {
      at: deps.now(),
      kind: 'publish',
      ok: outcome.ok,
      summary: { scheduledFor: scheduledFor.toISOString(), ...(outcome.ok ? summary : {}) },
      ...(outcome.ok ? {} : { error: outcome.error.message }),
      actor: 'schedule',
    });
    if (!outcome.ok) log(`scheduled ${kind} publish of ${programId} failed: ${outcome.error.message}`);
    return {
      program: programId,
      kind,
      scheduledFor: scheduledFor.toISOString(),
      ok: outcome.ok,
      ...(outcome.ok ? {} : { error: outcome.error.message }),
    };
  }

  async function tickProgram(programId: ProgramId, now: Date): Promise<Promise<ScheduledRun>[]> {
    const integrations = await deps.store.integrations.list(programId);
    const scheduled = TARGETS.flatMap((kind) => {
      const integration = integrations.find((i) => i.kind === kind);
      const schedule = (integration?.config as { schedule?: PublishSchedule } | undefined)?.schedule;
      return integration && schedule ? [{ kind, integration, schedule }] : [];
    });
    if (scheduled.length === 0) return [];
    let model: ProgramModel | undefined;
    const due: { kind: Target; integration: StoredIntegration; at: Date }[] = [];
    for (const s of scheduled) {
      if (running.has(`${programId}\n${s.kind}`)) continue;
      model ??= await deps.store.readProgram(programId);
      if (!model) return [];
      const at = dueRun(s.schedule, lastScheduled(s.integration.results), now, model.program.calendar.timezone);
      if (at) due.push({ kind: s.kind, integration: s.integration, at });
    }
    if (due.length === 0 || !model) return [];
    // One report for both targets when both are due; Confluence first, so Slack can link the page.
    const m = model;
    let built: Promise<Result<StatusReport, PublishError>> | undefined;
    const report = () => {
      built ??= storedProgramReport(deps.store, m, { pool: deps.pool, now, ...(deps.trials ? { trials: deps.trials } : {}) });
      return built;
    };
    const page = { url: confluencePageUrl(integrations.find((i) => i.kind === 'confluence')) };
    const runs: Promise<ScheduledRun>[] = [];
    let chain: Promise<unknown> = Promise.resolve();
    for (const d of due.sort((a, b) => TARGETS.indexOf(a.kind) - TARGETS.indexOf(b.kind))) {
      const key = `${programId}\n${d.kind}`;
      // Checked and claimed with no await in between: two ticks never both take one instant.
      if (running.has(key) || (ranFor.get(key) ?? Number.NEGATIVE_INFINITY) >= d.at.getTime()) continue;
      ranFor.set(key, d.at.getTime());
      const run = chain.then(() => publishOne(programId, d.kind, d.integration, d.at, report, page));
      chain = run;
      running.set(key, run);
      runs.push(run.finally(() => running.delete(key)));
    }
    return runs;
  }

  async function tick(): Promise<ScheduledRun[]> {
    const now = deps.now();
    const started: Promise<ScheduledRun>[] = [];
    for (const p of await deps.store.listPrograms()) {
      try {
        started.push(...(await tickProgram(p.id as ProgramId, now)));
      } catch (e) {
        log(`publish schedules of ${p.id} could not be read: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    const settled = await Promise.allSettled(started);
    return settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  }

  const every =
    deps.every ??
    ((ms: number, fn: () => void) => {
      const handle = setInterval(fn, ms);
      handle.unref();
      return () => clearInterval(handle);
    });
  const cancel = every(TICK_MS, () => {
    tick().catch((e: unknown) => log(`publish scheduler tick failed: ${e instanceof Error ? e.message : String(e)}`));
  });
  return {
    tick,
    async stop() {
      cancel();
      await Promise.allSettled([...running.values()]);
    },
  };
}
