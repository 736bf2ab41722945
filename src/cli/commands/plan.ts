import { planMspdi } from '../../app/plan-mspdi.js';
import { planProgram } from '../../app/plan-program.js';
import { planRcpsp } from '../../app/plan-psplib.js';
import type { PlanView } from '../../app/plan-view.js';
import { isCalendarDate } from '../../domain/calendar-date.js';
import type { CliIo } from '../cli-io.js';
import { EXIT } from '../exit-codes.js';
import { describePlanError } from '../render/plan-error.js';
import type { Style } from '../render/style.js';
import { table } from '../render/table.js';
import { describeMspdiProblem, readPlanInput } from './plan-input.js';

export interface PlanOptions {
  level?: boolean;
  schedules?: number;
  seed?: number;
  asOf?: string;
  json?: boolean;
}

export async function planCommand(io: CliIo, file: string, options: PlanOptions): Promise<number> {
  if (options.asOf !== undefined && !isCalendarDate(options.asOf)) {
    io.err(`${io.errStyle.red('error')}: --as-of "${options.asOf}" is not a date; write it as YYYY-MM-DD`);
    return EXIT.usage;
  }
  const input = await readPlanInput(io, file);
  if ('error' in input) {
    io.err(input.error);
    return EXIT.invalid;
  }
  const level = options.level ? { schedules: options.schedules ?? 5000, seed: options.seed ?? 1 } : undefined;
  let result: ReturnType<typeof planProgram>;
  if (input.kind === 'rcpsp') result = planRcpsp(input.instance, level ? { level } : {});
  else if (input.kind === 'mspdi') {
    const planned = planMspdi(input.project, level ? { level } : {});
    if (!planned.ok) {
      const e = planned.error;
      io.err(e.kind === 'mspdi' ? e.problems.map(describeMspdiProblem).join('\n') : `${io.errStyle.red('error')}: ${describePlanError(e)}`);
      return EXIT.invalid;
    }
    for (const caveat of planned.value.caveats) io.err(io.errStyle.yellow(`note: ${caveat}`));
    result = planned;
  } else {
    result = planProgram(input.model, {
      ...(options.asOf !== undefined && isCalendarDate(options.asOf) ? { asOf: options.asOf } : {}),
      ...(level ? { level } : {}),
    });
  }
  if (!result.ok) {
    const e = result.error;
    io.err(`${io.errStyle.red('error')}: ${describePlanError(e)}`);
    return EXIT.invalid;
  }
  io.out(options.json ? JSON.stringify(result.value, null, 2) : renderPlan(result.value, io.style));
  return EXIT.ok;
}

function renderPlan(plan: PlanView, s: Style): string {
  const critical = plan.items.filter((i) => i.critical).length;
  const when = (v: string | number) => (typeof v === 'number' ? String(v) : v.replace('T', ' ').slice(0, 16));
  const rows = plan.items.map((i) => {
    const mark = i.critical ? s.red('●') : ' ';
    const cells = [mark, i.id, (i.title ?? '').slice(0, 48), when(i.start), when(i.finish), String(i.totalFloat)];
    return i.critical ? cells.map((c, k) => (k === 0 ? c : s.bold(c))) : cells;
  });
  const floatUnit = plan.unit === 'period' ? 'periods' : 'working days';
  const out = [
    table(['', 'ID', 'TITLE', 'START', 'FINISH', `FLOAT (${floatUnit})`], rows, [5]),
    '',
    `${s.bold('Finish')}: ${when(plan.finish)} · ${critical} critical of ${plan.items.length}`,
    `${s.bold('Critical path')}: ${plan.criticalPath.join(' → ') || '—'}`,
  ];
  if (plan.levelling) {
    out.push(
      s.dim(
        `Levelled with ${plan.levelling.schedules} schedule${plan.levelling.schedules === 1 ? '' : 's'} (seed ${plan.levelling.seed}).`,
      ),
    );
    const who = plan.unit === 'period' ? '' : ' people';
    for (const d of plan.levelling.delays.slice(0, 10)) {
      out.push(
        `  ${d.id} waits ${d.delay} ${floatUnit} for ${d.resource} capacity (${d.busy} of ${d.capacity}${who} busy, needs ${d.need})`,
      );
    }
    if (plan.levelling.delays.length > 10) out.push(s.dim(`  … ${plan.levelling.delays.length - 10} more in --json`));
  }
  return out.join('\n');
}
