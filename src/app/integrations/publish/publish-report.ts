import type { CalendarDate } from '../../../domain/calendar-date.js';
import type { ProgramId } from '../../../domain/ids.js';
import type { ConfluenceIntegration, SlackIntegration } from '../../../domain/integration.js';
import type { ProgramModel } from '../../../domain/program-model.js';
import { err, ok, type Result } from '../../../domain/result.js';
import { reportConfluence } from '../../../formats/report/confluence.js';
import { reportSlack } from '../../../formats/report/slack.js';
import type { StatusReport } from '../../../formats/report/status-report.js';
import type { ProgramStore } from '../../../store/program-store.js';
import { dayIn } from '../../day-in-zone.js';
import type { WorkerPool } from '../../engine-pool/worker-pool.js';
import { buildStatusReport } from '../../status-report.js';
import { storedReportInputs } from '../../stored-report-inputs.js';
import type { HttpDeps, IntegrationError } from '../http-client.js';
import { type ConfluencePublished, publishConfluence } from './confluence-publisher.js';
import { publishSlack, type SlackPublished } from './slack-publisher.js';

/**
 * Publishing a program's status report to Confluence or Slack: the report a stored program gets
 * from `throughline report` (history, previous report, baseline, reviews, SLI and cost data), then
 * the publisher. Shared by the CLI, the scheduler and the server's "publish now".
 */

export type PublishTarget =
  | { readonly kind: 'confluence'; readonly config: ConfluenceIntegration }
  | { readonly kind: 'slack'; readonly config: SlackIntegration };

export type PublishOutcome = ({ readonly kind: 'confluence' } & ConfluencePublished) | ({ readonly kind: 'slack' } & SlackPublished);

export type PublishError = IntegrationError | { readonly kind: 'report'; readonly message: string };

export interface ReportOptions {
  readonly pool: WorkerPool;
  readonly now: Date;
  /** Monte Carlo trials (2000, as the report command). */
  readonly trials?: number;
}

/** The status report of a stored program for today in its zone; recorded as the report of that date (as `throughline report` does). */
export async function storedProgramReport(
  store: ProgramStore,
  model: ProgramModel,
  options: ReportOptions & { readonly record?: boolean },
): Promise<Result<StatusReport, PublishError>> {
  const id = model.program.id as ProgramId;
  const asOf = dayIn(model.program.calendar.timezone, options.now) as CalendarDate;
  const built = await buildStatusReport(model, {
    asOf,
    trials: options.trials ?? 2000,
    seed: 1,
    pool: options.pool,
    now: options.now,
    ...(await storedReportInputs(store, model, asOf)),
  });
  if (!built.ok) {
    const e = built.error;
    const why = e.kind === 'cycle' ? `its dependencies form a cycle (${e.path.join(' → ')})` : `its calendar: ${e.message}`;
    return err({ kind: 'report', message: `the report of "${id}" could not be built: ${why}; fix the program and publish again` });
  }
  if (options.record !== false) {
    const version = (await store.listPrograms()).find((p) => p.id === id)?.version ?? 1;
    await store.insights.saveStatusSnapshot(id, { asOf, takenAt: options.now, version, summary: built.value.snapshot });
  }
  return ok(built.value.report);
}

/** Sends a built report to the target. `reportUrl` (the Confluence page) is linked from Slack when the message must leave things out. */
export async function publishReport(
  report: StatusReport,
  target: PublishTarget,
  secret: string,
  http: HttpDeps,
  options: { readonly reportUrl?: string | undefined; readonly secretSource?: string } = {},
): Promise<Result<PublishOutcome, PublishError>> {
  if (target.kind === 'confluence') {
    const done = await publishConfluence({ config: target.config, secret, storage: reportConfluence(report), asOf: report.asOf }, http);
    return done.ok ? ok({ kind: 'confluence', ...done.value }) : done;
  }
  const payload = reportSlack(report, options.reportUrl ? { reportUrl: options.reportUrl } : {});
  const done = await publishSlack({ webhookUrl: secret, webhookSource: options.secretSource ?? target.config.webhookEnv, payload }, http);
  return done.ok ? ok({ kind: 'slack', ...done.value }) : done;
}
