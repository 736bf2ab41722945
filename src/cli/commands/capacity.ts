import { refreshUsageFromPrometheus, storedUsage, storeUsageCsv, usageDataErrorText } from '../../app/capacity/capacity-data.js';
import { orderCapacity } from '../../app/capacity/capacity-order.js';
import { capacityResourceDetail, capacityView } from '../../app/capacity/capacity-view.js';
import { dayIn } from '../../app/day-in-zone.js';
import { type CalendarDate, isCalendarDate } from '../../domain/calendar-date.js';
import type { ProgramId } from '../../domain/ids.js';
import type { ProgramModel } from '../../domain/program-model.js';
import { parseWhatIf, type WhatIf } from '../../engine/capacity/what-if.js';
import { readUsageCsv, type UsageSeries } from '../../formats/usage-csv/read-usage-csv.js';
import type { CliIo } from '../cli-io.js';
import { EXIT } from '../exit-codes.js';
import { renderCapacityDetail, renderCapacityView } from '../render/capacity.js';
import { renderFileProblems } from '../render/file-problems.js';
import { defaultActor } from '../with-store.js';
import { cliMeta, withStoredProgram } from './incident.js';
import { withProgramTarget } from './program-target.js';
import { readSource } from './read-source.js';

export interface CapacityOptions {
  readonly at?: string;
  readonly months?: number;
  readonly whatIf?: readonly string[];
  /** `resource=file.csv` (repeatable), for a program file. */
  readonly data?: readonly string[];
  readonly json?: boolean;
}

export const DEFAULT_MONTHS = 6;

const usage = (io: CliIo, message: string): number => {
  io.err(`${io.errStyle.red('error')}: ${message}`);
  return EXIT.usage;
};

/** `--at YYYY-MM-DD`, else today in the program's zone. */
function dayOption(io: CliIo, model: ProgramModel, at: string | undefined): CalendarDate | { error: string } {
  if (at === undefined) return dayIn(model.program.calendar.timezone, io.now());
  if (!isCalendarDate(at)) return { error: `--at ${at} is not a day; write it as YYYY-MM-DD, e.g. 2027-03-15` };
  return at;
}

function whatIfsOption(list: readonly string[] | undefined): WhatIf[] | { error: string } {
  const out: WhatIf[] = [];
  for (const text of list ?? []) {
    const w = parseWhatIf(text);
    if (!w.ok) return { error: `--what-if ${w.error}` };
    out.push(w.value);
  }
  return out;
}

/** `--data resource=file.csv` for a program file: read, not stored. */
async function dataForFile(io: CliIo, model: ProgramModel, given: readonly string[]): Promise<Map<string, UsageSeries> | { code: number }> {
  const data = new Map<string, UsageSeries>();
  for (const g of given) {
    const eq = g.indexOf('=');
    const id = g.slice(0, eq);
    const file = g.slice(eq + 1);
    if (eq < 1 || file === '' || !model.capacity.some((r) => r.id === id)) {
      const ids = model.capacity.map((r) => r.id).join(', ') || 'none';
      return { code: usage(io, `--data ${g}: write --data <resource>=<file.csv>, with a capacity resource of the program (${ids})`) };
    }
    const source = await readSource(io, file);
    if ('error' in source) return { code: usage(io, source.error) };
    const csv = readUsageCsv(source.text, file);
    if (!csv.ok) {
      io.err(renderFileProblems(csv.error, io.errStyle));
      return { code: EXIT.invalid };
    }
    data.set(id, csv.value);
  }
  return data;
}

/** `capacity <program> [resource]`: every resource worst first, or one in detail with its what-ifs. */
export async function capacityCommand(io: CliIo, target: string, resource: string | undefined, options: CapacityOptions): Promise<number> {
  const months = options.months ?? DEFAULT_MONTHS;
  if (!(months >= 1 && months <= 120)) return usage(io, `--months ${months} is not a number of months from 1 to 120`);
  const whatIfs = whatIfsOption(options.whatIf);
  if ('error' in whatIfs) return usage(io, whatIfs.error);
  return withProgramTarget(io, target, 'capacity', async (program) => {
    const model = program.model;
    const today = dayOption(io, model, options.at);
    if (typeof today !== 'string') return usage(io, today.error);
    let data: Map<string, UsageSeries>;
    if (program.kind === 'stored') {
      if ((options.data ?? []).length > 0) {
        return usage(
          io,
          `a stored program keeps its usage history; store it with: throughline capacity data ${target} <resource> <file.csv>`,
        );
      }
      data = await storedUsage(program.store, model.program.id as ProgramId);
    } else {
      const read = await dataForFile(io, model, options.data ?? []);
      if ('code' in read) return read.code;
      data = read;
    }
    const opts = { today, months, whatIfs };
    if (resource !== undefined) {
      const detail = capacityResourceDetail(model, resource, data.get(resource), opts);
      if (!detail.ok) {
        io.err(`${io.errStyle.red('error')}: ${detail.error.message}`);
        return detail.error.kind === 'no-resource' ? EXIT.notFound : EXIT.invalid;
      }
      if (options.json) {
        io.out(JSON.stringify({ program: model.program.id, today, months, resource: detail.value }, null, 2));
        return EXIT.ok;
      }
      io.out(renderCapacityDetail(detail.value, today, io.style));
      return EXIT.ok;
    }
    const view = capacityView(model, data, opts);
    if (!view.ok) {
      io.err(`${io.errStyle.red('error')}: ${view.error.message}`);
      return EXIT.invalid;
    }
    if (options.json) {
      io.out(JSON.stringify({ program: model.program.id, ...view.value }, null, 2));
      return EXIT.ok;
    }
    io.out(renderCapacityView(view.value, model.program.id, io.style));
    return EXIT.ok;
  });
}

