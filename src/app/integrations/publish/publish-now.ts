import type { ProgramId } from '../../../domain/ids.js';
import type { ConfluenceIntegration, SlackIntegration } from '../../../domain/integration.js';
import { err, type Result } from '../../../domain/result.js';
import type { ProgramStore } from '../../../store/program-store.js';
import type { WorkerPool } from '../../engine-pool/worker-pool.js';
import type { HttpDeps } from '../http-client.js';
import { type Env, secretEnvOf, secretFor } from '../integration-settings.js';
import { type PublishError, type PublishOutcome, publishReport, storedProgramReport } from './publish-report.js';

/**
 * "Publish now" on the integrations screen: the stored program's report to its configured
 * Confluence page or Slack channel, with the stored secret or the server's environment, recorded
 * as the integration's last result (who, when, the page URL and version or the block count).
 */
export type PublishNowError =
  | PublishError
  | { readonly kind: 'no-program'; readonly message: string }
  | { readonly kind: 'not-configured'; readonly message: string }
  | { readonly kind: 'no-secret'; readonly message: string };

export interface PublishNowDeps {
  readonly store: ProgramStore;
  readonly env: Env;
  readonly http: HttpDeps;
  readonly pool: WorkerPool;
  readonly now: () => Date;
  readonly trials?: number;
}

export async function publishNow(
  deps: PublishNowDeps,
  programId: ProgramId,
  kind: 'confluence' | 'slack',
  actor: string,
): Promise<Result<PublishOutcome, PublishNowError>> {
  const model = await deps.store.readProgram(programId);
  if (!model) return err({ kind: 'no-program', message: `there is no program "${programId}"` });
  const stored = await deps.store.integrations.get(programId, kind);
  const config = stored?.config as ConfluenceIntegration | SlackIntegration | undefined;
  if (!config) return err({ kind: 'not-configured', message: `${kind} is not configured for "${programId}": save its settings first` });
  const secret = await secretFor(deps.store, programId, kind, config, deps.env);
  if (!secret)
    return err({
      kind: 'no-secret',
      message: `no ${kind === 'slack' ? 'webhook URL' : 'API token'} for ${kind}: set it on this screen (kept on the server, never shown again) or in the server's environment as ${secretEnvOf(kind, config)}`,
    });
  const now = deps.now();
  const report = await storedProgramReport(deps.store, model, { pool: deps.pool, now, ...(deps.trials ? { trials: deps.trials } : {}) });
  // Slack links the Confluence page the last publish wrote, when the message must leave things out.
  const page = (await deps.store.integrations.results(programId, 'confluence')).find((r) => r.kind === 'publish' && r.ok);
  const pageUrl = (page?.summary as { url?: unknown } | undefined)?.url;
  const outcome = !report.ok
    ? report
    : await publishReport(
        report.value,
        kind === 'confluence' ? { kind, config: config as ConfluenceIntegration } : { kind, config: config as SlackIntegration },
        secret,
        deps.http,
        { reportUrl: typeof pageUrl === 'string' ? pageUrl : undefined },
      );
  const { kind: _target, ...summary } = outcome.ok ? outcome.value : { kind };
  await deps.store.integrations.recordResult(programId, kind, {
    at: deps.now(),
    kind: 'publish',
    ok: outcome.ok,
    ...(outcome.ok ? { summary } : { error: outcome.error.message }),
    actor,
  });
  return outcome;
}
