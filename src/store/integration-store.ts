import type { ExternalActivity } from '../domain/external-work.js';
import type { ProgramId } from '../domain/ids.js';
import {
  type ConfluenceIntegration,
  confluenceIntegrationSchema,
  type GithubIntegration,
  githubIntegrationSchema,
  INTEGRATION_KINDS,
  type IntegrationKind,
  type JiraIntegration,
  jiraIntegrationSchema,
  type SlackIntegration,
  slackIntegrationSchema,
} from '../domain/integration.js';
import type { SqlClient } from './sql-client.js';

/** The configuration of each integration kind, as `integrations.yaml` holds it. */
export interface IntegrationConfigs {
  readonly jira: JiraIntegration;
  readonly github: GithubIntegration;
  readonly confluence: ConfluenceIntegration;
  readonly slack: SlackIntegration;
}
export type IntegrationConfig = IntegrationConfigs[IntegrationKind];

export const INTEGRATION_SCHEMAS = {
  jira: jiraIntegrationSchema,
  github: githubIntegrationSchema,
  confluence: confluenceIntegrationSchema,
  slack: slackIntegrationSchema,
} as const;

export const RESULT_RUNS = ['sync', 'publish', 'test'] as const;
export type ResultRun = (typeof RESULT_RUNS)[number];

/** What one sync, publish or connection test ended with. */
export interface IntegrationResult {
  readonly at: Date;
  readonly kind: ResultRun;
  readonly ok: boolean;
  /** What it did: a SyncSummary, { pageUrl, version }, a test's account… Never a secret. */
  readonly summary?: unknown;
  /** Why it failed, in words (already redacted by the integration client). */
  readonly error?: string;
  /** Who ran it: a login, or `schedule`. */
  readonly actor: string;
}

/** One integration of a program as anyone may see it: the secret only as whether there is one. */
export interface StoredIntegration {
  readonly kind: IntegrationKind;
  /** Undefined while only a secret is set. */
  readonly config: IntegrationConfig | undefined;
  readonly hasSecret: boolean;
  readonly actor: string;
  readonly updatedAt: Date;
  /** Newest first, at most RESULTS_KEPT. */
  readonly results: readonly IntegrationResult[];
}

export interface IntegrationMeta {
  readonly actor: string;
  readonly at: Date;
}

/** Results kept per program and kind: a small run log, not an archive. */
export const RESULTS_KEPT = 20;
/** Activity rows per INSERT: one statement per 2,000 keeps each jsonb parameter a few hundred kB. */
const ACTIVITY_BATCH = 2000;

export interface IntegrationStore {
  /** Every configured integration of the program (config or secret set), in INTEGRATION_KINDS order. */
  list(program: ProgramId): Promise<StoredIntegration[]>;
  get(program: ProgramId, kind: IntegrationKind): Promise<StoredIntegration | undefined>;
  /** Replaces the configuration (already validated). False when there is no such program. */
  saveConfig<K extends IntegrationKind>(
    program: ProgramId,
    kind: K,
    config: IntegrationConfigs[K],
    meta: IntegrationMeta,
  ): Promise<boolean>;
  /** Sets (or with null clears) the secret. False when there is no such program. */
  setSecret(program: ProgramId, kind: IntegrationKind, secret: string | null, meta: IntegrationMeta): Promise<boolean>;
  /** The stored secret, for the server's own calls to the integration only. */
  secret(program: ProgramId, kind: IntegrationKind): Promise<string | undefined>;
  /** Forgets the configuration, the secret and the result log. False when there was nothing. */
  remove(program: ProgramId, kind: IntegrationKind): Promise<boolean>;
  /** Adds a result and keeps the newest RESULTS_KEPT. False when there is no such program. */
  recordResult(program: ProgramId, kind: IntegrationKind, result: IntegrationResult): Promise<boolean>;
  /** Newest first. */
  results(program: ProgramId, kind: IntegrationKind, limit?: number): Promise<IntegrationResult[]>;
  /**
   * Records tracker activity; entries already recorded (same id) are skipped. Returns how many
   * are new. In one transaction, in batches; nothing is recorded for a program that does not exist.
   */
  recordActivity(program: ProgramId, entries: readonly ExternalActivity[]): Promise<number>;
  /** An item's tracker activity, newest first. */
  activity(program: ProgramId, item: string, limit?: number): Promise<ExternalActivity[]>;
}