export async function capacityDataCommand(
  io: CliIo,
  target: string,
  resource: string,
  file: string,
  o: { json?: boolean },
): Promise<number> {
  const source = await readSource(io, file);
  if ('error' in source) return usage(io, source.error);
  return withStoredProgram(io, target, `throughline capacity data ${target}`, async (store, model, id) => {
    const done = await storeUsageCsv(store, id, model, resource, { file, text: source.text }, { actor: defaultActor(io), at: io.now() });
    if (!done.ok) {
      if (done.error.kind === 'csv') io.err(renderFileProblems(done.error.problems, io.errStyle));
      else io.err(`${io.errStyle.red('error')}: ${usageDataErrorText(done.error)}`);
      return done.error.kind === 'no-resource' ? EXIT.notFound : EXIT.invalid;
    }
    const d = done.value;
    io.out(
      o.json
        ? JSON.stringify(d, null, 2)
        : `stored ${d.samples} usage samples for ${resource} (${d.from?.slice(0, 10) ?? '-'} to ${d.to?.slice(0, 10) ?? '-'}) from ${file}`,
    );
    return EXIT.ok;
  });
}

export async function capacityRefreshCommand(
  io: CliIo,
  target: string,
  resource: string,
  o: { days?: number; json?: boolean },
): Promise<number> {
  return withStoredProgram(io, target, `throughline capacity refresh ${target}`, async (store, model, id) => {
    const done = await refreshUsageFromPrometheus(store, id, model, resource, { actor: defaultActor(io), at: io.now() }, o.days);
    if (!done.ok) {
      io.err(`${io.errStyle.red('error')}: ${usageDataErrorText(done.error)}`);
      return done.error.kind === 'no-resource' ? EXIT.notFound : EXIT.invalid;
    }
    const d = done.value;
    io.out(
      o.json
        ? JSON.stringify(d, null, 2)
        : `stored ${d.samples} daily usage samples for ${resource} from Prometheus (${d.from?.slice(0, 10) ?? '-'} to ${d.to?.slice(0, 10) ?? '-'})`,
    );
    return EXIT.ok;
  });
}

export async function capacityOrderCommand(
  io: CliIo,
  target: string,
  resource: string,
  o: { months?: number; at?: string; json?: boolean },
): Promise<number> {
  const months = o.months ?? DEFAULT_MONTHS;
  if (!(months >= 1 && months <= 120)) return usage(io, `--months ${months} is not a number of months from 1 to 120`);
  return withStoredProgram(io, target, `throughline capacity order ${target}`, async (store, model, id) => {
    const today = dayOption(io, model, o.at);
    if (typeof today !== 'string') return usage(io, today.error);
    const history = (await store.usage.read(id, resource))?.series;
    const done = await orderCapacity(store, id, resource, { today, months }, cliMeta(io, 'capacity order'), history);
    if (!done.ok) {
      const e = done.error;
      const text = 'message' in e ? e.message : e.kind === 'invalid' ? e.errors.map((f) => `${f.field}: ${f.message}`).join('; ') : e.kind;
      io.err(`${io.errStyle.red('error')}: ${text}`);
      return e.kind === 'no-resource' || e.kind === 'no-program' ? EXIT.notFound : EXIT.invalid;
    }
    const { item, plan } = done.value;
    if (o.json) {
      io.out(JSON.stringify({ item, plan }, null, 2));
      return EXIT.ok;
    }
    io.out(
      `created ${item.kind} item ${item.id}: "${item.title}", order by ${plan.orderBy}, needed by ${item.deadline ?? '-'}${item.team ? `, team ${item.team}` : ''}${item.vendor ? `, vendor ${item.vendor}` : ''}`,
    );
    io.out(item.description ?? '');
    return EXIT.ok;
  });
}
