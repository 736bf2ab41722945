/**
 * The integrations screen in Chromium against the Jira replay server (real recorded issues cloned
 * to 600): set Jira up through the form (a wrong site first: its error at the field), test the
 * connection, preview the mapping, sync with the progress bar, read the result and run log, and the
 * synced item's tracker key and changelog on its page;
 * a viewer sees results but no buttons. Light and dark screenshots.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../api/api-support.js';
import { generateDataset } from '../support/jira-dataset.js';
import { type JiraReplayServer, startJiraReplay } from '../support/jira-replay-server.js';
import { type SlackWebhookServer, startSlackWebhook } from '../support/slack-webhook-server.js';
import { signIn, type WebWorld, webWorld } from './web-support.js';

const SCREEN = '/p/checkout-cloud-2027/integrations';
const EMAIL = 'tpm@example.com';
const TOKEN = 'ATATT3xFfGF0-web-replay-token';

describe.each(['light', 'dark'] as const)('integrations screen (%s)', (theme) => {
  let world: WebWorld;
  let jira: JiraReplayServer;
  let slack: SlackWebhookServer;
  beforeAll(async () => {
    slack = await startSlackWebhook();
    world = await webWorld({ theme });
    jira = await startJiraReplay({
      dataset: generateDataset({ issues: 600, project: 'NET' }),
      auth: { kind: 'basic', email: EMAIL, token: TOKEN },
    });
  });
  afterAll(async () => {
    await jira?.stop();
    await slack?.stop();
    await world?.close();
  });

  it('sets Jira up through the form, tests, previews and syncs with progress', async () => {
    const { page } = world;
    await page.goto(`${world.url}${SCREEN}`);
    await page.getByRole('heading', { name: 'Integrations', level: 1 }).waitFor();
    const jiraCard = page.getByRole('region', { name: 'Jira', exact: true });
    await expect(jiraCard.getByText('Not set up')).toBeTruthy();
    await jiraCard.getByText('Not set up').waitFor();
    if (theme === 'light') await world.screenshot('integrations-empty-light');

    await jiraCard.getByRole('button', { name: 'Set up Jira' }).click();
    const form = page.getByRole('form', { name: 'Jira settings' });
    await form.getByLabel('Site', { exact: true }).fill('acme');
    await form.getByLabel('Account e-mail').fill(EMAIL);
    await form.getByLabel('JQL', { exact: true }).fill('project = NET');
    await form.getByLabel('Team from').selectOption('component');
    await form.getByLabel('Estimate from').selectOption('story-points');
    await form.getByLabel('Points field id').fill('customfield_10016');
    await form.getByLabel('API token or personal access token').fill(TOKEN);
    await form.getByRole('button', { name: 'Save settings' }).click();
    // The server's words at the field; nothing saved.
    await form.getByText('site is the Jira base URL, e.g. https://acme.atlassian.net').first().waitFor();
    await world.screenshot(`integrations-form-${theme}`);
    await form.getByLabel(/^Site/).fill(jira.url);
    await form.getByRole('button', { name: 'Save settings' }).click();
    await form.waitFor({ state: 'detached' });

    const host = new URL(jira.url).host;
    await jiraCard.getByText(`${host} · JQL project = NET`).waitFor();
    await jiraCard.getByText('Token stored on the server').waitFor();
    expect(await jiraCard.getByText('Connected', { exact: true }).count()).toBe(1);
    expect(await page.content()).not.toContain(TOKEN);

    await jiraCard.getByRole('button', { name: 'Test connection' }).click();
    await jiraCard.getByRole('status').filter({ hasText: 'as Person A' }).waitFor();

    await jiraCard.getByRole('button', { name: 'Preview mapping' }).click();
    const preview = page.getByRole('region', { name: 'Jira mapping preview' });
    await preview.getByRole('table').waitFor();
    const rows = await preview.getByRole('row').count();
    expect(rows).toBeGreaterThan(40);
    const created = Number(await preview.locator('.intg-count', { hasText: 'Would create' }).locator('.value').textContent());
    expect(created).toBe(rows - 1);
    await preview.getByRole('cell', { name: 'NET-2', exact: true }).waitFor();

    await jiraCard.getByRole('button', { name: 'Sync now' }).click();
    const bar = jiraCard.getByRole('progressbar', { name: 'Jira sync progress' });
    await bar.waitFor({ timeout: 10_000 });
    await world.screenshot(`integrations-syncing-${theme}`);
    await jiraCard.getByText('Sync finished.').waitFor({ timeout: 90_000 });
    const outcome = (await jiraCard.getByRole('status').filter({ hasText: 'Sync finished.' }).textContent()) ?? '';
    expect(outcome).toMatch(/issues read: \d+ created/);
    await jiraCard
      .getByText(/^today \d\d:\d\d$/)
      .first()
      .waitFor();
    await jiraCard.getByText(/Run log \(2\)/).click();
    await jiraCard.locator('.intg-log-list li', { hasText: 'Sync' }).getByText('by admin').waitFor();
    await page.getByRole('button', { name: 'Close preview' }).click();

    // Slack through the form: a Friday schedule in words with its next run, then "Publish now" to the webhook.
    const slackCard = page.getByRole('region', { name: 'Slack', exact: true });
    await slackCard.getByRole('button', { name: 'Set up Slack' }).click();
    const slackForm = page.getByRole('form', { name: 'Slack settings' });
    await slackForm.getByLabel('Publish automatically').check();
    await slackForm.getByLabel('Every').selectOption('friday');
    await slackForm.getByLabel('At', { exact: true }).fill('15:00');
    await slackForm.getByLabel(/^Time zone/).fill('Europe/London');
    await slackForm.getByLabel('Incoming webhook URL').fill(slack.webhookUrl);
    await slackForm.getByRole('button', { name: 'Save settings' }).click();
    await slackForm.waitFor({ state: 'detached' });
    await slackCard.getByText('Every Friday at 15:00, Europe/London').waitFor();
    await slackCard.getByText(/· next Fri \d+ \w+, 15:00/).waitFor();
    await slackCard.getByRole('button', { name: 'Publish now' }).click();
    await slackCard
      .getByText(/summary posted \(\d+ blocks\)/)
      .first()
      .waitFor({ timeout: 60_000 });
    expect(slack.accepted).toHaveLength(1);
    expect(await page.content()).not.toContain(new URL(slack.webhookUrl).pathname);
    await world.screenshot(`integrations-${theme}`);

    // The synced item says where it comes from, with the tracker's own history of it.
    await page.goto(`${world.url}/p/checkout-cloud-2027/items/NET-12`);
    const panel = page.getByRole('region', { name: 'From Jira' });
    await panel.getByRole('link', { name: 'NET-12' }).waitFor();
    await panel.getByRole('listitem').first().waitFor();
    expect(await panel.getByRole('listitem').count()).toBeGreaterThan(0);
    await world.screenshot(`integrations-item-activity-${theme}`);
  }, 180_000);

  it('shows a viewer the results but no buttons', async () => {
    if (theme === 'dark') return;
    await addUser(world.api, 'vic', 'viewer');
    const context = await world.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await signIn(page, world.url, 'vic', 'vic-password-1');
    await page.goto(`${world.url}${SCREEN}`);
    const jiraCard = page.getByRole('region', { name: 'Jira', exact: true });
    await jiraCard.getByText('Token stored on the server').waitFor();
    expect(await page.getByRole('button', { name: /Sync now|Test connection|Preview mapping|Settings|Set up/ }).count()).toBe(0);
    await jiraCard
      .getByText(/issues read/)
      .first()
      .waitFor();
    await context.close();
  });
});
