import { resolve } from 'node:path';
import { dayIn } from '../../app/day-in-zone.js';
import { WorkerPool } from '../../app/engine-pool/worker-pool.js';
import { buildStatusReport, type ReportRequest } from '../../app/status-report.js';
import { storedReportInputs } from '../../app/stored-report-inputs.js';
import { type CalendarDate, isCalendarDate } from '../../domain/calendar-date.js';
import type { ProgramId } from '../../domain/ids.js';
import { reportConfluence } from '../../formats/report/confluence.js';
import { reportHtml } from '../../formats/report/html.js';
import { reportMarkdown } from '../../formats/report/markdown.js';
import { reportSlack } from '../../formats/report/slack.js';
import type { CliIo } from '../cli-io.js';
import { EXIT } from '../exit-codes.js';
import { describePlanError } from '../render/plan-error.js';
import { writeFileAtomic } from '../write-file-atomic.js';
import { withProgramTarget } from './program-target.js';

export interface ReportOptions {
  json?: boolean;
  asOf?: string;
  format?: string;
  out?: string;
  trials?: number;
  seed?: number;
  record?: boolean;
}

const FORMATS = ['markdown', 'html', 'confluence', 'slack', 'json'] as const;
type Format = (typeof FORMATS)[number];
const BY_EXTENSION: Record<string, Format> = { md: 'markdown', html: 'html', htm: 'html', xml: 'confluence', json: 'json' };

export async function reportCommand(io: CliIo, target: string, o: ReportOptions): Promise<number> {
  if (o.json && o.format !== undefined && o.format !== 'json') {
    io.err(`${io.errStyle.red('error')}: --json means --format json; give one of them`);
    return EXIT.usage;
  }
  const extension = o.out?.match(/\.([a-z]+)$/i)?.[1]?.toLowerCase();
  const format = ((o.json ? 'json' : o.format) ?? (extension !== undefined ? BY_EXTENSION[extension] : undefined) ?? 'markdown') as Format;
  if (!FORMATS.includes(format)) {
    io.err(`${io.errStyle.red('error')}: no report format "${o.format}"; the formats are ${FORMATS.join(', ')}`);
    return EXIT.usage;
  }
  if (o.asOf !== undefined && !isCalendarDate(o.asOf)) {
    io.err(`${io.errStyle.red('error')}: --as-of "${o.asOf}" is not a date; write it as YYYY-MM-DD`);
    return EXIT.usage;
  }
  return withProgramTarget(io, target, `throughline report ${target}`, async (program) => {
    const { model } = program;
    const zone = model.program.calendar.timezone;
    const id = model.program.id as ProgramId;
    const asOf = (o.asOf as CalendarDate | undefined) ?? dayIn(zone, io.now());
    const pool = new WorkerPool();
    try {
      let stored: Partial<ReportRequest> = {};
      if (program.kind === 'stored') stored = await storedReportInputs(program.store, model, asOf);
      const built = await buildStatusReport(model, { asOf, trials: o.trials ?? 2000, seed: o.seed ?? 1, pool, now: io.now(), ...stored });
      if (!built.ok) {
        const e = built.error;
        io.err(`${io.errStyle.red('error')}: ${describePlanError(e)}`);
        return EXIT.invalid;
      }
      const { report, snapshot } = built.value;
      if (program.kind === 'stored' && o.record !== false) {
        const version = (await program.store.listPrograms()).find((p) => p.id === id)?.version ?? 1;
        await program.store.insights.saveStatusSnapshot(id, { asOf, takenAt: io.now(), version, summary: snapshot });
      }
      const text =
        format === 'markdown'
          ? reportMarkdown(report)
          : format === 'html'
            ? reportHtml(report)
            : format === 'confluence'
              ? reportConfluence(report)
              : format === 'slack'
                ? `${JSON.stringify(reportSlack(report), null, 2)}\n`
                : `${JSON.stringify(report, null, 2)}\n`;
      if (o.out === undefined) io.out(text.replace(/\n$/, ''));
      else {
        await writeFileAtomic(resolve(io.cwd, o.out), text);
        io.err(`${io.errStyle.green('✓')} wrote ${o.out} (${format})`);
      }
      return EXIT.ok;
    } finally {
      await pool.close();
    }
  });
}
