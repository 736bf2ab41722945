import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExternalBatch, ExternalWork } from '../src/domain/external-work.js';
import { githubMappingSchema } from '../src/domain/integration.js';
import { GithubIds } from '../src/formats/github/github-ids.js';
import { dueDay, githubOwnedFields, MAX_DESCRIPTION, mapGithubIssues } from '../src/formats/github/map-issues.js';

const FIXTURES = join(import.meta.dirname, 'fixtures/github');
const repositories = JSON.parse(readFileSync(join(FIXTURES, 'repositories.json'), 'utf8')) as Record<
  string,
  { issues: Record<string, unknown>[]; milestones: Record<string, unknown>[] }
>;
const project = JSON.parse(readFileSync(join(FIXTURES, 'project-octo-org-5.json'), 'utf8')) as { items: unknown[] };
const REPOS = ['octo-org/api', 'octo-org/web'];
const allIssues = REPOS.flatMap((r) => repositories[r]?.issues ?? []);

const repoMapping = githubMappingSchema.parse({
  team: { from: 'label', values: { platform: 'platform-eng' } },
  estimate: { from: 'label', pointsToDays: { payments: 2, default: 1 } },
});
const boardMapping = githubMappingSchema.parse({
  team: { from: 'field', field: 'Team' },
  estimate: { from: 'field', field: 'Estimate', pointsToDays: { default: 0.5 } },
  states: { 'Blocked by vendor': 'blocked' },
});

function mapped(input: Parameters<typeof mapGithubIssues>[0], mapping = repoMapping): ExternalBatch {
  const r = mapGithubIssues(input, mapping);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}
function work(batch: ExternalBatch, id: string): ExternalWork {
  const w = batch.works.find((x) => x.id === id);
  if (!w) throw new Error(`no work ${id} in ${batch.works.map((x) => x.id).join(', ')}`);
  return w;
}
const deps = (batch: ExternalBatch) => batch.dependencies.map((d) => `${d.from} -> ${d.to} ${d.type} (${d.link})`).sort();