interface IntegrationRow {
  kind: IntegrationKind;
  config: unknown;
  has_secret: boolean;
  actor: string;
  at_ms: number;
}

interface ResultRow {
  kind: IntegrationKind;
  run: ResultRun;
  at_ms: number;
  ok: boolean;
  summary: unknown;
  error: string | null;
  actor: string;
}

interface ActivityRow {
  id: string;
  item_id: string;
  at_ms: number;
  actor: string;
  field: string;
  from_value: string | null;
  to_value: string | null;
}

const AT_MS = (column: string) => `(extract(epoch FROM ${column}) * 1000)::float8 AS at_ms`;
const json = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);

/**
 * A stored config read through today's schema, so defaults added later apply; one a newer schema
 * no longer accepts is given as stored (the screen shows it and the next save must fix it).
 */
function configOf(kind: IntegrationKind, raw: unknown): IntegrationConfig | undefined {
  if (raw === null || raw === undefined) return undefined;
  const value = json(raw);
  const parsed = INTEGRATION_SCHEMAS[kind].safeParse(value);
  return (parsed.success ? parsed.data : value) as IntegrationConfig;
}

const resultOf = (r: ResultRow): IntegrationResult => ({
  at: new Date(Number(r.at_ms)),
  kind: r.run,
  ok: r.ok,
  ...(r.summary === null || r.summary === undefined ? {} : { summary: json(r.summary) }),
  ...(r.error === null ? {} : { error: r.error }),
  actor: r.actor,
});

const activityOf = (r: ActivityRow): ExternalActivity => ({
  id: r.id,
  item: r.item_id as ExternalActivity['item'],
  at: new Date(Number(r.at_ms)).toISOString(),
  actor: r.actor,
  field: r.field,
  ...(r.from_value === null ? {} : { from: r.from_value }),
  ...(r.to_value === null ? {} : { to: r.to_value }),
});

const RESULT_SELECT = `SELECT kind, run, ${AT_MS('at')}, ok, summary, error, actor FROM integration_results`;

