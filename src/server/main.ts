#!/usr/bin/env node
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { ensureFirstAdmin } from '../app/accounts/accounts.js';
import { loadSampleUsage } from '../app/capacity/capacity-sample.js';
import { loadSampleCost } from '../app/cost/cost-sample.js';
import { loadProgram } from '../app/load-program.js';
import { loadSampleSli } from '../app/reliability/slo-sample.js';
import { describeStore, openStore, storeConfigFromEnv } from '../store/open-store.js';
import { startServer } from './start-server.js';

/**
 * `throughline-server [--sample]`: serves the API and the web app until SIGINT or SIGTERM.
 * Configuration by environment (README): PORT (4600), HOST (127.0.0.1), THROUGHLINE_DATA_DIR or
 * THROUGHLINE_DATABASE_URL, THROUGHLINE_ADMIN_LOGIN / THROUGHLINE_ADMIN_PASSWORD for the first run,
 * THROUGHLINE_SECURE_COOKIES=1 behind HTTPS. Exit codes: 0 stopped, 2 bad configuration, 3 store unavailable.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const env = process.env;
const out = (line: string) => process.stdout.write(`${line}\n`);
function fail(code: number, line: string): never {
  process.stderr.write(`error: ${line}\n`);
  process.exit(code);
}

const port = Number(env.PORT ?? '4600');
if (!Number.isInteger(port) || port < 0 || port > 65_535) fail(2, `PORT "${env.PORT}" is not a port number (0–65535)`);
const config = storeConfigFromEnv(env, process.cwd());
const opened = await openStore(config, { now: new Date(), command: 'throughline-server' });
if (!opened.ok) {
  const e = opened.error;
  fail(
    3,
    e.kind === 'lock-held'
      ? `the embedded database in ${e.dataDir} is in use by process ${e.holder.pid} ("${e.holder.command}"); stop it or set THROUGHLINE_DATA_DIR`
      : `cannot connect to ${e.target}: ${e.message}; check THROUGHLINE_DATABASE_URL`,
  );
}
const store = opened.value;

const admin = await ensureFirstAdmin(store, env, new Date());
if (!admin.ok)
  fail(
    2,
    'THROUGHLINE_ADMIN_PASSWORD needs at least 10 characters, and THROUGHLINE_ADMIN_LOGIN lower-case letters, digits, ".", "_" or "-"',
  );
if (process.argv.includes('--sample') && (await store.listPrograms()).length === 0) {
  const text = await readFile(`${ROOT}examples/checkout-migration.yaml`, 'utf8');
  const loaded = await loadProgram(store, { text, file: 'checkout-migration.yaml', actor: 'throughline', at: new Date() });
  // The sample's SLI data, examples/sli/<slo-id>.csv (scripts/sample-sli.ts); an SLO without a file has none.
  const sampleSli = (id: string) =>
    readFile(`${ROOT}examples/sli/${id}.csv`, 'utf8').then(
      (text) => ({ file: `examples/sli/${id}.csv`, text }),
      () => undefined,
    );
  if (loaded.ok) {
    out(`Loaded the sample program "${loaded.value.programId}".`);
    const model = await store.readProgram(loaded.value.programId);
    if (model) await loadSampleSli(store, model.program.id, model, sampleSli, { actor: 'throughline', at: new Date() });
    // And its capacity usage history, examples/capacity/<resource-id>.csv.
    const sampleUsage = (id: string) =>
      readFile(`${ROOT}examples/capacity/${id}.csv`, 'utf8').then(
        (text) => ({ file: `examples/capacity/${id}.csv`, text }),
        () => undefined,
      );
    if (model) await loadSampleUsage(store, model.program.id, model, sampleUsage, { actor: 'throughline', at: new Date() });
    // And its cloud bill and resource inventory, examples/cost (scripts/cost-sample.ts).
    const sampleCost = (name: string) =>
      readFile(`${ROOT}examples/cost/${name}`, 'utf8').then(
        (text) => ({ file: `examples/cost/${name}`, text }),
        () => undefined,
      );
    if (model) await loadSampleCost(store, model.program.id, sampleCost, { actor: 'throughline', at: new Date() });
  }
}

const running = await startServer({
  store,
  port,
  host: env.HOST ?? '127.0.0.1',
  webDir: `${ROOT}dist/web`,
  secureCookies: env.THROUGHLINE_SECURE_COOKIES === '1',
  publishSchedules: { env },
});
out(`Throughline is serving the ${describeStore(config)} at ${running.url}  (API reference: ${running.url}/api/docs)`);
const first = admin.value;
if (first?.generatedPassword) {
  out(`\nFirst run: created the administrator "${first.login}" with password ${first.generatedPassword}`);
  out('It is shown this once. Or set THROUGHLINE_ADMIN_LOGIN and THROUGHLINE_ADMIN_PASSWORD before the first run.');
} else if (first) out(`First run: created the administrator "${first.login}" from THROUGHLINE_ADMIN_PASSWORD.`);

const stop = async () => {
  process.stderr.write('stopping…\n');
  await running.close();
  await store.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
