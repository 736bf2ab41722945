import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readSliCsv } from './read-sli-csv.js';

/** Increasing whole-second timestamps and 0 ≤ good ≤ total counts. */
const ratioRows = fc
  .array(fc.tuple(fc.integer({ min: 1, max: 3600 }), fc.nat({ max: 1_000_000 }), fc.nat({ max: 1_000_000 })), {
    minLength: 1,
    maxLength: 200,
  })
  .map((steps) => {
    let t = 1_700_000_000;
    return steps.map(([dt, x, y]) => {
      t += dt;
      return { seconds: t, good: Math.min(x, y), total: Math.max(x, y) };
    });
  });

describe('readSliCsv round trip', () => {
  it('what is written as epoch seconds or ISO 8601 reads back exactly, in order', () => {
    fc.assert(
      fc.property(ratioRows, fc.boolean(), (rows, iso) => {
        const stamp = (s: number) => (iso ? new Date(s * 1000).toISOString() : String(s));
        const csv = ['timestamp,good,total', ...rows.map((r) => `${stamp(r.seconds)},${r.good},${r.total}`)].join('\n');
        const read = readSliCsv(csv, 'p.csv');
        if (!read.ok || read.value.kind !== 'ratio') throw new Error(JSON.stringify(read));
        expect(Array.from(read.value.timestamps)).toEqual(rows.map((r) => r.seconds * 1000));
        expect(Array.from(read.value.good)).toEqual(rows.map((r) => r.good));
        expect(Array.from(read.value.total)).toEqual(rows.map((r) => r.total));
      }),
    );
  });

  it('swapping good and total where they differ is always reported on that line', () => {
    fc.assert(
      fc.property(
        ratioRows.filter((rows) => rows.some((r) => r.good < r.total)),
        (rows) => {
          const k = rows.findIndex((r) => r.good < r.total);
          const csv = [
            'timestamp,good,total',
            ...rows.map((r, i) => (i === k ? `${r.seconds},${r.total},${r.good}` : `${r.seconds},${r.good},${r.total}`)),
          ].join('\n');
          const read = readSliCsv(csv, 'p.csv');
          expect(!read.ok && read.error.map((p) => [p.code, p.line])).toEqual([['good-over-total', k + 2]]);
        },
      ),
    );
  });
});
