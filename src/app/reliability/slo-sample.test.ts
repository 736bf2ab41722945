import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readValid, SAMPLE_FILE } from '../../../test/support/programs.js';
import { openFreshStore } from '../../../test/support/stores.js';
import type { ProgramModel } from '../../domain/program-model.js';
import type { ProgramStore } from '../../store/program-store.js';
import { loadSampleSli } from './slo-sample.js';
import { programSloStatuses } from './slo-status.js';

const SLI_DIR = join(SAMPLE_FILE, '../sli');
const read = async (id: string) => {
  const file = join(SLI_DIR, `${id}.csv`);
  return { file, text: await readFile(file, 'utf8') };
};
const meta = { actor: 'throughline', at: new Date(Date.UTC(2027, 2, 5)) };
const STATUS_REVIEW = Date.UTC(2027, 2, 5, 15);

describe('the sample program SLI data (examples/sli)', () => {
  let store: ProgramStore;
  let model: ProgramModel;
  beforeEach(async () => {
    store = await openFreshStore('pglite');
    model = readValid(SAMPLE_FILE);
    await store.saveProgram(model, { actor: 'test', at: meta.at, source: 'test' });
  });
  afterEach(async () => store.close());

  it('loads for every SLO of the sample, and leaves data already stored alone', async () => {
    const first = await loadSampleSli(store, model.program.id, model, read, meta);
    expect(first.failed).toEqual([]);
    expect(first.stored.map((s) => [s.slo, s.samples, s.to])).toEqual(model.slos.map((s) => [s.id, 7200, '2027-03-05T15:00:00.000Z']));
    const again = await loadSampleSli(store, model.program.id, model, read, meta);
    expect(again.stored).toEqual([]);
  });

  it('at the status review one budget is low after the SEV3, the others healthy, and nothing pages', async () => {
    await loadSampleSli(store, model.program.id, model, read, meta);
    const statuses = await programSloStatuses(store, model.program.id, model, STATUS_REVIEW);
    const share = Object.fromEntries(statuses.map((s) => [s.id, s.budget ? s.budget.consumed / s.budget.total : null]));
    expect(share['checkout-availability']).toBeGreaterThan(0.7);
    expect(share['checkout-availability']).toBeLessThan(0.95);
    for (const id of ['payment-auth-latency', 'ledger-writes']) expect(share[id]).toBeLessThan(0.2);
    expect(statuses.every((s) => s.notComputed === null && s.budget?.exhausted === false && s.budget.alert === null)).toBe(true);
  });
});
