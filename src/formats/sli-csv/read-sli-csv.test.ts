import { describe, expect, it } from 'vitest';
import { parseTimestamp, readSliCsv } from './read-sli-csv.js';

describe('readSliCsv', () => {
  it('reads a ratio SLI into typed arrays, ISO and epoch timestamps alike', () => {
    const csv = 'timestamp,good,total\r\n2026-01-01T00:00:00Z,990,1000\r\n1767225660,995,1000\r\n2026-01-01T01:02:00+01:00,1000,1000\r\n';
    const read = readSliCsv(csv, 'sli.csv');
    expect(read.ok).toBe(true);
    if (!read.ok || read.value.kind !== 'ratio') throw new Error('expected a ratio series');
    expect(read.value.timestamps).toBeInstanceOf(Float64Array);
    const t0 = Date.UTC(2026, 0, 1);
    expect(Array.from(read.value.timestamps)).toEqual([t0, t0 + 60_000, t0 + 120_000]);
    expect(Array.from(read.value.good)).toEqual([990, 995, 1000]);
    expect(Array.from(read.value.total)).toEqual([1000, 1000, 1000]);
  });

  it('reads a threshold SLI (header case and spaces do not matter; blank lines are skipped)', () => {
    const read = readSliCsv(' Timestamp , Value \n1767225600,0.25\n\n1767225660,-1.5e2\n', 'lat.csv');
    expect(read.ok && read.value.kind === 'threshold' && Array.from(read.value.values)).toEqual([0.25, -150]);
  });

  it('quoted fields are unquoted', () => {
    const read = readSliCsv('"timestamp","value"\n"2026-01-01","3"\n', 'q.csv');
    expect(read.ok && read.value.kind === 'threshold' && Array.from(read.value.timestamps)).toEqual([Date.UTC(2026, 0, 1)]);
  });

  it('requires one of the two headers', () => {
    const read = readSliCsv('1767225600,990,1000\n', 'noheader.csv');
    expect(!read.ok && read.error).toEqual([expect.objectContaining({ code: 'bad-header', line: 1, column: 1 })]);
    const empty = readSliCsv('\n\n', 'empty.csv');
    expect(!empty.ok && empty.error[0]?.code).toBe('empty');
  });

  it('reports every bad row with its line, column and field', () => {
    const csv = [
      'timestamp,good,total', // 1
      '2026-01-01T00:00:00Z,990,1000', // 2
      '2026-01-01T00:01:00,990,1000', // 3: no zone
      '2026-02-30T00:00:00Z,1,2', // 4: no such day
      '2026-01-01T00:02:00Z,abc,1000', // 5
      '2026-01-01T00:03:00Z,1001,1000', // 6
      '2026-01-01T00:00:00Z,1,1', // 7: not after line 2
      '2026-01-01T00:04:00Z,-1,1', // 8
      '2026-01-01T00:05:00Z,1', // 9
      '"2026-01-01T00:06:00Z,1,1', // 10
    ].join('\n');
    const read = readSliCsv(csv, 'bad.csv');
    expect(!read.ok && read.error.map((p) => [p.line, p.column, p.code, p.field ?? ''])).toEqual([
      [3, 1, 'bad-timestamp', 'timestamp'],
      [4, 1, 'bad-timestamp', 'timestamp'],
      [5, 22, 'bad-number', 'good'],
      [6, 22, 'good-over-total', 'good'],
      [7, 1, 'out-of-order', 'timestamp'],
      [8, 22, 'bad-number', 'good'],
      [9, 1, 'bad-row', ''],
      [10, 1, 'bad-row', ''],
    ]);
    expect(!read.ok && read.error[4]?.message).toBe("the timestamp is not after line 2's");
  });

  it('caps a flood of problems and says how many more', () => {
    const rows = Array.from({ length: 80 }, () => 'x,1,1');
    const read = readSliCsv(['timestamp,good,total', ...rows].join('\n'), 'flood.csv');
    expect(!read.ok && read.error.length).toBe(51);
    expect(!read.ok && read.error[50]?.message).toBe('and 30 more problems');
  });
});

describe('parseTimestamp', () => {
  it('epoch seconds, fractional seconds and offsets', () => {
    expect(parseTimestamp('0')).toBe(0);
    expect(parseTimestamp('1.5')).toBe(1500);
    expect(parseTimestamp('1970-01-01T00:00:01.250Z')).toBe(1250);
    expect(parseTimestamp('1970-01-01T05:30:00+05:30')).toBe(0);
    expect(parseTimestamp('1969-12-31T19:00:00-0500')).toBe(0);
    expect(parseTimestamp('2024-02-29')).toBe(Date.UTC(2024, 1, 29));
    expect(parseTimestamp('2023-02-29')).toBeUndefined();
    expect(parseTimestamp('2026-13-01')).toBeUndefined();
    expect(parseTimestamp('yesterday')).toBeUndefined();
  });
});
