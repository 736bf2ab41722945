import { beforeEach, expect, it } from 'vitest';
import { fixture, readValid } from '../../test/support/programs.js';
import type { ProgramId } from '../domain/ids.js';
import type { ProgramModel } from '../domain/program-model.js';
import type { UsageSeries } from '../formats/usage-csv/read-usage-csv.js';
import type { ProgramStore } from './program-store.js';

const meta = { actor: 'priya', at: new Date(Date.UTC(2027, 0, 4)), source: 'test' };
const T0 = Date.UTC(2026, 0, 1);
const DAY = 86_400_000;

/** Two years of daily samples with values no float32 or decimal text would keep exactly. */
function years(): UsageSeries {
  const n = 730;
  return {
    timestamps: Float64Array.from({ length: n }, (_, i) => T0 + i * DAY),
    values: Float64Array.from({ length: n }, (_, i) => 1000 * 1.006 ** i + 0.1 / 3),
  };
}

/** What every UsageStore must do, whatever database is under it. Run by each driver's test file. */
export function usageStoreContract(open: () => Promise<ProgramStore>) {
  let store: ProgramStore;
  let model: ProgramModel;
  let program: ProgramId;
  beforeEach(async () => {
    store = await open();
    model = readValid(fixture('capacity/region-capacity.yaml'));
    program = model.program.id;
    await store.saveProgram(model, meta);
    return () => store.close();
  });

  it('keeps two years of daily usage bit for bit, with where it came from', async () => {
    const series = years();
    expect(await store.usage.write(program, 'cores', { series, source: 'prometheus', actor: 'priya', updatedAt: new Date(T0) })).toBe(true);
    const back = await store.usage.read(program, 'cores');
    expect(back).toMatchObject({ resource: 'cores', source: 'prometheus', samples: 730, fromMs: T0, toMs: T0 + 729 * DAY, actor: 'priya' });
    expect(back?.updatedAt).toEqual(new Date(T0));
    expect(back?.series).toEqual(series);
    expect((await store.usage.readAll(program)).map((u) => u.resource)).toEqual(['cores']);
  });

  it('replaces the history on every write and lists without samples', async () => {
    await store.usage.write(program, 'storage', { series: years(), source: 'csv', actor: 'priya', updatedAt: new Date(T0) });
    const second = { timestamps: Float64Array.of(T0), values: Float64Array.of(5e-300) };
    await store.usage.write(program, 'storage', { series: second, source: 'csv', actor: 'sam', updatedAt: new Date(T0 + 1000) });
    const back = await store.usage.read(program, 'storage');
    expect(back?.series).toEqual(second);
    expect(back?.actor).toBe('sam');
    expect((await store.usage.list(program)).map((d) => [d.resource, d.samples])).toEqual([['storage', 1]]);
  });

  it('writes nothing for a resource or a program that does not exist, and forgets a removed resource', async () => {
    const write = { series: years(), source: 'csv' as const, actor: 'priya', updatedAt: new Date(T0) };
    expect(await store.usage.write(program, 'no-such-resource', write)).toBe(false);
    expect(await store.usage.write('no-such-program' as ProgramId, 'cores', write)).toBe(false);
    expect(await store.usage.list(program)).toEqual([]);
    await store.usage.write(program, 'cores', write);
    await store.saveProgram({ ...model, capacity: model.capacity.filter((r) => r.id !== 'cores') }, meta);
    expect(await store.usage.read(program, 'cores')).toBeUndefined();
    expect(await store.usage.clear(program, 'cores')).toBe(false);
  });
}
