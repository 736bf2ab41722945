import { ensureFirstAdmin } from '../src/app/accounts/accounts.js';
import type { ProgramModel } from '../src/domain/program-model.js';
import { type GenerateOptions, generateProgram } from '../src/engine/generate/generate-program.js';
import { createRandom } from '../src/engine/rcpsp/random.js';
import { writeProgram } from '../src/formats/program-yaml/write-program.js';
import { startServer } from '../src/server/start-server.js';
import { openStore, type StoreConfig } from '../src/store/open-store.js';

/** The first admin's password on a bench server. */
export const BENCH_PASSWORD = 'bench-password-1';

export interface BenchServer {
  readonly url: string;
  /** The admin's session cookie (`name=value`) and the CSRF token its writes send. */
  readonly cookie: string;
  readonly csrfToken: string;
  readonly model: ProgramModel;
  close(): Promise<void>;
}

/**
 * A server over a fresh store, signed in as the first admin, with a generated program imported
 * over the API as a user would: what the HTTP and browser benchmarks measure against.
 */
export async function benchServer(options: {
  store: StoreConfig;
  program: GenerateOptions;
  seed: number;
  webDir?: string;
}): Promise<BenchServer> {
  const password = BENCH_PASSWORD;
  const opened = await openStore(options.store, { now: new Date(), command: 'bench' });
  if (!opened.ok) throw new Error(`store: ${JSON.stringify(opened.error)}`);
  const store = opened.value;
  await ensureFirstAdmin(store, { THROUGHLINE_ADMIN_PASSWORD: password }, new Date());
  const server = await startServer({ store, port: 0, workers: 1, log: () => {}, ...(options.webDir ? { webDir: options.webDir } : {}) });
  const signIn = await fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: 'admin', password }),
  });
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const { csrfToken } = (await signIn.json()) as { csrfToken: string };
  const model = generateProgram(options.program, createRandom(options.seed));
  const imported = await fetch(`${server.url}/api/programs/import?file=big.json`, {
    method: 'POST',
    headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
    body: writeProgram(model, 'json'),
  });
  if (imported.status !== 201) throw new Error(`import: ${imported.status} ${await imported.text()}`);
  return {
    url: server.url,
    cookie,
    csrfToken,
    model,
    async close() {
      await server.close();
      await store.close();
    },
  };
}
