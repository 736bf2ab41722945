import { join, resolve } from 'node:path';
import { err, ok, type Result } from '../domain/result.js';
import { type LockError, lockDataDir } from './data-dir-lock.js';
import { migrate } from './migrate.js';
import { openPglite } from './pglite-client.js';
import { openPostgres } from './postgres-client.js';
import { type ProgramStore, programStore } from './program-store.js';
import type { SqlClient } from './sql-client.js';

export type StoreConfig =
  | { readonly kind: 'embedded'; readonly dataDir: string }
  | { readonly kind: 'postgres'; readonly url: string }
  /** A throwaway in-memory PGlite, for tests and one-off commands. */
  | { readonly kind: 'memory' };

export type StoreError = LockError | { kind: 'connection-failed'; target: string; message: string };

export const DEFAULT_DATA_DIR = '.throughline';

/** `THROUGHLINE_DATABASE_URL` (postgres://…) wins; otherwise the embedded database in `THROUGHLINE_DATA_DIR`. */
export function storeConfigFromEnv(env: Readonly<Record<string, string | undefined>>, cwd: string): StoreConfig {
  const url = env.THROUGHLINE_DATABASE_URL?.trim();
  if (url) return { kind: 'postgres', url };
  return { kind: 'embedded', dataDir: resolve(cwd, env.THROUGHLINE_DATA_DIR?.trim() || DEFAULT_DATA_DIR) };
}

/** Where a store lives, for messages; never shows a password. */
export function describeStore(config: StoreConfig): string {
  if (config.kind === 'embedded') return `embedded database in ${config.dataDir}`;
  if (config.kind === 'memory') return 'in-memory database';
  return `PostgreSQL at ${redactUrl(config.url)}`;
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'an unparseable URL';
  }
}

/** Opens the configured store and brings its schema up to date. */
export async function openStore(config: StoreConfig, context: { now: Date; command: string }): Promise<Result<ProgramStore, StoreError>> {
  if (config.kind === 'postgres') {
    let db: SqlClient;
    try {
      db = await openPostgres(config.url);
    } catch (e) {
      return err({ kind: 'connection-failed', target: redactUrl(config.url), message: (e as Error).message || String(e) });
    }
    await migrate(db);
    return ok(programStore(db));
  }
  if (config.kind === 'memory') {
    const db = await openPglite(undefined);
    await migrate(db);
    return ok(programStore(db));
  }
  const lock = lockDataDir(config.dataDir, context.now, context.command);
  if (!lock.ok) return lock;
  try {
    const db = await openPglite(join(config.dataDir, 'pgdata'));
    await migrate(db);
    const store = programStore(db);
    return ok({
      ...store,
      close: async () => {
        try {
          await store.close();
        } finally {
          lock.value.release();
        }
      },
    });
  } catch (e) {
    lock.value.release();
    throw e;
  }
}
