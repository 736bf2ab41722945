import { err, ok, type Result } from '../../domain/result.js';
import { readSliCsv, type SliCsvProblem } from '../sli-csv/read-sli-csv.js';

/** A capacity resource's usage samples: ms since the epoch (increasing) and the usage in its unit. */
export interface UsageSeries {
  readonly timestamps: Float64Array;
  readonly values: Float64Array;
}

export type UsageCsvProblem = SliCsvProblem;

/**
 * Reads `timestamp,value` usage history: one row per sample, the usage in the resource's unit at
 * that time. Timestamps are dates (2027-01-15), ISO date-times with a zone, or epoch seconds, in
 * increasing order. The same CSV dialect and line:column problems as SLI data (`sli-csv`), whose
 * threshold form this is.
 */
export function readUsageCsv(text: string, file: string): Result<UsageSeries, UsageCsvProblem[]> {
  const read = readSliCsv(text, file);
  if (!read.ok) {
    return err(
      read.error.map((p) =>
        p.code === 'bad-header' || p.code === 'empty'
          ? { ...p, hint: 'start with the header timestamp,value, then one row per sample, e.g. 2027-01-15,2900' }
          : p,
      ),
    );
  }
  const series = read.value;
  if (series.kind !== 'threshold') {
    const header = text
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)
      .findIndex((l) => l.trim() !== '');
    return err([
      {
        code: 'bad-header',
        message: 'the header timestamp,good,total is for SLI events; usage history has one value per sample',
        hint: 'write timestamp,value as the first line, e.g. 2027-01-15,2900',
        file,
        line: header + 1,
        column: 1,
      },
    ]);
  }
  const negative = series.values.findIndex((v) => v < 0);
  if (negative >= 0) {
    return err([
      {
        code: 'bad-number',
        message: `usage ${series.values[negative]} at ${new Date(series.timestamps[negative] as number).toISOString().slice(0, 10)} is negative`,
        hint: 'usage is 0 or more, in the resource unit',
        file,
        line: lineOfSample(text, negative),
        column: 1,
        field: 'value',
      },
    ]);
  }
  return ok({ timestamps: series.timestamps, values: series.values });
}

/** The 1-based line of the n-th data row (blank lines skipped as the reader skips them). */
function lineOfSample(text: string, n: number): number {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let seen = -1;
  for (let i = 0; i < lines.length; i++) {
    if ((lines[i] ?? '').trim() === '') continue;
    if (seen === n) return i + 1;
    seen++;
  }
  return 1;
}
