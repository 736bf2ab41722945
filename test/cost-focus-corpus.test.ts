import { createReadStream, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { type CostTable, cell } from '../src/engine/cost/cost-table.js';
import { readFocus } from '../src/formats/focus/read-focus.js';

// The corpus sits next to the repository (see /work/shared/corpora/README.md); never copied in.
const CORPUS = fileURLToPath(new URL('../../shared/corpora/focus/', import.meta.url));

interface Answer {
  group_by: string;
  value: string;
  rows: string;
  billed_cost: string;
  effective_cost: string;
}

function groupOf(t: CostTable, by: string, row: number): string {
  switch (by) {
    case 'ProviderName':
      return cell(t.provider, row) ?? '';
    case 'ServiceCategory':
      return cell(t.serviceCategory, row) ?? '';
    case 'ChargeCategory':
      return cell(t.chargeCategory, row) ?? '';
    case 'Tags.business_unit': {
      const code = t.tags.codes[row] ?? -1;
      if (code < 0) return '(untagged)';
      return t.tags.values[code]?.business_unit ?? '(no business_unit)';
    }
    default:
      return '(total)';
  }
}

describe('FOCUS 1.0 sample (FinOps-Open-Cost-and-Usage-Spec/FOCUS-Sample-Data, shared/corpora/focus)', () => {
  it('reproduces every figure of answers.csv: rows, BilledCost and EffectiveCost by provider, service category, charge category, business unit, and totals', async () => {
    const progress: number[] = [];
    const read = await readFocus(createReadStream(`${CORPUS}focus_sample.csv`, { highWaterMark: 16 * 1024 }), {
      file: 'focus_sample.csv',
      onProgress: (p) => progress.push(p.rows),
    });
    if (!read.ok) throw new Error(JSON.stringify(read.error.slice(0, 3)));
    const t = read.value.table;
    expect(t.length).toBe(1000);
    expect(read.value.columns).toHaveLength(44);
    // Small chunks: progress is reported many times, rows only grow.
    expect(progress.length).toBeGreaterThan(10);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));

    const answers = parse(readFileSync(`${CORPUS}answers.csv`, 'utf8'), { columns: true }) as Answer[];
    expect(answers.length).toBeGreaterThan(20);
    const groups = new Set(answers.map((a) => a.group_by));
    const sums = new Map<string, { rows: number; billed: number; effective: number }>();
    for (let r = 0; r < t.length; r++) {
      for (const by of groups) {
        const key = `${by}|${groupOf(t, by, r)}`;
        const s = sums.get(key) ?? { rows: 0, billed: 0, effective: 0 };
        s.rows++;
        s.billed += t.billed[r] ?? 0;
        s.effective += t.effective[r] ?? 0;
        sums.set(key, s);
      }
    }
    for (const a of answers) {
      const got = sums.get(`${a.group_by}|${a.group_by === 'total' || !groups.has(a.group_by) ? '(total)' : a.value}`);
      expect(got, `${a.group_by}=${a.value}`).toBeDefined();
      expect(got?.rows, `${a.group_by}=${a.value} rows`).toBe(Number(a.rows));
      expect(Math.abs((got?.billed ?? 0) - Number(a.billed_cost)), `${a.group_by}=${a.value} BilledCost`).toBeLessThan(1e-9);
      expect(Math.abs((got?.effective ?? 0) - Number(a.effective_cost)), `${a.group_by}=${a.value} EffectiveCost`).toBeLessThan(1e-9);
    }
    let billed = 0;
    let effective = 0;
    for (let r = 0; r < t.length; r++) {
      billed += t.billed[r] ?? 0;
      effective += t.effective[r] ?? 0;
    }
    expect(Math.abs(billed - 20.520226729)).toBeLessThan(1e-9);
    expect(Math.abs(effective - 14.976514186)).toBeLessThan(1e-9);
  });

  it('reads the same table whatever the chunk size (rows cut across chunks, quotes across chunks)', async () => {
    const bytes = readFileSync(`${CORPUS}focus_sample.csv`);
    const whole = await readFocus([bytes], { file: 'x' });
    const chunks: Uint8Array[] = [];
    for (let i = 0; i < bytes.length; i += 61) chunks.push(bytes.subarray(i, i + 61));
    const cut = await readFocus(chunks, { file: 'x' });
    if (!whole.ok || !cut.ok) throw new Error('read failed');
    expect(cut.value.table.length).toBe(whole.value.table.length);
    expect([...cut.value.table.billed]).toEqual([...whole.value.table.billed]);
    expect([...cut.value.table.tags.codes]).toEqual([...whole.value.table.tags.codes]);
    expect(cut.value.table.resourceId.values).toEqual(whole.value.table.resourceId.values);
  });
});
