import { describe, expect, it } from 'vitest';
import { createRandom } from '../src/engine/rcpsp/random.js';
import { generateFocusCsv, generateResources } from '../src/formats/focus/generate-focus.js';
import { readFocusText } from '../src/formats/focus/read-focus.js';
import { kindOfType, readInventoryCsv } from '../src/formats/inventory-csv/read-inventory-csv.js';

describe('resource inventory CSV', () => {
  it('reads ids, kinds, attachment, last use, size and creation; empty attachment means attached to nothing', () => {
    const csv = [
      'Resource ID,Type,State,Attached To,Last Used,Size GB,Created',
      'vol-a,EBS volume,available,,2026-02-01,500,2025-06-01',
      'vol-b,EBS volume,in-use,i-1,2026-03-30T10:00:00Z,100,2025-06-01',
      'snap-1,EBS snapshot,completed,NULL,,50,2025-01-01',
      '"i-1",EC2 instance,running,-,2026-03-31,,2025-01-01',
    ].join('\n');
    const read = readInventoryCsv(csv, 'inv.csv');
    if (!read.ok) throw new Error(JSON.stringify(read.error));
    expect(read.value.map((r) => [r.id, r.kind, r.attachedTo ?? null, r.sizeGb ?? null])).toEqual([
      ['vol-a', 'volume', null, 500],
      ['vol-b', 'volume', 'i-1', 100],
      ['snap-1', 'snapshot', null, 50],
      ['i-1', 'instance', null, null],
    ]);
    expect(read.value[0]?.lastUsedDay).toBe(20485);
  });

  it('names a missing header field, a bad date and a duplicate id with their lines', () => {
    const noType = readInventoryCsv('resource_id,state\nvol-a,available', 'inv.csv');
    expect(noType.ok ? [] : noType.error.map((p) => p.message)).toEqual(['the header lacks type']);
    const bad = readInventoryCsv('resource_id,type,last_used\nvol-a,volume,yesterday\nvol-b,volume,\nvol-b,volume,', 'inv.csv');
    expect(bad.ok ? [] : bad.error.map((p) => [p.code, p.line])).toEqual([
      ['bad-date', 2],
      ['duplicate-id', 4],
    ]);
  });

  it('tells kinds from provider wording', () => {
    expect(['Managed Disk', 'Snapshot', 'Virtual Machine', 'S3 bucket', 'Elastic IP', 'NAT gateway'].map(kindOfType)).toEqual([
      'volume',
      'snapshot',
      'instance',
      'bucket',
      'address',
      'other',
    ]);
  });
});

describe('generated FOCUS bills', () => {
  const options = {
    start: '2026-03-01',
    days: 10,
    teams: [{ tag: 'payments', weight: 1 }],
    resources: 50,
    untagged: 0.2,
    dailyTotal: 1000,
  };
  const text = (seed: number) => {
    const random = createRandom(seed);
    return [...generateFocusCsv(options, generateResources(options, random), 500, random)].join('');
  };

  it('are FOCUS 1.0 the reader accepts, the same for the same seed, with a credit and a tax row per day', async () => {
    expect(text(3)).toBe(text(3));
    expect(text(3)).not.toBe(text(4));
    const read = await readFocusText(text(3), 'gen.csv');
    if (!read.ok) throw new Error(JSON.stringify(read.error.slice(0, 2)));
    expect(read.value.table.length).toBe(520);
    const categories = read.value.table.chargeCategory;
    expect(categories.values).toEqual(['Usage', 'Credit', 'Tax']);
    let usage = 0;
    for (let r = 0; r < read.value.table.length; r++) if (categories.codes[r] === 0) usage += read.value.table.effective[r] ?? 0;
    // Usage averages dailyTotal a day (±15 % noise per row).
    expect(usage / 10).toBeGreaterThan(850);
    expect(usage / 10).toBeLessThan(1150);
  });
});
