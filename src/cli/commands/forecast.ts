import { WorkerPool } from '../../app/engine-pool/worker-pool.js';
import { type ForecastView, forecastProgram } from '../../app/forecast-program.js';
import { isCalendarDate } from '../../domain/calendar-date.js';
import type { CliIo } from '../cli-io.js';
import { EXIT } from '../exit-codes.js';
import { describePlanError } from '../render/plan-error.js';
import type { Style } from '../render/style.js';
import { table } from '../render/table.js';
import { readPlanInput } from './plan-input.js';

export interface ForecastOptions {
  trials?: number;
  seed?: number;
  asOf?: string;
  distribution?: string;
  level?: boolean;
  workers?: number;
  progress?: boolean;
  json?: boolean;
}

export async function forecastCommand(io: CliIo, file: string, options: ForecastOptions, stderrIsTty: boolean): Promise<number> {
  if (options.asOf !== undefined && !isCalendarDate(options.asOf)) {
    io.err(`${io.errStyle.red('error')}: --as-of "${options.asOf}" is not a date; write it as YYYY-MM-DD`);
    return EXIT.usage;
  }
  if (options.distribution !== undefined && options.distribution !== 'pert' && options.distribution !== 'triangular') {
    io.err(`${io.errStyle.red('error')}: --distribution is pert or triangular`);
    return EXIT.usage;
  }
  const input = await readPlanInput(io, file);
  if ('error' in input) {
    io.err(input.error);
    return EXIT.invalid;
  }
  if (input.kind !== 'program') {
    io.err(
      `${io.errStyle.red('error')}: ${file} has fixed durations (PSPLIB); a forecast needs three-point estimates, as in a program file`,
    );
    return EXIT.usage;
  }
  const trials = options.trials ?? 10_000;
  const seed = options.seed ?? 1;
  const showProgress = options.progress ?? (stderrIsTty && !options.json);
  const pool = new WorkerPool(options.workers !== undefined ? { size: options.workers } : {});
  try {
    const result = await forecastProgram(input.model, pool, {
      trials,
      seed,
      ...(options.asOf !== undefined && isCalendarDate(options.asOf) ? { asOf: options.asOf } : {}),
      ...(options.distribution === 'triangular' ? { distribution: 'triangular' as const } : {}),
      ...(options.level ? { level: true } : {}),
      ...(showProgress ? { onProgress: progressReporter(io, stderrIsTty) } : {}),
    });
    if (!result.ok) {
      const e = result.error;
      io.err(`${io.errStyle.red('error')}: ${describePlanError(e)}`);
      return EXIT.invalid;
    }
    io.out(options.json ? JSON.stringify(result.value, null, 2) : renderForecast(result.value, io.style));
    return EXIT.ok;
  } finally {
    await pool.close();
  }
}

/** In place on a terminal; otherwise a line at each tenth, so logs stay short. */
function progressReporter(io: CliIo, tty: boolean) {
  let lastTenth = -1;
  return (done: number, total: number) => {
    const tenth = Math.floor((done / total) * 10);
    if (tty) process.stderr.write(`\rforecast: ${done}/${total} trials${done === total ? '\n' : ''}`);
    else if (tenth > lastTenth) {
      lastTenth = tenth;
      io.err(`forecast: ${done}/${total} trials`);
    }
  };
}

function renderForecast(f: ForecastView, s: Style): string {
  const day = (t: string) => t.slice(0, 10);
  const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);
  const out = [
    s.bold(`Forecast over ${f.trials} trials`) +
      s.dim(
        ` (seed ${f.seed}, ${f.distribution === 'pert' ? 'PERT-Beta' : 'triangular'} durations${f.levelled ? ', levelled by team capacity' : ''})`,
      ),
    `Finish: P50 ${day(f.finish.p50)} · P80 ${day(f.finish.p80)} · P95 ${day(f.finish.p95)}`,
    '',
    table(
      ['MILESTONE', 'TARGET', 'P50', 'P80', 'P95', 'ON TIME'],
      f.milestones.map((m) => {
        const late = m.target !== null && day(m.p80) > m.target;
        const cells = [m.id, m.target ?? '—', day(m.p50), day(m.p80), day(m.p95), pct(m.probabilityOnTime)];
        return late ? cells.map((c, i) => (i === 3 || i === 5 ? s.red(c) : c)) : cells;
      }),
      [5],
    ),
    '',
    s.bold('Most often critical'),
    table(
      ['ITEM', 'CRITICALITY'],
      f.criticality.slice(0, 10).map((c) => [c.id, pct(c.index)]),
      [1],
    ),
    '',
    s.bold('Uncertainty that moves the finish most'),
    table(
      ['ITEM', 'CORRELATION'],
      f.sensitivity.slice(0, 10).map((c) => [c.id, c.score.toFixed(2)]),
      [1],
    ),
  ];
  return out.join('\n');
}
