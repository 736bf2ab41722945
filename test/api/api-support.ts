import { readFileSync } from 'node:fs';
import { ensureFirstAdmin } from '../../src/app/accounts/accounts.js';
import { type RunningServer, startServer } from '../../src/server/start-server.js';
import type { ProgramStore } from '../../src/store/program-store.js';
import { SAMPLE_FILE } from '../support/programs.js';
import { type Driver, openFreshStore } from '../support/stores.js';

export const ADMIN = { login: 'admin', password: 'admin-password-1' };

export interface Client {
  /** Sends a request; JSON bodies are sent as JSON, strings as they are. */
  call(method: string, path: string, options?: { body?: unknown; headers?: Record<string, string> }): Promise<Response>;
  json<T = Record<string, unknown>>(
    method: string,
    path: string,
    options?: { body?: unknown; headers?: Record<string, string> },
  ): Promise<{ status: number; body: T; headers: Headers }>;
}

/** A client that signs in with a cookie session and sends the CSRF token on writes, as the web app does. */
export async function sessionClient(url: string, login: string, password: string): Promise<Client & { cookie: string; csrf: string }> {
  const response = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in of ${login} failed: ${response.status} ${await response.text()}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { ...clientWith(url, { cookie, 'x-csrf-token': csrfToken }), cookie, csrf: csrfToken };
}

export function tokenClient(url: string, token: string): Client {
  return clientWith(url, { authorization: `Bearer ${token}` });
}

export function clientWith(url: string, base: Record<string, string>): Client {
  const call: Client['call'] = (method, path, options = {}) => {
    const headers: Record<string, string> = { ...base, ...(options.headers ?? {}) };
    let body: string | undefined;
    if (typeof options.body === 'string') body = options.body;
    else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] = 'application/json';
    }
    return fetch(`${url}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
  };
  return {
    call,
    async json(method, path, options) {
      const response = await call(method, path, options);
      const text = await response.text();
      return { status: response.status, body: (text ? JSON.parse(text) : {}) as never, headers: response.headers };
    },
  };
}

export interface ApiWorld {
  readonly store: ProgramStore;
  readonly server: RunningServer;
  readonly admin: Client;
  close(): Promise<void>;
}

/** A server on a fresh store with the first admin and the sample program (admin holds every role). */
export async function apiWorld(driver: Driver = 'pglite', options: { webDir?: string } = {}): Promise<ApiWorld> {
  const store = await openFreshStore(driver);
  await ensureFirstAdmin(store, { THROUGHLINE_ADMIN_PASSWORD: ADMIN.password }, new Date());
  const server = await startServer({ store, port: 0, workers: 1, log: () => {}, ...options });
  const admin = await sessionClient(server.url, ADMIN.login, ADMIN.password);
  const imported = await admin.call('POST', '/api/programs/import?file=checkout-migration.yaml', {
    body: readFileSync(SAMPLE_FILE, 'utf8'),
  });
  if (imported.status !== 201) throw new Error(`sample import failed: ${imported.status} ${await imported.text()}`);
  return {
    store,
    server,
    admin,
    async close() {
      await server.close();
      await store.close();
    },
  };
}

export async function addUser(
  world: ApiWorld,
  login: string,
  role?: 'viewer' | 'editor' | 'admin',
): Promise<Client & { cookie: string; csrf: string }> {
  const password = `${login}-password-1`;
  const created = await world.admin.json('POST', '/api/users', { body: { login, name: login.toUpperCase(), password } });
  if (created.status !== 201) throw new Error(`user ${login}: ${created.status} ${JSON.stringify(created.body)}`);
  if (role) {
    const given = await world.admin.call('PUT', `/api/programs/checkout-cloud-2027/members/${login}`, { body: { role } });
    if (given.status !== 204) throw new Error(`role for ${login}: ${given.status}`);
  }
  return sessionClient(world.server.url, login, password);
}

/**
 * The sample program with the three callers every route's access is checked against: an editor
 * (ana), a viewer (vic) and a signed-in user with no role on the program (eve).
 */
export async function rolesWorld(): Promise<{ world: ApiWorld; editor: Client; viewer: Client; outsider: Client }> {
  const world = await apiWorld('pglite');
  return {
    world,
    editor: await addUser(world, 'ana', 'editor'),
    viewer: await addUser(world, 'vic', 'viewer'),
    outsider: await addUser(world, 'eve'),
  };
}
