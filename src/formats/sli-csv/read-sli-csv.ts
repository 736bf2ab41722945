import { err, ok, type Result } from '../../domain/result.js';

/**
 * SLI samples from a CSV file, as typed arrays of one length, in file order with strictly
 * increasing timestamps (milliseconds since the Unix epoch, UTC).
 * Ratio: `good` and `total` events per sample (0 ≤ good ≤ total). Threshold: the metric's `value`.
 */
export type SliSeries =
  | { readonly kind: 'ratio'; readonly timestamps: Float64Array; readonly good: Float64Array; readonly total: Float64Array }
  | { readonly kind: 'threshold'; readonly timestamps: Float64Array; readonly values: Float64Array };

export type SliCsvProblemCode = 'empty' | 'bad-header' | 'bad-row' | 'bad-timestamp' | 'bad-number' | 'out-of-order' | 'good-over-total';

export interface SliCsvProblem {
  readonly code: SliCsvProblemCode;
  readonly message: string;
  readonly hint?: string;
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based, where the field starts. */
  readonly column: number;
  /** The column's header name, when the problem is in one field. */
  readonly field?: string;
}

/** Beyond this many, the rest are summed up in one last problem: a wrong file should not flood the screen. */
const MAX_PROBLEMS = 50;

const HEADERS = { ratio: ['timestamp', 'good', 'total'], threshold: ['timestamp', 'value'] } as const;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const EPOCH_SECONDS = /^\d+(\.\d+)?$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2}))?$/;

/**
 * Reads `timestamp,good,total` (ratio SLIs) or `timestamp,value` (threshold SLIs). The header is
 * required. Timestamps are epoch seconds or ISO 8601 (a date, or a date-time with `Z` or an offset;
 * a date-time without one is refused because its zone would be a guess). Blank lines are skipped.
 */
