import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpDeps } from '../src/app/integrations/http-client.js';
import { confluenceDryRun, publishConfluence } from '../src/app/integrations/publish/confluence-publisher.js';
import { publishReport } from '../src/app/integrations/publish/publish-report.js';
import { publishSlack } from '../src/app/integrations/publish/slack-publisher.js';
import type { ConfluenceIntegration, SlackIntegration } from '../src/domain/integration.js';
import { reportConfluence } from '../src/formats/report/confluence.js';
import { reportSlack } from '../src/formats/report/slack.js';
import type { StatusReport } from '../src/formats/report/status-report.js';
import { bigReport } from './publish-report-arbitrary.js';
import { type ConfluenceServer, startConfluence } from './support/confluence-server.js';
import { type SlackWebhookServer, startSlackWebhook } from './support/slack-webhook-server.js';

const TOKEN = 'ATATT3xFfGF0-confluence-token-for-tests';
const slept: number[] = [];
const http: HttpDeps = { sleep: async (ms) => void slept.push(ms), now: () => Date.now() };

let confluence: ConfluenceServer;
let slack: SlackWebhookServer;
beforeAll(async () => {
  confluence = await startConfluence({ email: 'tpm@acme.test', token: TOKEN, spaces: [{ key: 'PROG', name: 'Programs' }] });
  slack = await startSlackWebhook();
});
afterAll(async () => {
  await confluence.stop();
  await slack.stop();
});

const config = (): ConfluenceIntegration => ({
  site: confluence.url,
  email: 'tpm@acme.test',
  tokenEnv: 'CONFLUENCE_API_TOKEN',
  space: 'PROG',
  title: 'Checkout migration — status',
});
const [report, big] = fc.sample(bigReport, { numRuns: 2, seed: 42 }) as [StatusReport, StatusReport];
/** Far past Slack's limits: 300 milestones and risks with long titles, 100 asks, 60 sections. */
const huge: StatusReport = {
  ...report,
  milestones: Array.from({ length: 300 }, (_, i) => ({
    id: `m${i}`,
    title: `Milestone ${i} & <co> ${'x'.repeat(200)}`,
    target: '2027-09-01',
    planned: '2027-08-20',
    p50: '2027-08-25T17:00',
    p80: '2027-09-03T17:00',
    rag: 'amber' as const,
    previousP80: null,
    trendDays: 2,
    curve: [],
  })),
  topRisks: Array.from({ length: 300 }, (_, i) => ({ severity: 'high' as const, title: `Risk ${i} ${'y'.repeat(300)}`, action: 'Act.' })),
  asks: Array.from({ length: 100 }, (_, i) => `Ask ${i} ${'z'.repeat(500)}`),
  sections: Array.from({ length: 60 }, (_, i) => ({ id: `s${i}`, title: `Section ${i}`, rag: 'red' as const, headline: 'h'.repeat(4000) })),
};
const small: StatusReport = {
  ...report,
  milestones: report.milestones.slice(0, 3),
  topRisks: report.topRisks.slice(0, 2),
  asks: [],
  sections: [],
};

describe('publishing to Confluence', () => {
  it('creates the page, then updates it as version 2; the stored page is the report', async () => {
    const first = await publishConfluence({ config: config(), secret: TOKEN, storage: reportConfluence(small), asOf: '2027-06-04' }, http);
    if (!first.ok) throw new Error(first.error.message);
    expect(first.value).toMatchObject({ version: 1, created: true });
    expect(first.value.url).toBe(`${confluence.url}/wiki/spaces/PROG/pages/${first.value.pageId}/Checkout+migration+%E2%80%94+status`);

    const second = await publishConfluence({ config: config(), secret: TOKEN, storage: reportConfluence(big), asOf: '2027-06-11' }, http);
    if (!second.ok) throw new Error(second.error.message);
    expect(second.value).toEqual({ ...first.value, version: 2, created: false });
    const page = confluence.pages.get(first.value.pageId);
    expect(page?.body).toBe(reportConfluence(big));
    expect(page?.version).toMatchObject({ number: 2, message: 'Throughline status 2027-06-11' });
    // The calls Confluence documents, in order: space by key, page by title, create; again, then update.
    expect(confluence.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /wiki/api/v2/spaces',
      'GET /wiki/api/v2/pages',
      'POST /wiki/api/v2/pages',
      'GET /wiki/api/v2/spaces',
      'GET /wiki/api/v2/pages',
      `PUT /wiki/api/v2/pages/${first.value.pageId}`,
    ]);
    expect(confluence.requests[1]?.query).toMatchObject({
      'space-id': '98304',
      title: 'Checkout migration — status',
      'body-format': 'storage',
    });
  });

  it('someone saving in between (409) is retried once on top of their version', async () => {
    const pageId = [...confluence.pages.keys()][0] ?? '';
    confluence.beforeNextPut(() => confluence.editByHand(pageId, '<p>edited by hand</p>'));
    const done = await publishConfluence({ config: config(), secret: TOKEN, storage: reportConfluence(small), asOf: '2027-06-18' }, http);
    if (!done.ok) throw new Error(done.error.message);
    expect(done.value.version).toBe(4);
    expect(confluence.pages.get(pageId)?.body).toBe(reportConfluence(small));
    expect(confluence.requests.slice(-4).map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /wiki/api/v2/pages',
      `PUT /wiki/api/v2/pages/${pageId}`,
      `GET /wiki/api/v2/pages/${pageId}`,
      `PUT /wiki/api/v2/pages/${pageId}`,
    ]);
  });

  it('when someone saves again during the retry, it stops after one retry and says to publish again', async () => {
    const pageId = [...confluence.pages.keys()][0] ?? '';
    const before = confluence.pages.get(pageId)?.version.number ?? 0;
    confluence.beforeNextPut(() => {
      confluence.editByHand(pageId, '<p>first edit</p>');
      confluence.beforeNextPut(() => confluence.editByHand(pageId, '<p>second edit</p>'));
    });
    const done = await publishConfluence({ config: config(), secret: TOKEN, storage: reportConfluence(small), asOf: '2027-06-25' }, http);
    expect(done.ok).toBe(false);
    if (!done.ok) expect(done.error.message).toContain('was saved by someone else twice while publishing; publish again in a moment');
    // Their edits stand; nothing of ours overwrote them.
    expect(confluence.pages.get(pageId)).toMatchObject({ body: '<p>second edit</p>', version: { number: before + 2 } });
  });

  it('a dry run sends nothing and shows the body', async () => {
    const before = confluence.requests.length;
    const dry = confluenceDryRun(config(), reportConfluence(small));
    expect(dry.payload).toMatchObject({ status: 'current', title: 'Checkout migration — status', body: { representation: 'storage' } });
    expect(dry.storage).toBe(reportConfluence(small));
    expect(confluence.requests.length).toBe(before);
  });

  it('a missing space names its key; a wrong token is a 401 that names the variable and never shows the token', async () => {
    const missing = await publishConfluence(
      { config: { ...config(), space: 'NOPE' }, secret: TOKEN, storage: '<p/>', asOf: '2027-06-04' },
      http,
    );
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error.message).toContain('no space with the key "NOPE"');
    const refused = await publishConfluence({ config: config(), secret: 'wrong-token-1234', storage: '<p/>', asOf: '2027-06-04' }, http);
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.kind).toBe('auth');
      expect(refused.error.message).toContain('CONFLUENCE_API_TOKEN');
      expect(refused.error.message).not.toContain('wrong-token-1234');
    }
  });

  it('a body Confluence cannot parse is refused by the server as Confluence would, and said so', async () => {
    const bad = await publishConfluence(
      { config: { ...config(), title: 'Other page' }, secret: TOKEN, storage: '<p>unclosed', asOf: '2027-06-04' },
      http,
    );
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toMatch(/HTTP 400.*Error parsing xhtml.*could not read the report's page body/);
  });
});

