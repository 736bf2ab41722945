/**
 * Integrations over real HTTP on the sample program: settings round trip with defaults filled in,
 * 422 with each field, secrets stored but never answered (not by the listing, the run log, the
 * history or any error), schedules in words, connection tests of the publishing targets, the run
 * log, disconnecting, and who may do what.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgramId } from '../../src/domain/ids.js';
import { type ConfluenceServer, startConfluence } from '../support/confluence-server.js';
import { type GithubReplayServer, startGithubReplayServer } from '../support/github-replay-server.js';
import { generateDataset } from '../support/jira-dataset.js';
import { type JiraReplayServer, startJiraReplay } from '../support/jira-replay-server.js';
import { type SlackWebhookServer, startSlackWebhook } from '../support/slack-webhook-server.js';
import { type ApiWorld, apiWorld, type Client, rolesWorld } from './api-support.js';

const P = '/api/programs/checkout-cloud-2027';
const I = `${P}/integrations`;
const JIRA_TOKEN = 'ATATT3xFfGF0-test-token-9c1e-never-echo';
const WEBHOOK = 'https://hooks.slack.com/services/T0AB12CD3/B0EF45GH6/abcdEFGHijklMNOPqrstUVWX';

interface View {
  kind: string;
  config: Record<string, unknown> | null;
  hasSecret: boolean;
  secretEnv: string | null;
  secretSource: string;
  describe: string | null;
  schedule: { every: string; at: string; timeZone: string; text: string; next: string } | null;
  updatedBy: string | null;
  results: { kind: string; ok: boolean; error: string | null; summary: unknown; actor: string }[];
  running: unknown;
}

const jira = {
  site: 'https://acme.atlassian.net',
  auth: { kind: 'basic', email: 'priya@acme.test' },
  select: { jql: 'project = NET' },
  mapping: { team: { from: 'component', values: { Payments: 'payments' } } },
};

describe('integrations API', () => {
  let world: ApiWorld;
  let editor: Client;
  let viewer: Client;
  let outsider: Client;
  const seen: string[] = [];
  /** Every answer, kept to prove no secret was ever in one. */
  const call = async <T = Record<string, unknown>>(c: Client, method: string, path: string, body?: unknown) => {
    const r = await c.json<T>(method, path, body === undefined ? {} : { body });
    seen.push(JSON.stringify(r.body));
    return r;
  };
  beforeAll(async () => {
    ({ world, editor, viewer, outsider } = await rolesWorld());
  });
  afterAll(() => world.close());

  it('lists all four kinds, none configured, to a viewer', async () => {
    const { status, body } = await call<{ integrations: View[] }>(viewer, 'GET', I);
    expect(status).toBe(200);
    expect(body.integrations.map((i) => [i.kind, i.config, i.hasSecret, i.secretSource, i.results.length])).toEqual([
      ['jira', null, false, 'none', 0],
      ['github', null, false, 'none', 0],
      ['confluence', null, false, 'none', 0],
      ['slack', null, false, 'none', 0],
    ]);
    expect((await outsider.call('GET', I)).status).toBe(404);
  });

  it('saves settings with the defaults filled in and says the selection in words', async () => {
    const { status, body } = await call<View>(world.admin, 'PUT', `${I}/jira`, jira);
    expect(status).toBe(200);
    expect(body.config).toMatchObject({
      site: 'https://acme.atlassian.net',
      api: 'cloud',
      auth: { kind: 'basic', email: 'priya@acme.test', tokenEnv: 'JIRA_API_TOKEN' },
      mapping: { epics: 'workstreams', links: { Blocks: 'FS' }, sprintField: 'customfield_10020', changelog: true },
    });
    expect(body).toMatchObject({ describe: 'acme.atlassian.net · JQL project = NET', secretEnv: 'JIRA_API_TOKEN', updatedBy: 'admin' });
    const listed = await call<{ integrations: View[] }>(viewer, 'GET', I);
    expect(listed.body.integrations[0]?.config).toEqual(body.config);

    const github = await call<View>(world.admin, 'PUT', `${I}/github`, { select: { repos: ['octo/api', 'octo/web'] } });
    expect(github.body).toMatchObject({ describe: 'octo/api, octo/web', secretEnv: 'GITHUB_TOKEN' });
  });

  it('answers 422 with every problem at its field, and keeps the settings it had', async () => {
    const { status, body } = await call<{ errors: { field: string; message: string }[] }>(world.admin, 'PUT', `${I}/jira`, {
      site: 'acme',
      auth: { kind: 'basic' },
      select: { jql: 'project = NET' },
      mapping: { team: { from: 'squad' }, estimate: { from: 'story-points', pointsToDays: { default: 0 } } },
      extra: 1,
    });
    expect(status).toBe(422);
    const fields = body.errors.map((e) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining(['site', 'auth.email', 'mapping.team.from', 'mapping.estimate.pointsToDays.default', 'extra']),
    );
    expect(body.errors.find((e) => e.field === 'site')?.message).toContain('https://acme.atlassian.net');
    expect(body.errors.find((e) => e.field === 'mapping.team.from')?.message).toBe('team.from is one of field, component, project, label');
    const badSchedule = await call<{ errors: { field: string }[] }>(world.admin, 'PUT', `${I}/slack`, {
      schedule: { every: 'friday', at: '15:00', timeZone: 'Mars/Olympus' },
    });
    expect(badSchedule.status).toBe(422);
    expect(badSchedule.body.errors.map((e) => e.field)).toEqual(['schedule.timeZone']);
    const late = await call<{ errors: { field: string }[] }>(world.admin, 'PUT', `${I}/slack`, { schedule: { every: 'fri', at: '25:00' } });
    expect(late.body.errors.map((e) => e.field).sort()).toEqual(['schedule.at', 'schedule.every']);
    expect((await call<{ integrations: View[] }>(viewer, 'GET', I)).body.integrations[0]?.config).toMatchObject({
      site: 'https://acme.atlassian.net',
    });
    expect((await world.admin.call('PUT', `${I}/trello`, { body: {} })).status).toBe(400);
  });

  it('gives schedules in words, in the program zone unless one is set', async () => {
    const slack = await call<View>(world.admin, 'PUT', `${I}/slack`, {
      schedule: { every: 'friday', at: '15:00', timeZone: 'Europe/London' },
    });
    expect(slack.body.schedule).toMatchObject({
      every: 'friday',
      at: '15:00',
      timeZone: 'Europe/London',
      text: 'Every Friday at 15:00, Europe/London',
    });
    // The next run: a Friday, 15:00 in London, within the coming week.
    const next = new Date(slack.body.schedule?.next ?? '');
    const london = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London',
      weekday: 'long',
      hour: '2-digit',
      minute: '2-digit',
    }).format(next);
    expect(london).toBe('Friday 15:00');
    expect(next.getTime() - Date.now()).toBeGreaterThan(0);
    expect(next.getTime() - Date.now()).toBeLessThanOrEqual(7 * 86_400_000);
    const confluence = await call<View>(world.admin, 'PUT', `${I}/confluence`, {
      site: 'https://acme.atlassian.net',
      email: 'priya@acme.test',
      space: 'PROG',
      title: 'Checkout cloud status',
      schedule: { every: 'weekdays', at: '09:00' },
    });
    const zone = (await world.admin.json<{ program: { calendar: { timezone: string } } }>('GET', P)).body.program.calendar.timezone;
    expect(confluence.body.schedule?.text).toBe(`Every weekday (Monday to Friday) at 09:00, ${zone}`);
    expect(confluence.body.describe).toBe('acme.atlassian.net · space PROG · “Checkout cloud status”');
  });

  it('stores a secret and never answers it: not in the listing, the run log, the history or an error', async () => {
    expect((await world.admin.call('PUT', `${I}/jira/secret`, { body: { secret: JIRA_TOKEN } })).status).toBe(204);
    expect((await world.admin.call('PUT', `${I}/slack/secret`, { body: { secret: 'not a webhook' } })).status).toBe(204);
    const listed = await call<{ integrations: View[] }>(viewer, 'GET', I);
    expect(listed.body.integrations.map((i) => [i.kind, i.hasSecret, i.secretSource])).toEqual([
      ['jira', true, 'stored'],
      ['github', false, 'none'],
      ['confluence', false, 'none'],
      ['slack', true, 'stored'],
    ]);
    const empty = await call<{ errors: { field: string }[] }>(world.admin, 'PUT', `${I}/jira/secret`, { secret: '  ' });
    expect(empty.status).toBe(400);
    expect(empty.body.errors.map((e) => e.field)).toEqual(['secret']);

    // Slack is checked, never called: a wrong URL is a 422 with what a webhook looks like, recorded in the log.
    const bad = await call<{ detail: string }>(editor, 'POST', `${I}/slack/test`);
    expect(bad.status).toBe(422);
    expect(bad.body.detail).toContain('https://hooks.slack.com/services/');
    expect(bad.body.detail).not.toContain('not a webhook');
    expect((await world.admin.call('PUT', `${I}/slack/secret`, { body: { secret: WEBHOOK } })).status).toBe(204);
    const good = await call<{ ok: boolean; account: string; detail: string }>(editor, 'POST', `${I}/slack/test`);
    expect(good.body).toEqual({ ok: true, account: 'workspace T0AB12CD3', detail: expect.stringContaining('B0EF45GH6') });
    // Confluence has no secret stored or in the environment: says where to put one.
    const none = await call<{ detail: string; errors: { field: string }[] }>(editor, 'POST', `${I}/confluence/test`);
    expect(none.status).toBe(422);
    expect(none.body.detail).toContain('CONFLUENCE_API_TOKEN');

    const slack = (await call<{ integrations: View[] }>(viewer, 'GET', I)).body.integrations[3];
    expect(slack?.results.map((r) => [r.kind, r.ok, r.actor])).toEqual([
      ['test', true, 'ana'],
      ['test', false, 'ana'],
    ]);
    seen.push(await (await world.admin.call('GET', `${P}/history?limit=100`)).text());
    seen.push(await (await world.admin.call('GET', '/api/openapi.json')).text());
    for (const text of seen) {
      expect(text).not.toContain(JIRA_TOKEN);
      expect(text).not.toContain('abcdEFGHijklMNOPqrstUVWX');
    }
  });

  it('lets viewers read, editors run and admins change settings and secrets', async () => {
    for (const [client, method, path, body, expected] of [
      [viewer, 'PUT', `${I}/jira`, jira, 403],
      [viewer, 'POST', `${I}/slack/test`, undefined, 403],
      [viewer, 'POST', `${I}/jira/sync`, undefined, 403],
      [editor, 'PUT', `${I}/jira`, jira, 403],
      [editor, 'PUT', `${I}/jira/secret`, { secret: 'x' }, 403],
      [editor, 'DELETE', `${I}/jira`, undefined, 403],
      [outsider, 'POST', `${I}/slack/test`, undefined, 404],
      [editor, 'POST', `${I}/slack/preview`, undefined, 400],
      [editor, 'POST', `${I}/jira/publish`, undefined, 400],
    ] as const) {
      const r = await client.call(method, path, body === undefined ? {} : { body });
      expect([method, path, r.status]).toEqual([method, path, expected]);
    }
    expect((await viewer.call('GET', `${I}/jira/runs/current`)).status).toBe(404);
  });

  it('disconnects: settings, secret and run log go', async () => {
    expect((await world.admin.call('DELETE', `${I}/slack`)).status).toBe(204);
    const slack = (await call<{ integrations: View[] }>(viewer, 'GET', I)).body.integrations[3];
    expect(slack).toMatchObject({ config: null, hasSecret: false, results: [] });
    expect((await world.admin.call('DELETE', `${I}/slack`)).status).toBe(404);
    expect((await world.admin.call('DELETE', `${I}/jira/secret`)).status).toBe(204);
    expect((await call<{ integrations: View[] }>(viewer, 'GET', I)).body.integrations[0]).toMatchObject({
      hasSecret: false,
      secretSource: 'none',
    });
  });
});

