/**
 * Cloud cost rows in a compact columnar form: one typed array per column, all of `length` rows.
 * String columns are dictionary-encoded (code −1 = the cell was NULL or empty), so a million rows
 * of a FOCUS export take ~100 bytes each instead of the ~750 of the CSV.
 */
export interface DictColumn {
  readonly codes: Int32Array;
  /** Code → text; codes index into it. */
  readonly values: readonly string[];
}

/** Tag key → value, as in the FOCUS `Tags` object (values made text). */
export type TagSet = Readonly<Record<string, string>>;

export interface CostTable {
  readonly length: number;
  /** ChargePeriodStart as whole days since 1970-01-01 UTC: a row counts on the day its charge period starts. */
  readonly day: Int32Array;
  /** BillingPeriodStart as days since 1970-01-01 UTC: the invoice month the row belongs to. */
  readonly billingPeriod: Int32Array;
  /** In the billing currency; credits and refunds are negative. */
  readonly billed: Float64Array;
  readonly effective: Float64Array;
  /** NaN where the cell was NULL. */
  readonly list: Float64Array;
  /** NaN where the cell was NULL. */
  readonly consumed: Float64Array;
  readonly provider: DictColumn;
  readonly serviceName: DictColumn;
  readonly serviceCategory: DictColumn;
  readonly chargeCategory: DictColumn;
  readonly subAccountId: DictColumn;
  readonly subAccountName: DictColumn;
  readonly resourceId: DictColumn;
  readonly resourceType: DictColumn;
  readonly region: DictColumn;
  readonly currency: DictColumn;
  /** Codes index `tags.values`, the distinct tag sets; −1 = no Tags cell. */
  readonly tags: { readonly codes: Int32Array; readonly values: readonly TagSet[] };
}

export const DICT_COLUMNS = [
  'provider',
  'serviceName',
  'serviceCategory',
  'chargeCategory',
  'subAccountId',
  'subAccountName',
  'resourceId',
  'resourceType',
  'region',
  'currency',
] as const;
export type DictColumnName = (typeof DICT_COLUMNS)[number];

export const NUMBER_COLUMNS = ['billed', 'effective', 'list', 'consumed'] as const;
export type NumberColumnName = (typeof NUMBER_COLUMNS)[number];

/** Text of a dictionary cell, or undefined for NULL. */
export function cell(column: DictColumn, row: number): string | undefined {
  const code = column.codes[row] ?? -1;
  return code < 0 ? undefined : column.values[code];
}

/** Appends rows into growing typed arrays; `build()` trims them to the row count. */
export class CostTableBuilder {
  private capacity: number;
  private n = 0;
  private day: Int32Array;
  private billingPeriod: Int32Array;
  private numbers: Record<NumberColumnName, Float64Array>;
  private codes: Record<DictColumnName, Int32Array>;
  private tagCodes: Int32Array;
  private readonly dicts = new Map<DictColumnName, { index: Map<string, number>; values: string[] }>();
  private readonly tagIndex = new Map<string, number>();
  private readonly tagValues: TagSet[] = [];

  constructor(initialCapacity = 4096) {
    this.capacity = Math.max(16, initialCapacity);
    this.day = new Int32Array(this.capacity);
    this.billingPeriod = new Int32Array(this.capacity);
    this.numbers = {
      billed: new Float64Array(this.capacity),
      effective: new Float64Array(this.capacity),
      list: new Float64Array(this.capacity),
      consumed: new Float64Array(this.capacity),
    };
    this.codes = Object.fromEntries(DICT_COLUMNS.map((c) => [c, new Int32Array(this.capacity)])) as Record<DictColumnName, Int32Array>;
    this.tagCodes = new Int32Array(this.capacity);
    for (const c of DICT_COLUMNS) this.dicts.set(c, { index: new Map(), values: [] });
  }

  get length(): number {
    return this.n;
  }

