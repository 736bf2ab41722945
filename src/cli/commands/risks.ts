import { dayIn } from '../../app/day-in-zone.js';
import { WorkerPool } from '../../app/engine-pool/worker-pool.js';
import { programRisks, type Review, type RiskReport } from '../../app/program-risks.js';
import { storedRiskInputs } from '../../app/stored-risk-inputs.js';
import { type CalendarDate, isCalendarDate } from '../../domain/calendar-date.js';
import type { ProgramId } from '../../domain/ids.js';
import type { ProgramModel } from '../../domain/program-model.js';
import type { ProgramStore } from '../../store/program-store.js';
import type { CliIo } from '../cli-io.js';
import { EXIT } from '../exit-codes.js';
import { describePlanError } from '../render/plan-error.js';
import { renderRisks } from '../render/risks.js';
import { defaultActor } from '../with-store.js';
import { withProgramTarget } from './program-target.js';

export interface RisksOptions {
  asOf?: string;
  trials?: number;
  seed?: number;
  near?: number;
  staleDays?: number;
  baseline?: string;
  ack?: string;
  dismiss?: string;
  reason?: string;
  json?: boolean;
}

export async function risksCommand(io: CliIo, target: string, options: RisksOptions): Promise<number> {
  const usage = (message: string) => {
    io.err(`${io.errStyle.red('error')}: ${message}`);
    return EXIT.usage;
  };
  if (options.asOf !== undefined && !isCalendarDate(options.asOf))
    return usage(`--as-of "${options.asOf}" is not a date; write it as YYYY-MM-DD`);
  const verdictKey = options.ack ?? options.dismiss;
  if (options.ack !== undefined && options.dismiss !== undefined) return usage('give --ack or --dismiss, not both');
  if (verdictKey !== undefined && !options.reason?.trim()) return usage('say why with --reason "…"; the reason is kept with the verdict');
  if (verdictKey === undefined && options.reason !== undefined) return usage('--reason goes with --ack KEY or --dismiss KEY');

  return withProgramTarget(io, target, `throughline risks ${target}`, async (program) => {
    const { model } = program;
    if (verdictKey !== undefined && program.kind !== 'stored') {
      return usage(`verdicts are kept in the store: load the program first (throughline load ${target}), then name it by its id`);
    }
    const store = program.kind === 'stored' ? program.store : undefined;
    const report = await detect(io, model, store, options);
    if (!report.ok) {
      io.err(report.message);
      return EXIT.invalid;
    }
    if (verdictKey !== undefined && store) {
      const all = [...report.value.findings, ...report.value.dismissed];
      if (!all.some((f) => f.key === verdictKey)) {
        io.err(
          `${io.errStyle.red('error')}: no detected risk "${verdictKey}" as of ${report.value.asOf}. ` +
            `Keys of the current findings: ${
              all
                .map((f) => f.key)
                .slice(0, 12)
                .join(', ') || 'none'
            }${all.length > 12 ? ', …' : ''}`,
        );
        return EXIT.notFound;
      }
      const verdict = options.ack !== undefined ? 'acknowledged' : 'dismissed';
      await store.insights.reviewFinding(model.program.id as ProgramId, {
        key: verdictKey,
        verdict,
        reason: (options.reason as string).trim(),
        actor: defaultActor(io),
        at: io.now(),
      });
      io.out(
        options.json
          ? JSON.stringify({ key: verdictKey, verdict, reason: options.reason })
          : `${io.style.green('✓')} ${verdict} ${verdictKey}: ${options.reason}`,
      );
      return EXIT.ok;
    }
    io.out(options.json ? JSON.stringify(report.value, null, 2) : renderRisks(report.value, io.style));
    return EXIT.ok;
  });
}

async function detect(
  io: CliIo,
  model: ProgramModel,
  store: ProgramStore | undefined,
  options: RisksOptions,
): Promise<{ ok: true; value: RiskReport } | { ok: false; message: string }> {
  const zone = model.program.calendar.timezone;
  const id = model.program.id as ProgramId;
  const asOf = (options.asOf as CalendarDate | undefined) ?? dayIn(zone, io.now());
  let lastChanged: Map<string, CalendarDate> | undefined;
  let reviews: Map<string, Review> | undefined;
  let baseline: { name: string; items: ReadonlySet<string> } | undefined;
  if (store) {
    ({ lastChanged, reviews } = await storedRiskInputs(store, model));
    const name = options.baseline ?? (await store.insights.listBaselines(id)).at(-1)?.name;
    if (name !== undefined) {
      const found = await store.insights.readBaseline(id, name);
      if (!found)
        return { ok: false, message: `${io.errStyle.red('error')}: no baseline "${name}"; throughline baseline ${id} lists them` };
      baseline = { name, items: new Set(found.model.items.map((i) => i.id as string)) };
    }
  }
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
      ...(reviews ? { reviews } : {}),
      ...(baseline ? { baseline } : {}),
      ...(store ? { sli: store, usage: store, cost: store } : {}),
      now: io.now(),
    });
    if (!result.ok) {
      const e = result.error;
      return {
        ok: false,
        message: `${io.errStyle.red('error')}: ${describePlanError(e)}`,
      };
    }
    return { ok: true, value: result.value };
  } finally {
    await pool?.close();
  }
}
