import type { ProgramId } from '../domain/ids.js';
import type { ProgramModel } from '../domain/program-model.js';
import type { SqlClient } from './sql-client.js';

/** A baseline's frozen plan: each item's planned start and finish (ISO local date-times). */
export interface BaselinePlan {
  readonly finish: string;
  readonly items: Readonly<Record<string, { start: string; finish: string }>>;
  readonly milestones?: Readonly<Record<string, { p50: string; p80: string }>>;
}

export interface Baseline {
  readonly name: string;
  readonly createdAt: Date;
  readonly actor: string;
  readonly version: number;
  readonly model: ProgramModel;
  readonly plan: BaselinePlan;
}

export interface FindingReview {
  readonly key: string;
  readonly verdict: 'acknowledged' | 'dismissed';
  readonly reason: string;
  readonly actor: string;
  readonly at: Date;
}

/** The figures of one status report, kept so the next one can say what moved. */
export interface StatusSnapshot {
  readonly asOf: string;
  readonly takenAt: Date;
  readonly version: number;
  readonly summary: unknown;
}

export interface StoredScenario {
  readonly name: string;
  readonly createdAt: Date;
  readonly actor: string;
  readonly baseVersion: number;
  /** The scenario as written: { scenario, description?, changes }. */
  readonly body: unknown;
}

export interface InsightStore {
  /** Keeps a scenario; false when one of that name exists. */
  saveScenario(program: ProgramId, scenario: StoredScenario): Promise<boolean>;
  listScenarios(program: ProgramId): Promise<StoredScenario[]>;
  readScenario(program: ProgramId, name: string): Promise<StoredScenario | undefined>;
  /** Throws a scenario away; false when there was none. */
  deleteScenario(program: ProgramId, name: string): Promise<boolean>;
  /** Saves a baseline; false when the program already has one of that name (baselines are never overwritten). */
  saveBaseline(program: ProgramId, baseline: Baseline): Promise<boolean>;
  listBaselines(program: ProgramId): Promise<Omit<Baseline, 'model' | 'plan'>[]>;
  readBaseline(program: ProgramId, name: string): Promise<Baseline | undefined>;
  /** Records (or replaces) the verdict on a detected risk. */
  reviewFinding(program: ProgramId, review: FindingReview): Promise<void>;
  findingReviews(program: ProgramId): Promise<FindingReview[]>;
  /** Keeps a report's figures for its status date, replacing an earlier report of the same date. */
  saveStatusSnapshot(program: ProgramId, snapshot: StatusSnapshot): Promise<void>;
  /** Every snapshot, oldest status date first. */
  statusSnapshots(program: ProgramId): Promise<StatusSnapshot[]>;
}

const ms = (d: Date) => d.getTime();

