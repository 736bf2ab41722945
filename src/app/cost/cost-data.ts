import type { ProgramId } from '../../domain/ids.js';
import type { ProgramModel } from '../../domain/program-model.js';
import { err, ok, type Result } from '../../domain/result.js';
import type { InventoryResource } from '../../engine/cost/waste.js';
import { type FocusProblem, type FocusProgress, readFocus } from '../../formats/focus/read-focus.js';
import { type InventoryProblem, readInventoryCsv } from '../../formats/inventory-csv/read-inventory-csv.js';
import type { ProgramStore } from '../../store/program-store.js';
import { type CostView, type CostViewOptions, costView } from './cost-view.js';

export interface CostImported {
  readonly rows: number;
  readonly periods: readonly string[];
  readonly replaced: readonly string[];
  readonly firstDay?: string;
  readonly lastDay?: string;
  readonly billed: number;
  readonly effective: number;
  readonly seconds: number;
}

export type CostImportError = { readonly kind: 'file'; readonly problems: readonly FocusProblem[] } | { readonly kind: 'not-found' };

export interface ImportMeta {
  readonly file: string;
  readonly actor: string;
  readonly at: Date;
  readonly onProgress?: (p: FocusProgress) => void;
}

const sum = (a: Float64Array) => {
  let s = 0;
  for (const v of a) s += v;
  return s;
};

/** Reads a FOCUS export (streamed) and stores it by billing period: its periods replace the stored ones. */
export async function importFocus(
  store: ProgramStore,
  program: ProgramId,
  chunks: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  meta: ImportMeta,
): Promise<Result<CostImported, CostImportError>> {
  const started = performance.now();
  const read = await readFocus(chunks, { file: meta.file, ...(meta.onProgress ? { onProgress: meta.onProgress } : {}) });
  if (!read.ok) return err({ kind: 'file', problems: read.error });
  const t = read.value.table;
  const saved = await store.cost.importPeriods(program, t, { file: meta.file, actor: meta.actor, updatedAt: meta.at });
  if (!saved) return err({ kind: 'not-found' });
  const iso = (d: number | undefined) => (d === undefined ? undefined : new Date(d * 86_400_000).toISOString().slice(0, 10));
  const firstDay = iso(read.value.firstDay);
  const lastDay = iso(read.value.lastDay);
  return ok({
    rows: t.length,
    periods: saved.periods,
    replaced: saved.replaced,
    ...(firstDay ? { firstDay } : {}),
    ...(lastDay ? { lastDay } : {}),
    billed: sum(t.billed),
    effective: sum(t.effective),
    seconds: (performance.now() - started) / 1000,
  });
}

export type InventoryImportError =
  | { readonly kind: 'file'; readonly problems: readonly InventoryProblem[] }
  | { readonly kind: 'not-found' };

/** Reads a resource inventory CSV and replaces the stored one. */
export async function importInventory(
  store: ProgramStore,
  program: ProgramId,
  text: string,
  meta: ImportMeta,
): Promise<Result<{ resources: number }, InventoryImportError>> {
  const read = readInventoryCsv(text, meta.file);
  if (!read.ok) return err({ kind: 'file', problems: read.error });
  const saved = await store.cost.writeInventory(program, read.value, { file: meta.file, actor: meta.actor, updatedAt: meta.at });
  return saved ? ok({ resources: read.value.length }) : err({ kind: 'not-found' });
}

/** The cost view of a stored program; `none` when no cost data was imported. */
export async function storedCostView(
  store: ProgramStore,
  model: ProgramModel,
  options: CostViewOptions = {},
): Promise<CostView | { error: string } | { none: true }> {
  const id = model.program.id as ProgramId;
  const [table, inventory] = await Promise.all([store.cost.read(id), store.cost.readInventory(id)]);
  if (!table || table.length === 0) return { none: true };
  return costView(model, table, inventory?.resources as InventoryResource[] | undefined, options);
}