describe('publishing to Slack', () => {
  const target: SlackIntegration = { webhookEnv: 'SLACK_WEBHOOK_URL' };

  it('posts the message, and a report far over Block Kit limits is split and trimmed so Slack still takes it', async () => {
    const small1 = await publishReport(small, { kind: 'slack', config: target }, slack.webhookUrl, http);
    expect(small1).toEqual({ ok: true, value: { kind: 'slack', blocks: reportSlack(small).blocks.length } });
    expect(slack.accepted.at(-1)).toEqual(reportSlack(small));
    const done = await publishReport(huge, { kind: 'slack', config: target }, slack.webhookUrl, http, {
      reportUrl: 'https://acme.atlassian.net/wiki/x/AbC',
    });
    if (!done.ok) throw new Error(done.error.message);
    expect(slack.log.at(-1)).toMatchObject({ status: 200, answer: 'ok' });
    // It had to be trimmed: the line counting what was left out links to the full report.
    expect(JSON.stringify(slack.accepted.at(-1))).toContain('<https://acme.atlassian.net/wiki/x/AbC|see the full report>');
  });

  it('429 waits for Retry-After through the injected sleep, then posts', async () => {
    slept.length = 0;
    slack.rateLimitNext(1, 30);
    const done = await publishSlack(
      { webhookUrl: slack.webhookUrl, webhookSource: 'SLACK_WEBHOOK_URL', payload: reportSlack(small) },
      http,
    );
    expect(done.ok).toBe(true);
    expect(slept).toEqual([30_000]);
  });

  it("Slack's errors become clear messages that never contain the webhook URL", async () => {
    const wrong = `${slack.webhookUrl.slice(0, -4)}XXXX`;
    const gone = await publishSlack({ webhookUrl: wrong, webhookSource: 'SLACK_WEBHOOK_URL', payload: reportSlack(small) }, http);
    expect(gone.ok).toBe(false);
    if (!gone.ok) {
      expect(gone.error.message).toContain('The webhook is disabled or was removed (no_service)');
      expect(gone.error.message).toContain('SLACK_WEBHOOK_URL');
      expect(gone.error.message).not.toContain(new URL(wrong).pathname);
      expect(gone.error.message).not.toContain(wrong.split('/').at(-1));
    }
    const tooBig = { text: 'x', blocks: [...Array(51)].map(() => ({ type: 'divider' })) };
    const before = slack.log.length;
    const refused = await publishSlack({ webhookUrl: slack.webhookUrl, webhookSource: 'SLACK_WEBHOOK_URL', payload: tooBig }, http);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toContain('51 blocks; a message holds at most 50');
    expect(slack.log.length).toBe(before);
    slack.archive();
    const archived = await publishSlack(
      { webhookUrl: slack.webhookUrl, webhookSource: 'SLACK_WEBHOOK_URL', payload: reportSlack(small) },
      http,
    );
    expect(archived.ok).toBe(false);
    if (!archived.ok) {
      expect(archived.error.message).toContain('channel is archived (channel_is_archived)');
      expect(archived.error.message).not.toContain(new URL(slack.webhookUrl).pathname);
    }
  });
});
