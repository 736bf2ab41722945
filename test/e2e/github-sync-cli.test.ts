import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GithubReplayServer, startGithubReplayServer } from '../support/github-replay-server.js';
import { runCli } from '../support/run-cli.js';
import { freshCliEnv } from '../support/stores.js';

const TOKEN = 'ghp_cliSyncToken00000000000000000000000000';
const cwd = mkdtempSync(join(tmpdir(), 'throughline-github-sync-'));
const storeEnv = await freshCliEnv('postgres');
const env = { ...storeEnv, GITHUB_TOKEN: TOKEN, THROUGHLINE_ACTOR: 'priya' };
const cli = (...args: string[]) => runCli(args, { cwd, env });
let github: GithubReplayServer;

describe('throughline sync github, through the real CLI and a GitHub replay server', { timeout: 300_000 }, () => {
  beforeAll(async () => {
    github = await startGithubReplayServer({ token: TOKEN, now: () => Date.now() });
    writeFileSync(
      join(cwd, 'integrations.yaml'),
      [
        'github:',
        `  api: ${github.url}`,
        '  select: { repos: [octo-org/api, octo-org/web] }',
        '  mapping:',
        '    team: { from: label, values: { platform: platform-eng } }',
        '    estimate: { from: label, pointsToDays: { payments: 2, default: 1 } }',
      ].join('\n'),
    );
    writeFileSync(
      join(cwd, 'checkout.yaml'),
      [
        'throughline: 1',
        'program:',
        '  id: checkout-cli',
        '  name: Checkout 2027',
        '  start: 2026-11-02',
        '  target: 2027-12-31',
        '  calendar: { timezone: Europe/Berlin, workdays: [mon, tue, wed, thu, fri], hours: ["09:00-17:00"] }',
      ].join('\n'),
    );
    expect((await cli('load', 'checkout.yaml')).code).toBe(0);
  });
  afterAll(() => github.close());

  it('dry run, import, and a second run that changes nothing; the token never shows', async () => {
    const dry = await cli('sync', 'github', 'checkout-cli', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('11 items created');
    const show = await cli('show', 'checkout-cli', '--json');
    expect(JSON.parse(show.stdout).counts.items).toBe(0);

    const first = await cli('sync', 'github', 'checkout-cli', '--json');
    expect(first.code).toBe(0);
    const outcome = JSON.parse(first.stdout);
    expect(outcome.summary.created).toHaveLength(11);
    expect(outcome.summary.teamsCreated.sort()).toEqual(['payments', 'platform-eng', 'web-experience']);
    expect(outcome.summary.activity).toBe(8);
    for (const out of [dry.stdout, dry.stderr, first.stdout, first.stderr]) expect(out).not.toContain(TOKEN);

    const again = await cli('sync', 'github', 'checkout-cli', '--json');
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).summary).toMatchObject({ created: [], updated: [], removed: [] });
  });

  it('re-syncs exactly what changed on GitHub, and the history shows it', async () => {
    github.editIssue('octo-org/api', 5, { title: 'Rate limit the public API per merchant' }, '2026-11-27T10:00:00Z');
    const re = await cli('sync', 'github', 'checkout-cli', '--json');
    expect(re.code).toBe(0);
    expect(JSON.parse(re.stdout).summary.updated).toEqual(['api-5']);
    const history = await cli('history', 'checkout-cli', '--json', '--limit', '1');
    const [set] = JSON.parse(history.stdout);
    expect(set.actor).toBe('priya');
    expect(set.source).toBe('sync github: octo-org/api, octo-org/web');
    expect(set.changes.map((c: { id: string }) => c.id)).toEqual(['api-5']);
    const item = await cli('history', 'checkout-cli', '--item', 'api-5');
    expect(item.stdout).toMatch(/title: .*Rate limit the public API → Rate limit the public API per merchant/);
  });

  it('says which variable to set when the token is missing, and exits 5 when GitHub refuses it', async () => {
    const missing = await runCli(['sync', 'github', 'checkout-cli'], { cwd, env: storeEnv });
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('GITHUB_TOKEN');
    const refused = await runCli(['sync', 'github', 'checkout-cli'], {
      cwd,
      env: { ...storeEnv, GITHUB_TOKEN: 'ghp_wrong000000000000000000000000000000' },
    });
    expect(refused.code).toBe(5);
    expect(refused.stderr).toContain('Bad credentials');
    expect(refused.stderr).not.toContain('ghp_wrong');
  });
});