  /** Code of a text in a column's dictionary, adding it; undefined/'' → −1. */
  code(column: DictColumnName, text: string | undefined): number {
    if (text === undefined || text === '') return -1;
    const dict = this.dicts.get(column);
    if (!dict) throw new Error(`no dictionary ${column}`);
    let code = dict.index.get(text);
    if (code === undefined) {
      code = dict.values.length;
      dict.values.push(text);
      dict.index.set(text, code);
    }
    return code;
  }

  /** Code of a tag set under a key (its JSON text as read, for speed); `make` parses it the first time only. */
  tagCode(key: string, make: () => TagSet): number {
    let code = this.tagIndex.get(key);
    if (code === undefined) {
      code = this.tagValues.length;
      this.tagValues.push(make());
      this.tagIndex.set(key, code);
    }
    return code;
  }

  /** Starts a row; returns its index. Every column starts as NULL/0. */
  addRow(): number {
    if (this.n === this.capacity) this.grow();
    const r = this.n++;
    this.numbers.list[r] = Number.NaN;
    this.numbers.consumed[r] = Number.NaN;
    for (const c of DICT_COLUMNS) this.codes[c][r] = -1;
    this.tagCodes[r] = -1;
    return r;
  }

  /** Drops the last row (one that turned out to be bad). */
  dropRow(): void {
    if (this.n > 0) this.n--;
  }

  setDay(r: number, day: number, billingPeriod: number): void {
    this.day[r] = day;
    this.billingPeriod[r] = billingPeriod;
  }

  setNumber(column: NumberColumnName, r: number, value: number): void {
    this.numbers[column][r] = value;
  }

  setCode(column: DictColumnName, r: number, code: number): void {
    this.codes[column][r] = code;
  }

  setTags(r: number, code: number): void {
    this.tagCodes[r] = code;
  }

  build(): CostTable {
    const n = this.n;
    const dict = (c: DictColumnName): DictColumn => ({ codes: this.codes[c].slice(0, n), values: this.dicts.get(c)?.values ?? [] });
    return {
      length: n,
      day: this.day.slice(0, n),
      billingPeriod: this.billingPeriod.slice(0, n),
      billed: this.numbers.billed.slice(0, n),
      effective: this.numbers.effective.slice(0, n),
      list: this.numbers.list.slice(0, n),
      consumed: this.numbers.consumed.slice(0, n),
      provider: dict('provider'),
      serviceName: dict('serviceName'),
      serviceCategory: dict('serviceCategory'),
      chargeCategory: dict('chargeCategory'),
      subAccountId: dict('subAccountId'),
      subAccountName: dict('subAccountName'),
      resourceId: dict('resourceId'),
      resourceType: dict('resourceType'),
      region: dict('region'),
      currency: dict('currency'),
      tags: { codes: this.tagCodes.slice(0, n), values: this.tagValues },
    };
  }

  private grow(): void {
    const cap = this.capacity * 2;
    const growInt = (a: Int32Array) => {
      const b = new Int32Array(cap);
      b.set(a);
      return b;
    };
    const growFloat = (a: Float64Array) => {
      const b = new Float64Array(cap);
      b.set(a);
      return b;
    };
    this.day = growInt(this.day);
    this.billingPeriod = growInt(this.billingPeriod);
    this.tagCodes = growInt(this.tagCodes);
    for (const c of ['billed', 'effective', 'list', 'consumed'] as const) this.numbers[c] = growFloat(this.numbers[c]);
    for (const c of DICT_COLUMNS) this.codes[c] = growInt(this.codes[c]);
    this.capacity = cap;
  }
}

/** Rows of several tables as one, dictionaries merged (used to join stored billing periods). */
export function concatCostTables(tables: readonly CostTable[]): CostTable {
  if (tables.length === 1 && tables[0]) return tables[0];
  return rebuild(tables);
}

