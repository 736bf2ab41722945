import type { CapacityResource } from '../domain/capacity.js';
import type { Decision } from '../domain/decision.js';
import type { Dependency } from '../domain/dependency.js';
import type { ProgramId } from '../domain/ids.js';
import type { Incident, Postmortem } from '../domain/incident.js';
import type { Migration } from '../domain/migration.js';
import type { Program } from '../domain/program.js';
import { diffModels, ENTITY_ORDER, type EntityChange, entitiesOf } from '../domain/program-diff.js';
import type { EntityKind, ProgramModel } from '../domain/program-model.js';
import type { ProgramService } from '../domain/program-service.js';
import type { ProgramSlo } from '../domain/program-slo.js';
import type { Risk } from '../domain/risk.js';
import type { Team } from '../domain/team.js';
import type { WorkItem } from '../domain/work-item.js';
import type { Workstream } from '../domain/workstream.js';
import { type AccountStore, accountStore } from './account-store.js';
import { type CostStore, costStore } from './cost-store.js';
import { ENTITY_TABLES, rowOf, upsertSql } from './entity-tables.js';
import { type InsightStore, insightStore } from './insight-store.js';
import { type IntegrationStore, integrationStore } from './integration-store.js';
import { type ReportSummaryStore, reportSummaryStore } from './report-summary-store.js';
import { type SliStore, sliStore } from './sli-store.js';
import type { SqlClient } from './sql-client.js';
import { type UsageStore, usageStore } from './usage-store.js';

/** Who made a change, when, and from what (a file, a command, later an API call). */
export interface ChangeMeta {
  readonly actor: string;
  readonly at: Date;
  readonly source: string;
}

export interface SaveResult {
  readonly programId: ProgramId;
  readonly created: boolean;
  /** The program's version after the save; unchanged when nothing changed. */
  readonly version: number;
  readonly changeSetId: number | undefined;
  readonly changes: readonly EntityChange[];
}

export interface ProgramListing {
  readonly id: ProgramId;
  readonly name: string;
  readonly version: number;
  readonly updatedAt: Date;
  readonly teams: number;
  readonly items: number;
  readonly milestones: number;
  readonly dependencies: number;
}

export interface ChangeSetRecord {
  readonly id: number;
  readonly programId: ProgramId;
  readonly at: Date;
  readonly actor: string;
  readonly source: string;
  readonly version: number;
  readonly changes: readonly EntityChange[];
}

export interface HistoryQuery {
  /** Most recent change sets first; at most this many. */
  readonly limit?: number;
  readonly entity?: EntityKind;
  readonly entityId?: string;
}

/** The program model in PostgreSQL (embedded or server), with its history. */
export interface ProgramStore {
  readonly driver: SqlClient['driver'];
  /**
   * Makes the stored program equal to `model`, in one transaction: only the differences are written,
   * each recorded in the history under one change set. Saving an equal model writes nothing.
   */
  saveProgram(model: ProgramModel, meta: ChangeMeta): Promise<SaveResult>;
  listPrograms(): Promise<ProgramListing[]>;
  readProgram(id: ProgramId): Promise<ProgramModel | undefined>;
  /** The program and the version it is at, read consistently (no save can land in between). */
  readVersioned(id: ProgramId): Promise<{ model: ProgramModel; version: number } | undefined>;
  /** The program's current version; undefined when there is no such program. Cheap: one row. */
  versionOf(id: ProgramId): Promise<number | undefined>;
  history(id: ProgramId, query?: HistoryQuery): Promise<ChangeSetRecord[]>;
  /** When each item last changed (its latest change set), by item id; items never changed since loading have their load's time. */
  itemsLastChanged(id: ProgramId): Promise<Map<string, Date>>;
  /** Baselines, reviews of detected risks and status snapshots. */
  readonly insights: InsightStore;
  /** Users, sessions, API tokens and roles per program. */
  readonly accounts: AccountStore;
  /** Executive summaries written over the computed ones. */
  readonly reportSummaries: ReportSummaryStore;
  /** SLI samples per SLO, from CSV uploads or Prometheus. */
  readonly sli: SliStore;
  /** Usage history per capacity resource, from CSV uploads or Prometheus. */
  readonly usage: UsageStore;
  /** Cloud cost by billing period and the resource inventory (FOCUS imports). */
  readonly cost: CostStore;
  /** Integration configs, write-only secrets, last results, and tracker activity (issue 8). */
  readonly integrations: IntegrationStore;
  /**
   * Reads the stored program under a row lock, lets `edit` change it, and saves the result in the
   * same transaction: concurrent edits of one program run one after the other, each seeing the
   * other's result, so no update is lost. `edit` returning `{ error }` writes nothing.
   */
  editProgram<E>(
    id: ProgramId,
    edit: (model: ProgramModel, version: number) => { model: ProgramModel } | { error: E },
    meta: ChangeMeta,
  ): Promise<{ saved: SaveResult } | { error: E } | { missing: true }>;
  close(): Promise<void>;
}