describe('GitHub issues of repositories → items', () => {
  const batch = mapped({ repos: REPOS, issues: allIssues });

  it('maps every field of an issue', () => {
    expect(work(batch, 'api-2')).toEqual({
      key: 'octo-org/api#2',
      id: 'api-2',
      url: 'https://github.com/octo-org/api/issues/2',
      updated: '2026-11-19T14:03:10Z',
      fields: {
        title: 'Tokenize cards',
        kind: 'task',
        state: 'not-started',
        tags: ['security'],
        description: 'Store PAN only as network tokens.',
        assignee: 'hubot',
        team: 'payments',
        estimate: 6,
        parent: 'api-1',
      },
    });
    // CRLF bodies become LF and are trimmed; the epic of sub-issues is kind epic.
    expect(work(batch, 'api-1').fields).toMatchObject({
      kind: 'epic',
      description: 'Umbrella for the v2 checkout API.\n\n- [ ] tokenize\n- [ ] intents',
      assignee: 'mona',
      tags: ['epic'],
    });
    expect(work(batch, 'api-1').fields.estimate).toBeUndefined();
  });

  it('reads state from open/closed and the reason', () => {
    const states = Object.fromEntries(batch.works.map((w) => [w.id, w.fields.state]));
    expect(states).toMatchObject({
      'api-1': 'not-started',
      'api-3': 'done',
      'api-4': 'cancelled',
      'web-3': 'cancelled',
      'api-m-1': 'not-started',
      'api-m-2': 'done',
    });
  });

  it('teams from labels, mapped or kebab-cased; estimates × points-to-days of the team', () => {
    expect(batch.teams).toEqual([
      { id: 'payments', name: 'payments' },
      { id: 'platform-eng', name: 'platform' },
      { id: 'web-experience', name: 'Web Experience' },
    ]);
    expect(work(batch, 'api-3').fields).toMatchObject({ team: 'payments', estimate: 10, tags: [] });
    expect(work(batch, 'api-5').fields).toMatchObject({ team: 'platform-eng', estimate: 2, tags: ['performance'] });
    expect(work(batch, 'web-2').fields).toMatchObject({ team: 'web-experience', estimate: 1.5 });
    expect(work(batch, 'api-6').fields.team).toBeUndefined();
  });

  it('sub-issues name their parent in the selection, even when not fetched; no description when the body is empty', () => {
    expect(work(batch, 'api-3').fields.parent).toBe('api-1');
    expect(work(batch, 'api-4').fields.parent).toBe('api-1');
    // octo-org/infra is not selected: its issue can never be an item here.
    expect(work(batch, 'api-6').fields.parent).toBeUndefined();
    const only2 = mapped({ repos: REPOS, issues: allIssues.filter((i) => i.title === 'Tokenize cards') });
    expect(work(only2, 'api-2').fields.parent).toBe('api-1');
    expect(work(batch, 'api-3').fields.description).toBeUndefined();
    expect(work(batch, 'api-4').fields.description).toBeUndefined();
  });

  it('milestones become milestone items that their issues finish before; blocked-by becomes FS', () => {
    expect(work(batch, 'api-m-1')).toEqual({
      key: 'octo-org/api/milestones/1',
      id: 'api-m-1',
      url: 'https://github.com/octo-org/api/milestone/1',
      updated: '2026-11-02T10:00:00Z',
      fields: { title: 'Beta', kind: 'milestone', state: 'not-started', tags: [], target: '2027-03-31' },
    });
    expect(work(batch, 'api-m-2').fields).toMatchObject({ title: 'Alpha', state: 'done', target: '2027-01-15' });
    expect(deps(batch)).toEqual([
      'api-1 -> api-m-1 FS (milestone)',
      'api-2 -> api-m-1 FS (milestone)',
      'api-2 -> web-1 FS (blocked by)',
      'api-3 -> api-2 FS (blocked by)',
      'api-3 -> api-m-2 FS (milestone)',
      'api-5 -> api-m-1 FS (milestone)',
      'api-5 -> web-2 FS (blocked by)',
      'infra-12 -> api-6 FS (blocked by)',
    ]);
    expect(batch.works).toHaveLength(11);
    expect(batch.system).toBe('github');
  });

  it('a milestone listing gives a milestone all its links, on an incremental fetch of one issue', () => {
    const only5 = allIssues.filter((i) => i.number === 5 && (i.repository as { nameWithOwner: string }).nameWithOwner === 'octo-org/api');
    const listing = [
      {
        repository: 'octo-org/api',
        nodes: (repositories['octo-org/api']?.milestones ?? []).map((m) => ({
          ...m,
          issues: {
            totalCount: m.number === 1 ? 3 : 1,
            nodes: m.number === 1 ? [{ number: 1 }, { number: 2 }, { number: 5 }] : [{ number: 3 }],
          },
        })),
      },
      { repository: 'octo-org/web', nodes: [] },
    ];
    const b = mapped({ repos: REPOS, issues: only5, milestones: listing });
    expect(b.works.map((w) => w.id).sort()).toEqual(['api-5', 'api-m-1', 'api-m-2']);
    expect(deps(b)).toEqual([
      'api-1 -> api-m-1 FS (milestone)',
      'api-2 -> api-m-1 FS (milestone)',
      'api-3 -> api-m-2 FS (milestone)',
      'api-5 -> api-m-1 FS (milestone)',
    ]);
  });

  it('timeline events become activity, once per event id', () => {
    expect(batch.activity.filter((a) => a.item === 'api-3')).toEqual([
      {
        id: 'github:RTE_lADOBKvZ9M5kq2R0z8AAAAK',
        item: 'api-3',
        at: '2026-10-20T10:00:00Z',
        actor: 'ghost',
        field: 'title',
        from: 'Intents API',
        to: 'Payment intents endpoint',
      },
      {
        id: 'github:MIE_lADOBKvZ9M5kq2R0z8AAAAL',
        item: 'api-3',
        at: '2026-10-20T10:05:00Z',
        actor: 'mona',
        field: 'milestone',
        to: 'Alpha',
      },
      {
        id: 'github:CE_lADOBKvZ9M5kq2R0z8AAAAM',
        item: 'api-3',
        at: '2026-11-10T17:45:00Z',
        actor: 'octocat',
        field: 'state',
        from: 'open',
        to: 'closed',
      },
    ]);
    expect(batch.activity.filter((a) => a.item === 'api-2').map((a) => [a.field, a.from ?? null, a.to ?? null])).toEqual([
      ['labels', null, 'security'],
      ['assignee', null, 'hubot'],
      ['state', 'open', 'closed'],
      ['state', 'closed', 'open'],
    ]);
    expect(batch.activity.find((a) => a.item === 'web-3')?.to).toBe('closed as duplicate');
    expect(batch.activity).toHaveLength(8);
  });

  it('milestones: ignore leaves them out', () => {
    const b = mapped({ repos: REPOS, issues: allIssues }, githubMappingSchema.parse({ milestones: 'ignore' }));
    expect(b.works.some((w) => w.fields.kind === 'milestone')).toBe(false);
    expect(deps(b).some((d) => d.includes('milestone'))).toBe(false);
    // Without a team mapping there are no teams, and team/estimate labels stay tags.
    expect(b.teams).toEqual([]);
    expect(work(b, 'api-2').fields.tags).toEqual(['team:payments', 'estimate:3', 'security']);
  });
});

