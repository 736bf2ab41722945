import type { ProgramId } from '../../domain/ids.js';
import type { ProgramModel } from '../../domain/program-model.js';
import type { UsageStore } from '../../store/usage-store.js';
import { storeUsageCsv, type UsageDataError, type UsageDataSaved } from './capacity-data.js';

/**
 * Stores the sample usage history of a program's capacity resources that have none yet (a demo run
 * twice, or data uploaded since, is left alone). `read` gives a CSV by resource id, undefined when
 * there is no file for it: the caller does the I/O.
 */
export async function loadSampleUsage(
  store: { readonly usage: UsageStore },
  programId: ProgramId,
  model: ProgramModel,
  read: (resourceId: string) => Promise<{ file: string; text: string } | undefined>,
  meta: { readonly actor: string; readonly at: Date },
): Promise<{ stored: UsageDataSaved[]; failed: UsageDataError[] }> {
  const have = new Set((await store.usage.list(programId)).map((d) => d.resource));
  const stored: UsageDataSaved[] = [];
  const failed: UsageDataError[] = [];
  for (const resource of model.capacity) {
    if (have.has(resource.id)) continue;
    const csv = await read(resource.id);
    if (csv === undefined) continue;
    const saved = await storeUsageCsv(store, programId, model, resource.id, csv, meta);
    if (saved.ok) stored.push(saved.value);
    else failed.push(saved.error);
  }
  return { stored, failed };
}