export function integrationStore(db: SqlClient): IntegrationStore {
  async function resultsOf(program: ProgramId, kinds: readonly IntegrationKind[], limit: number): Promise<ResultRow[]> {
    return db.query<ResultRow>(
      `SELECT * FROM (
         SELECT kind, run, ${AT_MS('at')}, ok, summary, error, actor,
                row_number() OVER (PARTITION BY kind ORDER BY at DESC, id DESC) AS n
           FROM integration_results WHERE program_id = $1 AND kind = ANY($2::text[])
       ) r WHERE n <= $3 ORDER BY kind, n`,
      [program, kinds, limit],
    );
  }

  async function listed(program: ProgramId, kinds: readonly IntegrationKind[]): Promise<StoredIntegration[]> {
    const rows = await db.query<IntegrationRow>(
      `SELECT kind, config, secret IS NOT NULL AS has_secret, actor, ${AT_MS('updated_at')}
         FROM integrations WHERE program_id = $1 AND kind = ANY($2::text[])`,
      [program, kinds],
    );
    const results = await resultsOf(
      program,
      rows.map((r) => r.kind),
      RESULTS_KEPT,
    );
    const byKind = new Map(rows.map((r) => [r.kind, r]));
    return INTEGRATION_KINDS.flatMap((kind) => {
      const r = byKind.get(kind);
      if (!r) return [];
      return [
        {
          kind,
          config: configOf(kind, r.config),
          hasSecret: r.has_secret,
          actor: r.actor,
          updatedAt: new Date(Number(r.at_ms)),
          results: results.filter((x) => x.kind === kind).map(resultOf),
        },
      ];
    });
  }

  return {
    list: (program) => listed(program, INTEGRATION_KINDS),
    async get(program, kind) {
      return (await listed(program, [kind]))[0];
    },
    async saveConfig(program, kind, config, meta) {
      const rows = await db.query(
        `INSERT INTO integrations (program_id, kind, config, actor, updated_at)
         SELECT id, $2, $3::jsonb, $4, to_timestamp($5 / 1000.0) FROM programs WHERE id = $1
         ON CONFLICT (program_id, kind) DO UPDATE SET config = excluded.config, actor = excluded.actor, updated_at = excluded.updated_at
         RETURNING kind`,
        [program, kind, JSON.stringify(config), meta.actor, meta.at.getTime()],
      );
      return rows.length === 1;
    },
    async setSecret(program, kind, secret, meta) {
      const rows = await db.query(
        `INSERT INTO integrations (program_id, kind, secret, actor, updated_at)
         SELECT id, $2, $3, $4, to_timestamp($5 / 1000.0) FROM programs WHERE id = $1
         ON CONFLICT (program_id, kind) DO UPDATE SET secret = excluded.secret, actor = excluded.actor, updated_at = excluded.updated_at
         RETURNING kind`,
        [program, kind, secret, meta.actor, meta.at.getTime()],
      );
      return rows.length === 1;
    },
    async secret(program, kind) {
      const [row] = await db.query<{ secret: string | null }>('SELECT secret FROM integrations WHERE program_id = $1 AND kind = $2', [
        program,
        kind,
      ]);
      return row?.secret ?? undefined;
    },
    remove: (program, kind) =>
      db.transaction(async (tx) => {
        const gone = await tx.query('DELETE FROM integrations WHERE program_id = $1 AND kind = $2 RETURNING kind', [program, kind]);
        const results = await tx.query('DELETE FROM integration_results WHERE program_id = $1 AND kind = $2 RETURNING id', [program, kind]);
        return gone.length + results.length > 0;
      }),
    recordResult: (program, kind, result) =>
      db.transaction(async (tx) => {
        const rows = await tx.query(
          `INSERT INTO integration_results (program_id, kind, run, at, ok, summary, error, actor)
           SELECT id, $2, $3, to_timestamp($4 / 1000.0), $5, $6::jsonb, $7, $8 FROM programs WHERE id = $1
           RETURNING id`,
          [
            program,
            kind,
            result.kind,
            result.at.getTime(),
            result.ok,
            result.summary === undefined ? null : JSON.stringify(result.summary),
            result.error ?? null,
            result.actor,
          ],
        );
        if (rows.length === 0) return false;
        await tx.query(
          `DELETE FROM integration_results WHERE program_id = $1 AND kind = $2 AND id NOT IN (
             SELECT id FROM integration_results WHERE program_id = $1 AND kind = $2 ORDER BY at DESC, id DESC LIMIT $3)`,
          [program, kind, RESULTS_KEPT],
        );
        return true;
      }),
    async results(program, kind, limit = RESULTS_KEPT) {
      const rows = await db.query<ResultRow>(`${RESULT_SELECT} WHERE program_id = $1 AND kind = $2 ORDER BY at DESC, id DESC LIMIT $3`, [
        program,
        kind,
        limit,
      ]);
      return rows.map(resultOf);
    },
    recordActivity: (program, entries) =>
      db.transaction(async (tx) => {
        let inserted = 0;
        for (let start = 0; start < entries.length; start += ACTIVITY_BATCH) {
          const batch = entries.slice(start, start + ACTIVITY_BATCH).map((e) => ({
            id: e.id,
            item: e.item,
            at: e.at,
            actor: e.actor,
            field: e.field,
            from: e.from ?? null,
            to: e.to ?? null,
          }));
          // The EXISTS guard records nothing for a missing program instead of failing on the foreign key.
          const [row] = await tx.query<{ n: number }>(
            `WITH added AS (
               INSERT INTO tracker_activity (program_id, id, item_id, at, actor, field, from_value, to_value)
               SELECT $1, r.id, r.item, r.at, r.actor, r.field, r."from", r."to"
                 FROM jsonb_to_recordset($2::jsonb) AS r(id text, item text, at timestamptz, actor text, field text, "from" text, "to" text)
                WHERE EXISTS (SELECT 1 FROM programs WHERE id = $1)
               ON CONFLICT (program_id, id) DO NOTHING
               RETURNING 1)
             SELECT count(*)::int AS n FROM added`,
            [program, JSON.stringify(batch)],
          );
          inserted += Number(row?.n ?? 0);
        }
        return inserted;
      }),
    async activity(program, item, limit = 200) {
      const rows = await db.query<ActivityRow>(
        `SELECT id, item_id, ${AT_MS('at')}, actor, field, from_value, to_value FROM tracker_activity
          WHERE program_id = $1 AND item_id = $2 ORDER BY at DESC, id DESC LIMIT $3`,
        [program, item, limit],
      );
      return rows.map(activityOf);
    },
  };
}
