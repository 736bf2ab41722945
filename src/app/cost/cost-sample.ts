import type { ProgramId } from '../../domain/ids.js';
import type { ProgramStore } from '../../store/program-store.js';
import { importFocus, importInventory } from './cost-data.js';

/**
 * Stores the sample cloud bill and inventory (examples/cost, scripts/cost-sample.ts) for a program
 * that has no cost data yet. `read` gives a file's text by name, undefined when it is missing: the
 * caller does the I/O. Returns the rows stored (0 when nothing was).
 */
export async function loadSampleCost(
  store: ProgramStore,
  programId: ProgramId,
  read: (name: 'focus.csv' | 'inventory.csv') => Promise<{ file: string; text: string } | undefined>,
  meta: { readonly actor: string; readonly at: Date },
): Promise<number> {
  if ((await store.cost.list(programId)).length > 0) return 0;
  const bill = await read('focus.csv');
  if (!bill) return 0;
  const done = await importFocus(store, programId, [bill.text], { file: bill.file, actor: meta.actor, at: meta.at });
  if (!done.ok) return 0;
  const inventory = await read('inventory.csv');
  if (inventory) await importInventory(store, programId, inventory.text, { file: inventory.file, actor: meta.actor, at: meta.at });
  return done.value.rows;
}
