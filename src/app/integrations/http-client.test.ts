import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpDeps, httpClient } from './http-client.js';

type Handler = (req: IncomingMessage, res: ServerResponse, n: number) => void;
let handler: Handler = (_req, res) => res.end();
let hits = 0;
const seen: { path: string; auth: string | undefined; body: string }[] = [];
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (c: Buffer) => {
    body += c.toString();
  });
  req.on('end', () => {
    hits++;
    seen.push({ path: req.url ?? '', auth: req.headers.authorization, body });
    handler(req, res, hits);
  });
});
let base = '';
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

function world(now = 1_800_000_000_000) {
  const slept: number[] = [];
  let clock = now;
  const deps: HttpDeps = {
    sleep: async (ms) => {
      slept.push(ms);
      clock += ms;
    },
    now: () => clock,
  };
  hits = 0;
  seen.length = 0;
  return { slept, deps };
}
const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};

describe('the integrations HTTP client', () => {
  it('waits out a 429 for exactly Retry-After seconds, then gets the answer', async () => {
    const { slept, deps } = world();
    handler = (_req, res, n) =>
      n === 1 ? json(res, 429, { errorMessages: ['slow down'] }, { 'retry-after': '7' }) : json(res, 200, { ok: n });
    const client = httpClient({ baseUrl: base, auth: { kind: 'none' }, service: 'Jira', authHint: 'the token' }, deps);
    const r = await client.send({ path: '/rest/api/3/myself' });
    expect(r.ok && r.value.body).toEqual({ ok: 2 });
    expect(slept).toEqual([7000]);
    expect(client.requests()).toBe(2);
  });

  it('backs off exponentially when a 503 gives no Retry-After, and gives up with a clear message', async () => {
    const { slept, deps } = world();
    handler = (_req, res) => json(res, 503, {});
    const client = httpClient({ baseUrl: base, auth: { kind: 'none' }, service: 'Jira', authHint: 'x', maxRetries: 3 }, deps);
    const r = await client.send({ path: '/x' });
    expect(slept).toEqual([1000, 2000, 4000]);
    expect(!r.ok && r.error.kind).toBe('rate-limited');
    expect(!r.ok && r.error.message).toMatch(/rate-limiting GET http:\/\/127\.0\.0\.1:\d+\/x .*gave up after 4 tries/);
  });

  it("waits until GitHub's x-ratelimit-reset once the remaining budget is 0", async () => {
    const { slept, deps } = world(1_800_000_000_000);
    const reset = 1_800_000_000 + 42;
    handler = (_req, res, n) => json(res, 200, { n }, n === 1 ? { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) } : {});
    const client = httpClient(
      { baseUrl: base, auth: { kind: 'bearer', secret: 'ghp_secret' }, service: 'GitHub', authHint: 'GITHUB_TOKEN' },
      deps,
    );
    await client.send({ path: '/graphql', method: 'POST', json: { query: '{ viewer { login } }' } });
    await client.send({ path: '/graphql', method: 'POST', json: {} });
    expect(slept).toEqual([42_000]);
    expect(seen[0]?.auth).toBe('Bearer ghp_secret');
    expect(seen[0]?.body).toBe('{"query":"{ viewer { login } }"}');
  });

  it('treats a 403 with no budget left as a rate limit, not a refusal', async () => {
    const { slept, deps } = world(1_800_000_000_000);
    handler = (_req, res, n) =>
      n === 1
        ? json(
            res,
            403,
            { message: 'API rate limit exceeded' },
            { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(1_800_000_010) },
          )
        : json(res, 200, {});
    const client = httpClient({ baseUrl: base, auth: { kind: 'none' }, service: 'GitHub', authHint: 'x' }, deps);
    expect((await client.send({ path: '/x' })).ok).toBe(true);
    expect(slept).toEqual([10_000]);
  });

  it("waits out GitHub's secondary limit: a 403 with Retry-After", async () => {
    const { slept, deps } = world();
    handler = (_req, res, n) =>
      n === 1
        ? json(res, 403, { message: 'You have exceeded a secondary rate limit.' }, { 'retry-after': '60' })
        : json(res, 200, { ok: true });
    const client = httpClient({ baseUrl: base, auth: { kind: 'none' }, service: 'GitHub', authHint: 'x' }, deps);
    expect((await client.send({ path: '/graphql' })).ok).toBe(true);
    expect(slept).toEqual([60_000]);
  });

  it('says which credentials to check on a 401, and never shows the secret', async () => {
    const { deps } = world();
    handler = (req, res) => json(res, 401, { errorMessages: [`bad credentials ${req.headers.authorization}`] });
    const client = httpClient(
      {
        baseUrl: base,
        auth: { kind: 'basic', user: 'tpm@acme.com', secret: 's3cr3t-token' },
        service: 'Jira',
        authHint: 'JIRA_API_TOKEN and the e-mail',
      },
      deps,
    );
    const r = await client.send({ path: '/rest/api/3/myself', query: { token: 'x' } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.kind).toBe('auth');
    expect(r.error.message).toMatch(
      /^Jira refused the credentials \(HTTP 401\) for GET http:\/\/127\.0\.0\.1:\d+\/rest\/api\/3\/myself: bad credentials Basic \*\*\*\. Check JIRA_API_TOKEN and the e-mail\.$/,
    );
    expect(r.error.message).not.toContain('s3cr3t');
    expect(seen[0]?.auth).toBe(`Basic ${Buffer.from('tpm@acme.com:s3cr3t-token').toString('base64')}`);
  });

  it('resolves paths under a base that has its own path, and refuses links to other sites', async () => {
    const { deps } = world();
    handler = (req, res) => json(res, 200, { path: req.url });
    const client = httpClient({ baseUrl: `${base}/api`, auth: { kind: 'none' }, service: 'GitHub', authHint: 'x' }, deps);
    const r = await client.send({ path: '/graphql', query: { a: 1, b: undefined } });
    expect(r.ok && r.value.body).toEqual({ path: '/api/graphql?a=1' });
    const away = await client.send({ path: 'https://elsewhere.example/x' });
    expect(!away.ok && away.error.kind).toBe('bad-response');
  });

  it('retries a refused connection with backoff, then reports the network error', async () => {
    const { slept, deps } = world();
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const client = httpClient(
      { baseUrl: `http://127.0.0.1:${port}`, auth: { kind: 'none' }, service: 'Jira', authHint: 'x', maxRetries: 2 },
      deps,
    );
    const r = await client.send({ path: '/x' });
    expect(slept).toEqual([1000, 2000]);
    expect(!r.ok && r.error.kind).toBe('network');
    expect(!r.ok && r.error.message).toMatch(new RegExp(`^Could not reach Jira at GET http://127\\.0\\.0\\.1:${port}/x: .*ECONNREFUSED`));
  });
});
