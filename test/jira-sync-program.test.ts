import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpDeps } from '../src/app/integrations/http-client.js';
import { jiraSource } from '../src/app/integrations/jira/jira-source.js';
import { type SyncOptions, syncProgram } from '../src/app/integrations/sync-program.js';
import type { ProgramId } from '../src/domain/ids.js';
import { jiraIntegrationSchema } from '../src/domain/integration.js';
import { readProgramYaml } from '../src/formats/program-yaml/read-program.js';
import type { ProgramStore } from '../src/store/program-store.js';
import { actionableAgileIssues, corpusDataset, generateDataset, type JiraDataset } from './support/jira-dataset.js';
import { normalizeJiraTime } from './support/jira-jql.js';
import { type JiraReplayServer, startJiraReplay } from './support/jira-replay-server.js';
import { openFreshStore } from './support/stores.js';

// Importing from Jira into a stored program (embedded PostgreSQL) through the replay server, and
// re-syncing after edits made on the "Jira" side: what changed, and only that, is in the history.

const TOKEN = 'ATATT3xFfGF0-program-sync-token';
const EMAIL = 'tpm@example.com';

function programYaml(id: string): string {
  return `throughline: 1
program:
  id: ${id}
  name: Upload test flow
  start: 2015-11-02
  target: 2028-12-29
  calendar:
    timezone: America/New_York
    workdays: [mon, tue, wed, thu, fri]
    hours: ["09:00-17:00"]
`;
}

const deps = (): HttpDeps => ({ sleep: async () => {}, now: () => Date.now() });

function source(site: string, jql: string) {
  const config = jiraIntegrationSchema.parse({
    site,
    auth: { kind: 'basic', email: EMAIL },
    select: { jql },
    mapping: { team: { from: 'component' }, links: { Blocks: 'FS', Relates: 'ignore' } },
  });
  return jiraSource(config, TOKEN, deps());
}

let store: ProgramStore;
beforeAll(async () => {
  store = await openFreshStore('pglite');
});
afterAll(async () => {
  await store.close();
});

async function newProgram(id: string): Promise<ProgramId> {
  const model = readProgramYaml(programYaml(id), `${id}.yaml`);
  if (!model.ok) throw new Error(JSON.stringify(model.error));
  await store.saveProgram(model.value, { actor: 'tpm', at: new Date('2026-11-01T09:00:00Z'), source: 'load' });
  return id as ProgramId;
}

function options(at: string, extra: Partial<SyncOptions> = {}): SyncOptions {
  return {
    dryRun: false,
    at: new Date(at),
    actor: 'tpm',
    progress: () => {},
    recordActivity: (id, entries) => store.integrations.recordActivity(id, entries),
    ...extra,
  };
}

// The mapping keeps Jira's offset, written ISO-style (+00:00).
const iso = (jira: unknown) => normalizeJiraTime(String(jira));

