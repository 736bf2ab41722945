import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkerPool } from '../src/app/engine-pool/worker-pool.js';
import type { HttpDeps } from '../src/app/integrations/http-client.js';
import { publishNow } from '../src/app/integrations/publish/publish-now.js';
import { loadProgram } from '../src/app/load-program.js';
import type { ProgramId } from '../src/domain/ids.js';
import { type PublishScheduler, startPublishScheduler, TICK_MS } from '../src/server/publish-scheduler.js';
import type { ProgramStore } from '../src/store/program-store.js';
import { type ConfluenceServer, startConfluence, storageErrors } from './support/confluence-server.js';
import { fixture, SAMPLE_FILE } from './support/programs.js';
import { type SlackWebhookServer, startSlackWebhook } from './support/slack-webhook-server.js';
import { openFreshStore } from './support/stores.js';

// The sample program runs in America/New_York: Friday 15:00 there is 20:00 UTC in early March
// (EST) and 19:00 UTC from 14 March 2027 (EDT).
const TOKEN = 'ATATT3xFfGF0-scheduler-token';
let store: ProgramStore;
let confluence: ConfluenceServer;
let slack: SlackWebhookServer;
let scheduler: PublishScheduler;
let now = new Date('2027-03-04T20:00:00Z');
const ticks: (() => void)[] = [];
const pool = new WorkerPool({ size: 1 });
const http: HttpDeps = { sleep: async () => {}, now: () => now.getTime() };
let sample: ProgramId;
let small: ProgramId;
const meta = () => ({ actor: 'tpm', at: now });

beforeAll(async () => {
  store = await openFreshStore('pglite');
  confluence = await startConfluence({ email: 'tpm@acme.test', token: TOKEN, spaces: [{ key: 'PROG', name: 'Programs' }] });
  slack = await startSlackWebhook();
  const load = async (file: string) => {
    const loaded = await loadProgram(store, { text: readFileSync(file, 'utf8'), file, actor: 'tpm', at: now });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.error));
    return loaded.value.programId;
  };
  sample = await load(SAMPLE_FILE);
  small = await load(fixture('valid/small-program.yaml'));
  const friday = { every: 'friday' as const, at: '15:00' };
  await store.integrations.saveConfig(
    sample,
    'confluence',
    {
      site: confluence.url,
      email: 'tpm@acme.test',
      tokenEnv: 'CONFLUENCE_API_TOKEN',
      space: 'PROG',
      title: 'Checkout status',
      schedule: friday,
    },
    meta(),
  );
  await store.integrations.saveConfig(sample, 'slack', { webhookEnv: 'SLACK_WEBHOOK_URL', schedule: friday }, meta());
  // The other program's Slack webhook was removed in Slack: its publish fails, the sample's must not.
  await store.integrations.saveConfig(
    small,
    'slack',
    { webhookEnv: 'EDGE_SLACK_WEBHOOK', schedule: { ...friday, timeZone: 'America/New_York' } },
    meta(),
  );
  scheduler = startPublishScheduler({
    store,
    env: { CONFLUENCE_API_TOKEN: TOKEN, SLACK_WEBHOOK_URL: slack.webhookUrl, EDGE_SLACK_WEBHOOK: `${slack.webhookUrl}-removed` },
    http,
    pool,
    now: () => now,
    every: (ms, tick) => {
      expect(ms).toBe(TICK_MS);
      ticks.push(tick);
      return () => ticks.splice(ticks.indexOf(tick), 1);
    },
    trials: 200,
  });
});
afterAll(async () => {
  await scheduler.stop();
  await confluence.stop();
  await slack.stop();
  await pool.close();
  await store.close();
});

const runsOf = (runs: { program: string; kind: string; ok: boolean }[]) =>
  runs.map((r) => `${r.program} ${r.kind} ${r.ok ? 'ok' : 'failed'}`).sort();

