import type { ProgramId } from '../domain/ids.js';
import type { SloId } from '../domain/program-slo.js';
import type { SliSeries } from '../formats/sli-csv/read-sli-csv.js';
import { base64ToFloat64, float64ToBase64 } from './float64-base64.js';
import type { SqlClient } from './sql-client.js';

export type SliSource = 'csv' | 'prometheus';

/** What is stored about an SLO's data, without the samples: cheap to list. */
export interface SliDataInfo {
  readonly slo: SloId;
  readonly kind: SliSeries['kind'];
  readonly source: SliSource;
  readonly samples: number;
  /** First and last sample, ms since the epoch; null when the series is empty. */
  readonly fromMs: number | null;
  readonly toMs: number | null;
  readonly actor: string;
  readonly updatedAt: Date;
}

export interface StoredSli extends SliDataInfo {
  readonly series: SliSeries;
}

export interface SliWrite {
  readonly series: SliSeries;
  readonly source: SliSource;
  readonly actor: string;
  readonly updatedAt: Date;
}

export interface SliStore {
  /** Replaces the SLO's samples. False when the program has no such SLO (nothing is written). */
  write(program: ProgramId, slo: SloId, data: SliWrite): Promise<boolean>;
  read(program: ProgramId, slo: SloId): Promise<StoredSli | undefined>;
  /** Every SLO of the program that has data, without the samples. */
  list(program: ProgramId): Promise<SliDataInfo[]>;
  /** False when there was nothing to delete. */
  clear(program: ProgramId, slo: SloId): Promise<boolean>;
}

interface InfoRow {
  slo_id: string;
  kind: SliSeries['kind'];
  source: SliSource;
  samples: number;
  from_ms: number | null;
  to_ms: number | null;
  actor: string;
  at_ms: number;
}

const INFO_COLUMNS = `slo_id, kind, source, samples::int AS samples, from_ms, to_ms, actor, (extract(epoch FROM updated_at) * 1000)::float8 AS at_ms`;

const info = (r: InfoRow): SliDataInfo => ({
  slo: r.slo_id as SloId,
  kind: r.kind,
  source: r.source,
  samples: Number(r.samples),
  fromMs: r.from_ms === null ? null : Number(r.from_ms),
  toMs: r.to_ms === null ? null : Number(r.to_ms),
  actor: r.actor,
  updatedAt: new Date(Number(r.at_ms)),
});

export function sliStore(db: SqlClient): SliStore {
  return {
    async write(program, slo, data) {
      const s = data.series;
      const n = s.timestamps.length;
      const a = s.kind === 'ratio' ? s.good : s.values;
      const b = s.kind === 'ratio' ? float64ToBase64(s.total) : null;
      // INSERT … SELECT from slos: no row is written for an SLO the program does not have.
      const rows = await db.query(
        `INSERT INTO sli_series (program_id, slo_id, kind, source, samples, from_ms, to_ms, timestamps, a, b, actor, updated_at)
         SELECT program_id, id, $3, $4, $5, $6, $7, decode($8, 'base64'), decode($9, 'base64'), decode($10, 'base64'), $11, to_timestamp($12 / 1000.0) FROM slos WHERE program_id = $1 AND id = $2
         ON CONFLICT (program_id, slo_id) DO UPDATE SET kind = excluded.kind, source = excluded.source, samples = excluded.samples,
           from_ms = excluded.from_ms, to_ms = excluded.to_ms, timestamps = excluded.timestamps, a = excluded.a, b = excluded.b,
           actor = excluded.actor, updated_at = excluded.updated_at
         RETURNING slo_id`,
        [
          program,
          slo,
          s.kind,
          data.source,
          n,
          n === 0 ? null : s.timestamps[0],
          n === 0 ? null : s.timestamps[n - 1],
          float64ToBase64(s.timestamps),
          float64ToBase64(a),
          b,
          data.actor,
          data.updatedAt.getTime(),
        ],
      );
      return rows.length === 1;
    },
    async read(program, slo) {
      const [row] = await db.query<InfoRow & { timestamps: string; a: string; b: string | null }>(
        `SELECT ${INFO_COLUMNS}, encode(timestamps, 'base64') AS timestamps, encode(a, 'base64') AS a, encode(b, 'base64') AS b FROM sli_series WHERE program_id = $1 AND slo_id = $2`,
        [program, slo],
      );
      if (!row) return undefined;
      const timestamps = base64ToFloat64(row.timestamps);
      const a = base64ToFloat64(row.a);
      const series: SliSeries =
        row.kind === 'ratio'
          ? { kind: 'ratio', timestamps, good: a, total: row.b ? base64ToFloat64(row.b) : new Float64Array(timestamps.length) }
          : { kind: 'threshold', timestamps, values: a };
      return { ...info(row), series };
    },
    async list(program) {
      const rows = await db.query<InfoRow>(`SELECT ${INFO_COLUMNS} FROM sli_series WHERE program_id = $1 ORDER BY slo_id`, [program]);
      return rows.map(info);
    },
    async clear(program, slo) {
      return (await db.query('DELETE FROM sli_series WHERE program_id = $1 AND slo_id = $2 RETURNING slo_id', [program, slo])).length === 1;
    },
  };
}
