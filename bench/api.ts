/**
 * HTTP API under load on loopback: 50 concurrent clients reading a 10k-item program's items page
 * and its (cached) plan, with a signed-in session as the web app sends it.
 * Target (issue 5): p99 under 50 ms and no errors. autocannon runs in its own process, so its
 * parsing does not eat the server's CPU (both share this machine's cores all the same).
 * Run: npx tsx bench/api.ts [--items 10000] [--seconds 10] [--connections 50]
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { benchServer } from './bench-server.js';

interface Histogram {
  p50: number;
  p90: number;
  p99: number;
  max: number;
}
interface LoadResult {
  latency: Histogram;
  requests: { average: number; total: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}
const AUTOCANNON = createRequire(import.meta.url).resolve('autocannon/autocannon.js');
async function autocannon(o: { url: string; connections: number; duration: number; headers: Record<string, string> }): Promise<LoadResult> {
  const headers = Object.entries(o.headers).flatMap(([k, v]) => ['-H', `${k}=${v}`]);
  const args = [AUTOCANNON, '--json', '-c', String(o.connections), '-d', String(o.duration), ...headers, o.url];
  const { stdout } = await promisify(execFile)(process.execPath, args, { maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(stdout) as LoadResult;
}

const arg = (name: string, fallback: number) => Number(process.argv[process.argv.indexOf(`--${name}`) + 1]) || fallback;
const items = arg('items', 10_000);
const seconds = arg('seconds', 10);
const connections = arg('connections', 50);

const server = await benchServer({ store: { kind: 'memory' }, program: { items, teams: 20, dependenciesPerItem: 2 }, seed: 7 });
const { cookie, model } = server;
const id = model.program.id;
console.log(
  `program: ${model.items.length} items, ${model.dependencies.length} dependencies; ${connections} connections for ${seconds} s each`,
);

// A browser sends gzip in Accept-Encoding; autocannon sends nothing unless told.
const headers = { cookie, 'accept-encoding': 'gzip, br' };
const targets = [
  { name: 'items page (100 items)', path: `/api/programs/${id}/items?page=3&perPage=100` },
  { name: 'plan (cached)', path: `/api/programs/${id}/plan` },
];
for (const t of targets) {
  const warm = await fetch(`${server.url}${t.path}`, { headers });
  const bytes = (await warm.arrayBuffer()).byteLength;
  const r = await autocannon({ url: `${server.url}${t.path}`, connections, duration: seconds, headers });
  const failed = r.errors + r.timeouts + r.non2xx;
  console.log(
    `${t.name}: p50 ${r.latency.p50} ms, p90 ${r.latency.p90} ms, p99 ${r.latency.p99} ms, max ${r.latency.max} ms; ` +
      `${Math.round(r.requests.average)} req/s, ${r.requests.total} requests, ${failed} errors; ` +
      `${(bytes / 1024).toFixed(0)} KiB per response (${warm.headers.get('content-encoding') ?? 'identity'})  [target p99 < 50 ms, 0 errors]`,
  );
}
await server.close();