export function programStore(db: SqlClient): ProgramStore {
  return {
    driver: db.driver,
    saveProgram: (model, meta) => db.transaction((tx) => save(tx, model, meta)),
    listPrograms: () => listPrograms(db),
    readProgram: (id) => readProgram(db, id),
    readVersioned: (id) =>
      db.transaction(async (tx) => {
        // FOR SHARE: saves lock this row FOR UPDATE first, so none commits while we read.
        const [row] = await tx.query<{ version: number }>('SELECT version::int AS version FROM programs WHERE id = $1 FOR SHARE', [id]);
        const model = row ? await readProgram(tx, id) : undefined;
        return row && model ? { model, version: row.version } : undefined;
      }),
    versionOf: async (id) => {
      const [row] = await db.query<{ version: number }>('SELECT version::int AS version FROM programs WHERE id = $1', [id]);
      return row?.version;
    },
    history: (id, query) => history(db, id, query ?? {}),
    itemsLastChanged: (id) => itemsLastChanged(db, id),
    insights: insightStore(db),
    accounts: accountStore(db),
    reportSummaries: reportSummaryStore(db),
    sli: sliStore(db),
    usage: usageStore(db),
    cost: costStore(db),
    integrations: integrationStore(db),
    editProgram: (id, edit, meta) =>
      db.transaction(async (tx) => {
        const [current] = await tx.query<{ version: number }>('SELECT version::int AS version FROM programs WHERE id = $1 FOR UPDATE', [
          id,
        ]);
        if (!current) return { missing: true as const };
        const stored = await readProgram(tx, id);
        if (!stored) return { missing: true as const };
        const edited = edit(stored, current.version);
        if ('error' in edited) return { error: edited.error };
        return { saved: await save(tx, edited.model, meta) };
      }),
    close: () => db.close(),
  };
}

