import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { AccessCache } from '../app/accounts/access-cache.js';
import { LoginLimiter } from '../app/accounts/login-limiter.js';
import { WorkerPool } from '../app/engine-pool/worker-pool.js';
import { ProgramCache } from '../app/program-cache.js';
import type { ProgramStore } from '../store/program-store.js';
import { createServer } from './create-server.js';
import { EncodedBodies } from './encoded-bodies.js';
import { openApiDocument, referencePage } from './openapi.js';
import { ProgramEvents } from './program-events.js';
import { startPublishScheduler } from './publish-scheduler.js';
import { API_ROUTES } from './routes/index.js';
import type { ServerDeps } from './server-deps.js';

export interface ServerOptions {
  readonly store: ProgramStore;
  readonly port: number;
  readonly host?: string;
  /** The built web app (index.html and assets); the API alone when absent. */
  readonly webDir?: string;
  readonly now?: () => Date;
  readonly secureCookies?: boolean;
  readonly workers?: number;
  readonly log?: (line: string) => void;
  readonly version?: string;
  /** Runs the programs' scheduled Confluence/Slack publishing, with secrets from this environment (`npm start` does; tests opt in). */
  readonly publishSchedules?: { readonly env: Readonly<Record<string, string | undefined>> };
}

export interface RunningServer {
  readonly url: string;
  readonly deps: ServerDeps;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

function webApp(app: Hono, webDir: string | undefined): void {
  app.get('*', async (c, next) => {
    const path = new URL(c.req.url).pathname;
    if (path.startsWith('/api/')) return next();
    // Without a built web app, the API reference is the front page.
    if (!webDir || !existsSync(join(webDir, 'index.html'))) return path === '/' ? c.redirect('/api/docs') : next();
    // Paths are resolved inside webDir only; anything else (and every client route) is the app shell.
    const file = normalize(join(webDir, path));
    const inside = file.startsWith(normalize(webDir)) && extname(file) !== '' && existsSync(file);
    const served = inside ? file : join(webDir, 'index.html');
    const body = await readFile(served);
    const immutable = inside && path.startsWith('/assets/');
    return new Response(body, {
      headers: {
        'content-type': TYPES[extname(served)] ?? 'application/octet-stream',
        'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        'x-content-type-options': 'nosniff',
      },
    });
  });
}

/** Starts the HTTP server over an open store; `close` stops it and the worker pool (not the store). */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const now = options.now ?? (() => new Date());
  const deps: ServerDeps = {
    store: options.store,
    cache: new ProgramCache(options.store, 16, () => now().getTime()),
    access: new AccessCache(options.store),
    bodies: new EncodedBodies(),
    pool: new WorkerPool(options.workers !== undefined ? { size: options.workers } : {}),
    events: new ProgramEvents(),
    limiter: new LoginLimiter(),
    now,
    secureCookies: options.secureCookies ?? false,
    log,
  };
  const document = openApiDocument(API_ROUTES, options.version ?? '0.1.0');
  const reference = referencePage(API_ROUTES);
  const app = createServer(deps, API_ROUTES, (a) => {
    a.get('/api/openapi.json', (c) => c.json(document));
    a.get('/api/docs', (c) => c.html(reference));
    a.get('/api/health', (c) => c.json({ ok: true }));
    webApp(a, options.webDir);
  });
  const scheduler = options.publishSchedules
    ? startPublishScheduler({
        store: options.store,
        env: options.publishSchedules.env,
        http: { sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)), now: () => Date.now() },
        pool: deps.pool,
        now,
        log,
      })
    : undefined;
  const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host ?? '127.0.0.1' }) as Server;
  // Idle keep-alive connections outlive the clients' own (browsers, undici: 4–60 s) and a load
  // balancer's (60 s), so the server is never the side that closes a connection a client is reusing
  // (which the client sees as ECONNRESET).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    deps,
    async close() {
      // Open event streams would hold the server open: end every connection.
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await scheduler?.stop();
      await deps.pool.close();
    },
  };
}
