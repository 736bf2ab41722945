import type { CapacityResource } from '../domain/capacity.js';
import type { Decision } from '../domain/decision.js';
import { type Dependency, dependencyKey } from '../domain/dependency.js';
import type { Incident, Postmortem } from '../domain/incident.js';
import type { Migration } from '../domain/migration.js';
import type { EntityKind } from '../domain/program-model.js';
import type { ProgramService } from '../domain/program-service.js';
import type { ProgramSlo } from '../domain/program-slo.js';
import type { Risk } from '../domain/risk.js';
import type { Team } from '../domain/team.js';
import type { WorkItem } from '../domain/work-item.js';
import type { Workstream } from '../domain/workstream.js';

interface Column {
  readonly sql: string;
  readonly of: (entity: never) => unknown;
}

/** How each entity kind (but the program) maps onto its table: the queryable columns besides id, position and body. */
export interface EntityTable {
  readonly entity: Exclude<EntityKind, 'program'>;
  readonly table: string;
  readonly id: (entity: never) => string;
  readonly columns: Readonly<Record<string, Column>>;
}

const col = <T>(sql: string, of: (e: T) => unknown): Column => ({ sql, of: of as (e: never) => unknown });

export const ENTITY_TABLES: readonly EntityTable[] = [
  {
    entity: 'team',
    table: 'teams',
    id: (t: Team) => t.id,
    columns: { name: col('text', (t: Team) => t.name), capacity: col('numeric', (t: Team) => t.capacity) },
  },
  {
    entity: 'workstream',
    table: 'workstreams',
    id: (w: Workstream) => w.id,
    columns: { name: col('text', (w: Workstream) => w.name) },
  },
  {
    entity: 'item',
    table: 'items',
    id: (i: WorkItem) => i.id,
    columns: {
      title: col('text', (i: WorkItem) => i.title),
      kind: col('text', (i: WorkItem) => i.kind),
      team_id: col('text', (i: WorkItem) => i.team ?? null),
      workstream_id: col('text', (i: WorkItem) => i.workstream ?? null),
      parent_id: col('text', (i: WorkItem) => i.parent ?? null),
      state: col('text', (i: WorkItem) => i.state),
      priority: col('smallint', (i: WorkItem) => i.priority ?? null),
    },
  },
  {
    entity: 'dependency',
    table: 'dependencies',
    id: (d: Dependency) => dependencyKey(d),
    columns: {
      from_id: col('text', (d: Dependency) => d.from),
      to_id: col('text', (d: Dependency) => d.to),
      type: col('text', (d: Dependency) => d.type),
      lag: col('numeric', (d: Dependency) => d.lag),
      state: col('text', (d: Dependency) => d.state),
    },
  },
  {
    entity: 'risk',
    table: 'risks',
    id: (r: Risk) => r.id,
    columns: {
      title: col('text', (r: Risk) => r.title),
      status: col('text', (r: Risk) => r.status),
      probability: col('numeric', (r: Risk) => r.probability),
    },
  },
  {
    entity: 'decision',
    table: 'decisions',
    id: (d: Decision) => d.id,
    columns: {
      title: col('text', (d: Decision) => d.title),
      status: col('text', (d: Decision) => d.status),
      need_by: col('date', (d: Decision) => d.needBy ?? null),
    },
  },
  {
    entity: 'service',
    table: 'services',
    id: (s: ProgramService) => s.id,
    columns: {
      name: col('text', (s: ProgramService) => s.name ?? null),
      kind: col('text', (s: ProgramService) => s.kind),
      team_id: col('text', (s: ProgramService) => s.team),
      tier: col('smallint', (s: ProgramService) => s.tier ?? null),
    },
  },
  {
    entity: 'slo',
    table: 'slos',
    id: (s: ProgramSlo) => s.id,
    columns: {
      service_id: col('text', (s: ProgramSlo) => s.service),
      objective: col('numeric', (s: ProgramSlo) => s.objective),
    },
  },
  {
    entity: 'incident',
    table: 'incidents',
    id: (i: Incident) => i.id,
    columns: {
      title: col('text', (i: Incident) => i.title),
      severity: col('text', (i: Incident) => i.severity),
      status: col('text', (i: Incident) => i.status),
      started_at: col('timestamptz', (i: Incident) => i.startedAt),
    },
  },
  {
    entity: 'postmortem',
    table: 'postmortems',
    id: (p: Postmortem) => p.id,
    columns: { incident_id: col('text', (p: Postmortem) => p.incident) },
  },
  {
    entity: 'capacity',
    table: 'capacity_resources',
    id: (c: CapacityResource) => c.id,
    columns: {
      unit: col('text', (c: CapacityResource) => c.unit),
      team_id: col('text', (c: CapacityResource) => c.team ?? null),
      installed: col('numeric', (c: CapacityResource) => c.installed),
    },
  },
  {
    entity: 'migration',
    table: 'migrations',
    id: (m: Migration) => m.id,
    columns: {
      title: col('text', (m: Migration) => m.title),
      target: col('date', (m: Migration) => m.target ?? null),
    },
  },
];

/** One statement per table that inserts or updates a batch of rows passed as one JSON array. */
export function upsertSql(t: EntityTable): string {
  const names = Object.keys(t.columns);
  const record = ['id text', 'position integer', ...names.map((n) => `${n} ${t.columns[n]?.sql}`), 'body jsonb'];
  const all = ['id', 'position', ...names, 'body'];
  return `INSERT INTO ${t.table} (program_id, ${all.join(', ')})
SELECT $1, ${all.map((n) => `r.${n}`).join(', ')} FROM jsonb_to_recordset($2::jsonb) AS r(${record.join(', ')})
ON CONFLICT (program_id, id) DO UPDATE SET ${all
    .slice(1)
    .map((n) => `${n} = EXCLUDED.${n}`)
    .join(', ')}`;
}

export function rowOf(t: EntityTable, entity: unknown, position: number): Record<string, unknown> {
  const row: Record<string, unknown> = { id: t.id(entity as never), position, body: entity };
  for (const [name, column] of Object.entries(t.columns)) row[name] = column.of(entity as never);
  return row;
}
