import { err, ok, type Result } from '../../domain/result.js';
import {
  type CostTable,
  CostTableBuilder,
  canonicalTagKey,
  type DictColumnName,
  type NumberColumnName,
} from '../../engine/cost/cost-table.js';
import { Spans, scanRecord } from './csv-scan.js';
import { FOCUS_MANDATORY_COLUMNS, RENAMED_COLUMNS } from './focus-columns.js';
import { dayOfInstant, parseDecimal, parseInstant, parseTags } from './focus-values.js';

export type FocusProblemCode =
  | 'empty'
  | 'missing-columns'
  | 'duplicate-column'
  | 'bad-row'
  | 'bad-number'
  | 'bad-date'
  | 'bad-tags'
  | 'missing-value';

export interface FocusProblem {
  readonly code: FocusProblemCode;
  readonly message: string;
  readonly hint?: string;
  readonly file: string;
  /** 1-based physical line of the row's start. */
  readonly line: number;
  /** 1-based character where the field starts. */
  readonly column: number;
  /** The FOCUS column name, when the problem is in one cell. */
  readonly field?: string;
}

export interface FocusProgress {
  readonly rows: number;
  readonly bytes: number;
}

export interface FocusImport {
  readonly table: CostTable;
  /** The header as read. */
  readonly columns: readonly string[];
  readonly bytes: number;
  /** Earliest and latest ChargePeriodStart, in days since the epoch; undefined when there are no rows. */
  readonly firstDay?: number;
  readonly lastDay?: number;
}

export interface ReadFocusOptions {
  readonly file: string;
  /** Called after each chunk: rows read so far and bytes consumed. */
  readonly onProgress?: (progress: FocusProgress) => void;
}

/** Beyond this many problems the read stops: a wrong file should not flood the screen. */
const MAX_PROBLEMS = 50;

/** Column indexes the reader needs, −1 when the file does not have the column. */
interface Layout {
  readonly count: number;
  readonly names: readonly string[];
  readonly chargeStart: number;
  readonly chargeEnd: number;
  readonly billingStart: number;
  readonly numbers: ReadonlyArray<readonly [NumberColumnName, number, boolean]>;
  readonly dicts: ReadonlyArray<readonly [DictColumnName, number]>;
  readonly tags: number;
}

function layoutOf(names: readonly string[]): Layout {
  const at = (name: string) => names.indexOf(name);
  const region = at('RegionId') >= 0 ? at('RegionId') : at('RegionName') >= 0 ? at('RegionName') : at('Region');
  return {
    count: names.length,
    names,
    chargeStart: at('ChargePeriodStart'),
    chargeEnd: at('ChargePeriodEnd'),
    billingStart: at('BillingPeriodStart'),
    // [column, index, must not be NULL]
    numbers: [
      ['billed', at('BilledCost'), true],
      ['effective', at('EffectiveCost'), true],
      ['list', at('ListCost'), false],
      ['consumed', at('ConsumedQuantity'), false],
    ],
    dicts: (
      [
        ['provider', at('ProviderName')],
        ['serviceName', at('ServiceName')],
        ['serviceCategory', at('ServiceCategory')],
        ['chargeCategory', at('ChargeCategory')],
        ['subAccountId', at('SubAccountId')],
        ['subAccountName', at('SubAccountName')],
        ['resourceId', at('ResourceId')],
        ['resourceType', at('ResourceType')],
        ['region', region],
        ['currency', at('BillingCurrency')],
      ] as const
    ).filter(([, i]) => i >= 0),
    tags: at('Tags'),
  };
}

/**
 * Reads a FOCUS 1.x CSV export, streamed in chunks of bytes (UTF-8) or text, into the columnar
 * `CostTable`. Checks every mandatory column is in the header; `NULL` or an empty cell is NULL;
 * costs are decimals (negative for credits); date-times are ISO 8601 in UTC; `Tags` is a JSON
 * object. Any bad cell fails the read with its line and column name (up to 50 problems).
 */