export function insightStore(db: SqlClient): InsightStore {
  const scenarioRows = async (program: ProgramId, name?: string) => {
    const rows = await db.query<{ name: string; at_ms: number; actor: string; base_version: number; body: unknown }>(
      `SELECT name, (extract(epoch FROM created_at) * 1000)::float8 AS at_ms, actor, base_version::int AS base_version, body
         FROM scenarios WHERE program_id = $1 ${name === undefined ? '' : 'AND name = $2'} ORDER BY created_at, name`,
      name === undefined ? [program] : [program, name],
    );
    return rows.map((r) => ({
      name: r.name,
      createdAt: new Date(r.at_ms),
      actor: r.actor,
      baseVersion: r.base_version,
      body: parsed(r.body),
    }));
  };
  return {
    async saveScenario(program, s) {
      const rows = await db.query(
        `INSERT INTO scenarios (program_id, name, created_at, actor, base_version, body)
         VALUES ($1, $2, to_timestamp($3 / 1000.0), $4, $5, $6)
         ON CONFLICT (program_id, name) DO NOTHING RETURNING name`,
        [program, s.name, ms(s.createdAt), s.actor, s.baseVersion, JSON.stringify(s.body)],
      );
      return rows.length === 1;
    },
    listScenarios: (program) => scenarioRows(program),
    readScenario: async (program, name) => (await scenarioRows(program, name))[0],
    async deleteScenario(program, name) {
      const rows = await db.query('DELETE FROM scenarios WHERE program_id = $1 AND name = $2 RETURNING name', [program, name]);
      return rows.length === 1;
    },
    async saveBaseline(program, b) {
      const rows = await db.query(
        `INSERT INTO baselines (program_id, name, created_at, actor, version, model, plan)
         VALUES ($1, $2, to_timestamp($3 / 1000.0), $4, $5, $6, $7)
         ON CONFLICT (program_id, name) DO NOTHING RETURNING name`,
        [program, b.name, ms(b.createdAt), b.actor, b.version, JSON.stringify(b.model), JSON.stringify(b.plan)],
      );
      return rows.length === 1;
    },
    async listBaselines(program) {
      const rows = await db.query<{ name: string; at_ms: number; actor: string; version: number }>(
        `SELECT name, (extract(epoch FROM created_at) * 1000)::float8 AS at_ms, actor, version::int AS version
           FROM baselines WHERE program_id = $1 ORDER BY created_at, name`,
        [program],
      );
      return rows.map((r) => ({ name: r.name, createdAt: new Date(r.at_ms), actor: r.actor, version: r.version }));
    },
    async readBaseline(program, name) {
      const [r] = await db.query<{ name: string; at_ms: number; actor: string; version: number; model: unknown; plan: unknown }>(
        `SELECT name, (extract(epoch FROM created_at) * 1000)::float8 AS at_ms, actor, version::int AS version, model, plan
           FROM baselines WHERE program_id = $1 AND name = $2`,
        [program, name],
      );
      if (!r) return undefined;
      return {
        name: r.name,
        createdAt: new Date(r.at_ms),
        actor: r.actor,
        version: r.version,
        model: parsed(r.model) as ProgramModel,
        plan: parsed(r.plan) as BaselinePlan,
      };
    },
    async reviewFinding(program, review) {
      await db.query(
        `INSERT INTO finding_reviews (program_id, finding_key, verdict, reason, actor, at)
         VALUES ($1, $2, $3, $4, $5, to_timestamp($6 / 1000.0))
         ON CONFLICT (program_id, finding_key) DO UPDATE
           SET verdict = excluded.verdict, reason = excluded.reason, actor = excluded.actor, at = excluded.at`,
        [program, review.key, review.verdict, review.reason, review.actor, ms(review.at)],
      );
    },
    async findingReviews(program) {
      const rows = await db.query<{ finding_key: string; verdict: FindingReview['verdict']; reason: string; actor: string; at_ms: number }>(
        `SELECT finding_key, verdict, reason, actor, (extract(epoch FROM at) * 1000)::float8 AS at_ms
           FROM finding_reviews WHERE program_id = $1 ORDER BY finding_key`,
        [program],
      );
      return rows.map((r) => ({ key: r.finding_key, verdict: r.verdict, reason: r.reason, actor: r.actor, at: new Date(r.at_ms) }));
    },
    async saveStatusSnapshot(program, s) {
      await db.query(
        `INSERT INTO status_snapshots (program_id, as_of, taken_at, version, summary)
         VALUES ($1, $2::date, to_timestamp($3 / 1000.0), $4, $5)
         ON CONFLICT (program_id, as_of) DO UPDATE
           SET taken_at = excluded.taken_at, version = excluded.version, summary = excluded.summary`,
        [program, s.asOf, ms(s.takenAt), s.version, JSON.stringify(s.summary)],
      );
    },
    async statusSnapshots(program) {
      const rows = await db.query<{ as_of: string; at_ms: number; version: number; summary: unknown }>(
        `SELECT to_char(as_of, 'YYYY-MM-DD') AS as_of, (extract(epoch FROM taken_at) * 1000)::float8 AS at_ms,
                version::int AS version, summary
           FROM status_snapshots WHERE program_id = $1 ORDER BY as_of`,
        [program],
      );
      return rows.map((r) => ({ asOf: r.as_of, takenAt: new Date(r.at_ms), version: r.version, summary: parsed(r.summary) }));
    },
  };
}

/** node-postgres parses jsonb; PGlite too, but a text column would not be: accept both. */
function parsed(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value) : value;
}
