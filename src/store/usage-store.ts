import type { ProgramId } from '../domain/ids.js';
import type { UsageSeries } from '../formats/usage-csv/read-usage-csv.js';
import { base64ToFloat64, float64ToBase64 } from './float64-base64.js';
import type { SqlClient } from './sql-client.js';

export type UsageSource = 'csv' | 'prometheus';

/** What is stored about a resource's usage history, without the samples: cheap to list. */
export interface UsageDataInfo {
  readonly resource: string;
  readonly source: UsageSource;
  readonly samples: number;
  /** First and last sample, ms since the epoch; null when the series is empty. */
  readonly fromMs: number | null;
  readonly toMs: number | null;
  readonly actor: string;
  readonly updatedAt: Date;
}

export interface StoredUsage extends UsageDataInfo {
  readonly series: UsageSeries;
}

export interface UsageWrite {
  readonly series: UsageSeries;
  readonly source: UsageSource;
  readonly actor: string;
  readonly updatedAt: Date;
}

export interface UsageStore {
  /** Replaces the resource's history. False when the program has no such capacity resource (nothing is written). */
  write(program: ProgramId, resource: string, data: UsageWrite): Promise<boolean>;
  read(program: ProgramId, resource: string): Promise<StoredUsage | undefined>;
  /** Every resource of the program with its history. */
  readAll(program: ProgramId): Promise<StoredUsage[]>;
  /** Every resource of the program that has history, without the samples. */
  list(program: ProgramId): Promise<UsageDataInfo[]>;
  /** False when there was nothing to delete. */
  clear(program: ProgramId, resource: string): Promise<boolean>;
}

interface InfoRow {
  resource_id: string;
  source: UsageSource;
  samples: number;
  from_ms: number | null;
  to_ms: number | null;
  actor: string;
  at_ms: number;
}

const INFO_COLUMNS = `resource_id, source, samples::int AS samples, from_ms, to_ms, actor, (extract(epoch FROM updated_at) * 1000)::float8 AS at_ms`;
const SERIES_COLUMNS = `encode(timestamps, 'base64') AS timestamps, encode(vals, 'base64') AS vals`;

const info = (r: InfoRow): UsageDataInfo => ({
  resource: r.resource_id,
  source: r.source,
  samples: Number(r.samples),
  fromMs: r.from_ms === null ? null : Number(r.from_ms),
  toMs: r.to_ms === null ? null : Number(r.to_ms),
  actor: r.actor,
  updatedAt: new Date(Number(r.at_ms)),
});

const stored = (r: InfoRow & { timestamps: string; vals: string }): StoredUsage => ({
  ...info(r),
  series: { timestamps: base64ToFloat64(r.timestamps), values: base64ToFloat64(r.vals) },
});

export function usageStore(db: SqlClient): UsageStore {
  return {
    async write(program, resource, data) {
      const s = data.series;
      const n = s.timestamps.length;
      // INSERT … SELECT from capacity_resources: no row is written for a resource the program does not have.
      const rows = await db.query(
        `INSERT INTO usage_series (program_id, resource_id, source, samples, from_ms, to_ms, timestamps, vals, actor, updated_at)
         SELECT program_id, id, $3, $4, $5, $6, decode($7, 'base64'), decode($8, 'base64'), $9, to_timestamp($10 / 1000.0)
           FROM capacity_resources WHERE program_id = $1 AND id = $2
         ON CONFLICT (program_id, resource_id) DO UPDATE SET source = excluded.source, samples = excluded.samples,
           from_ms = excluded.from_ms, to_ms = excluded.to_ms, timestamps = excluded.timestamps, vals = excluded.vals,
           actor = excluded.actor, updated_at = excluded.updated_at
         RETURNING resource_id`,
        [
          program,
          resource,
          data.source,
          n,
          n === 0 ? null : s.timestamps[0],
          n === 0 ? null : s.timestamps[n - 1],
          float64ToBase64(s.timestamps),
          float64ToBase64(s.values),
          data.actor,
          data.updatedAt.getTime(),
        ],
      );
      return rows.length === 1;
    },
    async read(program, resource) {
      const [row] = await db.query<InfoRow & { timestamps: string; vals: string }>(
        `SELECT ${INFO_COLUMNS}, ${SERIES_COLUMNS} FROM usage_series WHERE program_id = $1 AND resource_id = $2`,
        [program, resource],
      );
      return row ? stored(row) : undefined;
    },
    async readAll(program) {
      const rows = await db.query<InfoRow & { timestamps: string; vals: string }>(
        `SELECT ${INFO_COLUMNS}, ${SERIES_COLUMNS} FROM usage_series WHERE program_id = $1 ORDER BY resource_id`,
        [program],
      );
      return rows.map(stored);
    },
    async list(program) {
      const rows = await db.query<InfoRow>(`SELECT ${INFO_COLUMNS} FROM usage_series WHERE program_id = $1 ORDER BY resource_id`, [
        program,
      ]);
      return rows.map(info);
    },
    async clear(program, resource) {
      return (
        (await db.query('DELETE FROM usage_series WHERE program_id = $1 AND resource_id = $2 RETURNING resource_id', [program, resource]))
          .length === 1
      );
    },
  };
}
