import { beforeEach, expect, it } from 'vitest';
import { fixture, readValid } from '../../test/support/programs.js';
import type { ExternalActivity } from '../domain/external-work.js';
import type { ItemId, ProgramId } from '../domain/ids.js';
import { jiraIntegrationSchema, slackIntegrationSchema } from '../domain/integration.js';
import type { ProgramModel } from '../domain/program-model.js';
import { RESULTS_KEPT } from './integration-store.js';
import type { ProgramStore } from './program-store.js';

const meta = { actor: 'priya', at: new Date(Date.UTC(2027, 0, 4)) };
const SECRET = 'ATATT3xFfGF0-not-a-real-token-7f3a';
const jira = jiraIntegrationSchema.parse({
  site: 'https://acme.atlassian.net',
  auth: { kind: 'basic', email: 'priya@acme.test' },
  select: { jql: 'project = NET ORDER BY key' },
  mapping: { team: { from: 'component', values: { Payments: 'payments' } }, links: { Blocks: 'FS', Relates: 'ignore' } },
});

function entries(n: number, item = (i: number) => `NET-${1 + (i % 50)}`): ExternalActivity[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `jira:${10_000 + i}:0`,
    item: item(i) as ItemId,
    at: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    actor: i % 2 ? 'Sam Lee' : 'Priya Nair',
    field: i % 3 ? 'status' : 'Story Points',
    ...(i % 4 ? { from: 'To Do' } : {}),
    to: 'In Progress',
  }));
}

