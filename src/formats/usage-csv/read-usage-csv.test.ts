import { describe, expect, it } from 'vitest';
import { readUsageCsv } from './read-usage-csv.js';

describe('usage history CSV', () => {
  it('reads dates, date-times with a zone and epoch seconds', () => {
    const r = readUsageCsv('timestamp,value\n2027-01-01,2900\n2027-01-02T12:00:00Z,2910.5\n1798934400,2950\n', 'u.csv');
    if (!r.ok) throw new Error(r.error[0]?.message);
    expect(Array.from(r.value.timestamps)).toEqual([Date.UTC(2027, 0, 1), Date.UTC(2027, 0, 2, 12), 1798934400_000]);
    expect(Array.from(r.value.values)).toEqual([2900, 2910.5, 2950]);
  });

  it('pins problems to line and column with a fix', () => {
    const r = readUsageCsv('timestamp,value\n2027-01-01,2900\n\n2027-01-03,lots\n2027-02-30,1\n', 'u.csv');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.map((p) => [p.line, p.column, p.code])).toEqual([
      [4, 12, 'bad-number'],
      [5, 1, 'bad-timestamp'],
    ]);
  });

  it('refuses an SLI events file and negative usage, saying where', () => {
    const sli = readUsageCsv('timestamp,good,total\n2027-01-01,1,2\n', 'u.csv');
    expect(sli).toMatchObject({ ok: false, error: [{ code: 'bad-header', line: 1 }] });
    const negative = readUsageCsv('timestamp,value\n2027-01-01,5\n\n2027-01-02,-3\n', 'u.csv');
    expect(negative).toMatchObject({ ok: false, error: [{ code: 'bad-number', line: 4, field: 'value' }] });
    const none = readUsageCsv('when,cores\n', 'u.csv');
    expect(none).toMatchObject({ ok: false, error: [{ code: 'bad-header' }] });
    if (!none.ok) expect(none.error[0]?.hint).toContain('timestamp,value');
  });
});