async function save(tx: SqlClient, model: ProgramModel, meta: ChangeMeta): Promise<SaveResult> {
  const programId = model.program.id;
  // Row lock: concurrent saves of one program run one after the other, each diffing the other's result.
  const [current] = await tx.query<{ version: number }>('SELECT version::int AS version FROM programs WHERE id = $1 FOR UPDATE', [
    programId,
  ]);
  const stored = current ? await readStored(tx, programId) : undefined;
  const changes = diffModels(stored?.model, model);
  const positions = movedEntities(stored?.positions ?? new Map(), model);
  if (changes.length === 0 && positions.size === 0) {
    return { programId, created: false, version: current?.version ?? 0, changeSetId: undefined, changes };
  }
  const at = meta.at.toISOString();
  const version = (current?.version ?? 0) + (changes.length > 0 ? 1 : 0);
  await tx.query(
    `INSERT INTO programs (id, name, body, version, created_at, updated_at) VALUES ($1, $2, $3::jsonb, $4, $5, $5)
     ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, body = EXCLUDED.body, version = EXCLUDED.version, updated_at = EXCLUDED.updated_at`,
    [programId, model.program.name, JSON.stringify(model.program), version, at],
  );

  const entities = entitiesOf(model);
  for (const table of ENTITY_TABLES) {
    const changedIds = new Set(changes.filter((c) => c.entity === table.entity && c.op !== 'delete').map((c) => c.id));
    const rows: Record<string, unknown>[] = [];
    [...(entities.get(table.entity)?.values() ?? [])].forEach((entity, position) => {
      const row = rowOf(table, entity, position);
      if (changedIds.has(row.id as string) || positions.has(`${table.entity}:${row.id}`)) rows.push(row);
    });
    if (rows.length > 0) await tx.query(upsertSql(table), [programId, JSON.stringify(rows)]);
  }
  for (const table of [...ENTITY_TABLES].reverse()) {
    const gone = changes.filter((c) => c.entity === table.entity && c.op === 'delete').map((c) => c.id);
    if (gone.length > 0) await tx.query(`DELETE FROM ${table.table} WHERE program_id = $1 AND id = ANY($2::text[])`, [programId, gone]);
  }

  // A pure reorder is kept (for display) but is not a change anyone needs in the history.
  if (changes.length === 0) return { programId, created: false, version, changeSetId: undefined, changes };
  const [set] = await tx.query<{ id: number }>(
    'INSERT INTO change_sets (program_id, at, actor, source, version) VALUES ($1, $2, $3, $4, $5) RETURNING id::int AS id',
    [programId, at, meta.actor, meta.source, version],
  );
  const changeSetId = (set as { id: number }).id;
  await tx.query(
    `INSERT INTO history (change_set_id, entity, entity_id, op, before, after)
     SELECT $1, r.entity, r.entity_id, r.op, r.before, r.after
     FROM jsonb_to_recordset($2::jsonb) AS r(n integer, entity text, entity_id text, op text, before jsonb, after jsonb)
     ORDER BY r.n`,
    [
      changeSetId,
      JSON.stringify(
        changes.map((c, n) => ({ n, entity: c.entity, entity_id: c.id, op: c.op, before: c.before ?? null, after: c.after ?? null })),
      ),
    ],
  );
  return { programId, created: !current, version, changeSetId, changes };
}

/** Keys (`entity:id`) of stored rows whose display position differs from the model's. */
function movedEntities(stored: ReadonlyMap<string, number>, model: ProgramModel): Set<string> {
  const moved = new Set<string>();
  for (const [entity, byId] of entitiesOf(model)) {
    [...byId.keys()].forEach((id, position) => {
      const old = stored.get(`${entity}:${id}`);
      if (old !== undefined && old !== position) moved.add(`${entity}:${id}`);
    });
  }
  return moved;
}

/** The stored model and each row's position (`entity:id` → position), read once. */
async function readStored(db: SqlClient, id: ProgramId): Promise<{ model: ProgramModel; positions: Map<string, number> } | undefined> {
  const [row] = await db.query<{ body: Program }>('SELECT body FROM programs WHERE id = $1', [id]);
  if (!row) return undefined;
  const positions = new Map<string, number>();
  // One query at a time: a transaction's connection runs them in order anyway.
  const lists: unknown[][] = [];
  for (const table of ENTITY_TABLES) {
    const rows = await db.query<{ id: string; position: number; body: unknown }>(
      `SELECT id, position, body FROM ${table.table} WHERE program_id = $1 ORDER BY position, id`,
      [id],
    );
    for (const r of rows) positions.set(`${table.entity}:${r.id}`, Number(r.position));
    lists.push(rows.map((r) => r.body));
  }
  const [teams, workstreams, items, dependencies, risks, decisions, services, slos, incidents, postmortems, capacity, migrations] = lists;
  const model: ProgramModel = {
    program: row.body,
    teams: teams as Team[],
    workstreams: workstreams as Workstream[],
    items: items as WorkItem[],
    dependencies: dependencies as Dependency[],
    risks: risks as Risk[],
    decisions: decisions as Decision[],
    services: services as ProgramService[],
    slos: slos as ProgramSlo[],
    incidents: incidents as Incident[],
    postmortems: postmortems as Postmortem[],
    capacity: capacity as CapacityResource[],
    migrations: migrations as Migration[],
  };
  return { model, positions };
}

async function readProgram(db: SqlClient, id: ProgramId): Promise<ProgramModel | undefined> {
  return (await readStored(db, id))?.model;
}

