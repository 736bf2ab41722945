import pg from 'pg';
import type { SqlClient } from './sql-client.js';

/**
 * node-postgres over a pool. Types are left as node-postgres parses them, except that the store
 * casts anything numeric it reads back (bigint, numeric) in SQL so both drivers return JS numbers.
 */
export async function openPostgres(url: string): Promise<SqlClient> {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  // Fail now, with the server's own message, rather than at the first query.
  const probe = await pool.connect();
  probe.release();
  return {
    driver: 'postgres',
    async query<Row>(text: string, params: readonly unknown[] = []) {
      const result = await pool.query(text, params as unknown[]);
      return result.rows as Row[];
    },
    async exec(sql: string) {
      await pool.query(sql);
    },
    async transaction<T>(work: (tx: SqlClient) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const tx: SqlClient = {
          driver: 'postgres',
          query: async <Row>(text: string, params: readonly unknown[] = []) =>
            (await client.query(text, params as unknown[])).rows as Row[],
          exec: async (sql: string) => {
            await client.query(sql);
          },
          transaction: () => {
            throw new Error('nested transactions are not supported');
          },
          close: async () => {},
        };
        const result = await work(tx);
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => {});
        throw e;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
