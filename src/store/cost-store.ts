import { endianness } from 'node:os';
import type { ProgramId } from '../domain/ids.js';
import { isoOfDay } from '../engine/cost/cost-days.js';
import {
  type CostTable,
  compactCostTable,
  concatCostTables,
  DICT_COLUMNS,
  type DictColumnName,
  filterCostTable,
  NUMBER_COLUMNS,
  type TagSet,
} from '../engine/cost/cost-table.js';
import type { InventoryResource } from '../engine/cost/waste.js';
import type { SqlClient } from './sql-client.js';

/** What is stored of one billing period, without its rows. */
export interface CostPeriodInfo {
  /** BillingPeriodStart, ISO date. */
  readonly billingPeriod: string;
  readonly rows: number;
  readonly firstDay: string | null;
  readonly lastDay: string | null;
  readonly billed: number;
  readonly effective: number;
  readonly file: string;
  readonly actor: string;
  readonly updatedAt: Date;
}

export interface CostWriteMeta {
  readonly file: string;
  readonly actor: string;
  readonly updatedAt: Date;
}

export interface StoredInventory {
  readonly resources: InventoryResource[];
  readonly file: string;
  readonly actor: string;
  readonly updatedAt: Date;
}

export interface CostStore {
  /**
   * Stores the rows by billing period: each period in the import replaces the stored one, other
   * periods stay (a monthly export adds its month; a re-export of a month corrects it). Atomic.
   * Undefined when there is no such program.
   */
  importPeriods(program: ProgramId, table: CostTable, meta: CostWriteMeta): Promise<{ periods: string[]; replaced: string[] } | undefined>;
  /** Every stored period's rows as one table; undefined when there are none. */
  read(program: ProgramId): Promise<CostTable | undefined>;
  list(program: ProgramId): Promise<CostPeriodInfo[]>;
  /** Removes every period; the count removed. */
  clear(program: ProgramId): Promise<number>;
  /** Replaces the program's resource inventory. False when there is no such program. */
  writeInventory(program: ProgramId, resources: readonly InventoryResource[], meta: CostWriteMeta): Promise<boolean>;
  readInventory(program: ProgramId): Promise<StoredInventory | undefined>;
}

// Typed arrays are stored as the machine's bytes; every supported platform is little-endian, and
// the layout says so. A big-endian machine would need byte swaps here (a bug to fix, not an input).
if (endianness() !== 'LE') throw new Error('cost-store: arrays are stored little-endian; this machine is big-endian');

