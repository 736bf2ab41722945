import { createReadStream, existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { importFocus, importInventory, storedCostView } from '../../app/cost/cost-data.js';
import { type CostView, costView } from '../../app/cost/cost-view.js';
import type { ProgramModel } from '../../domain/program-model.js';
import type { InventoryResource } from '../../engine/cost/waste.js';
import { readFocus } from '../../formats/focus/read-focus.js';
import { readInventoryCsv } from '../../formats/inventory-csv/read-inventory-csv.js';
import type { CliIo } from '../cli-io.js';
import { EXIT } from '../exit-codes.js';
import { renderCostAnomalies, renderCostSummary, renderCostWaste } from '../render/cost.js';
import { renderFileProblems } from '../render/file-problems.js';
import { defaultActor } from '../with-store.js';
import { withStoredProgram } from './incident.js';
import { withProgramTarget } from './program-target.js';

export interface CostOptions {
  readonly month?: string;
  /** For a program file or a FOCUS file: the bill to read. */
  readonly focus?: string;
  readonly inventory?: string;
  readonly json?: boolean;
  /** For a bare FOCUS file: the tag that names the team (default team). */
  readonly byTag?: string;
}

type Shown = 'summary' | 'anomalies' | 'waste';

const isCsv = (path: string) => /\.csv(\.gz)?$/i.test(path);

/** Progress on stderr: redrawn in place on a terminal, a line every 10 % otherwise. */
function progress(io: CliIo, total: number | undefined) {
  let last = -1;
  return (p: { rows: number; bytes: number }) => {
    const share = total ? Math.floor((p.bytes / total) * 100) : 0;
    if (io.stderrIsTty) io.err(`\u001b[2K\r  ${p.rows.toLocaleString('en-US')} rows, ${share} %`);
    else if (total && Math.floor(share / 10) > last) {
      last = Math.floor(share / 10);
      io.err(`  ${p.rows.toLocaleString('en-US')} rows, ${share} %`);
    }
  };
}

async function readBill(
  io: CliIo,
  path: string,
): Promise<{ view?: undefined; table: import('../../engine/cost/cost-table.js').CostTable } | { code: number }> {
  const full = resolve(io.cwd, path);
  if (!existsSync(full)) {
    io.err(`${io.errStyle.red('error')}: ${path} does not exist`);
    return { code: EXIT.usage };
  }
  const { size } = await import('node:fs/promises').then((fs) => fs.stat(full));
  // Progress only for bills that take a while to read (over 20 MiB, ~30,000 rows).
  const read = await readFocus(createReadStream(full, { highWaterMark: 1 << 20 }), {
    file: path,
    ...(size > 20 << 20 ? { onProgress: progress(io, size) } : {}),
  });
  if (!read.ok) {
    io.err(
      renderFileProblems(
        read.error.map((p) => ({ ...p, code: p.code as never })),
        io.errStyle,
      ),
    );
    return { code: EXIT.invalid };
  }
  return { table: read.value.table };
}

async function readInventoryFile(io: CliIo, path: string): Promise<InventoryResource[] | { code: number }> {
  const full = resolve(io.cwd, path);
  if (!existsSync(full)) {
    io.err(`${io.errStyle.red('error')}: ${path} does not exist`);
    return { code: EXIT.usage };
  }
  const read = readInventoryCsv(await readFile(full, 'utf8'), path);
  if (!read.ok) {
    io.err(
      read.error
        .map(
          (p) =>
            `${io.errStyle.bold(`${p.file}:${p.line}`)} ${io.errStyle.red(`error[${p.code}]`)}: ${p.message}${p.hint ? `\n  hint: ${p.hint}` : ''}`,
        )
        .join('\n'),
    );
    return { code: EXIT.invalid };
  }
  return read.value;
}

function show(io: CliIo, v: CostView | { error: string }, what: Shown, title: string, json: boolean): number {
  if ('error' in v) {
    io.err(`${io.errStyle.red('error')}: ${v.error}`);
    return EXIT.usage;
  }
  if (json) {
    const body =
      what === 'summary'
        ? v
        : what === 'anomalies'
          ? { currency: v.currency, asOf: v.summary.asOf, ...v.anomalies }
          : { currency: v.currency, asOf: v.summary.asOf, waste: v.waste ?? null };
    io.out(JSON.stringify(body, null, 2));
    return EXIT.ok;
  }
  io.out(
    what === 'summary'
      ? renderCostSummary(v, io.style, title)
      : what === 'anomalies'
        ? renderCostAnomalies(v, io.style)
        : renderCostWaste(v, io.style),
  );
  return EXIT.ok;
}

/** `cost <program|bill.csv>`, `cost anomalies …`, `cost waste …`: from a FOCUS file, a program file with --focus, or a stored program's imported data. */
export async function costCommand(io: CliIo, target: string, options: CostOptions, what: Shown = 'summary'): Promise<number> {
  const viewOptions = {
    ...(options.month === undefined ? {} : { month: options.month }),
    ...(options.byTag === undefined ? {} : { byTag: options.byTag }),
  };
  const fromFiles = async (model: ProgramModel | undefined, bill: string, title: string) => {
    const read = await readBill(io, bill);
    if ('code' in read) return read.code;
    let inventory: InventoryResource[] | undefined;
    if (options.inventory !== undefined) {
      const inv = await readInventoryFile(io, options.inventory);
      if ('code' in inv) return inv.code;
      inventory = inv;
    }
    if (read.table.length === 0) {
      io.err(`${io.errStyle.red('error')}: ${bill} has no cost rows`);
      return EXIT.invalid;
    }
    return show(io, costView(model, read.table, inventory, viewOptions), what, title, options.json === true);
  };
  if (isCsv(target)) return fromFiles(undefined, target, target);
  return withProgramTarget(io, target, `throughline cost ${target}`, async (program) => {
    const title = program.model.program.name;
    if (options.focus !== undefined) return fromFiles(program.model, options.focus, title);
    if (program.kind === 'file') {
      io.err(
        `${io.errStyle.red('error')}: a program file has no cost data of its own: add --focus <bill.csv>, or load the program and run throughline cost import`,
      );
      return EXIT.usage;
    }
    const v = await storedCostView(program.store, program.model, viewOptions);
    if ('none' in v) {
      io.err(
        `${io.errStyle.red('error')}: ${target} has no cost data yet: throughline cost import ${target} <focus.csv> [--inventory inventory.csv]`,
      );
      return EXIT.notFound;
    }
    return show(io, v, what, title, options.json === true);
  });
}

/** `cost import <program> <focus.csv> [--inventory inv.csv]`: stores the bill by billing period, progress on stderr. */
export async function costImportCommand(
  io: CliIo,
  target: string,
  file: string,
  options: { inventory?: string; json?: boolean },
): Promise<number> {
  const full = resolve(io.cwd, file);
  if (!existsSync(full)) {
    io.err(`${io.errStyle.red('error')}: ${file} does not exist`);
    return EXIT.usage;
  }
  return withStoredProgram(io, target, `throughline cost import ${target}`, async (store, _model, id) => {
    const { size } = await import('node:fs/promises').then((fs) => fs.stat(full));
    const meta = { file, actor: defaultActor(io), at: io.now(), onProgress: progress(io, size) };
    const done = await importFocus(store, id, createReadStream(full, { highWaterMark: 1 << 20 }), meta);
    if (io.stderrIsTty) io.err('');
    if (!done.ok) {
      if (done.error.kind === 'file')
        io.err(
          renderFileProblems(
            done.error.problems.map((p) => ({ ...p, code: p.code as never })),
            io.errStyle,
          ),
        );
      else io.err(`${io.errStyle.red('error')}: no program ${target}`);
      return done.error.kind === 'file' ? EXIT.invalid : EXIT.notFound;
    }
    let resources: number | undefined;
    if (options.inventory !== undefined) {
      const invPath = resolve(io.cwd, options.inventory);
      if (!existsSync(invPath)) {
        io.err(`${io.errStyle.red('error')}: ${options.inventory} does not exist (the bill was imported)`);
        return EXIT.usage;
      }
      const inv = await importInventory(store, id, await readFile(invPath, 'utf8'), { ...meta, file: options.inventory });
      if (!inv.ok) {
        if (inv.error.kind === 'file')
          io.err(inv.error.problems.map((p) => `${p.file}:${p.line} error[${p.code}]: ${p.message}`).join('\n'));
        return EXIT.invalid;
      }
      resources = inv.value.resources;
    }
    const v = done.value;
    if (options.json) io.out(JSON.stringify({ ...v, ...(resources !== undefined ? { inventory: resources } : {}) }, null, 2));
    else {
      io.out(
        `Imported ${v.rows.toLocaleString('en-US')} cost rows (${v.firstDay ?? '—'} to ${v.lastDay ?? '—'}) into ${target} in ${v.seconds.toFixed(1)} s: billing period${v.periods.length === 1 ? '' : 's'} ${v.periods.map((p) => p.slice(0, 7)).join(', ')}${v.replaced.length > 0 ? ` (replacing the stored ${v.replaced.map((p) => p.slice(0, 7)).join(', ')})` : ''}.${resources !== undefined ? ` Inventory: ${resources} resources.` : ''}`,
      );
    }
    return EXIT.ok;
  });
}
