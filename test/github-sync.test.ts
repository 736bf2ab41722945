import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { githubSource } from '../src/app/integrations/github/github-source.js';
import type { HttpDeps } from '../src/app/integrations/http-client.js';
import { type SyncOptions, syncProgram } from '../src/app/integrations/sync-program.js';
import type { ProgramId } from '../src/domain/ids.js';
import { githubIntegrationSchema } from '../src/domain/integration.js';
import { readProgramYaml } from '../src/formats/program-yaml/read-program.js';
import type { ProgramStore } from '../src/store/program-store.js';
import { type GithubReplayServer, startGithubReplayServer } from './support/github-replay-server.js';
import { openFreshStore } from './support/stores.js';

// Importing from GitHub into a stored program (embedded PostgreSQL) through the replay server, and
// re-syncing after edits made on the "GitHub" side: what changed, and only that, is in the history.

const TOKEN = 'ghp_programSyncToken0123456789abcdef0123';

const programYaml = (id: string) => `throughline: 1
program:
  id: ${id}
  name: Checkout 2027
  start: 2026-11-02
  target: 2027-12-31
  calendar:
    timezone: Europe/Berlin
    workdays: [mon, tue, wed, thu, fri]
    hours: ["09:00-17:00"]
`;

const clock = { t: Date.parse('2026-11-26T12:00:00Z') };
const sleeps: number[] = [];
const deps: HttpDeps = {
  now: () => clock.t,
  sleep: async (ms) => {
    sleeps.push(ms);
    clock.t += ms;
  },
};

let store: ProgramStore;
let server: GithubReplayServer;
beforeAll(async () => {
  store = await openFreshStore('pglite');
  server = await startGithubReplayServer({ token: TOKEN, now: deps.now, exhaustOnRequest: 4, resetInSeconds: 600 });
});
afterAll(async () => {
  await server.close();
  await store.close();
});

async function newProgram(id: string): Promise<ProgramId> {
  const model = readProgramYaml(programYaml(id), `${id}.yaml`);
  if (!model.ok) throw new Error(JSON.stringify(model.error));
  await store.saveProgram(model.value, { actor: 'tpm', at: new Date('2026-11-01T09:00:00Z'), source: 'load' });
  return id as ProgramId;
}

const options = (at: string): SyncOptions => ({
  dryRun: false,
  at: new Date(at),
  actor: 'tpm',
  progress: () => {},
  recordActivity: (id, entries) => store.integrations.recordActivity(id, entries),
});

function repoSource() {
  const config = githubIntegrationSchema.parse({
    api: server.url,
    select: { repos: ['octo-org/api', 'octo-org/web'] },
    mapping: {
      team: { from: 'label', values: { platform: 'platform-eng' } },
      estimate: { from: 'label', pointsToDays: { payments: 2, default: 1 } },
    },
  });
  return githubSource(config, TOKEN, deps);
}