/** Byte layout of a period: day, billingPeriod (int32), the number columns (float64), dictionary codes, tag codes (int32). */
function encodeArrays(t: CostTable): string {
  const n = t.length;
  const parts: Uint8Array[] = [
    t.day,
    t.billingPeriod,
    ...NUMBER_COLUMNS.map((c) => t[c]),
    ...DICT_COLUMNS.map((c) => t[c].codes),
    t.tags.codes,
  ].map((a) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  const out = Buffer.allocUnsafe(n * (4 * (3 + DICT_COLUMNS.length) + 8 * NUMBER_COLUMNS.length));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out.toString('base64');
}

interface Dicts extends Record<DictColumnName, string[]> {
  readonly tags: TagSet[];
}

function decodeTable(base64: string, n: number, dicts: Dicts): CostTable {
  const bytes = Buffer.from(base64, 'base64');
  let at = 0;
  // Copies into fresh buffers: typed-array views need aligned offsets, Buffer's pool gives none.
  const take = <T extends Int32Array | Float64Array>(make: (b: ArrayBuffer) => T, width: number): T => {
    const b = new ArrayBuffer(n * width);
    new Uint8Array(b).set(bytes.subarray(at, at + n * width));
    at += n * width;
    return make(b);
  };
  const i32 = () => take((b) => new Int32Array(b), 4);
  const f64 = () => take((b) => new Float64Array(b), 8);
  const day = i32();
  const billingPeriod = i32();
  const [billed, effective, list, consumed] = [f64(), f64(), f64(), f64()];
  const codes = Object.fromEntries(DICT_COLUMNS.map((c) => [c, { codes: i32(), values: dicts[c] ?? [] }])) as Record<
    DictColumnName,
    { codes: Int32Array; values: string[] }
  >;
  return { length: n, day, billingPeriod, billed, effective, list, consumed, ...codes, tags: { codes: i32(), values: dicts.tags ?? [] } };
}

interface InfoRow {
  billing_period: string;
  row_count: number;
  first_day: string | null;
  last_day: string | null;
  billed_total: number;
  effective_total: number;
  file: string;
  actor: string;
  at_ms: number;
}
const INFO = `to_char(billing_period, 'YYYY-MM-DD') AS billing_period, row_count::int AS row_count, to_char(first_day, 'YYYY-MM-DD') AS first_day,
  to_char(last_day, 'YYYY-MM-DD') AS last_day, billed_total, effective_total, file, actor, (extract(epoch FROM updated_at) * 1000)::float8 AS at_ms`;
const info = (r: InfoRow): CostPeriodInfo => ({
  billingPeriod: r.billing_period,
  rows: Number(r.row_count),
  firstDay: r.first_day,
  lastDay: r.last_day,
  billed: Number(r.billed_total),
  effective: Number(r.effective_total),
  file: r.file,
  actor: r.actor,
  updatedAt: new Date(Number(r.at_ms)),
});

export function costStore(db: SqlClient): CostStore {
  return {
    importPeriods: (program, table, meta) =>
      db.transaction(async (tx) => {
        const [exists] = await tx.query('SELECT id FROM programs WHERE id = $1 FOR UPDATE', [program]);
        if (!exists) return undefined;
        const periods = [...new Set(table.billingPeriod)].sort((a, b) => a - b);
        const replaced = await tx.query<{ billing_period: string }>(
          `DELETE FROM cost_periods WHERE program_id = $1 AND billing_period = ANY($2::date[]) RETURNING to_char(billing_period, 'YYYY-MM-DD') AS billing_period`,
          [program, periods.map(isoOfDay)],
        );
        for (const period of periods) {
          const part = compactCostTable(periods.length === 1 ? table : filterCostTable(table, (r) => table.billingPeriod[r] === period));
          let first = Number.POSITIVE_INFINITY;
          let last = Number.NEGATIVE_INFINITY;
          let billed = 0;
          let effective = 0;
          for (let r = 0; r < part.length; r++) {
            const d = part.day[r] ?? 0;
            if (d < first) first = d;
            if (d > last) last = d;
            billed += part.billed[r] ?? 0;
            effective += part.effective[r] ?? 0;
          }
          const dicts = { ...Object.fromEntries(DICT_COLUMNS.map((c) => [c, part[c].values])), tags: part.tags.values };
          await tx.query(
            `INSERT INTO cost_periods (program_id, billing_period, row_count, first_day, last_day, billed_total, effective_total, arrays, dicts, file, actor, updated_at)
             VALUES ($1, $2::date, $3, $4::date, $5::date, $6, $7, decode($8, 'base64'), $9::jsonb, $10, $11, to_timestamp($12 / 1000.0))`,
            [
              program,
              isoOfDay(period),
              part.length,
              part.length > 0 ? isoOfDay(first) : null,
              part.length > 0 ? isoOfDay(last) : null,
              billed,
              effective,
              encodeArrays(part),
              JSON.stringify(dicts),
              meta.file,
              meta.actor,
              meta.updatedAt.getTime(),
            ],
          );
        }
        return { periods: periods.map(isoOfDay), replaced: replaced.map((r) => r.billing_period).sort() };
      }),
    async read(program) {
      const rows = await db.query<{ row_count: number; arrays: string; dicts: Dicts | string }>(
        `SELECT row_count::int AS row_count, encode(arrays, 'base64') AS arrays, dicts FROM cost_periods WHERE program_id = $1 ORDER BY billing_period`,
        [program],
      );
      if (rows.length === 0) return undefined;
      return concatCostTables(
        rows.map((r) => decodeTable(r.arrays, Number(r.row_count), typeof r.dicts === 'string' ? (JSON.parse(r.dicts) as Dicts) : r.dicts)),
      );
    },
    async list(program) {
      return (await db.query<InfoRow>(`SELECT ${INFO} FROM cost_periods WHERE program_id = $1 ORDER BY billing_period`, [program])).map(
        info,
      );
    },
    async clear(program) {
      return (await db.query('DELETE FROM cost_periods WHERE program_id = $1 RETURNING billing_period', [program])).length;
    },
    async writeInventory(program, resources, meta) {
      const rows = await db.query(
        `INSERT INTO cost_inventory (program_id, resources, file, actor, updated_at)
         SELECT id, $2::jsonb, $3, $4, to_timestamp($5 / 1000.0) FROM programs WHERE id = $1
         ON CONFLICT (program_id) DO UPDATE SET resources = excluded.resources, file = excluded.file, actor = excluded.actor, updated_at = excluded.updated_at
         RETURNING program_id`,
        [program, JSON.stringify(resources), meta.file, meta.actor, meta.updatedAt.getTime()],
      );
      return rows.length === 1;
    },
    async readInventory(program) {
      const [row] = await db.query<{ resources: InventoryResource[] | string; file: string; actor: string; at_ms: number }>(
        `SELECT resources, file, actor, (extract(epoch FROM updated_at) * 1000)::float8 AS at_ms FROM cost_inventory WHERE program_id = $1`,
        [program],
      );
      if (!row) return undefined;
      const resources = typeof row.resources === 'string' ? (JSON.parse(row.resources) as InventoryResource[]) : row.resources;
      return { resources, file: row.file, actor: row.actor, updatedAt: new Date(Number(row.at_ms)) };
    },
  };
}
