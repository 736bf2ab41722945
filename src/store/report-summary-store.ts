import type { ProgramId } from '../domain/ids.js';
import type { SqlClient } from './sql-client.js';

/** A TPM's executive summary of a program's status report, with who wrote it and when. */
export interface ReportSummary {
  readonly text: string;
  readonly actor: string;
  readonly updatedAt: Date;
}

export interface ReportSummaryStore {
  read(program: ProgramId): Promise<ReportSummary | undefined>;
  /** Keeps the summary, replacing the last one. */
  write(program: ProgramId, summary: ReportSummary): Promise<void>;
  /** Goes back to the computed summary; false when none was written. */
  clear(program: ProgramId): Promise<boolean>;
}

export function reportSummaryStore(db: SqlClient): ReportSummaryStore {
  return {
    async read(program) {
      const [row] = await db.query<{ text: string; actor: string; at_ms: number }>(
        `SELECT text, actor, (extract(epoch FROM updated_at) * 1000)::float8 AS at_ms FROM report_summaries WHERE program_id = $1`,
        [program],
      );
      return row ? { text: row.text, actor: row.actor, updatedAt: new Date(row.at_ms) } : undefined;
    },
    async write(program, s) {
      await db.query(
        `INSERT INTO report_summaries (program_id, text, actor, updated_at) VALUES ($1, $2, $3, to_timestamp($4 / 1000.0))
         ON CONFLICT (program_id) DO UPDATE SET text = excluded.text, actor = excluded.actor, updated_at = excluded.updated_at`,
        [program, s.text, s.actor, s.updatedAt.getTime()],
      );
    },
    async clear(program) {
      return (await db.query('DELETE FROM report_summaries WHERE program_id = $1 RETURNING program_id', [program])).length === 1;
    },
  };
}
