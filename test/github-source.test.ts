import { afterEach, describe, expect, it } from 'vitest';
import { githubSource } from '../src/app/integrations/github/github-source.js';
import type { SyncProgress } from '../src/app/integrations/work-source.js';
import { githubIntegrationSchema } from '../src/domain/integration.js';
import { type GithubReplayOptions, type GithubReplayServer, startGithubReplayServer } from './support/github-replay-server.js';

const TOKEN = 'ghp_replayToken0123456789abcdefABCDEF01';
const MAPPING = {
  team: { from: 'label', values: { platform: 'platform-eng' } },
  estimate: { from: 'label', pointsToDays: { payments: 2, default: 1 } },
};

let server: GithubReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A clock the recording sleep moves: waits are asserted, never spent. */
function world() {
  const clock = { t: Date.parse('2026-11-26T12:00:00Z') };
  const sleeps: number[] = [];
  const deps = {
    now: () => clock.t,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      clock.t += ms;
    },
  };
  return { clock, sleeps, deps };
}

async function setup(select: unknown, options: Partial<GithubReplayOptions> = {}, token = TOKEN, mapping: unknown = MAPPING) {
  const w = world();
  server = await startGithubReplayServer({ token: TOKEN, now: w.deps.now, ...options });
  const config = githubIntegrationSchema.parse({ api: server.url, select, mapping });
  const progress: SyncProgress[] = [];
  return { ...w, server, source: githubSource(config, token, w.deps), progress, sink: (p: SyncProgress) => progress.push(p) };
}

const REPOS = { repos: ['octo-org/api', 'octo-org/web'] };

describe('GitHub source over the GraphQL API (replay server)', () => {
  it('tests the connection: who we are, what the selection holds, the rate limit', async () => {
    const { source } = await setup(REPOS);
    const r = await source.test();
    expect(r).toEqual({
      ok: true,
      value: {
        account: 'octo-tpm',
        detail: expect.stringMatching(/^octo-org\/api: 6 issues, octo-org\/web: 3 issues; GraphQL rate limit \d+ of 5000 points left/),
      },
    });
    expect(source.describe).toBe('octo-org/api, octo-org/web');
    expect(source.owned).toContain('team');
  });

  it('fetches every issue and milestone, mapped, with progress per page', async () => {
    const { source, sink, progress, server } = await setup(REPOS);
    const r = await source.fetch(undefined, sink);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.works.map((w) => w.id).sort()).toEqual([
      'api-1',
      'api-2',
      'api-3',
      'api-4',
      'api-5',
      'api-6',
      'api-m-1',
      'api-m-2',
      'web-1',
      'web-2',
      'web-3',
    ]);
    // The replay server derives blocking from blockedBy: both ends report the link once.
    expect(
      r.value.dependencies
        .filter((d) => d.link === 'blocked by')
        .map((d) => `${d.from}->${d.to}`)
        .sort(),
    ).toEqual(['api-2->web-1', 'api-3->api-2', 'api-5->web-2', 'infra-12->api-6']);
    expect(r.value.works.find((w) => w.id === 'api-1')?.fields.kind).toBe('epic');
    expect(progress.at(-1)).toEqual({ phase: 'fetching', done: 9, total: 9 });
    expect(server.requests.map((q) => q.operationName)).toEqual([
      'GithubRepoCount',
      'GithubRepoCount',
      'GithubRepoIssues',
      'GithubRepoIssues',
      'GithubRepoMilestones',
      'GithubRepoMilestones',
    ]);
  });

  it('pages through 100 issues at a time with the cursor GitHub gives', async () => {
    const { source, sink, progress, server } = await setup({ repos: ['octo-org/bulk'] });
    server.addIssues('octo-org/bulk', 250, '2026-11-01T00:00:00Z');
    const r = await source.fetch(undefined, sink);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.works).toHaveLength(250);
    const pages = server.requests.filter((q) => q.operationName === 'GithubRepoIssues');
    expect(pages.map((q) => q.variables.after)).toEqual([null, expect.any(String), expect.any(String)]);
    expect(progress.filter((p) => p.phase === 'fetching').map((p) => p.done)).toEqual([0, 100, 200, 250]);
    // A preview stops early.
    const preview = await source.fetch(undefined, () => {}, 120);
    expect(preview.ok && preview.value.works.length).toBe(120);
  });

  it('fetches only what changed since the last sync, with whole milestones', async () => {
    const { source } = await setup(REPOS);
    const r = await source.fetch('2026-11-20T00:00:00Z', () => {});
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.works.map((w) => w.id).sort()).toEqual(['api-5', 'api-m-1', 'api-m-2', 'web-1', 'web-2']);
    expect(
      r.value.dependencies
        .filter((d) => d.to === 'api-m-1')
        .map((d) => d.from)
        .sort(),
    ).toEqual(['api-1', 'api-2', 'api-5']);
  });

  it('waits until x-ratelimit-reset when the points run out mid-sync, and sends nothing early', async () => {
    const { source, sleeps, server } = await setup(REPOS, { exhaustOnRequest: 3, resetInSeconds: 1800 });
    const r = await source.fetch(undefined, () => {});
    expect(r.ok).toBe(true);
    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]).toBeGreaterThan(1_799_000);
    expect(sleeps[0]).toBeLessThanOrEqual(1_800_000);
    expect(server.refusedEarly).toBe(0);
    expect(server.requests).toHaveLength(6);
  });

  it('waits out a secondary rate limit (429, retry-after) and goes on', async () => {
    const { source, sleeps, server } = await setup(REPOS, { secondaryOnRequests: [2], retryAfterSeconds: 30 });
    const r = await source.fetch(undefined, () => {});
    expect(r.ok).toBe(true);
    expect(sleeps).toEqual([30_000]);
    expect(server.requests.map((q) => q.status)).toEqual([200, 429, 200, 200, 200, 200, 200]);
  });

  it('waits out a secondary rate limit answered as 403, at least a minute', async () => {
    const { source, sleeps, server } = await setup(REPOS, { secondaryOnRequests: [3], retryAfterSeconds: 60, secondaryStatus: 403 });
    const r = await source.fetch(undefined, () => {});
    expect(r.ok).toBe(true);
    expect(sleeps).toEqual([60_000]);
    expect(server.requests.map((q) => q.status)).toEqual([200, 200, 403, 200, 200, 200, 200]);
  });

  it('a refused token says what to fix and never shows the token', async () => {
    const { source } = await setup(REPOS, {}, 'ghp_wrongToken0000000000000000000000000');
    const r = await source.test();
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.kind).toBe('auth');
    expect(r.error.message).toContain('Bad credentials');
    expect(r.error.message).toContain('GITHUB_TOKEN');
    expect(r.error.message).not.toContain('wrongToken');
  });

  it('GraphQL errors in a 200 are failures naming what GitHub could not resolve', async () => {
    const { source } = await setup({ repos: ['octo-org/api', 'octo-org/nope'] });
    const r = await source.fetch(undefined, () => {});
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.kind).toBe('not-found');
    expect(r.error.message).toContain("Could not resolve to a Repository with the name 'octo-org/nope'");
  });

  it('on a GitHub Enterprise Server without sub-issues and dependencies, asks again without them', async () => {
    const { source, server } = await setup(REPOS, { missingIssueFields: ['parent', 'subIssuesSummary', 'blockedBy', 'blocking'] });
    const r = await source.fetch(undefined, () => {});
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.works).toHaveLength(11);
    expect(r.value.dependencies.every((d) => d.link === 'milestone')).toBe(true);
    expect(r.value.works.every((w) => w.fields.parent === undefined && w.fields.kind !== 'epic')).toBe(true);
    // Up to three unknown fields are named per answer: two tries learn all four, then it goes on.
    const issuePages = server.requests.filter((q) => q.operationName === 'GithubRepoIssues');
    expect(issuePages).toHaveLength(4);
  });

  it('lists every key of the selection, milestones included, to find what left it', async () => {
    const { source, server } = await setup(REPOS);
    const progress: SyncProgress[] = [];
    const before = await source.keys((p) => progress.push(p));
    if (!before.ok) throw new Error(before.error.message);
    expect([...before.value].sort()).toEqual([
      'octo-org/api#1',
      'octo-org/api#2',
      'octo-org/api#3',
      'octo-org/api#4',
      'octo-org/api#5',
      'octo-org/api#6',
      'octo-org/api/milestones/1',
      'octo-org/api/milestones/2',
      'octo-org/web#1',
      'octo-org/web#2',
      'octo-org/web#3',
    ]);
    expect(progress.at(-1)).toEqual({ phase: 'listing', done: 9 });
    server.removeIssue('octo-org/web', 3);
    const after = await source.keys(() => {});
    expect(after.ok && after.value.has('octo-org/web#3')).toBe(false);
  });
});

