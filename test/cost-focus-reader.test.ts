import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cell } from '../src/engine/cost/cost-table.js';
import { type FocusProblem, readFocus, readFocusText } from '../src/formats/focus/read-focus.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/focus/${name}`, import.meta.url), 'utf8');
const sum = (a: Float64Array) => a.reduce((s, v) => s + v, 0);

async function problemsOf(name: string): Promise<FocusProblem[]> {
  const read = await readFocusText(fixture(name), name);
  if (read.ok) throw new Error(`${name} should not read`);
  return read.error;
}

describe('FOCUS reader on hand-made files', () => {
  it('reads a file with exactly the 21 mandatory FOCUS 1.0 columns: a credit and a correction are negative, sums exact', async () => {
    const read = await readFocusText(fixture('mandatory-only.csv'), 'mandatory-only.csv');
    if (!read.ok) throw new Error(JSON.stringify(read.error));
    const t = read.value.table;
    expect(t.length).toBe(4);
    expect([...t.billed]).toEqual([100.5, -25, 7.5, -0.125]);
    expect(sum(t.billed)).toBe(82.875);
    expect(sum(t.effective)).toBe(62.625);
    expect([...t.chargeCategory.codes].map((c) => t.chargeCategory.values[c])).toEqual(['Usage', 'Credit', 'Tax', 'Usage']);
    // 2026-03-01 is day 20513 since the epoch; the correction is charged on 03-02.
    expect([...t.day]).toEqual([20513, 20513, 20513, 20514]);
    expect([...t.billingPeriod]).toEqual([20513, 20513, 20513, 20513]);
    expect(t.list[0]).toBe(120);
    expect(Number.isNaN(t.consumed[0] ?? 0)).toBe(true);
    // No Tags, no ResourceId columns: every row untagged.
    expect([...t.tags.codes]).toEqual([-1, -1, -1, -1]);
    expect(cell(t.resourceId, 0)).toBeUndefined();
    expect(read.value.firstDay).toBe(20513);
    expect(read.value.lastDay).toBe(20514);
  });

  it('reads Tags as JSON (key order, numbers and null values), quoted commas and quotes, CRLF, "YYYY-MM-DD hh:mm:ss" as UTC', async () => {
    const read = await readFocusText(fixture('tags-credits.csv'), 'tags-credits.csv');
    if (!read.ok) throw new Error(JSON.stringify(read.error));
    const t = read.value.table;
    expect(t.length).toBe(5);
    // The first two rows hold the same tags in another key order: one tag set.
    expect(t.tags.codes[0]).toBe(t.tags.codes[1]);
    expect(t.tags.values[t.tags.codes[0] ?? -1]).toEqual({ team: 'payments', env: 'prod' });
    expect(t.tags.values[t.tags.codes[2] ?? -1]).toEqual({ team: 'search', 'cost-center': '4711', temporary: '' });
    expect(t.tags.values[t.tags.codes[3] ?? -1]).toEqual({});
    expect(t.tags.codes[4]).toBe(-1);
    expect(sum(t.billed)).toBe(14.5);
    expect(sum(t.effective)).toBe(11.75);
    expect(cell(t.resourceId, 1)).toBe('vol-01');
    expect(cell(t.resourceType, 0)).toBe('Instance');
    expect(cell(t.region, 0)).toBe('us-east-1');
    expect(cell(t.subAccountName, 0)).toBe('payments-prod');
    expect(cell(t.subAccountName, 1)).toBeUndefined();
    expect(t.consumed[0]).toBe(1);
    expect([...t.day]).toEqual([20513, 20513, 20514, 20514, 20515]);
  });

  it('names every missing mandatory column and how to fix it', async () => {
    const [p, ...rest] = await problemsOf('missing-columns.csv');
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ code: 'missing-columns', line: 1, file: 'missing-columns.csv' });
    expect(p?.message).toBe('the header lacks 2 mandatory FOCUS columns: ChargeClass, EffectiveCost');
    expect(p?.hint).toContain('Export the bill as FOCUS 1.0');
  });

  it('says a misspelt column differs only by case, and recognises FOCUS 0.5 names', async () => {
    const text = fixture('mandatory-only.csv').replace('EffectiveCost', 'effectivecost').replace('ChargeCategory', 'ChargeType');
    const read = await readFocusText(text, 'x.csv');
    if (read.ok) throw new Error('should fail');
    expect(read.error[0]?.hint).toContain('rename effectivecost to EffectiveCost');
    expect(read.error[0]?.hint).toContain('ChargeType → ChargeCategory');
  });

  it('pins a bad number to its line and column name', async () => {
    expect(await problemsOf('bad-number.csv')).toEqual([
      expect.objectContaining({
        code: 'bad-number',
        line: 4,
        column: 1,
        field: 'BilledCost',
        message: 'BilledCost "$7.50" is not a number',
      }),
    ]);
  });

  it('pins a bad date (30 February) to its line and column name', async () => {
    const [p, ...rest] = await problemsOf('bad-date.csv');
    expect(rest).toEqual([]);
    expect(p).toMatchObject({
      code: 'bad-date',
      line: 3,
      field: 'ChargePeriodStart',
      message: 'ChargePeriodStart "2026-02-30T00:00:00Z" is not a date-time',
    });
    const header = fixture('bad-date.csv').split('\n')[0] ?? '';
    const line3 = fixture('bad-date.csv').split('\n')[2] ?? '';
    expect(line3.slice((p?.column ?? 0) - 1)).toMatch(/^2026-02-30/);
    expect(header.split(',').indexOf('ChargePeriodStart')).toBeGreaterThan(0);
  });

  it('pins bad JSON in Tags to its line', async () => {
    const [p, ...rest] = await problemsOf('bad-tags.csv');
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ code: 'bad-tags', line: 3, field: 'Tags' });
    expect(p?.message).toMatch(/^Tags is not JSON/);
  });

  it('reports the same bad Tags cell on every row it is on, and reuses a good one', async () => {
    const lines = fixture('bad-tags.csv').split(/\r?\n/);
    const bad = lines[2] ?? '';
    const good = lines[1] ?? '';
    const twice = await readFocusText([lines[0], bad, bad].join('\n'), 'x.csv');
    expect(twice.ok ? [] : twice.error.map((p) => [p.code, p.line])).toEqual([
      ['bad-tags', 2],
      ['bad-tags', 3],
    ]);
    const same = await readFocusText([lines[0], good, good, good].join('\n'), 'x.csv');
    expect(same.ok ? [...same.value.table.tags.codes] : []).toEqual([0, 0, 0]);
  });

  it('refuses an empty BilledCost, a row with too few fields, an unclosed quote, and an empty file', async () => {
    const lines = fixture('mandatory-only.csv').split('\n');
    const header = lines[0] ?? '';
    const costAt = header.split(',').indexOf('BilledCost');
    const blank = (lines[1] ?? '').split(',');
    blank[costAt] = 'NULL';
    const r1 = await readFocusText([header, blank.join(','), 'a,b'].join('\n'), 'x.csv');
    expect(r1.ok ? [] : r1.error.map((p) => [p.code, p.line, p.field])).toEqual([
      ['missing-value', 2, 'BilledCost'],
      ['bad-row', 3, undefined],
    ]);
    const r2 = await readFocusText(`${header}\n"unclosed,1,2`, 'x.csv');
    expect(r2.ok ? [] : r2.error.map((p) => p.code)).toEqual(['bad-row']);
    const r3 = await readFocusText('', 'x.csv');
    expect(r3.ok ? [] : r3.error.map((p) => p.code)).toEqual(['empty']);
  });

  it('stops after 50 problems and says so', async () => {
    const lines = fixture('bad-number.csv').split('\n');
    const bad = lines[3] ?? '';
    const text = [lines[0], ...Array.from({ length: 200 }, () => bad)].join('\n');
    const read = await readFocusText(text, 'x.csv');
    if (read.ok) throw new Error('should fail');
    expect(read.error).toHaveLength(51);
    expect(read.error.at(-1)?.message).toBe('reading stopped after 50 problems');
  });

  it('reports progress per chunk with rows and bytes, and reads a byte order mark', async () => {
    const bytes = new TextEncoder().encode(`\uFEFF${fixture('tags-credits.csv')}`);
    const seen: Array<[number, number]> = [];
    const chunks = [bytes.subarray(0, 900), bytes.subarray(900, 1500), bytes.subarray(1500)];
    const read = await readFocus(chunks, { file: 'x', onProgress: (p) => seen.push([p.rows, p.bytes]) });
    expect(read.ok).toBe(true);
    expect(seen.at(-1)).toEqual([5, bytes.length]);
    expect(seen.map(([, b]) => b).slice(0, 3)).toEqual([900, 1500, bytes.length]);
  });
});
