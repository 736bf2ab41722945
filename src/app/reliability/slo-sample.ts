import type { ProgramId } from '../../domain/ids.js';
import type { ProgramModel } from '../../domain/program-model.js';
import type { SliStore } from '../../store/sli-store.js';
import { type SliDataError, type SliDataSaved, type SliWriteMeta, storeSliCsv } from './slo-data.js';

/**
 * Stores the sample SLI data of a program's SLOs that have none yet (so a demo run twice, or data a
 * user uploaded since, is left alone). `read` gives a CSV's text by SLO id, undefined when there is
 * no file for it: the caller does the I/O.
 */
export async function loadSampleSli(
  store: { readonly sli: SliStore },
  programId: ProgramId,
  model: ProgramModel,
  read: (sloId: string) => Promise<{ file: string; text: string } | undefined>,
  meta: SliWriteMeta,
): Promise<{ stored: SliDataSaved[]; failed: SliDataError[] }> {
  const have = new Set((await store.sli.list(programId)).map((d) => d.slo as string));
  const stored: SliDataSaved[] = [];
  const failed: SliDataError[] = [];
  for (const slo of model.slos) {
    if (have.has(slo.id)) continue;
    const csv = await read(slo.id);
    if (csv === undefined) continue;
    const saved = await storeSliCsv(store, programId, model, slo.id, csv, meta);
    if (saved.ok) stored.push(saved.value);
    else failed.push(saved.error);
  }
  return { stored, failed };
}