async function listPrograms(db: SqlClient): Promise<ProgramListing[]> {
  const rows = await db.query<{
    id: ProgramId;
    name: string;
    version: number;
    updated_ms: number;
    teams: number;
    items: number;
    milestones: number;
    dependencies: number;
  }>(`SELECT p.id, p.name, p.version::int AS version,
            (extract(epoch FROM p.updated_at) * 1000)::float8 AS updated_ms,
            (SELECT count(*)::int FROM teams t WHERE t.program_id = p.id) AS teams,
            (SELECT count(*)::int FROM items i WHERE i.program_id = p.id AND i.kind <> 'milestone') AS items,
            (SELECT count(*)::int FROM items i WHERE i.program_id = p.id AND i.kind = 'milestone') AS milestones,
            (SELECT count(*)::int FROM dependencies d WHERE d.program_id = p.id) AS dependencies
       FROM programs p ORDER BY p.name, p.id`);
  return rows.map(({ updated_ms, ...r }) => ({ ...r, updatedAt: new Date(updated_ms) }));
}

async function itemsLastChanged(db: SqlClient, id: ProgramId): Promise<Map<string, Date>> {
  const rows = await db.query<{ entity_id: string; at_ms: number }>(
    `SELECT h.entity_id, (extract(epoch FROM max(cs.at)) * 1000)::float8 AS at_ms
       FROM history h JOIN change_sets cs ON cs.id = h.change_set_id
      WHERE cs.program_id = $1 AND h.entity = 'item'
      GROUP BY h.entity_id`,
    [id],
  );
  return new Map(rows.map((r) => [r.entity_id, new Date(r.at_ms)]));
}

async function history(db: SqlClient, id: ProgramId, query: HistoryQuery): Promise<ChangeSetRecord[]> {
  const filters: string[] = [];
  const params: unknown[] = [id, query.limit ?? 50];
  if (query.entity !== undefined) {
    params.push(query.entity);
    filters.push(`h.entity = $${params.length}`);
  }
  if (query.entityId !== undefined) {
    params.push(query.entityId);
    filters.push(`h.entity_id = $${params.length}`);
  }
  const where = filters.length > 0 ? `AND ${filters.join(' AND ')}` : '';
  const rows = await db.query<{
    set_id: number;
    at_ms: number;
    actor: string;
    source: string;
    version: number;
    entity: EntityKind;
    entity_id: string;
    op: EntityChange['op'];
    before: unknown;
    after: unknown;
  }>(
    `WITH sets AS (
       SELECT DISTINCT cs.id FROM change_sets cs JOIN history h ON h.change_set_id = cs.id
        WHERE cs.program_id = $1 ${where} ORDER BY cs.id DESC LIMIT $2)
     SELECT cs.id::int AS set_id, (extract(epoch FROM cs.at) * 1000)::float8 AS at_ms, cs.actor, cs.source,
            cs.version::int AS version, h.entity, h.entity_id, h.op, h.before, h.after
       FROM sets JOIN change_sets cs ON cs.id = sets.id JOIN history h ON h.change_set_id = cs.id
      WHERE true ${where}
      ORDER BY cs.id DESC, h.id`,
    params,
  );
  const sets = new Map<number, ChangeSetRecord & { changes: EntityChange[] }>();
  for (const r of rows) {
    let set = sets.get(r.set_id);
    if (!set) {
      set = { id: r.set_id, programId: id, at: new Date(r.at_ms), actor: r.actor, source: r.source, version: r.version, changes: [] };
      sets.set(r.set_id, set);
    }
    set.changes.push({
      entity: r.entity,
      id: r.entity_id,
      op: r.op,
      ...(r.before !== null ? { before: r.before } : {}),
      ...(r.after !== null ? { after: r.after } : {}),
    });
  }
  // ENTITY_ORDER keeps a stable, readable order within a change set: program, teams, … decisions.
  for (const set of sets.values()) set.changes.sort((a, b) => ENTITY_ORDER.indexOf(a.entity) - ENTITY_ORDER.indexOf(b.entity));
  return [...sets.values()];
}
