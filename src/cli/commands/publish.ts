import { dayIn } from '../../app/day-in-zone.js';
import { WorkerPool } from '../../app/engine-pool/worker-pool.js';
import { confluenceDryRun } from '../../app/integrations/publish/confluence-publisher.js';
import { type PublishError, publishReport, storedProgramReport } from '../../app/integrations/publish/publish-report.js';
import { buildStatusReport } from '../../app/status-report.js';
import type { CalendarDate } from '../../domain/calendar-date.js';
import type { ConfluenceIntegration, SlackIntegration } from '../../domain/integration.js';
import { err, ok, type Result } from '../../domain/result.js';
import { reportConfluence } from '../../formats/report/confluence.js';
import { reportSlack } from '../../formats/report/slack.js';
import type { StatusReport } from '../../formats/report/status-report.js';
import type { CliIo } from '../cli-io.js';
import { EXIT } from '../exit-codes.js';
import { readIntegrationsFile, usageError } from '../integrations-file.js';
import { describePlanError } from '../render/plan-error.js';
import { withProgramTarget } from './program-target.js';

export interface PublishCommandOptions {
  readonly config?: string;
  readonly dryRun?: boolean;
  readonly json?: boolean;
  readonly trials?: number;
  /** The full report's address, linked from Slack when the message must leave things out. */
  readonly link?: string;
}

type Target = 'confluence' | 'slack';
/** Lines of the storage XHTML a dry run shows. */
const PREVIEW_LINES = 12;

/**
 * `throughline publish confluence|slack <program>`: builds the program's status report (as
 * `throughline report` does) and creates or updates the Confluence page, or posts it to the Slack
 * channel, as the integrations file says. Secrets come from the environment variables it names;
 * `--dry-run` shows what would be sent and sends nothing (no secret needed).
 */
export async function publishCommand(io: CliIo, target: Target, program: string, o: PublishCommandOptions): Promise<number> {
  const file = o.config ?? 'integrations.yaml';
  const config = await readIntegrationsFile(io, file, 'confluence: or slack:');
  if (typeof config === 'number') return config;
  const section = config[target];
  if (!section) return usageError(io, `${file} has no ${target}: section; add one (see docs/integrations.md) or pass --config <file>`);
  const envName = target === 'confluence' ? (section as ConfluenceIntegration).tokenEnv : (section as SlackIntegration).webhookEnv;
  const secret = io.env[envName];
  if (!o.dryRun && (secret === undefined || secret.trim() === '')) {
    const what =
      target === 'confluence'
        ? `the Confluence API token of ${(section as ConfluenceIntegration).email}`
        : 'the Slack incoming webhook URL';
    return usageError(io, `${envName} is not set: put ${what} in the environment variable ${envName} (${file} names it), or use --dry-run`);
  }

  return withProgramTarget(io, program, `throughline publish ${target} ${program}`, async (p) => {
    const pool = new WorkerPool();
    try {
      const trials = o.trials ?? 2000;
      let built: Result<StatusReport, PublishError>;
      if (p.kind === 'stored') built = await storedProgramReport(p.store, p.model, { pool, now: io.now(), trials, record: !o.dryRun });
      else {
        const asOf = dayIn(p.model.program.calendar.timezone, io.now()) as CalendarDate;
        const r = await buildStatusReport(p.model, { asOf, trials, seed: 1, pool, now: io.now() });
        built = r.ok ? ok(r.value.report) : err({ kind: 'report', message: describePlanError(r.error) });
      }
      if (!built.ok) {
        io.err(`${io.errStyle.red('error')}: ${built.error.message}`);
        return EXIT.invalid;
      }
      const report = built.value;
      if (o.dryRun) return dryRun(io, target, section, report, o);

      const published = await publishReport(
        report,
        target === 'confluence'
          ? { kind: 'confluence', config: section as ConfluenceIntegration }
          : { kind: 'slack', config: section as SlackIntegration },
        secret ?? '',
        { sleep: (ms) => new Promise((r) => setTimeout(r, ms)), now: () => Date.now() },
        { reportUrl: o.link, secretSource: envName },
      );
      if (!published.ok) {
        io.err(`${io.errStyle.red('error')}: ${published.error.message}`);
        return published.error.kind === 'config' ? EXIT.usage : published.error.kind === 'report' ? EXIT.invalid : EXIT.remote;
      }
      const v = published.value;
      if (o.json) io.out(JSON.stringify(v, null, 2));
      else if (v.kind === 'confluence')
        io.out(
          `${io.style.green('✓')} ${v.created ? 'Created' : 'Updated'} the page “${(section as ConfluenceIntegration).title}” in ${(section as ConfluenceIntegration).space} (version ${v.version}), status as of ${report.asOf}\n  ${v.url}`,
        );
      else io.out(`${io.style.green('✓')} Posted the status as of ${report.asOf} to Slack (${v.blocks} blocks)`);
      return EXIT.ok;
    } finally {
      await pool.close();
    }
  });
}

function dryRun(
  io: CliIo,
  target: Target,
  section: ConfluenceIntegration | SlackIntegration,
  report: StatusReport,
  o: PublishCommandOptions,
): number {
  if (target === 'confluence') {
    const dry = confluenceDryRun(section as ConfluenceIntegration, reportConfluence(report));
    const bytes = Buffer.byteLength(dry.storage, 'utf8');
    if (o.json) {
      io.out(
        JSON.stringify(
          { dryRun: true, target, site: dry.site, space: dry.space, title: dry.title, parentId: dry.parentId, bytes, payload: dry.payload },
          null,
          2,
        ),
      );
      return EXIT.ok;
    }
    const lines = dry.storage.split('\n');
    io.out(
      [
        `Dry run: nothing was sent. Would publish the status as of ${report.asOf} to Confluence:`,
        `  site   ${dry.site}`,
        `  space  ${dry.space}`,
        `  title  ${dry.title}${dry.parentId ? `  (a new page goes under page ${dry.parentId})` : ''}`,
        `  body   ${bytes.toLocaleString('en-US')} bytes of storage-format XHTML, ${lines.length} lines; the first ${Math.min(PREVIEW_LINES, lines.length)}:`,
        ...lines.slice(0, PREVIEW_LINES).map((l) => `    ${l.length > 160 ? `${l.slice(0, 159)}…` : l}`),
      ].join('\n'),
    );
    return EXIT.ok;
  }
  const payload = reportSlack(report, o.link ? { reportUrl: o.link } : {});
  if (o.json) {
    io.out(JSON.stringify({ dryRun: true, target, blocks: payload.blocks.length, payload }, null, 2));
    return EXIT.ok;
  }
  const sections = payload.blocks.filter((b) => b.type === 'section').length;
  io.out(
    [
      `Dry run: nothing was sent. Would post the status as of ${report.asOf} to Slack:`,
      `  ${payload.blocks.length} blocks (${sections} sections; Slack takes at most 50), ${Buffer.byteLength(JSON.stringify(payload), 'utf8').toLocaleString('en-US')} bytes`,
      `  notification text: ${payload.text}`,
      '  --json prints the whole payload.',
    ].join('\n'),
  );
  return EXIT.ok;
}
