import { WorkerPool } from '../../app/engine-pool/worker-pool.js';
import { type BlastRadius, blastRadius, type ImpactChange, type ImpactReport, programImpact } from '../../app/program-impact.js';
import { type CalendarDate, isCalendarDate } from '../../domain/calendar-date.js';
import type { CliIo } from '../cli-io.js';
import { EXIT } from '../exit-codes.js';
import { renderBlastRadius, renderImpact } from '../render/impact.js';
import { describePlanError } from '../render/plan-error.js';
import { withProgramTarget } from './program-target.js';

export interface ImpactOptions {
  item?: string;
  slip?: number;
  team?: string;
  lose?: number;
  from?: string;
  to?: string;
  asOf?: string;
  trials?: number;
  seed?: number;
  json?: boolean;
}

const USAGE =
  'say what changes: --item ID --slip DAYS, or --team ID --lose PEOPLE --from DATE --to DATE; ' +
  '--item ID or --team ID alone shows the blast radius';

export async function impactCommand(io: CliIo, target: string, o: ImpactOptions): Promise<number> {
  const usage = (message: string) => {
    io.err(`${io.errStyle.red('error')}: ${message}`);
    return EXIT.usage;
  };
  for (const [flag, value] of [
    ['--as-of', o.asOf],
    ['--from', o.from],
    ['--to', o.to],
  ] as const) {
    if (value !== undefined && !isCalendarDate(value)) return usage(`${flag} "${value}" is not a date; write it as YYYY-MM-DD`);
  }
  if ((o.item === undefined) === (o.team === undefined)) return usage(USAGE);
  if (o.item !== undefined && (o.lose !== undefined || o.from !== undefined || o.to !== undefined))
    return usage('--lose, --from and --to go with --team');
  if (o.team !== undefined && o.slip !== undefined) return usage('--slip goes with --item');
  if (o.team !== undefined && o.lose !== undefined && (o.from === undefined || o.to === undefined))
    return usage('say when the team loses people: --from DATE --to DATE');
  if (o.from !== undefined && o.to !== undefined && o.to < o.from) return usage(`--to ${o.to} is before --from ${o.from}`);

  return withProgramTarget(io, target, `throughline impact ${target}`, async ({ model }) => {
    const fail = (message: string) => {
      io.err(`${io.errStyle.red('error')}: ${message}`);
      return EXIT.invalid;
    };
    let change: ImpactChange | undefined;
    if (o.item !== undefined && o.slip !== undefined) change = { kind: 'slip', item: o.item, days: o.slip };
    else if (o.team !== undefined && o.lose !== undefined)
      change = { kind: 'capacity', team: o.team, people: o.lose, from: o.from as CalendarDate, to: o.to as CalendarDate };
    if (!change) {
      const radius = blastRadius(model, o.item !== undefined ? { item: o.item } : { team: o.team as string });
      if (!radius.ok) return radius.error.kind === 'unknown' ? notFound(io, radius.error.message) : fail(describePlanError(radius.error));
      io.out(o.json ? JSON.stringify(radius.value, null, 2) : renderBlastRadius(radius.value as BlastRadius, io.style));
      return EXIT.ok;
    }
    const trials = o.trials ?? 1000;
    const pool = trials > 0 ? new WorkerPool() : undefined;
    try {
      const result = await programImpact(model, change, {
        trials,
        seed: o.seed ?? 1,
        ...(pool ? { pool } : {}),
        ...(o.asOf !== undefined ? { asOf: o.asOf as CalendarDate } : {}),
      });
      if (!result.ok) return result.error.kind === 'unknown' ? notFound(io, result.error.message) : fail(describePlanError(result.error));
      io.out(o.json ? JSON.stringify(result.value, null, 2) : renderImpact(result.value as ImpactReport, io.style));
      return EXIT.ok;
    } finally {
      await pool?.close();
    }
  });
}

function notFound(io: CliIo, message: string): number {
  io.err(`${io.errStyle.red('error')}: ${message}; check the id (throughline show PROGRAM lists them)`);
  return EXIT.notFound;
}