/** What every IntegrationStore must do, whatever database is under it. Run by each driver's test file. */
export function integrationStoreContract(open: () => Promise<ProgramStore>) {
  let store: ProgramStore;
  let model: ProgramModel;
  let program: ProgramId;
  beforeEach(async () => {
    store = await open();
    model = readValid(fixture('capacity/region-capacity.yaml'));
    program = model.program.id;
    await store.saveProgram(model, { ...meta, source: 'test' });
    return () => store.close();
  });

  it('keeps each kind’s config with today’s defaults, and a secret it only says is there', async () => {
    expect(await store.integrations.list(program)).toEqual([]);
    expect(await store.integrations.saveConfig(program, 'jira', jira, meta)).toBe(true);
    expect(await store.integrations.saveConfig(program, 'slack', slackIntegrationSchema.parse({}), meta)).toBe(true);
    const listed = await store.integrations.list(program);
    expect(listed.map((i) => [i.kind, i.hasSecret])).toEqual([
      ['jira', false],
      ['slack', false],
    ]);
    expect(listed[0]?.config).toEqual(jira);
    expect(listed[0]).toMatchObject({ actor: 'priya', updatedAt: meta.at, results: [] });
    expect(listed[1]?.config).toEqual({ webhookEnv: 'SLACK_WEBHOOK_URL' });

    expect(await store.integrations.setSecret(program, 'jira', SECRET, { actor: 'ada', at: new Date(meta.at.getTime() + 1000) })).toBe(
      true,
    );
    const jiraBack = await store.integrations.get(program, 'jira');
    expect(jiraBack).toMatchObject({ hasSecret: true, actor: 'ada', config: jira });
    expect(await store.integrations.secret(program, 'jira')).toBe(SECRET);
    expect(await store.integrations.secret(program, 'slack')).toBeUndefined();
    // Nothing a listing or the program's history gives out holds the secret.
    expect(JSON.stringify(await store.integrations.list(program))).not.toContain(SECRET);
    expect(JSON.stringify(await store.history(program))).not.toContain(SECRET);
    expect(JSON.stringify(await store.readProgram(program))).not.toContain(SECRET);

    // A secret first, the config later (the screen may save them in either order); null clears it.
    expect(await store.integrations.setSecret(program, 'github', 'ghp_x', meta)).toBe(true);
    expect(await store.integrations.get(program, 'github')).toMatchObject({ kind: 'github', config: undefined, hasSecret: true });
    expect(await store.integrations.setSecret(program, 'github', null, meta)).toBe(true);
    expect(await store.integrations.get(program, 'github')).toMatchObject({ hasSecret: false });
    expect(await store.integrations.secret(program, 'github')).toBeUndefined();
  });

  it('writes nothing for a program that does not exist', async () => {
    const none = 'no-such-program' as ProgramId;
    expect(await store.integrations.saveConfig(none, 'jira', jira, meta)).toBe(false);
    expect(await store.integrations.setSecret(none, 'jira', SECRET, meta)).toBe(false);
    expect(await store.integrations.recordResult(none, 'jira', { at: meta.at, kind: 'test', ok: true, actor: 'priya' })).toBe(false);
    expect(await store.integrations.recordActivity(none, entries(3))).toBe(0);
    expect(await store.integrations.list(none)).toEqual([]);
  });

  it('keeps the newest results per kind as a small run log, and forgets it all on remove', async () => {
    await store.integrations.saveConfig(program, 'jira', jira, meta);
    await store.integrations.setSecret(program, 'jira', SECRET, meta);
    const base = Date.UTC(2027, 0, 4, 9);
    for (let i = 0; i < RESULTS_KEPT + 5; i++) {
      const ok = i % 5 !== 3;
      await store.integrations.recordResult(program, 'jira', {
        at: new Date(base + i * 60_000),
        kind: i % 2 ? 'sync' : 'test',
        ok,
        ...(ok ? { summary: { run: i, created: [`NET-${i}`] } } : { error: `Jira answered 401 on run ${i}` }),
        actor: 'priya',
      });
    }
    await store.integrations.recordResult(program, 'confluence', {
      at: new Date(base),
      kind: 'publish',
      ok: true,
      summary: { pageUrl: 'https://acme.atlassian.net/wiki/x', version: 3 },
      actor: 'schedule',
    });
    const results = await store.integrations.results(program, 'jira');
    expect(results).toHaveLength(RESULTS_KEPT);
    expect(results[0]).toEqual({
      at: new Date(base + 24 * 60_000),
      kind: 'test',
      ok: true,
      summary: { run: 24, created: ['NET-24'] },
      actor: 'priya',
    });
    expect(results[1]).toEqual({
      at: new Date(base + 23 * 60_000),
      kind: 'sync',
      ok: false,
      error: 'Jira answered 401 on run 23',
      actor: 'priya',
    });
    expect(results.at(-1)?.at).toEqual(new Date(base + 5 * 60_000));
    expect((await store.integrations.results(program, 'jira', 2)).map((r) => r.at.getTime())).toEqual([
      base + 24 * 60_000,
      base + 23 * 60_000,
    ]);
    // The listing carries the log; a kind with results but no config is not an integration.
    const listed = await store.integrations.list(program);
    expect(listed.map((i) => [i.kind, i.results.length])).toEqual([['jira', RESULTS_KEPT]]);

    expect(await store.integrations.remove(program, 'jira')).toBe(true);
    expect(await store.integrations.get(program, 'jira')).toBeUndefined();
    expect(await store.integrations.secret(program, 'jira')).toBeUndefined();
    expect(await store.integrations.results(program, 'jira')).toEqual([]);
    expect(await store.integrations.results(program, 'confluence')).toHaveLength(1);
    expect(await store.integrations.remove(program, 'jira')).toBe(false);
  });

  it('records tracker activity once per id and gives an item’s newest first', async () => {
    const all = entries(120);
    expect(await store.integrations.recordActivity(program, all.slice(0, 80))).toBe(80);
    // A re-sync sees the first 80 again and 40 new ones (and a repeat inside the batch).
    expect(await store.integrations.recordActivity(program, [...all, all[100] as ExternalActivity])).toBe(40);
    expect(await store.integrations.recordActivity(program, all)).toBe(0);
    const net1 = await store.integrations.activity(program, 'NET-1');
    expect(net1.map((a) => a.id)).toEqual(['jira:10100:0', 'jira:10050:0', 'jira:10000:0']);
    expect(net1[2]).toEqual({
      id: 'jira:10000:0',
      item: 'NET-1',
      at: '2026-01-01T00:00:00.000Z',
      actor: 'Priya Nair',
      field: 'Story Points',
      to: 'In Progress',
    });
    expect(net1[1]).toEqual({ ...all[50], at: new Date(Date.UTC(2026, 0, 1) + 50 * 60_000).toISOString() });
    expect(await store.integrations.activity(program, 'NET-1', 1)).toEqual([net1[0]]);
    expect(await store.integrations.activity(program, 'NET-999')).toEqual([]);
    // Jira writes offsets without a colon (+0100): the same instant comes back in UTC.
    await store.integrations.recordActivity(program, [
      { id: 'jira:1:0', item: 'NET-7' as ItemId, at: '2026-03-02T10:15:30.000+0100', actor: 'a', field: 'status' },
    ]);
    expect((await store.integrations.activity(program, 'NET-7', 1))[0]?.at).toBe('2026-03-02T09:15:30.000Z');
  });

  // Ten batches: the figure for 100,000 (a 20,000-issue sync) is printed by bench/jira-sync.ts.
  it('records 20,000 changelog entries in batches, each once', async () => {
    const many = entries(20_000, (i) => `NET-${1 + (i % 4_000)}`);
    const started = performance.now();
    expect(await store.integrations.recordActivity(program, many)).toBe(20_000);
    const ms = performance.now() - started;
    const again = performance.now();
    expect(await store.integrations.recordActivity(program, many)).toBe(0);
    const againMs = performance.now() - again;
    console.log(
      `[figure] ${store.driver}: recordActivity 20,000 new entries ${ms.toFixed(0)} ms; all again (no-op) ${againMs.toFixed(0)} ms`,
    );
    expect((await store.integrations.activity(program, 'NET-4000')).length).toBe(5);
  }, 120_000);
}