export async function readFocus(
  chunks: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  options: ReadFocusOptions,
): Promise<Result<FocusImport, FocusProblem[]>> {
  const { file } = options;
  const decoder = new TextDecoder('utf-8');
  const spans = new Spans();
  const problems: FocusProblem[] = [];
  let dropped = 0;
  const report = (p: Omit<FocusProblem, 'file'>) => {
    if (problems.length < MAX_PROBLEMS) problems.push({ ...p, file });
    else dropped++;
  };

  const builder = new CostTableBuilder(1 << 14);
  const instants = new Map<string, number>();
  const tagCodes = new Map<string, number>();
  let layout: Layout | undefined;
  let line = 1;
  let bytes = 0;
  let firstDay = Number.POSITIVE_INFINITY;
  let lastDay = Number.NEGATIVE_INFINITY;
  let headerDone = false;
  let fatal = false;

  const text = (buf: string, k: number): string | undefined => {
    const s = spans.start[k] ?? 0;
    const e = spans.end[k] ?? 0;
    if (e <= s) return undefined;
    const q = spans.quoting[k] ?? 0;
    let v = buf.slice(s, e);
    if (q === 2) v = v.replaceAll('""', '"');
    return v === 'NULL' ? undefined : v;
  };
  const columnOf = (recordStart: number, k: number) =>
    (spans.start[k] ?? recordStart) - recordStart + 1 - ((spans.quoting[k] ?? 0) > 0 ? 1 : 0);

  // The last text and instant read per date column: exports come sorted by day, so most rows repeat it.
  const lastInstantText = new Map<number, string>();
  const lastInstant = new Map<number, number>();
  const instant = (buf: string, k: number, recordStart: number, name: string): number | undefined => {
    const s = spans.start[k] ?? 0;
    const e = spans.end[k] ?? 0;
    const last = lastInstantText.get(k);
    if (last !== undefined && e - s === last.length && buf.startsWith(last, s)) return lastInstant.get(k);
    const v = text(buf, k);
    if (v === undefined) {
      report({
        code: 'missing-value',
        message: `${name} is empty`,
        hint: `every row needs a ${name}, e.g. 2024-09-01T00:00:00Z`,
        line,
        column: columnOf(recordStart, k),
        field: name,
      });
      return undefined;
    }
    let ms = instants.get(v);
    if (ms === undefined) {
      ms = parseInstant(v);
      if (ms === undefined) {
        report({
          code: 'bad-date',
          message: `${name} "${v}" is not a date-time`,
          hint: 'write ISO 8601 in UTC, e.g. 2024-09-01T00:00:00Z or 2024-09-01 00:00:00',
          line,
          column: columnOf(recordStart, k),
          field: name,
        });
        return undefined;
      }
      instants.set(v, ms);
    }
    lastInstantText.set(k, v);
    lastInstant.set(k, ms);
    return ms;
  };

  const header = (buf: string): boolean => {
    const names: string[] = [];
    for (let k = 0; k < spans.count; k++) names.push((text(buf, k) ?? '').trim());
    if (names.length === 1 && names[0] === '') return false;
    const seen = new Set<string>();
    for (const [k, name] of names.entries()) {
      if (seen.has(name))
        report({
          code: 'duplicate-column',
          message: `the column ${name} appears twice`,
          hint: 'keep one of them',
          line,
          column: (spans.start[k] ?? 0) + 1,
          field: name,
        });
      seen.add(name);
    }
    const missing = FOCUS_MANDATORY_COLUMNS.filter((c) => !seen.has(c));
    if (missing.length > 0) {
      const lower = new Map(names.map((n) => [n.toLowerCase(), n]));
      const hints = missing
        .map((m) => {
          const other = lower.get(m.toLowerCase());
          if (other) return `rename ${other} to ${m} (FOCUS names are case-sensitive)`;
          const renamed = Object.entries(RENAMED_COLUMNS).find(([from, to]) => seen.has(from) && to.startsWith(m));
          return renamed ? `${renamed[0]} → ${renamed[1]}` : undefined;
        })
        .filter((h) => h !== undefined);
      report({
        code: 'missing-columns',
        message: `the header lacks ${missing.length} mandatory FOCUS column${missing.length === 1 ? '' : 's'}: ${missing.join(', ')}`,
        hint: `${hints.length > 0 ? `${hints.join('; ')}. ` : ''}Export the bill as FOCUS 1.0 or later (AWS Data Exports "FOCUS 1.0", Azure Cost Management "FOCUS cost", Google BigQuery FOCUS view); every mandatory column must be in the header even when its cells are NULL`,
        line,
        column: 1,
      });
    }
    if (problems.length > 0) {
      fatal = true;
      return true;
    }
    layout = layoutOf(names);
    return true;
  };

  const lastText: Array<string | undefined> = [];
  // The last good Tags cell as raw text (before unquoting) and its code; −1 = none.
  let lastTagRaw = '';
  let lastTagQuoting = 0;
  let lastTagCode = -1;
  const lastCode: number[] = [];
  const record = (buf: string, recordStart: number, l: Layout): void => {
    if (spans.count === 1 && (spans.end[0] ?? 0) <= (spans.start[0] ?? 0)) return; // blank line
    if (spans.count !== l.count) {
      report({
        code: 'bad-row',
        message: `the row has ${spans.count} field${spans.count === 1 ? '' : 's'}, the header ${l.count}`,
        hint: 'quote cells that hold commas or line breaks ("a, b"), and double quotes inside them ("")',
        line,
        column: 1,
      });
      return;
    }
    const r = builder.addRow();
    const before = problems.length + dropped;
    const start = instant(buf, l.chargeStart, recordStart, 'ChargePeriodStart');
    const end = instant(buf, l.chargeEnd, recordStart, 'ChargePeriodEnd');
    const billing = instant(buf, l.billingStart, recordStart, 'BillingPeriodStart');
    if (start !== undefined && end !== undefined && end < start) {
      report({
        code: 'bad-date',
        message: `ChargePeriodEnd ${text(buf, l.chargeEnd)} is before ChargePeriodStart ${text(buf, l.chargeStart)}`,
        hint: 'a charge period ends at or after its start',
        line,
        column: columnOf(recordStart, l.chargeEnd),
        field: 'ChargePeriodEnd',
      });
    }
    if (start !== undefined && billing !== undefined) {
      const day = dayOfInstant(start);
      builder.setDay(r, day, dayOfInstant(billing));
      if (day < firstDay) firstDay = day;
      if (day > lastDay) lastDay = day;
    }
    for (const [column, k, required] of l.numbers) {
      if (k < 0) continue;
      const v = text(buf, k);
      const name = l.names[k] ?? column;
      if (v === undefined) {
        if (required)
          report({
            code: 'missing-value',
            message: `${name} is empty`,
            hint: `write 0 when nothing was charged; ${name} is never NULL in FOCUS`,
            line,
            column: columnOf(recordStart, k),
            field: name,
          });
        continue;
      }
      const n = parseDecimal(v);
      if (n === undefined) {
        report({
          code: 'bad-number',
          message: `${name} "${v}" is not a number`,
          hint: 'write a plain decimal such as 12.5 or -3.20 (a credit), without a currency sign or thousands separator',
          line,
          column: columnOf(recordStart, k),
          field: name,
        });
        continue;
      }
      builder.setNumber(column, r, n);
    }
    for (let j = 0; j < l.dicts.length; j++) {
      const d = l.dicts[j];
      if (!d) continue;
      const k = d[1];
      // Runs of one value (account, currency, region) are common: compare in place before slicing.
      const s = spans.start[k] ?? 0;
      const e = spans.end[k] ?? 0;
      const last = lastText[j];
      if (last !== undefined && e - s === last.length && (spans.quoting[k] ?? 0) < 2 && buf.startsWith(last, s)) {
        builder.setCode(d[0], r, lastCode[j] ?? -1);
        continue;
      }
      const v = text(buf, k);
      const code = builder.code(d[0], v);
      lastText[j] = v;
      lastCode[j] = code;
      builder.setCode(d[0], r, code);
    }
    if (l.tags >= 0) {
      // Rows of one resource come together: the same Tags text as the row before needs no lookup.
      const ts = spans.start[l.tags] ?? 0;
      const te = spans.end[l.tags] ?? 0;
      if (
        lastTagCode >= 0 &&
        te - ts === lastTagRaw.length &&
        (spans.quoting[l.tags] ?? 0) === lastTagQuoting &&
        buf.startsWith(lastTagRaw, ts)
      ) {
        builder.setTags(r, lastTagCode);
        if (problems.length + dropped > before) builder.dropRow();
        return;
      }
      const v = text(buf, l.tags);
      if (v !== undefined) {
        let code = tagCodes.get(v);
        if (code === undefined) {
          const parsed = parseTags(v);
          if (!parsed.ok) {
            report({
              code: 'bad-tags',
              message: `Tags ${parsed.error}: ${v.length > 60 ? `${v.slice(0, 60)}…` : v}`,
              hint: 'write a JSON object, e.g. {"team": "payments", "env": "prod"}, quoted as one CSV cell with inner quotes doubled',
              line,
              column: columnOf(recordStart, l.tags),
              field: 'Tags',
            });
          } else {
            const set = parsed.value;
            code = builder.tagCode(canonicalTagKey(set), () => set);
            tagCodes.set(v, code);
          }
        }
        if (code !== undefined) {
          builder.setTags(r, code);
          // Only a good cell is remembered: a repeated bad one is reported on each row.
          lastTagRaw = buf.slice(ts, te);
          lastTagQuoting = spans.quoting[l.tags] ?? 0;
          lastTagCode = code;
        }
      }
    }
    if (problems.length + dropped > before) builder.dropRow();
  };

  /** Reads the complete records of `buf` from `pos` that start before `limit`; returns where the unread rest starts. */
  const consume = (buf: string, from: number, final: boolean, limit = buf.length): number => {
    let pos = from;
    while (pos < limit && !fatal && problems.length < MAX_PROBLEMS) {
      const end = scanRecord(buf, pos, final, spans);
      if (end === -1) break;
      if (end === -2) {
        report({
          code: 'bad-row',
          message: 'a quoted cell is not closed, or has text after its closing quote',
          hint: 'close the quote, and double any quote inside a quoted cell ("")',
          line,
          column: (spans.start[spans.count] ?? pos) - pos + 1,
        });
        fatal = true;
        break;
      }
      if (!headerDone) headerDone = header(buf);
      else if (layout) record(buf, pos, layout);
      line += 1 + spans.newlines;
      pos = end;
    }
    return pos;
  };

  let carry = '';
  let first = true;
  for await (const chunk of chunks) {
    let t = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    bytes += typeof chunk === 'string' ? chunk.length : chunk.byteLength;
    if (first && t.length > 0) {
      if (t.charCodeAt(0) === 0xfeff) t = t.slice(1);
      first = false;
    }
    // Only the record cut by the chunk boundary is read from the joined text; the rest of the chunk
    // is scanned as the decoder gave it, a flat string (a joined one is ~50 % slower to scan).
    let from = 0;
    let complete = true;
    if (carry.length > 0) {
      const joined = carry + t;
      const pos = consume(joined, 0, false, carry.length);
      if (pos < carry.length) {
        carry = joined.slice(pos);
        complete = false;
      } else from = pos - carry.length;
    }
    if (complete) {
      const pos = consume(t, from, false);
      carry = t.slice(pos);
    }
    options.onProgress?.({ rows: builder.length, bytes });
    if (fatal || problems.length >= MAX_PROBLEMS) break;
  }
  if (!fatal && problems.length < MAX_PROBLEMS) {
    const rest = carry + decoder.decode();
    if (rest.length > 0) consume(rest, 0, true);
    options.onProgress?.({ rows: builder.length, bytes });
  }

  if (!headerDone && problems.length === 0) {
    return err([
      { code: 'empty', message: 'the file is empty', hint: 'export the bill as FOCUS CSV with its header row', file, line: 1, column: 1 },
    ]);
  }
  if (problems.length > 0) {
    if (dropped > 0 || problems.length >= MAX_PROBLEMS) {
      problems.push({
        code: 'bad-row',
        message: `reading stopped after ${MAX_PROBLEMS} problems`,
        hint: 'fix these and read again',
        file,
        line,
        column: 1,
      });
    }
    return err(problems);
  }
  const table = builder.build();
  return ok({
    table,
    columns: layout?.names ?? [],
    bytes,
    ...(table.length > 0 ? { firstDay, lastDay } : {}),
  });
}

/** The same over text in memory (an upload). */
export function readFocusText(csv: string, file: string): Promise<Result<FocusImport, FocusProblem[]>> {
  return readFocus([csv], { file });
}