describe('A Projects (v2) board → items', () => {
  const batch = mapped({ repos: REPOS, projectItems: project.items, project: { owner: 'octo-org', number: 5 } }, boardMapping);

  it('reads status, team, estimate, iteration and target date from the field values', () => {
    expect(work(batch, 'api-2')).toMatchObject({
      key: 'octo-org/api#2',
      updated: '2026-11-22T10:00:00Z',
      fields: {
        state: 'in-progress',
        team: 'payments',
        estimate: 1.5,
        startNoEarlierThan: '2027-02-01',
        deadline: '2027-03-15',
        tags: ['team:payments', 'estimate:3', 'security'],
      },
    });
    expect(batch.teams).toEqual([
      { id: 'payments', name: 'Payments' },
      { id: 'web-experience', name: 'Web Experience' },
    ]);
  });

  it('a closed issue is done whatever column it was left in, and gets no iteration start', () => {
    expect(work(batch, 'api-3').fields).toMatchObject({ state: 'done', estimate: 2.5 });
    expect(work(batch, 'api-3').fields.startNoEarlierThan).toBeUndefined();
  });

  it('an option named in mapping.states wins', () => {
    expect(work(batch, 'web-1').fields).toMatchObject({
      state: 'blocked',
      team: 'web-experience',
      estimate: 2.5,
      startNoEarlierThan: '2027-02-01',
    });
  });

  it('draft issues get draft-<database id>, a key on the board, and no url', () => {
    const draft = work(batch, 'draft-40010003');
    expect(draft).toEqual({
      key: 'octo-org/projects/5#draft-40010003',
      id: 'draft-40010003',
      updated: '2026-11-23T08:15:00Z',
      fields: {
        title: 'Decide on PSP fallback',
        kind: 'task',
        state: 'not-started',
        tags: [],
        description: 'Adyen or Stripe as second processor?',
        assignee: 'mona',
        team: 'payments',
        estimate: 1,
        deadline: '2027-02-20',
      },
    });
    expect(work(batch, 'draft-40010008').fields).toMatchObject({ state: 'done', deadline: '2027-04-01' });
  });

  it('leaves out pull requests, archived and redacted items', () => {
    expect(batch.works.map((w) => w.id).sort()).toEqual([
      'api-2',
      'api-3',
      'api-m-1',
      'api-m-2',
      'draft-40010003',
      'draft-40010008',
      'web-1',
    ]);
    expect(deps(batch)).toEqual([
      'api-2 -> api-m-1 FS (milestone)',
      'api-2 -> web-1 FS (blocked by)',
      'api-3 -> api-2 FS (blocked by)',
      'api-3 -> api-m-2 FS (milestone)',
    ]);
  });

  it('without a mapping entry, common status names decide for open work', () => {
    const plain = mapped(
      { repos: REPOS, projectItems: project.items, project: { owner: 'octo-org', number: 5 } },
      githubMappingSchema.parse({}),
    );
    // "Blocked by vendor" is no common name: the open issue stays not-started.
    expect(work(plain, 'web-1').fields.state).toBe('not-started');
    expect(work(plain, 'api-2').fields.state).toBe('in-progress');
  });
});

describe('ids, limits and shapes', () => {
  it('repositories of different owners that share a name are told apart by owner', () => {
    const ids = new GithubIds(['octo/api', 'acme/api', 'octo/web', 'octo/.github']);
    expect(ids.issue('octo/api', 1)).toBe('octo.api-1');
    expect(ids.issue('acme/api', 7)).toBe('acme.api-7');
    expect(ids.issue('octo/web', 2)).toBe('web-2');
    expect(ids.issue('octo/.github', 3)).toBe('github-3');
    expect(ids.milestone('acme/api', 2)).toBe('acme.api-m-2');
    const long = new GithubIds(['o/'.concat('x'.repeat(80))]).issue(`o/${'x'.repeat(80)}`, 123456);
    expect(long).toHaveLength(64);
    expect(long.endsWith('-123456')).toBe(true);
  });

  it("a milestone's due day is the nearest midnight of GitHub's UTC time", () => {
    expect(dueDay('2027-03-31T07:00:00Z')).toBe('2027-03-31');
    expect(dueDay('2027-03-30T22:00:00Z')).toBe('2027-03-31');
    expect(dueDay('2027-03-30T15:00:00Z')).toBe('2027-03-31');
    expect(dueDay('2027-03-31T00:00:00Z')).toBe('2027-03-31');
    expect(dueDay(null)).toBeUndefined();
    expect(dueDay('soon')).toBeUndefined();
  });

  it('caps a long description', () => {
    const issue = { ...allIssues[0], body: 'word '.repeat(2000) };
    const b = mapped({ repos: REPOS, issues: [issue] });
    const description = b.works[0]?.fields.description ?? '';
    expect(description.length).toBeLessThanOrEqual(MAX_DESCRIPTION);
    expect(description.endsWith('…')).toBe(true);
  });

  it('a node in a shape it cannot read is an error naming where', () => {
    const r = mapGithubIssues({ repos: REPOS, issues: [allIssues[0], { ...allIssues[1], state: 'MERGED' }] }, repoMapping);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error[0]?.at).toBe('issues[1].state');
      expect(r.error[0]?.message).toContain('issues[1].state');
    }
  });

  it('owns team and estimate only when mapped, and board dates only for a board', () => {
    expect(githubOwnedFields(githubMappingSchema.parse({}))).toEqual([
      'title',
      'kind',
      'description',
      'assignee',
      'parent',
      'state',
      'tags',
      'target',
    ]);
    expect(githubOwnedFields(boardMapping, { project: { owner: 'octo-org', number: 5 } })).toEqual([
      'title',
      'kind',
      'description',
      'assignee',
      'parent',
      'state',
      'tags',
      'team',
      'estimate',
      'target',
      'startNoEarlierThan',
      'deadline',
    ]);
  });
});