export function readSliCsv(text: string, file: string): Result<SliSeries, SliCsvProblem[]> {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const problems: SliCsvProblem[] = [];
  let dropped = 0;
  const report = (p: Omit<SliCsvProblem, 'file'>) => {
    if (problems.length < MAX_PROBLEMS) problems.push({ ...p, file });
    else dropped++;
  };

  const headerIndex = lines.findIndex((l) => l.trim() !== '');
  if (headerIndex < 0) {
    return err([
      {
        code: 'empty',
        message: 'the file is empty',
        hint: 'start with a header: timestamp,good,total or timestamp,value',
        file,
        line: 1,
        column: 1,
      },
    ]);
  }
  const header = splitRow(lines[headerIndex] ?? '');
  const names = 'error' in header ? [] : header.fields.map((f) => f.text.trim().toLowerCase());
  const kind = sameList(names, HEADERS.ratio) ? 'ratio' : sameList(names, HEADERS.threshold) ? 'threshold' : undefined;
  if (kind === undefined) {
    return err([
      {
        code: 'bad-header',
        message: `the header "${(lines[headerIndex] ?? '').trim()}" is not one Throughline reads`,
        hint: 'write timestamp,good,total for a ratio SLI, or timestamp,value for a threshold SLI, as the first line',
        file,
        line: headerIndex + 1,
        column: 1,
      },
    ]);
  }
  const columns = HEADERS[kind];

  const timestamps: number[] = [];
  const a: number[] = [];
  const b: number[] = [];
  let previous: { ms: number; line: number } | undefined;
  for (let i = headerIndex + 1; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    if (raw.trim() === '') continue;
    const line = i + 1;
    const row = splitRow(raw);
    if ('error' in row) {
      report({ code: 'bad-row', message: row.error, hint: 'close the quote, or remove it', line, column: row.column });
      continue;
    }
    if (row.fields.length !== columns.length) {
      report({
        code: 'bad-row',
        message: `the row has ${row.fields.length} field${row.fields.length === 1 ? '' : 's'}, the header ${columns.length}`,
        hint: `write ${columns.join(',')}`,
        line,
        column: 1,
      });
      continue;
    }
    let rowOk = true;
    const [stampField, ...numberFields] = row.fields;
    const ms = stampField ? parseTimestamp(stampField.text.trim()) : undefined;
    if (ms === undefined || !stampField) {
      rowOk = false;
      report({
        code: 'bad-timestamp',
        message: `"${stampField?.text.trim() ?? ''}" is not a timestamp`,
        hint: 'write epoch seconds (1767225600) or ISO 8601 with a zone (2026-01-01T00:00:00Z)',
        line,
        column: stampField?.column ?? 1,
        field: 'timestamp',
      });
    }
    const numbers: number[] = [];
    numberFields.forEach((field, k) => {
      const name = columns[k + 1] ?? '';
      const t = field.text.trim();
      const n = NUMBER.test(t) ? Number(t) : Number.NaN;
      if (!Number.isFinite(n)) {
        rowOk = false;
        report({
          code: 'bad-number',
          message: `${name} "${t}" is not a number`,
          hint: 'write a plain decimal number such as 1520 or 0.25',
          line,
          column: field.column,
          field: name,
        });
      } else if (kind === 'ratio' && n < 0) {
        rowOk = false;
        report({
          code: 'bad-number',
          message: `${name} ${t} is negative`,
          hint: 'event counts are zero or more',
          line,
          column: field.column,
          field: name,
        });
      }
      numbers.push(n);
    });
    if (!rowOk || ms === undefined) continue;
    if (kind === 'ratio' && (numbers[0] ?? 0) > (numbers[1] ?? 0)) {
      report({
        code: 'good-over-total',
        message: `good ${numbers[0]} is more than total ${numbers[1]}`,
        hint: 'good events are part of all events: check the columns are timestamp,good,total in that order',
        line,
        column: row.fields[1]?.column ?? 1,
        field: 'good',
      });
      continue;
    }
    if (previous && ms <= previous.ms) {
      report({
        code: 'out-of-order',
        message: `the timestamp is not after line ${previous.line}'s`,
        hint: 'sort the rows by time and remove duplicate timestamps',
        line,
        column: stampField?.column ?? 1,
        field: 'timestamp',
      });
      continue;
    }
    previous = { ms, line };
    timestamps.push(ms);
    a.push(numbers[0] ?? 0);
    if (kind === 'ratio') b.push(numbers[1] ?? 0);
  }
  if (dropped > 0) {
    const last = problems[problems.length - 1];
    problems.push({ code: 'bad-row', message: `and ${dropped} more problems`, file, line: last?.line ?? 1, column: 1 });
  }
  if (problems.length > 0) return err(problems);
  return ok(
    kind === 'ratio'
      ? { kind, timestamps: Float64Array.from(timestamps), good: Float64Array.from(a), total: Float64Array.from(b) }
      : { kind, timestamps: Float64Array.from(timestamps), values: Float64Array.from(a) },
  );
}

/** Epoch seconds or ISO 8601 → ms since the epoch; undefined when it is neither, or names a day that does not exist. */
export function parseTimestamp(text: string): number | undefined {
  if (EPOCH_SECONDS.test(text)) return Math.round(Number(text) * 1000);
  const m = ISO.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  if (h !== undefined && zone === undefined) return undefined;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h ?? 0);
  const minute = Number(mi ?? 0);
  const second = Number(s ?? 0);
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return undefined;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second) + Math.round(Number(frac ?? 0) * 1000);
  // Date.UTC rolls 2026-02-30 over to March; refuse a day the month does not have.
  if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return undefined;
  return utc - offsetMinutes(zone) * 60_000;
}

function offsetMinutes(zone: string | undefined): number {
  if (zone === undefined || zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
}

/** Splits one CSV row (RFC 4180 quoting, no line breaks inside quotes); columns are 1-based. */
function splitRow(line: string): { fields: { text: string; column: number }[] } | { error: string; column: number } {
  const fields: { text: string; column: number }[] = [];
  let i = 0;
  for (;;) {
    const start = i;
    let text = '';
    if (line[i] === '"') {
      i++;
      for (;;) {
        if (i >= line.length) return { error: 'a quoted field is not closed', column: start + 1 };
        if (line[i] === '"') {
          if (line[i + 1] === '"') {
            text += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else text += line[i++];
      }
      while (i < line.length && line[i] !== ',') text += line[i++] ?? '';
    } else {
      while (i < line.length && line[i] !== ',') text += line[i++] ?? '';
    }
    fields.push({ text, column: start + 1 });
    if (i >= line.length) return { fields };
    i++; // the comma
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
