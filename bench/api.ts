/**
 * HTTP API under load on loopback: 50 concurrent clients reading a 10k-item program's items page
 * and its (cached) plan, with a signed-in session and Accept-Encoding as a browser sends them.
 * Target (issue 5): p99 under 50 ms and no errors.
 *
 * Two load generators, each in its own process: wrk (C; Debian's `wrk`, used when installed) and
 * autocannon (Node). On two cores the generator shares the machine with the server; autocannon
 * parsing ~0.4 MB bodies in JavaScript saturates its core first, so for the plan its figure
 * measures autocannon more than the server; wrk's does not. Each run follows a 3 s warm-up.
 * Run: npx tsx bench/api.ts [--items 10000] [--seconds 10] [--connections 50]
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { benchServer } from './bench-server.js';

interface LoadResult {
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
  readonly perSecond: number;
  readonly requests: number;
  readonly errors: number;
}
interface Load {
  readonly url: string;
  readonly connections: number;
  readonly seconds: number;
  readonly headers: Record<string, string>;
}

const run = promisify(execFile);
const AUTOCANNON = createRequire(import.meta.url).resolve('autocannon/autocannon.js');

async function autocannon(o: Load): Promise<LoadResult> {
  const headers = Object.entries(o.headers).flatMap(([k, v]) => ['-H', `${k}=${v}`]);
  const args = [AUTOCANNON, '--json', '-c', String(o.connections), '-d', String(o.seconds), ...headers, o.url];
  const { stdout } = await run(process.execPath, args, { maxBuffer: 64 * 1024 * 1024 });
  const r = JSON.parse(stdout) as {
    latency: { p50: number; p90: number; p99: number; max: number };
    requests: { average: number; total: number };
    errors: number;
    timeouts: number;
    non2xx: number;
  };
  return { ...r.latency, perSecond: r.requests.average, requests: r.requests.total, errors: r.errors + r.timeouts + r.non2xx };
}

/** wrk's `--latency` report: percentiles in us/ms/s, "Non-2xx or 3xx responses" and socket errors. */
async function wrk(o: Load): Promise<LoadResult> {
  const headers = Object.entries(o.headers).flatMap(([k, v]) => ['-H', `${k}: ${v}`]);
  const { stdout } = await run('wrk', ['-t1', `-c${o.connections}`, `-d${o.seconds}s`, '--latency', ...headers, o.url]);
  const ms = (text: string | undefined) => {
    const m = /([\d.]+)(us|ms|s)/.exec(text ?? '');
    if (!m) return Number.NaN;
    return Number(m[1]) * (m[2] === 'us' ? 0.001 : m[2] === 's' ? 1000 : 1);
  };
  const percentile = (p: number) => ms(new RegExp(`^\\s+${p}%\\s+(\\S+)`, 'm').exec(stdout)?.[1]);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(stdout);
  return {
    p50: percentile(50),
    p90: percentile(90),
    p99: percentile(99),
    max: ms(/^\s+Latency\s+\S+\s+\S+\s+(\S+)/m.exec(stdout)?.[1]),
    perSecond: Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1]),
    requests: Number(/(\d+) requests in/.exec(stdout)?.[1]),
    errors:
      Number(/Non-2xx or 3xx responses: (\d+)/.exec(stdout)?.[1] ?? 0) + (socket ? socket.slice(1).reduce((a, b) => a + Number(b), 0) : 0),
  };
}

const hasWrk = await run('wrk', ['--version']).then(
  () => true,
  (e: { stdout?: string }) => (e.stdout ?? '').includes('wrk'),
);

const arg = (name: string, fallback: number) => Number(process.argv[process.argv.indexOf(`--${name}`) + 1]) || fallback;
const items = arg('items', 10_000);
const seconds = arg('seconds', 10);
const connections = arg('connections', 50);

const server = await benchServer({ store: { kind: 'memory' }, program: { items, teams: 20, dependenciesPerItem: 2 }, seed: 7 });
const id = server.model.program.id;
console.log(
  `program: ${server.model.items.length} items, ${server.model.dependencies.length} dependencies; ` +
    `${connections} connections for ${seconds} s each${hasWrk ? '' : ' (wrk not installed: apt-get install wrk)'}`,
);

const headers = { cookie: server.cookie, 'accept-encoding': 'gzip, deflate, br' };
const targets = [
  { name: 'items page (100 items)', path: `/api/programs/${id}/items?page=3&perPage=100` },
  { name: 'plan (cached)', path: `/api/programs/${id}/plan` },
];
const tools = hasWrk ? { wrk, autocannon } : { autocannon };
for (const t of targets) {
  const url = `${server.url}${t.path}`;
  const sent = await fetch(url, { headers: { cookie: server.cookie } });
  const bytes = (await sent.arrayBuffer()).byteLength;
  for (const [tool, load] of Object.entries(tools)) {
    await load({ url, connections, seconds: 3, headers });
    const r = await load({ url, connections, seconds, headers });
    console.log(
      `${t.name}, ${tool}: p50 ${r.p50.toFixed(1)} ms, p90 ${r.p90.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, max ${r.max.toFixed(0)} ms; ` +
        `${Math.round(r.perSecond)} req/s, ${r.requests} requests, ${r.errors} errors; ${(bytes / 1024).toFixed(0)} KiB of JSON  [target p99 < 50 ms, 0 errors]`,
    );
  }
}
await server.close();
