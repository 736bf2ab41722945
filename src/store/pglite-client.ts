import { mkdirSync } from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { SqlClient } from './sql-client.js';

/** Opens PGlite on `pgdata` (a folder), or in memory when it is undefined. */
export async function openPglite(pgdata: string | undefined): Promise<SqlClient> {
  if (pgdata !== undefined) mkdirSync(pgdata, { recursive: true });
  const db = pgdata === undefined ? await PGlite.create() : await PGlite.create({ dataDir: pgdata });
  return wrap(db, async () => db.close());
}

function wrap(db: PGlite | Transaction, close: () => Promise<void>): SqlClient {
  return {
    driver: 'pglite',
    async query<Row>(text: string, params: readonly unknown[] = []) {
      const result = await db.query<Row>(text, params as unknown[]);
      return result.rows;
    },
    async exec(sql: string) {
      await db.exec(sql);
    },
    async transaction<T>(work: (tx: SqlClient) => Promise<T>): Promise<T> {
      if (!('transaction' in db)) throw new Error('nested transactions are not supported');
      return db.transaction((tx) => work(wrap(tx, async () => {})));
    },
    close,
  };
}
