import { describe, expect, it } from 'vitest';
import { fixture, readValid } from '../../../test/support/programs.js';
import { placeDebt } from '../../domain/debt.js';
import { readProgramYaml } from './read-program.js';
import { writeProgram } from './write-program.js';

describe('issue 7 parts of a program file', () => {
  const model = readValid(fixture('infra/platform-efficiency.yaml'));

  it('reads capacity, migrations, the cost policy and debt with their defaults', () => {
    expect(model.capacity.map((c) => [c.id, c.unit, c.installed, c.headroom])).toEqual([
      ['compute-use1', 'cores', 4096, { maxUtilisation: 80, redundancy: { k: 1, unitSize: 512 } }],
      ['ledger-storage', 'TiB', 200, { maxUtilisation: 80 }],
    ]);
    expect(model.capacity[1]?.demand).toEqual({ model: 'linear-fit', steps: [] });
    expect(model.migrations[0]?.steps).toEqual(['inventory', 'dual-run', 'cutover', 'decommission']);
    expect(model.migrations[0]?.services.map((s) => [s.service, Object.keys(s.done).length])).toEqual([
      ['checkout-api', 2],
      ['batch-etl', 1],
      ['search', 0],
    ]);
    expect(model.program.cost?.metric).toBe('EffectiveCost');
    expect(model.program.cost?.allocation).toHaveLength(3);
  });

  it('places debt at funnel level 2 unless the item says otherwise', () => {
    const byId = new Map(model.items.map((i) => [i.id as string, i]));
    expect(byId.get('ledger-vacuum')?.priority).toBe(2);
    expect(byId.get('etl-owner')?.priority).toBe(3);
    expect(placeDebt(model.items)).toBe(model.items);
  });

  it('writes them back so that reading the file again gives the same model', () => {
    const again = readProgramYaml(writeProgram(model), 'again.yaml');
    expect(again.ok && again.value).toEqual(model);
  });
});
