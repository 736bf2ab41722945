import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConfluenceServer, startConfluence, storageErrors } from './support/confluence-server.js';
import { SAMPLE_FILE } from './support/programs.js';
import { runCli } from './support/run-cli.js';
import { type SlackWebhookServer, startSlackWebhook } from './support/slack-webhook-server.js';
import { freshCliEnv } from './support/stores.js';

const TOKEN = 'ATATT3xFfGF0-cli-token';
const cwd = mkdtempSync(join(tmpdir(), 'throughline-publish-'));
let confluence: ConfluenceServer;
let slack: SlackWebhookServer;
let env: Record<string, string>;

beforeAll(async () => {
  confluence = await startConfluence({ email: 'tpm@acme.test', token: TOKEN, spaces: [{ key: 'PROG', name: 'Programs' }] });
  slack = await startSlackWebhook();
  writeFileSync(
    join(cwd, 'integrations.yaml'),
    [
      'confluence:',
      `  site: ${confluence.url}`,
      '  email: tpm@acme.test',
      '  space: PROG',
      '  title: Checkout migration status',
      '  schedule: { every: friday, at: "15:00" }',
      'slack:',
      '  webhookEnv: TEAM_SLACK_WEBHOOK',
      '',
    ].join('\n'),
  );
  env = { ...(await freshCliEnv('postgres')), CONFLUENCE_API_TOKEN: TOKEN, TEAM_SLACK_WEBHOOK: slack.webhookUrl };
});
afterAll(async () => {
  await confluence.stop();
  await slack.stop();
});

const run = (...args: string[]) => runCli(['publish', ...args, '--trials', '200'], { cwd, env });

describe('throughline publish', () => {
  it('--dry-run shows the Confluence page it would write and sends nothing, without a token', async () => {
    const dry = await runCli(['publish', 'confluence', SAMPLE_FILE, '--dry-run', '--trials', '200'], {
      cwd,
      env: { ...env, CONFLUENCE_API_TOKEN: '' },
    });
    expect(dry.stderr).toBe('');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('Dry run: nothing was sent.');
    expect(dry.stdout).toContain('  space  PROG');
    expect(dry.stdout).toContain('  title  Checkout migration status');
    expect(dry.stdout).toMatch(/body {3}[\d,]+ bytes of storage-format XHTML/);
    expect(dry.stdout).toContain('<p><strong>Overall:</strong>');
    expect(confluence.requests).toHaveLength(0);
  });

  it('a missing secret names the variable and exits with a usage error', async () => {
    const missing = await runCli(['publish', 'slack', SAMPLE_FILE], { cwd, env: { ...env, TEAM_SLACK_WEBHOOK: '' } });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('TEAM_SLACK_WEBHOOK is not set');
  });

  it('creates the page from a stored program, then updates it as version 2', async () => {
    const load = await runCli(['load', SAMPLE_FILE], { cwd, env });
    expect(load.code).toBe(0);
    const first = await run('confluence', 'checkout-cloud-2027');
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/✓ Created the page “Checkout migration status” in PROG \(version 1\)/);
    const second = await run('confluence', 'checkout-cloud-2027', '--json');
    expect(second.code).toBe(0);
    const outcome = JSON.parse(second.stdout) as { kind: string; version: number; created: boolean; url: string; pageId: string };
    expect(outcome).toMatchObject({ kind: 'confluence', version: 2, created: false });
    expect(outcome.url).toContain(`/wiki/spaces/PROG/pages/${outcome.pageId}/`);
    expect(storageErrors(confluence.pages.get(outcome.pageId)?.body ?? '')).toEqual([]);
  });

  it('Slack: --dry-run --json prints the payload; the post is accepted and the webhook URL is printed nowhere', async () => {
    const dry = await run('slack', SAMPLE_FILE, '--dry-run', '--json');
    expect(dry.code).toBe(0);
    const shown = JSON.parse(dry.stdout) as { blocks: number; payload: { blocks: unknown[] } };
    expect(shown.blocks).toBe(shown.payload.blocks.length);
    expect(slack.log).toHaveLength(0);
    const posted = await run('slack', SAMPLE_FILE);
    expect(posted.code).toBe(0);
    expect(posted.stdout).toMatch(/✓ Posted the status as of \d{4}-\d{2}-\d{2} to Slack \(\d+ blocks\)/);
    expect(slack.accepted).toHaveLength(1);
    slack.archive();
    const archived = await run('slack', SAMPLE_FILE);
    expect(archived.code).toBe(5);
    expect(archived.stderr).toContain('channel_is_archived');
    for (const out of [posted.stdout, posted.stderr, archived.stdout, archived.stderr])
      expect(out).not.toContain(new URL(slack.webhookUrl).pathname);
  });
});
