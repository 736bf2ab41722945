import { beforeEach, expect, it } from 'vitest';
import { fixture, readValid } from '../../test/support/programs.js';
import type { ProgramId } from '../domain/ids.js';
import { dayOfIso, isoOfDay } from '../engine/cost/cost-days.js';
import { type CostTable, cell } from '../engine/cost/cost-table.js';
import { type CostRowSpec, costTableOf } from '../engine/cost/cost-table-fixture.js';
import type { ProgramStore } from './program-store.js';

const meta = { actor: 'priya', at: new Date(Date.UTC(2026, 2, 1)), source: 'test' };
const at = (iso: string) => ({ file: 'focus.csv', actor: 'priya', updatedAt: new Date(`${iso}T00:00:00Z`) });

/** Costs no decimal text keeps exactly, over two billing periods, tags and credits. */
function bill(months: readonly string[], scale = 1): CostTable {
  const rows: CostRowSpec[] = [];
  for (const m of months) {
    for (let d = 0; d < 28; d++) {
      const day = isoOfDay(dayOfIso(`${m}-01`) + d);
      rows.push({
        day,
        cost: ((d + 0.1) / 3) * scale,
        serviceName: 'Amazon S3',
        serviceCategory: 'Storage',
        resourceId: `vol-${d % 5}`,
        tags: { team: d % 2 ? 'payments' : 'platform' },
      });
      rows.push({ day, cost: -0.7 * scale, chargeCategory: 'Credit' });
    }
  }
  return costTableOf(rows);
}
const sum = (a: Float64Array) => a.reduce((s, v) => s + v, 0);

/** What every CostStore must do, whatever database is under it. Run by each driver's test file. */
export function costStoreContract(open: () => Promise<ProgramStore>) {
  let store: ProgramStore;
  let program: ProgramId;
  beforeEach(async () => {
    store = await open();
    const model = readValid(fixture('infra/platform-efficiency.yaml'));
    program = model.program.id;
    await store.saveProgram(model, meta);
    return () => store.close();
  });

  it('keeps every row bit for bit: days, costs, dictionaries, tag sets', async () => {
    const table = bill(['2026-01', '2026-02']);
    expect(await store.cost.importPeriods(program, table, at('2026-03-01'))).toEqual({
      periods: ['2026-01-01', '2026-02-01'],
      replaced: [],
    });
    const back = await store.cost.read(program);
    expect(back?.length).toBe(table.length);
    expect([...(back?.effective ?? [])]).toEqual([...table.effective]);
    expect([...(back?.day ?? [])]).toEqual([...table.day]);
    expect(cell(back?.serviceName ?? table.serviceName, 0)).toBe('Amazon S3');
    expect(back?.tags.values[back.tags.codes[2] ?? -1]).toEqual({ team: 'payments' });
    expect(back?.tags.codes[1]).toBe(-1);
    expect(await store.cost.list(program)).toEqual([
      expect.objectContaining({
        billingPeriod: '2026-01-01',
        rows: 56,
        firstDay: '2026-01-01',
        lastDay: '2026-01-28',
        file: 'focus.csv',
        actor: 'priya',
      }),
      expect.objectContaining({ billingPeriod: '2026-02-01', rows: 56, lastDay: '2026-02-28' }),
    ]);
    const [jan] = await store.cost.list(program);
    expect(jan?.effective).toBeCloseTo(sum(table.effective) / 2, 9);
  });

  it('an import replaces the billing periods it holds and keeps the others', async () => {
    await store.cost.importPeriods(program, bill(['2026-01', '2026-02']), at('2026-03-01'));
    expect(await store.cost.importPeriods(program, bill(['2026-02', '2026-03'], 2), at('2026-04-01'))).toEqual({
      periods: ['2026-02-01', '2026-03-01'],
      replaced: ['2026-02-01'],
    });
    const list = await store.cost.list(program);
    expect(list.map((p) => p.billingPeriod)).toEqual(['2026-01-01', '2026-02-01', '2026-03-01']);
    const jan = sum(bill(['2026-01']).effective);
    expect(list[0]?.effective).toBeCloseTo(jan, 9);
    expect(list[1]?.effective).toBeCloseTo(2 * jan, 9);
    expect((await store.cost.read(program))?.length).toBe(3 * 56);
  });

  it('refuses a program it does not know, and clears', async () => {
    expect(await store.cost.importPeriods('nope' as ProgramId, bill(['2026-01']), at('2026-03-01'))).toBeUndefined();
    expect(await store.cost.writeInventory('nope' as ProgramId, [], at('2026-03-01'))).toBe(false);
    await store.cost.importPeriods(program, bill(['2026-01']), at('2026-03-01'));
    expect(await store.cost.clear(program)).toBe(1);
    expect(await store.cost.read(program)).toBeUndefined();
  });

  it('keeps the resource inventory, replaced on upload', async () => {
    const vol = { id: 'vol-1', type: 'EBS volume', kind: 'volume' as const, state: 'available', lastUsedDay: 20_500, sizeGb: 500 };
    expect(await store.cost.writeInventory(program, [vol], at('2026-03-01'))).toBe(true);
    expect(await store.cost.readInventory(program)).toMatchObject({ resources: [vol], file: 'focus.csv', actor: 'priya' });
    await store.cost.writeInventory(program, [], at('2026-03-02'));
    expect((await store.cost.readInventory(program))?.resources).toEqual([]);
  });
}