describe('GitHub → stored program through the replay server', () => {
  let program: ProgramId;
  beforeAll(async () => {
    program = await newProgram('checkout-gh');
  });

  it('imports issues and milestones with every mapped field, blocked-by and milestone links, teams', async () => {
    const r = await syncProgram(store, program, repoSource(), options('2026-11-26T12:00:00Z'));
    if (!r.ok) throw new Error(r.error.message);
    expect([...r.value.summary.created].sort()).toEqual(
      ['api-1', 'api-2', 'api-3', 'api-4', 'api-5', 'api-6', 'api-m-1', 'api-m-2', 'web-1', 'web-2', 'web-3'].sort(),
    );
    expect([...r.value.summary.teamsCreated].sort()).toEqual(['payments', 'platform-eng', 'web-experience']);
    // The points ran out on the 4th request: the sync waited for the reset, GitHub refused nothing.
    expect(sleeps.some((ms) => ms > 590_000 && ms <= 600_000)).toBe(true);
    expect(server.refusedEarly).toBe(0);

    const model = await store.readProgram(program);
    const item = (id: string) => model?.items.find((i) => i.id === id);
    expect(item('api-2')).toMatchObject({
      title: 'Tokenize cards',
      kind: 'task',
      state: 'not-started',
      description: 'Store PAN only as network tokens.',
      assignee: 'hubot',
      team: 'payments',
      estimate: 6,
      parent: 'api-1',
      tags: ['security'],
      source: { system: 'github', key: 'octo-org/api#2', url: 'https://github.com/octo-org/api/issues/2', updated: '2026-11-19T14:03:10Z' },
    });
    expect(item('api-1')).toMatchObject({ kind: 'epic', team: 'payments' });
    expect(item('api-3')).toMatchObject({ state: 'done', estimate: 10 });
    expect(item('api-4')?.state).toBe('cancelled');
    expect(item('web-3')?.state).toBe('cancelled');
    expect(item('api-m-1')).toMatchObject({ kind: 'milestone', title: 'Beta', target: '2027-03-31', state: 'not-started' });
    // The parent and the blocker outside the selection are left out; the issue keeps everything else.
    expect(item('api-6')?.parent).toBeUndefined();
    const deps = (model?.dependencies ?? []).map((d) => `${d.from}->${d.to} ${d.type} ${d.source} ${d.note}`).sort();
    expect(deps).toEqual([
      'api-1->api-m-1 FS github milestone (github)',
      'api-2->api-m-1 FS github milestone (github)',
      'api-2->web-1 FS github blocked by (github)',
      'api-3->api-2 FS github blocked by (github)',
      'api-3->api-m-2 FS github milestone (github)',
      'api-5->api-m-1 FS github milestone (github)',
      'api-5->web-2 FS github blocked by (github)',
    ]);
    const [set] = await store.history(program, { limit: 1 });
    expect(set?.source).toBe('sync github: octo-org/api, octo-org/web');
    // The issues' timelines are the items' GitHub activity.
    expect(r.value.summary.activity).toBe(8);
    const api3 = await store.integrations.activity(program, 'api-3');
    expect(api3.map((a) => [a.actor, a.field, a.from ?? null, a.to ?? null]).reverse()).toEqual([
      ['ghost', 'title', 'Intents API', 'Payment intents endpoint'],
      ['mona', 'milestone', null, 'Alpha'],
      ['octocat', 'state', 'open', 'closed'],
    ]);
  });

  it('re-sync after edits on GitHub: exactly those change, local work survives, a removed issue shows removed', async () => {
    await store.editProgram(
      program,
      (m) => ({
        model: {
          ...m,
          items: m.items.map((i) => (i.id === 'api-2' ? { ...i, estimate: { optimistic: 4, likely: 6, pessimistic: 12 } } : i)),
          risks: [
            ...m.risks,
            {
              id: 'psp-certification',
              title: 'PSP certification slips',
              probability: 0.4,
              impact: { days: 10 },
              status: 'open',
              items: ['api-2'],
            },
          ],
        } as typeof m,
      }),
      { actor: 'tpm', at: new Date('2026-11-26T13:00:00Z'), source: 'edit' },
    );
    server.editIssue('octo-org/api', 5, { title: 'Rate limit the public API per merchant' }, '2026-11-27T10:00:00Z');
    server.editIssue('octo-org/web', 2, { state: 'CLOSED', stateReason: 'COMPLETED' }, '2026-11-27T11:00:00Z');
    server.editIssue(
      'octo-org/web',
      1,
      { blockedBy: { nodes: [2, 5].map((n) => ({ number: n, repository: { nameWithOwner: 'octo-org/api' } })) } },
      '2026-11-27T12:00:00Z',
    );
    server.removeIssue('octo-org/api', 4);
    // A new sub-issue under api-6, which was a plain issue: api-6 becomes an epic.
    server.addIssues('octo-org/api', 1, '2026-11-27T13:00:00Z');
    server.editIssue('octo-org/api', 7, { parent: { number: 6, repository: { nameWithOwner: 'octo-org/api' } } }, '2026-11-27T13:00:00Z');
    const before = await store.versionOf(program);

    const r = await syncProgram(store, program, repoSource(), options('2026-11-28T09:00:00Z'));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.since).toBe('2026-11-21T15:00:00Z');
    expect(server.requests.filter((q) => q.operationName === 'GithubRepoIssues').at(-1)?.variables.since).toBe('2026-11-21T15:00:00Z');
    expect([...r.value.summary.updated].sort()).toEqual(['api-5', 'api-6', 'web-1', 'web-2']);
    expect(r.value.summary.removed).toEqual(['api-4']);
    expect(r.value.summary.created).toEqual(['api-7']);
    expect(r.value.summary.dependencies).toEqual({ added: 1, removed: 0 });
    // The rename of api-5 and the closing of web-2, recorded once.
    expect(r.value.summary.activity).toBe(2);
    expect((await store.integrations.activity(program, 'web-2')).map((a) => [a.actor, a.field, a.to])).toEqual([
      ['octo-dev', 'state', 'closed'],
    ]);

    const [set] = await store.history(program, { limit: 1 });
    expect(set?.version).toBe((before ?? 0) + 1);
    expect((set?.changes ?? []).map((c) => `${c.entity} ${c.id} ${c.op}`).sort()).toEqual(
      [
        'dependency api-5->web-1 create',
        'item api-4 update',
        'item api-5 update',
        'item api-6 update',
        'item api-7 create',
        'item web-1 update',
        'item web-2 update',
      ].sort(),
    );
    const change = (id: string) => set?.changes.find((c) => c.entity === 'item' && c.id === id);
    expect(change('api-5')?.after).toMatchObject({ title: 'Rate limit the public API per merchant' });
    expect(change('web-2')?.before).toMatchObject({ state: 'not-started' });
    expect(change('web-2')?.after).toMatchObject({ state: 'done' });
    expect(change('api-6')?.after).toMatchObject({ kind: 'epic' });
    expect(change('api-7')?.after).toMatchObject({ parent: 'api-6', title: 'Generated issue 7' });
    expect(server.requests.filter((q) => q.operationName === 'GithubIssue').map((q) => q.variables.number)).toEqual([6]);

    const model = await store.readProgram(program);
    expect(model?.items.find((i) => i.id === 'api-2')?.estimate).toEqual({ optimistic: 4, likely: 6, pessimistic: 12 });
    expect(model?.risks.find((x) => x.id === 'psp-certification')?.items).toEqual(['api-2']);
    expect(model?.items.find((i) => i.id === 'api-4')).toMatchObject({ state: 'cancelled', source: { removed: '2026-11-28' } });

    // Again, with nothing changed on GitHub: nothing changes here.
    const again = await syncProgram(store, program, repoSource(), options('2026-11-29T09:00:00Z'));
    expect(again.ok && again.value.summary).toMatchObject({
      created: [],
      updated: [],
      removed: [],
      dependencies: { added: 0, removed: 0 },
    });
    expect(await store.versionOf(program)).toBe((before ?? 0) + 1);
  });

  it("imports a Projects (v2) board: drafts, the board's status, iteration and target date", async () => {
    const board = await newProgram('checkout-board');
    const config = githubIntegrationSchema.parse({
      api: server.url,
      select: { project: { owner: 'octo-org', number: 5 } },
      mapping: {
        team: { from: 'field', field: 'Team' },
        estimate: { from: 'field', field: 'Estimate', pointsToDays: { default: 0.5 } },
        states: { 'Blocked by vendor': 'blocked' },
      },
    });
    const r = await syncProgram(store, board, githubSource(config, TOKEN, deps), options('2026-11-28T09:00:00Z'));
    if (!r.ok) throw new Error(r.error.message);
    const model = await store.readProgram(board);
    const item = (id: string) => model?.items.find((i) => i.id === id);
    expect(item('draft-40010003')).toMatchObject({
      title: 'Decide on PSP fallback',
      team: 'payments',
      estimate: 1,
      deadline: '2027-02-20',
      source: { system: 'github', key: 'octo-org/projects/5#draft-40010003' },
    });
    expect(item('draft-40010003')?.source?.url).toBeUndefined();
    // The server's edit of api-5 (not on the board) changes nothing; web-1 is blocked on the board.
    expect(item('web-1')).toMatchObject({ state: 'blocked', startNoEarlierThan: '2027-02-01', estimate: 2.5 });
    expect(item('api-2')).toMatchObject({ state: 'in-progress', deadline: '2027-03-15' });
    expect(model?.items).toHaveLength(7);
  });
});