describe('GitHub source over a Projects (v2) board', () => {
  const BOARD_MAPPING = {
    team: { from: 'field', field: 'Team' },
    estimate: { from: 'field', field: 'Estimate', pointsToDays: { default: 0.5 } },
    states: { 'Blocked by vendor': 'blocked' },
  };

  it("fetches an organization's board with its field values", async () => {
    const { source, sink, progress, server } = await setup({ project: { owner: 'octo-org', number: 5 } }, {}, TOKEN, BOARD_MAPPING);
    const r = await source.fetch(undefined, sink);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.works.map((w) => w.id).sort()).toEqual([
      'api-2',
      'api-3',
      'api-m-1',
      'api-m-2',
      'draft-40010003',
      'draft-40010008',
      'web-1',
    ]);
    expect(r.value.works.find((w) => w.id === 'api-2')?.fields).toMatchObject({
      state: 'in-progress',
      estimate: 1.5,
      startNoEarlierThan: '2027-02-01',
      deadline: '2027-03-15',
    });
    expect(progress.at(-1)).toEqual({ phase: 'fetching', done: 8, total: 8 });
    const tested = await source.test();
    expect(tested.ok && tested.value.detail).toMatch(/^project "Checkout 2027" \(octo-org\/5\): 8 items; GraphQL rate limit/);
    const sent = server.requests.length;
    const keys = await source.keys(() => {});
    // Right after a whole fetch of the board, its listing costs no request.
    expect(server.requests.length).toBe(sent);
    expect(keys.ok && [...keys.value].sort()).toEqual([
      'octo-org/api#2',
      'octo-org/api#3',
      'octo-org/api/milestones/1',
      'octo-org/api/milestones/2',
      'octo-org/projects/5#draft-40010003',
      'octo-org/projects/5#draft-40010008',
      'octo-org/web#1',
    ]);
  });

  it('tries a user when the owner is no organization, and names a missing board', async () => {
    const { source, server } = await setup({ project: { owner: 'mona', number: 1 } }, {}, TOKEN, BOARD_MAPPING);
    const r = await source.fetch(undefined, () => {});
    expect(server.requests.map((q) => q.operationName)).toEqual(['GithubOrgProjectItems', 'GithubUserProjectItems']);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain("Could not resolve to a User with the login of 'mona'");
    const { source: missing } = await setup({ project: { owner: 'octo-org', number: 9 } }, {}, TOKEN, BOARD_MAPPING);
    const m = await missing.fetch(undefined, () => {});
    expect(!m.ok && m.error.message).toContain('Could not resolve to a ProjectV2 with the number 9');
  });
});