describe('integrations API syncing from the Jira replay server', () => {
  const EMAIL = 'tpm@example.com';
  const TOKEN = 'ATATT3xFfGF0-replay-secret-token';
  let world: ApiWorld;
  let jira: JiraReplayServer;
  const answers: string[] = [];
  const call = async <T = Record<string, unknown>>(method: string, path: string, body?: unknown) => {
    const r = await world.admin.json<T>(method, path, body === undefined ? {} : { body });
    answers.push(JSON.stringify(r.body));
    return r;
  };
  beforeAll(async () => {
    world = await apiWorld();
    jira = await startJiraReplay({
      dataset: generateDataset({ issues: 300, project: 'NET' }),
      auth: { kind: 'basic', email: EMAIL, token: TOKEN },
    });
    const saved = await call('PUT', `${I}/jira`, {
      site: jira.url,
      auth: { kind: 'basic', email: EMAIL, tokenEnv: 'THROUGHLINE_TEST_NO_SUCH_VARIABLE' },
      select: { jql: 'project = NET' },
      mapping: { team: { from: 'component' }, estimate: { from: 'story-points', field: 'customfield_10016' } },
    });
    expect(saved.status).toBe(200);
  });
  afterAll(async () => {
    await jira?.stop();
    await world?.close();
  });

  async function finished(): Promise<{
    ok: boolean;
    summary: { created: string[]; updated: string[]; fetched: number };
    error: string | null;
  }> {
    for (let i = 0; i < 600; i++) {
      const run = await call<{ finishedAt: string | null; ok: boolean; summary: never; error: string | null }>(
        'GET',
        `${I}/jira/runs/current`,
      );
      if (run.body.finishedAt !== null) return run.body;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the sync did not finish in 60 s');
  }

  it('tests the connection: no secret, a wrong one (502, the token never repeated), the right one', async () => {
    const none = await call<{ detail: string }>('POST', `${I}/jira/test`);
    expect(none.status).toBe(422);
    expect(none.body.detail).toContain('THROUGHLINE_TEST_NO_SUCH_VARIABLE');
    expect((await world.admin.call('PUT', `${I}/jira/secret`, { body: { secret: 'wrong-token-1234' } })).status).toBe(204);
    const refused = await call<{ title: string; detail: string }>('POST', `${I}/jira/test`);
    expect(refused.status).toBe(502);
    expect(refused.body.title).toBe('The credentials were refused');
    expect(refused.body.detail).not.toContain('wrong-token-1234');
    expect((await world.admin.call('PUT', `${I}/jira/secret`, { body: { secret: TOKEN } })).status).toBe(204);
    const ok = await call<{ ok: boolean; account: string; detail: string }>('POST', `${I}/jira/test`);
    expect(ok.status).toBe(200);
    expect(ok.body.account).toBe('Person A');
    expect(ok.body.detail).toContain('project = NET');
  });

  it('previews the first page mapped, with what a sync would do, and writes nothing', async () => {
    const before = (await call<{ version: number }>('GET', P)).body.version;
    const { status, body } = await call<{
      rows: {
        key: string;
        id: string;
        kind: string | null;
        team: string | null;
        estimate: number | null;
        state: string | null;
        action: string;
        dependencies: number;
      }[];
      summary: { created: string[]; updated: string[]; fetched: number };
    }>('POST', `${I}/jira/preview?limit=20`);
    expect(status).toBe(200);
    // 20 issues, plus the milestones their fix versions become.
    const issues = body.rows.filter((r) => r.kind !== 'milestone');
    expect(issues.length).toBeGreaterThanOrEqual(15);
    expect(issues.length).toBeLessThanOrEqual(20);
    expect(body.summary.fetched).toBe(body.rows.length);
    expect(body.rows.every((r) => r.action === 'create')).toBe(true);
    expect(body.summary.created).toEqual(expect.arrayContaining(body.rows.map((r) => r.id)));
    expect(body.rows.filter((r) => r.team !== null).length).toBeGreaterThan(0);
    expect(issues.every((r) => r.state !== null)).toBe(true);
    expect((await call<{ version: number }>('GET', P)).body.version).toBe(before);
  });

  it('syncs in the background with progress, one at a time, records the result, and a re-sync after a 429 changes nothing', async () => {
    const started = await call<{ runId: string; finishedAt: string | null }>('POST', `${I}/jira/sync`);
    expect(started.status).toBe(202);
    expect(started.body.finishedAt).toBeNull();
    const again = await call<{ runId: string }>('POST', `${I}/jira/sync`);
    expect(again.status).toBe(409);
    expect(again.body.runId).toBe(started.body.runId);
    const run = await finished();
    expect(run.error).toBeNull();
    expect(run.ok).toBe(true);
    // 300 issues; the epics among them become workstreams, not items.
    expect(run.summary.fetched).toBeGreaterThanOrEqual(290);
    expect(run.summary.created.length).toBeGreaterThanOrEqual(290);
    const item = await call<{ value: { id: string; source: { system: string; key: string } } }>('GET', `${P}/items/NET-12`);
    expect(item.body.value.source).toMatchObject({ system: 'jira', key: 'NET-12' });
    const activity = await world.store.integrations.activity('checkout-cloud-2027' as ProgramId, 'NET-12');
    expect(activity.length).toBeGreaterThan(0);
    const served = await call<{ activity: { id: string; at: string; field: string }[] }>('GET', `${P}/items/NET-12/activity?limit=3`);
    expect(served.body.activity).toEqual(activity.slice(0, 3));
    expect(served.body.activity.map((a) => a.at)).toEqual([...served.body.activity.map((a) => a.at)].sort().reverse());

    jira.rateLimitOn(jira.requests.length + 2, 1);
    expect((await call('POST', `${I}/jira/sync`)).status).toBe(202);
    const resync = await finished();
    expect(resync.ok).toBe(true);
    expect([resync.summary.created, resync.summary.updated]).toEqual([[], []]);
    expect(jira.requests.some((r) => r.status === 429)).toBe(true);

    const listed = await call<{ integrations: View[] }>('GET', I);
    const log = listed.body.integrations[0]?.results ?? [];
    expect(log.slice(0, 2).map((r) => [r.kind, r.ok])).toEqual([
      ['sync', true],
      ['sync', true],
    ]);
    expect(JSON.stringify(await (await world.admin.call('GET', `${P}/history?limit=50`)).text())).not.toContain(TOKEN);
    for (const text of answers) expect(text).not.toContain(TOKEN);
  }, 120_000);
});

describe('integrations API publishing to Confluence and Slack test servers', () => {
  const EMAIL = 'tpm@example.com';
  const TOKEN = 'confluence-token-never-echoed-51';
  let world: ApiWorld;
  let confluence: ConfluenceServer;
  let slack: SlackWebhookServer;
  beforeAll(async () => {
    world = await apiWorld();
    confluence = await startConfluence({ email: EMAIL, token: TOKEN, spaces: [{ key: 'PROG', name: 'Program office' }] });
    slack = await startSlackWebhook();
  });
  afterAll(async () => {
    await confluence?.stop();
    await slack?.stop();
    await world?.close();
  });

  it('tests Confluence by reading the space, publishes a page then a new version, and records both', async () => {
    const settings = { site: confluence.url, email: EMAIL, space: 'PROG', title: 'Checkout status' };
    expect((await world.admin.call('PUT', `${I}/confluence`, { body: settings })).status).toBe(200);
    expect((await world.admin.call('PUT', `${I}/confluence/secret`, { body: { secret: TOKEN } })).status).toBe(204);
    const tested = await world.admin.json<{ detail: string }>('POST', `${I}/confluence/test`);
    expect(tested.status).toBe(200);
    expect(tested.body.detail).toContain('space PROG “Program office”');
    expect(confluence.requests.filter((r) => r.method !== 'GET')).toEqual([]);

    const first = await world.admin.json<{ kind: string; summary: { created: boolean; version: number; url: string } }>(
      'POST',
      `${I}/confluence/publish`,
    );
    expect(first.status).toBe(200);
    expect(first.body.summary).toMatchObject({ created: true, version: 1 });
    const second = await world.admin.json<{ summary: { created: boolean; version: number } }>('POST', `${I}/confluence/publish`);
    expect(second.body.summary).toMatchObject({ created: false, version: 2 });
    const page = [...confluence.pages.values()][0];
    expect(page?.title).toBe('Checkout status');

    const wrong = { ...settings, space: 'NOPE' };
    await world.admin.call('PUT', `${I}/confluence`, { body: wrong });
    const missing = await world.admin.json<{ detail: string }>('POST', `${I}/confluence/test`);
    expect(missing.status).toBe(502);
    expect(missing.body.detail).toContain('no space "NOPE"');
    const listed = await world.admin.json<{ integrations: View[] }>('GET', I);
    const log = listed.body.integrations[2]?.results ?? [];
    expect(log.map((r) => [r.kind, r.ok])).toEqual([
      ['test', false],
      ['publish', true],
      ['publish', true],
      ['test', true],
    ]);
    expect(JSON.stringify(listed.body)).not.toContain(TOKEN);
  }, 120_000);

  it('posts the Slack summary to the webhook stored on the server, and says why Slack refused one', async () => {
    expect((await world.admin.call('PUT', `${I}/slack`, { body: {} })).status).toBe(200);
    expect((await world.admin.call('PUT', `${I}/slack/secret`, { body: { secret: slack.webhookUrl } })).status).toBe(204);
    const posted = await world.admin.json<{ summary: { blocks: number } }>('POST', `${I}/slack/publish`);
    expect(posted.status).toBe(200);
    expect(slack.accepted).toHaveLength(1);
    expect(posted.body.summary.blocks).toBe((slack.accepted[0] as { blocks: unknown[] }).blocks.length);
    slack.archive();
    const refused = await world.admin.json<{ detail: string }>('POST', `${I}/slack/publish`);
    expect(refused.status).toBe(502);
    expect(refused.body.detail).toContain('channel_is_archived');
    expect(refused.body.detail).not.toContain(new URL(slack.webhookUrl).pathname);
  }, 120_000);
});

describe('integrations API syncing from the GitHub replay server', () => {
  const TOKEN = 'ghp_replayTokenNeverEchoed0123456789';
  let world: ApiWorld;
  let github: GithubReplayServer;
  beforeAll(async () => {
    world = await apiWorld();
    github = await startGithubReplayServer({ token: TOKEN, now: () => Date.now() });
  });
  afterAll(async () => {
    await github?.close();
    await world?.close();
  });

  it('tests, previews and syncs two repositories in the background', async () => {
    const saved = await world.admin.json<View>('PUT', `${I}/github`, {
      body: {
        api: github.url,
        select: { repos: ['octo-org/api', 'octo-org/web'] },
        mapping: { team: { from: 'label', values: { platform: 'platform-eng' } }, estimate: { from: 'label' } },
      },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.describe).toContain('octo-org/api, octo-org/web');
    expect((await world.admin.call('PUT', `${I}/github/secret`, { body: { secret: TOKEN } })).status).toBe(204);
    const tested = await world.admin.json<{ account: string }>('POST', `${I}/github/test`);
    expect(tested.status).toBe(200);
    const preview = await world.admin.json<{ rows: { id: string; action: string }[] }>('POST', `${I}/github/preview?limit=5`);
    expect(preview.status).toBe(200);
    expect(preview.body.rows.length).toBeGreaterThan(0);
    expect(preview.body.rows.every((r) => r.action === 'create')).toBe(true);
    expect((await world.admin.call('POST', `${I}/github/sync`)).status).toBe(202);
    let run: { finishedAt: string | null; ok: boolean | null; error: string | null; summary: { created: string[] } | null } | undefined;
    for (let i = 0; i < 300 && !run?.finishedAt; i++) {
      await new Promise((r) => setTimeout(r, 100));
      run = (await world.admin.json<NonNullable<typeof run>>('GET', `${I}/github/runs/current`)).body;
    }
    expect(run?.error).toBeNull();
    expect(run?.summary?.created.length).toBeGreaterThan(0);
    const first = run?.summary?.created[0] ?? '';
    const item = await world.admin.json<{ value: { source: { system: string } } }>('GET', `${P}/items/${first}`);
    expect(item.body.value.source.system).toBe('github');
  }, 120_000);
});
