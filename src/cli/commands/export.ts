import { resolve } from 'node:path';
import { EXPORT_FORMATS, type ExportFormat, exportProgram, isExportFormat } from '../../app/export-program.js';
import { type CalendarDate, isCalendarDate } from '../../domain/calendar-date.js';
import type { CliIo } from '../cli-io.js';
import { EXIT } from '../exit-codes.js';
import { describePlanError } from '../render/plan-error.js';
import { writeFileAtomic } from '../write-file-atomic.js';
import { withProgramTarget } from './program-target.js';

export interface ExportOptions {
  json?: boolean;
  format?: string;
  out?: string;
  asOf?: string;
}

const BY_EXTENSION: Record<string, ExportFormat> = { mmd: 'mermaid-gantt', dot: 'dot', gv: 'dot', csv: 'csv', ics: 'ical', json: 'json' };

export async function exportCommand(io: CliIo, target: string, o: ExportOptions): Promise<number> {
  const list = Object.entries(EXPORT_FORMATS)
    .map(([name, f]) => `  ${name.padEnd(14)} ${f.what}`)
    .join('\n');
  if (o.json && o.format !== undefined && o.format !== 'json') {
    io.err(`${io.errStyle.red('error')}: --json means --format json; give one of them`);
    return EXIT.usage;
  }
  const extension = o.out?.match(/\.([a-z]+)$/i)?.[1]?.toLowerCase();
  const name = (o.json ? 'json' : o.format) ?? (extension !== undefined ? BY_EXTENSION[extension] : undefined);
  if (name === undefined || !isExportFormat(name)) {
    io.err(
      `${io.errStyle.red('error')}: ${name === undefined ? 'say which format with --format' : `no export format "${name}"`}; the formats are:\n${list}`,
    );
    return EXIT.usage;
  }
  if (o.asOf !== undefined && !isCalendarDate(o.asOf)) {
    io.err(`${io.errStyle.red('error')}: --as-of "${o.asOf}" is not a date; write it as YYYY-MM-DD`);
    return EXIT.usage;
  }
  return withProgramTarget(io, target, `throughline export ${target}`, async ({ model }) => {
    const result = exportProgram(model, name, { now: io.now(), ...(o.asOf !== undefined ? { asOf: o.asOf as CalendarDate } : {}) });
    if (!result.ok) {
      const e = result.error;
      io.err(`${io.errStyle.red('error')}: ${describePlanError(e)}`);
      return EXIT.invalid;
    }
    if (o.out === undefined) {
      io.out(result.value.replace(/\r?\n$/, ''));
      return EXIT.ok;
    }
    await writeFileAtomic(resolve(io.cwd, o.out), result.value);
    io.err(`${io.errStyle.green('✓')} wrote ${o.out} (${name})`);
    return EXIT.ok;
  });
}
