import { dayIn } from '../../app/day-in-zone.js';
import { WorkerPool } from '../../app/engine-pool/worker-pool.js';
import { programRisks, type RiskReport } from '../../app/program-risks.js';
import { type CalendarDate, isCalendarDate } from '../../domain/calendar-date.js';
import type { ProgramId } from '../../domain/ids.js';
import type { CliIo } from '../cli-io.js';
import { EXIT } from '../exit-codes.js';
import { renderRisks } from '../render/risks.js';
import { withProgramTarget } from './program-target.js';

export interface RisksOptions {
  asOf?: string;
  trials?: number;
  seed?: number;
  near?: number;
  staleDays?: number;
  json?: boolean;
}

export async function risksCommand(io: CliIo, target: string, options: RisksOptions): Promise<number> {
  if (options.asOf !== undefined && !isCalendarDate(options.asOf)) {
    io.err(`${io.errStyle.red('error')}: --as-of "${options.asOf}" is not a date; write it as YYYY-MM-DD`);
    return EXIT.usage;
  }
  return withProgramTarget(io, target, `throughline risks ${target}`, async (program) => {
    const { model } = program;
    const zone = model.program.calendar.timezone;
    const asOf = (options.asOf as CalendarDate | undefined) ?? dayIn(zone, io.now());
    const lastChanged =
      program.kind === 'stored'
        ? new Map([...(await program.store.itemsLastChanged(model.program.id as ProgramId))].map(([id, at]) => [id, dayIn(zone, at)]))
        : undefined;
    const trials = options.trials ?? 2000;
    const pool = trials > 0 ? new WorkerPool() : undefined;
    try {
      const result = await programRisks(model, {
        asOf,
        trials,
        seed: options.seed ?? 1,
        ...(pool ? { pool } : {}),
        ...(options.near !== undefined ? { nearCriticalDays: options.near } : {}),
        ...(options.staleDays !== undefined ? { staleDays: options.staleDays } : {}),
        ...(lastChanged ? { lastChanged } : {}),
      });
      if (!result.ok) {
        const e = result.error;
        io.err(`${io.errStyle.red('error')}: ${e.kind === 'cycle' ? `dependency cycle: ${e.path.join(' → ')}` : e.message}`);
        return EXIT.invalid;
      }
      io.out(options.json ? JSON.stringify(result.value, null, 2) : renderRisks(result.value as RiskReport, io.style));
      return EXIT.ok;
    } finally {
      await pool?.close();
    }
  });
}
