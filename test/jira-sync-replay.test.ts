import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusDataset, generateDataset } from './support/jira-dataset.js';
import { parseJqlDate } from './support/jira-jql.js';
import { type JiraReplayServer, startJiraReplay } from './support/jira-replay-server.js';

// The replay Jira itself, over plain fetch: it must behave as Atlassian documents the endpoints, or
// the client tests prove nothing. Each case names the documented behaviour it holds to.

const EMAIL = 'tpm@example.com';
const TOKEN = 'replay-token-789';
const basic = `Basic ${Buffer.from(`${EMAIL}:${TOKEN}`).toString('base64')}`;

let server: JiraReplayServer;
beforeAll(async () => {
  const data = generateDataset({ issues: 260 });
  for (const issue of corpusDataset().issues.values()) data.add(issue);
  server = await startJiraReplay({ dataset: data, auth: { kind: 'basic', email: EMAIL, token: TOKEN }, timeZone: 'Asia/Tokyo' });
});
afterAll(() => server.stop());

async function get(path: string, auth = basic): Promise<{ status: number; headers: Headers; body: Record<string, unknown> }> {
  const response = await fetch(`${server.url}${path}`, { headers: auth ? { authorization: auth } : {} });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}

describe('replay Jira', () => {
  it('enhanced search: fields default to id only, maxResults default 50, capped at 100 with fields and 5,000 with keys only', async () => {
    const first = await get('/rest/api/3/search/jql?jql=project%20%3D%20NET');
    const issues = first.body.issues as { key: string; fields: object }[];
    expect(issues).toHaveLength(50);
    expect(issues[0]?.fields).toEqual({});
    expect(first.body.isLast).toBe(false);
    expect('total' in first.body).toBe(false);
    const capped = await get('/rest/api/3/search/jql?jql=project%20%3D%20NET&maxResults=1000&fields=summary');
    expect(capped.body.issues).toHaveLength(100);
    const keys = await get('/rest/api/3/search/jql?jql=project%20%3D%20NET&maxResults=1000&fields=key');
    expect(keys.body.issues).toHaveLength(260);
    // The last page has isLast and no nextPageToken key at all (JRACLOUD-92184).
    expect(keys.body.isLast).toBe(true);
    expect('nextPageToken' in keys.body).toBe(false);
  });

  it('changelog only with expand=changelog; a token is bound to its query', async () => {
    const plain = await get('/rest/api/3/search/jql?jql=key%20%3D%20UT-26&fields=summary');
    expect((plain.body.issues as object[])[0]).not.toHaveProperty('changelog');
    const expanded = await get('/rest/api/3/search/jql?jql=key%20%3D%20UT-26&fields=summary&expand=changelog');
    expect((expanded.body.issues as { changelog: { total: number } }[])[0]?.changelog.total).toBe(4);
    const page = await get('/rest/api/3/search/jql?jql=project%20%3D%20NET&maxResults=10');
    const token = String(page.body.nextPageToken);
    const other = await get(`/rest/api/3/search/jql?jql=project%20%3D%20UT&nextPageToken=${token}`);
    expect(other.status).toBe(400);
  });

  it('v3 sends descriptions as Atlassian Document Format, v2 as text', async () => {
    const v3 = await get('/rest/api/3/search?jql=key%20%3D%20TEST-1&fields=description');
    const v2 = await get('/rest/api/2/search?jql=key%20%3D%20TEST-1&fields=description');
    expect((v3.body.issues as { fields: { description: unknown } }[])[0]?.fields.description).toMatchObject({ type: 'doc', version: 1 });
    expect((v2.body.issues as { fields: { description: unknown } }[])[0]?.fields.description).toBe('Test description');
    expect(v2.body).toMatchObject({ startAt: 0, total: 1 });
  });

  it('401 with Jira error body without credentials or with a wrong token; never logs the credential', async () => {
    const none = await get('/rest/api/3/myself', '');
    expect(none.status).toBe(401);
    expect(none.body).toEqual({ errorMessages: [expect.stringContaining('not authenticated')], errors: {} });
    const wrong = await get('/rest/api/3/myself', `Basic ${Buffer.from(`${EMAIL}:nope`).toString('base64')}`);
    expect(wrong.status).toBe(401);
    expect(JSON.stringify(server.requests)).not.toContain(TOKEN);
    expect(JSON.stringify(server.requests)).not.toContain(basic.slice(6));
  });

  it('400 with errorMessages for JQL outside the subset or a field Jira does not know', async () => {
    for (const jql of ['project ~ NET', 'assignee = currentUser()', 'project = NET AND', '"Epic Link" = NET-1']) {
      const r = await get(`/rest/api/3/search/jql?jql=${encodeURIComponent(jql)}`);
      expect(r.status, jql).toBe(400);
      expect(r.body, jql).toEqual({ errorMessages: [expect.any(String)], errors: {} });
    }
  });

  it('429 on a chosen request with Retry-After in seconds and the X-RateLimit headers; the next one is served', async () => {
    server.rateLimitOn(server.requests.length + 1, 17);
    const limited = await get('/rest/api/3/myself');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('17');
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(Number.isNaN(Date.parse(limited.headers.get('x-ratelimit-reset') ?? ''))).toBe(false);
    expect((await get('/rest/api/3/myself')).status).toBe(200);
  });

  it('JQL dates are wall-clock times in the user zone', () => {
    expect(new Date(parseJqlDate('2026/11/30 09:00', 'Asia/Tokyo') ?? 0).toISOString()).toBe('2026-11-30T00:00:00.000Z');
    expect(new Date(parseJqlDate('2026-03-29 03:30', 'Europe/Berlin') ?? 0).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(new Date(parseJqlDate('2026/07/01', 'America/New_York') ?? 0).toISOString()).toBe('2026-07-01T04:00:00.000Z');
  });

  it('agile: boards, a board by id, its sprints (go-jira recorded), issues 50 a page with total', async () => {
    const boards = await get('/rest/agile/1.0/board');
    expect(boards.body).toMatchObject({ startAt: 0, total: 1, isLast: true });
    const sprints = await get('/rest/agile/1.0/board/1/sprint');
    expect((sprints.body.values as { name: string }[]).map((s) => s.name)).toContain('Iteration-10');
    const page = await get('/rest/agile/1.0/board/1/issue?maxResults=500&startAt=250&expand=changelog');
    expect(page.body).toMatchObject({ startAt: 250, maxResults: 50, total: 260 });
    expect((page.body.issues as object[])[0]).not.toHaveProperty('changelog');
    expect((await get('/rest/agile/1.0/board/99')).status).toBe(404);
  });
});