/** The same rows with dictionaries holding only the values they use (after a filter). */
export function compactCostTable(t: CostTable): CostTable {
  // Old code → new code per column, by typed arrays (no per-row map lookups).
  const compact = <V>(codes: Int32Array, values: readonly V[]): { codes: Int32Array; values: V[] } => {
    const remap = new Int32Array(values.length).fill(-1);
    const kept: V[] = [];
    const out = new Int32Array(codes.length);
    for (let i = 0; i < codes.length; i++) {
      const c = codes[i] ?? -1;
      if (c < 0) {
        out[i] = -1;
        continue;
      }
      let m = remap[c] ?? -1;
      if (m < 0) {
        m = kept.length;
        kept.push(values[c] as V);
        remap[c] = m;
      }
      out[i] = m;
    }
    return { codes: out, values: kept };
  };
  const dicts = Object.fromEntries(DICT_COLUMNS.map((c) => [c, compact(t[c].codes, t[c].values)])) as unknown as Record<
    DictColumnName,
    DictColumn
  >;
  return { ...t, ...dicts, tags: compact(t.tags.codes, t.tags.values) };
}

function rebuild(tables: readonly CostTable[]): CostTable {
  const b = new CostTableBuilder(tables.reduce((s, t) => s + t.length, 0));
  for (const t of tables) {
    const remap = Object.fromEntries(DICT_COLUMNS.map((c) => [c, t[c].values.map((v) => b.code(c, v))])) as Record<
      DictColumnName,
      number[]
    >;
    const tagRemap = t.tags.values.map((set) => b.tagCode(canonicalTagKey(set), () => set));
    for (let i = 0; i < t.length; i++) {
      const r = b.addRow();
      b.setDay(r, t.day[i] ?? 0, t.billingPeriod[i] ?? 0);
      for (const c of NUMBER_COLUMNS) b.setNumber(c, r, t[c][i] ?? Number.NaN);
      for (const c of DICT_COLUMNS) {
        const code = t[c].codes[i] ?? -1;
        b.setCode(c, r, code < 0 ? -1 : (remap[c][code] ?? -1));
      }
      const tc = t.tags.codes[i] ?? -1;
      b.setTags(r, tc < 0 ? -1 : (tagRemap[tc] ?? -1));
    }
  }
  return b.build();
}

/** One text per distinct tag set, whatever the key order it was written in. */
export function canonicalTagKey(set: TagSet): string {
  return JSON.stringify(
    Object.keys(set)
      .sort()
      .map((k) => [k, set[k]]),
  );
}

/** Rows for which `keep(row)` holds, dictionaries shared with the source. */
export function filterCostTable(t: CostTable, keep: (row: number) => boolean): CostTable {
  const idx: number[] = [];
  for (let i = 0; i < t.length; i++) if (keep(i)) idx.push(i);
  const pickI = (a: Int32Array) => Int32Array.from(idx, (i) => a[i] ?? 0);
  const pickF = (a: Float64Array) => Float64Array.from(idx, (i) => a[i] ?? Number.NaN);
  const dict = (d: DictColumn): DictColumn => ({ codes: Int32Array.from(idx, (i) => d.codes[i] ?? -1), values: d.values });
  return {
    length: idx.length,
    day: pickI(t.day),
    billingPeriod: pickI(t.billingPeriod),
    billed: pickF(t.billed),
    effective: pickF(t.effective),
    list: pickF(t.list),
    consumed: pickF(t.consumed),
    provider: dict(t.provider),
    serviceName: dict(t.serviceName),
    serviceCategory: dict(t.serviceCategory),
    chargeCategory: dict(t.chargeCategory),
    subAccountId: dict(t.subAccountId),
    subAccountName: dict(t.subAccountName),
    resourceId: dict(t.resourceId),
    resourceType: dict(t.resourceType),
    region: dict(t.region),
    currency: dict(t.currency),
    tags: { codes: Int32Array.from(idx, (i) => t.tags.codes[i] ?? -1), values: t.tags.values },
  };
}
