import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { openStore, type StoreConfig } from '../../src/store/open-store.js';
import type { ProgramStore } from '../../src/store/program-store.js';

const TEMPLATE_DATABASE = 'throughline_template';
let counter = 0;

/** A new embedded data folder holding a copy of the migrated template. */
export function freshDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'throughline-store-'));
  cpSync(inject('pgliteTemplate'), join(dir, 'pgdata'), { recursive: true });
  return dir;
}

/** A new, empty PostgreSQL database made from the migrated template; returns its URL. */
export async function freshPostgresDatabase(): Promise<string> {
  const base = inject('postgresServer');
  const name = `t_${process.pid}_${Date.now()}_${counter++}`;
  const admin = new pg.Client({ connectionString: `${base}postgres` });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`);
  } finally {
    await admin.end();
  }
  return `${base}${name}`;
}

export type Driver = 'pglite' | 'postgres';

export async function freshStoreConfig(driver: Driver): Promise<StoreConfig> {
  return driver === 'pglite' ? { kind: 'embedded', dataDir: freshDataDir() } : { kind: 'postgres', url: await freshPostgresDatabase() };
}

/**
 * The environment that points a CLI process at a fresh store. End-to-end flows that start the CLI
 * dozens of times use PostgreSQL: each embedded open boots PostgreSQL in WebAssembly (~1.5 s of CPU
 * per process), a PostgreSQL connection takes milliseconds. The embedded default keeps its own
 * end-to-end tests (test/e2e/cli.test.ts, killed-load.test.ts), and one contract suite runs both.
 */
export async function freshCliEnv(driver: Driver): Promise<Record<string, string>> {
  return driver === 'pglite' ? { THROUGHLINE_DATA_DIR: freshDataDir() } : { THROUGHLINE_DATABASE_URL: await freshPostgresDatabase() };
}

export async function openFreshStore(driver: Driver): Promise<ProgramStore> {
  const opened = await openStore(await freshStoreConfig(driver), { now: new Date(0), command: 'test' });
  if (!opened.ok) throw new Error(`cannot open a test store: ${JSON.stringify(opened.error)}`);
  return opened.value;
}