describe('Jira → stored program through the replay server', () => {
  let data: JiraDataset;
  let server: JiraReplayServer;
  let program: ProgramId;
  beforeAll(async () => {
    data = corpusDataset();
    // Links between the real issues, made on the Jira side before the first import.
    data.link('UT-27', 'UT-35', 'Blocks', new Date('2016-04-01T12:00:00Z'));
    data.link('UT-35', 'UT-26', 'Blocks', new Date('2016-04-01T12:05:00Z'));
    data.link('UT-28', 'UT-29', 'Duplicate', new Date('2016-04-01T12:10:00Z'));
    server = await startJiraReplay({ dataset: data, auth: { kind: 'basic', email: EMAIL, token: TOKEN }, changelogEmbedLimit: 2 });
    program = await newProgram('ut-flow');
  });
  afterAll(async () => {
    await server.stop();
  });

  it('imports the 25 real issues: every mapped field, the Blocks links as FS dependencies, the changelog as activity', async () => {
    const real = actionableAgileIssues();
    const r = await syncProgram(store, program, source(server.url, 'project = UT'), options('2026-11-02T09:00:00Z'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.summary.created).toHaveLength(25);
    const model = await store.readProgram(program);
    if (!model) throw new Error('no program');
    for (const raw of real) {
      const fields = data.get(raw.key).fields as {
        summary: string;
        status: { statusCategory: { key: string } };
        components: { name: string }[];
        labels: string[];
        updated: string;
      };
      const item = model.items.find((i) => i.id === raw.key);
      expect(item, raw.key).toBeDefined();
      const state = { new: 'not-started', indeterminate: 'in-progress', done: 'done' }[fields.status.statusCategory.key];
      expect(item).toMatchObject({
        title: fields.summary,
        kind: 'task',
        state,
        team: (fields.components[0]?.name ?? '').toLowerCase().replace(' ', '-'),
        tags: fields.labels,
        source: { system: 'jira', key: raw.key, url: `${server.url}/browse/${raw.key}`, updated: iso(fields.updated) },
      });
      expect(item?.assignee).toBeUndefined();
      expect(item?.estimate).toBeUndefined();
    }
    expect(model.teams.map((t) => [t.id, t.name]).sort()).toEqual(
      ['Team 1', 'Team 2', 'Team 3', 'Team 4', 'Team 5', 'Team 6'].map((n) => [n.toLowerCase().replace(' ', '-'), n]),
    );
    expect(model.dependencies.map((d) => [d.from, d.to, d.type, d.source])).toEqual(
      expect.arrayContaining([
        ['UT-27', 'UT-35', 'FS', 'jira'],
        ['UT-35', 'UT-26', 'FS', 'jira'],
      ]),
    );
    expect(model.dependencies).toHaveLength(2);
    // The recorded histories (several cut short in the search and completed from /changelog) plus the three links' histories.
    const items = real.reduce((n, i) => n + i.histories.reduce((m, h) => m + h.items.length, 0), 0);
    expect(r.value.summary.activity).toBe(items + 6);
    const ut26 = await store.integrations.activity(program, 'UT-26');
    expect(ut26.map((a) => [a.field, a.from ?? null, a.to ?? null])).toEqual(
      expect.arrayContaining([
        ['status', 'Backlog', 'Dev Active'],
        // Atlassian's documented Blocks type reads "Blocked by" inward.
        ['Link', null, 'This issue Blocked by UT-35'],
      ]),
    );
    expect(ut26.every((a) => a.actor.length > 0)).toBe(true);
    const [set] = await store.history(program, { limit: 1 });
    expect(set?.source).toBe('sync jira: JQL "project = UT"');
  });

  it('re-sync after edits in Jira: exactly those change, local risk and three-point estimate survive, a removed issue shows removed', async () => {
    // Local-only work of the TPM on UT-35.
    await store.editProgram(
      program,
      (m) => ({
        model: {
          ...m,
          items: m.items.map((i) => (i.id === 'UT-35' ? { ...i, estimate: { optimistic: 2, likely: 4, pessimistic: 9 } } : i)),
          risks: [
            ...m.risks,
            {
              id: 'upload-limits',
              title: 'Upload limits hit in test',
              probability: 0.3,
              impact: { days: 5 },
              status: 'open',
              items: ['UT-35'],
            },
          ],
        } as typeof m,
      }),
      { actor: 'tpm', at: new Date('2026-11-03T09:00:00Z'), source: 'edit' },
    );
    const done = data.get('UT-27').fields.status;
    data.edit('UT-35', { summary: 'Upload resumes after a dropped connection', status: done }, new Date('2016-05-02T10:00:00Z'));
    data.edit('UT-26', { labels: ['security'] }, new Date('2016-05-02T11:00:00Z'));
    data.link('UT-44', 'UT-45', 'Blocks', new Date('2016-05-03T09:00:00Z'));
    data.remove('UT-50');
    const before = await store.versionOf(program);

    const r = await syncProgram(store, program, source(server.url, 'project = UT'), options('2026-11-04T09:00:00Z'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.since).toBe(iso('2016-04-01T12:10:00.000+0000'));
    // The incremental search asked for the day before the newest synced update.
    expect(server.requests.filter((q) => q.path === '/rest/api/3/search/jql').at(-2)?.query.jql).toBe(
      '(project = UT) AND updated >= "2016/03/31 12:10" ORDER BY key',
    );
    // UT-44 and UT-45 changed in Jira too (the new link bumped their `updated`), so their source does.
    expect([...r.value.summary.updated].sort()).toEqual(['UT-26', 'UT-35', 'UT-44', 'UT-45']);
    expect(r.value.summary.removed).toEqual(['UT-50']);
    expect(r.value.summary.created).toEqual([]);
    expect(r.value.summary.dependencies).toEqual({ added: 1, removed: 0 });
    // Summary + status on UT-35, labels on UT-26, the link on UT-44 and UT-45.
    expect(r.value.summary.activity).toBe(5);

    const [set] = await store.history(program, { limit: 1 });
    expect(set?.version).toBe((before ?? 0) + 1);
    const touched = (set?.changes ?? []).map((c) => `${c.entity} ${c.id} ${c.op}`).sort();
    expect(touched).toEqual(
      [
        'dependency UT-44->UT-45 create',
        'item UT-26 update',
        'item UT-35 update',
        'item UT-44 update',
        'item UT-45 update',
        'item UT-50 update',
      ].sort(),
    );
    const change = (id: string) => set?.changes.find((c) => c.entity === 'item' && c.id === id);
    for (const id of ['UT-44', 'UT-45']) {
      const { before: b, after: a } = change(id) as { before: { source: object }; after: { source: object } };
      expect({ ...a, source: { ...a.source, updated: 'x' } }).toEqual({ ...b, source: { ...b.source, updated: 'x' } });
      expect(a.source).toMatchObject({ updated: '2016-05-03T09:00:00.000+00:00' });
    }
    expect(change('UT-35')?.after).toMatchObject({ title: 'Upload resumes after a dropped connection', state: 'done' });
    expect(change('UT-26')?.after).toMatchObject({ tags: ['security'] });

    const model = await store.readProgram(program);
    const ut35 = model?.items.find((i) => i.id === 'UT-35');
    expect(ut35?.estimate).toEqual({ optimistic: 2, likely: 4, pessimistic: 9 });
    expect(model?.risks.find((x) => x.id === 'upload-limits')?.items).toEqual(['UT-35']);
    const ut50 = model?.items.find((i) => i.id === 'UT-50');
    expect(ut50?.state).toBe('cancelled');
    expect(ut50?.source?.removed).toBe('2026-11-04');

    // Again, with nothing changed in Jira: nothing changes here.
    const again = await syncProgram(store, program, source(server.url, 'project = UT'), options('2026-11-05T09:00:00Z'));
    expect(again.ok && again.value.summary).toMatchObject({
      created: [],
      updated: [],
      removed: [],
      dependencies: { added: 0, removed: 0 },
      activity: 0,
    });
    expect(await store.versionOf(program)).toBe((before ?? 0) + 1);
  });
});

describe('generated issues (clones of the real ones) → stored program', () => {
  it('300 issues: every Blocks link between issues is an FS dependency, epics are workstreams, fix versions milestones', async () => {
    const data = generateDataset({ issues: 300, seed: 3 });
    const server = await startJiraReplay({ dataset: data, auth: { kind: 'basic', email: EMAIL, token: TOKEN } });
    try {
      const program = await newProgram('net-generated');
      const r = await syncProgram(store, program, source(server.url, 'project = NET'), options('2026-11-02T09:00:00Z'));
      expect(r.ok).toBe(true);
      const model = await store.readProgram(program);
      const epics = data.sorted().filter((i) => (i.fields.issuetype as { name: string }).name === 'Epic');
      expect(model?.workstreams.map((w) => w.id).sort()).toEqual(epics.map((e) => e.key).sort());
      const blocks = new Set<string>();
      for (const issue of data.sorted()) {
        for (const link of issue.fields.issuelinks as { type: { name: string }; outwardIssue?: { key: string } }[]) {
          if (link.type.name === 'Blocks' && link.outwardIssue) blocks.add(`${issue.key}→${link.outwardIssue.key}`);
        }
      }
      const fromLinks = (model?.dependencies ?? [])
        .filter((d) => d.source === 'jira' && !d.to.includes('-v-'))
        .map((d) => `${d.from}→${d.to}`);
      expect(new Set(fromLinks)).toEqual(blocks);
      expect(fromLinks).toHaveLength(blocks.size);
      const milestones = model?.items.filter((i) => i.kind === 'milestone') ?? [];
      expect(milestones.map((m) => m.title).sort()).toEqual(['New Version 1', 'Next Version']);
      const withParent = data.sorted().filter((i) => i.fields.parent);
      for (const issue of withParent) {
        expect(model?.items.find((i) => i.id === issue.key)?.workstream).toBe((issue.fields.parent as { key: string }).key);
      }
    } finally {
      await server.stop();
    }
  });
});