describe('scheduled publishing', () => {
  it('registers one 30-second tick with the injected timer', () => {
    expect(ticks).toHaveLength(1);
  });

  it('publishes nothing before Friday 15:00 program time', async () => {
    now = new Date('2027-03-05T19:59:30Z');
    expect(await scheduler.tick()).toEqual([]);
    expect(confluence.requests).toHaveLength(0);
    expect(slack.log).toHaveLength(0);
  });

  it('at Friday 15:00 publishes each schedule once, even with two ticks at the same time; a failing target does not stop the others', async () => {
    now = new Date('2027-03-05T20:00:10Z');
    const [a, b] = await Promise.all([scheduler.tick(), scheduler.tick()]);
    expect(runsOf([...(a ?? []), ...(b ?? [])])).toEqual([`${sample} confluence ok`, `${sample} slack ok`, `${small} slack failed`]);
    expect(confluence.pages.size).toBe(1);
    const page = [...confluence.pages.values()][0];
    expect(page?.version.number).toBe(1);
    expect(storageErrors(page?.body ?? '')).toEqual([]);
    expect(page?.body).toContain('Status as of 2027-03-05');
    expect(slack.accepted).toHaveLength(1);

    const results = await store.integrations.results(sample, 'confluence');
    expect(results[0]).toMatchObject({ kind: 'publish', ok: true, actor: 'schedule' });
    expect(results[0]?.summary).toMatchObject({ scheduledFor: '2027-03-05T20:00:00.000Z', version: 1, created: true, pageId: page?.id });
    const failed = await store.integrations.results(small, 'slack');
    expect(failed[0]).toMatchObject({ kind: 'publish', ok: false, actor: 'schedule' });
    expect(failed[0]?.error).toContain('no_service');
    expect(failed[0]?.error).not.toContain(new URL(slack.webhookUrl).pathname);
  });

  it('does not publish again in the following ticks, nor retry the failed one before its next time', async () => {
    for (const at of ['2027-03-05T20:00:40Z', '2027-03-05T20:30:00Z', '2027-03-08T12:00:00Z']) {
      now = new Date(at);
      expect(await scheduler.tick()).toEqual([]);
    }
    expect(slack.accepted).toHaveLength(1);
    expect([...confluence.pages.values()][0]?.version.number).toBe(1);
  });

  it('after a week of downtime that missed one Friday, runs once at start-up, then at 15:00 EDT after the DST change', async () => {
    now = new Date('2027-03-13T09:00:00Z');
    const caughtUp = await scheduler.tick();
    expect(caughtUp.map((r) => r.scheduledFor)).toEqual([
      '2027-03-12T20:00:00.000Z',
      '2027-03-12T20:00:00.000Z',
      '2027-03-12T20:00:00.000Z',
    ]);
    expect([...confluence.pages.values()][0]?.version.number).toBe(2);
    now = new Date('2027-03-19T18:59:59Z');
    expect(await scheduler.tick()).toEqual([]);
    now = new Date('2027-03-19T19:00:05Z');
    expect(runsOf(await scheduler.tick())).toEqual([`${sample} confluence ok`, `${sample} slack ok`, `${small} slack failed`]);
    expect([...confluence.pages.values()][0]?.version).toMatchObject({ number: 3, message: 'Throughline status 2027-03-19' });
    expect(slack.accepted).toHaveLength(3);
  });

  it('"publish now" publishes and records who did it; the schedule still runs at its next time', async () => {
    now = new Date('2027-03-23T10:00:00Z');
    const env = { CONFLUENCE_API_TOKEN: TOKEN, SLACK_WEBHOOK_URL: slack.webhookUrl };
    const done = await publishNow({ store, env, http, pool, now: () => now, trials: 200 }, sample, 'confluence', 'priya');
    expect(done).toMatchObject({ ok: true, value: { kind: 'confluence', version: 4, created: false } });
    expect((await store.integrations.results(sample, 'confluence'))[0]).toMatchObject({
      ok: true,
      actor: 'priya',
      summary: { version: 4 },
    });
    const noSecret = await publishNow({ store, env: {}, http, pool, now: () => now }, sample, 'slack', 'priya');
    expect(noSecret).toMatchObject({ ok: false, error: { kind: 'no-secret' } });
    expect(noSecret.ok || noSecret.error.message).toContain('SLACK_WEBHOOK_URL');
    expect(await scheduler.tick()).toEqual([]);
    now = new Date('2027-03-26T19:00:05Z');
    expect(runsOf(await scheduler.tick())).toEqual([`${sample} confluence ok`, `${sample} slack ok`, `${small} slack failed`]);
    expect([...confluence.pages.values()][0]?.version.number).toBe(5);
  });
});
