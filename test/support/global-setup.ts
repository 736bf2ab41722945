import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { migrate } from '../../src/store/migrate.js';
import { openPglite } from '../../src/store/pglite-client.js';
import { openPostgres } from '../../src/store/postgres-client.js';
import { compileCli } from './compiled-cli.js';
import { startPostgres } from './postgres-server.js';

export const TEMPLATE_DATABASE = 'throughline_template';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PGlite data folder with the schema migrated; copy it, never open it in place. */
    pgliteTemplate: string;
    /** postgres:// URL of a server where tests may CREATE DATABASE … TEMPLATE throughline_template; no database name. */
    postgresServer: string;
    /** The web app built from the sources of this run (never a stale dist/web), or "build failed: …". */
    webDir: string;
    /** main.js of the CLI compiled from the sources of this run, or "" if they did not compile (then tsx runs them). */
    cliMain: string;
  }
}

/**
 * Builds the databases tests start from, once per run: creating and migrating a fresh PGlite costs
 * seconds, copying a migrated one costs milliseconds; PostgreSQL copies a template database.
 */
export default async function setup(project: TestProject) {
  // Every temporary folder of the run (data-folder copies of ~60 MB, CLI working folders, servers'
  // folders) goes under one folder removed at the end: workers inherit TMPDIR, and os.tmpdir() reads it.
  // World-writable and sticky like /tmp, so PostgreSQL can run as its own user below it.
  const scratch = mkdtempSync(join(tmpdir(), 'throughline-run-'));
  chmodSync(scratch, 0o1777);
  process.env.TMPDIR = scratch;
  const root = mkdtempSync(join(tmpdir(), 'throughline-test-'));
  const template = join(root, 'template', 'pgdata');
  // Not fatal: through tsx, a file that does not compile fails only the CLI runs that import it.
  const cliMain = await compileCli(join(root, 'cli')).catch((e: Error) => {
    console.warn(`The CLI did not compile, so end-to-end tests run it through tsx (slower): ${e.message}`);
    return '';
  });
  project.provide('cliMain', cliMain);
  const db = await openPglite(template);
  await migrate(db);
  await db.close();
  project.provide('pgliteTemplate', template);

  const external = process.env.THROUGHLINE_TEST_DATABASE_URL;
  const server = external ? undefined : await startPostgres();
  const base = external ? external.replace(/\/[^/]*$/, '/') : (server?.url('') ?? '');
  const admin = new pg.Client({ connectionString: `${base}postgres` });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE}`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  await admin.end();
  const templateDb = await openPostgres(`${base}${TEMPLATE_DATABASE}`);
  await migrate(templateDb);
  await templateDb.close();
  project.provide('postgresServer', base);

  // A web app that does not build fails the browser tests (webWorld rethrows), not the others.
  const webDir = join(root, 'web');
  try {
    await build({
      configFile: join(import.meta.dirname, '../../vite.config.ts'),
      logLevel: 'silent',
      build: { outDir: webDir, sourcemap: false },
    });
    project.provide('webDir', webDir);
  } catch (e) {
    project.provide('webDir', `build failed: ${(e as Error).message}`);
  }

  return () => {
    server?.stop();
    rmSync(root, { recursive: true, force: true });
    rmSync(scratch, { recursive: true, force: true });
  };
}
