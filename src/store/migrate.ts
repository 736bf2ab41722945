import { programModel } from './migrations/0001-program-model.js';
import { insights } from './migrations/0002-insights.js';
import { scenarios } from './migrations/0003-scenarios.js';
import { accounts } from './migrations/0004-accounts.js';
import { reportSummaries } from './migrations/0006-report-summaries.js';
import { reliability } from './migrations/0007-reliability.js';
import { sliSeries } from './migrations/0008-sli-series.js';
import { capacityAndMigrations } from './migrations/0009-capacity-migrations.js';
import { usageSeries } from './migrations/0010-usage-series.js';
import { costData } from './migrations/0011-cost-data.js';
import { integrations } from './migrations/0012-integrations.js';
import type { SqlClient } from './sql-client.js';

/** Versioned schema changes, applied in order, each once. Append; never edit a released one. */
export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  { version: 1, name: 'program model', sql: programModel },
  { version: 2, name: 'baselines, finding reviews, status snapshots', sql: insights },
  { version: 3, name: 'scenarios', sql: scenarios },
  { version: 4, name: 'accounts, sessions, API tokens, roles', sql: accounts },
  { version: 6, name: 'executive summaries of status reports', sql: reportSummaries },
  { version: 7, name: 'services, SLOs, incidents, post-mortems', sql: reliability },
  { version: 8, name: 'SLI samples per SLO', sql: sliSeries },
  { version: 9, name: 'capacity resources, migrations', sql: capacityAndMigrations },
  { version: 10, name: 'usage history per capacity resource', sql: usageSeries },
  { version: 11, name: 'cloud cost by billing period, resource inventory', sql: costData },
  { version: 12, name: 'integration configs, secrets, results, tracker activity', sql: integrations },
];

/** Brings the schema up to date in one transaction; concurrent callers wait for each other. */
export async function migrate(db: SqlClient): Promise<number[]> {
  return db.transaction(async (tx) => {
    // Any fixed key: serializes migrators on a shared server; a no-op cost on PGlite.
    await tx.query('SELECT pg_advisory_xact_lock(7355608)');
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Set((await tx.query<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => Number(r.version)));
    const applied: number[] = [];
    for (const m of MIGRATIONS) {
      if (done.has(m.version)) continue;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    }
    return applied;
  });
}
