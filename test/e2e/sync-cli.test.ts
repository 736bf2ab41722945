import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusDataset } from '../support/jira-dataset.js';
import { type JiraReplayServer, startJiraReplay } from '../support/jira-replay-server.js';
import { fixture } from '../support/programs.js';
import { runCli } from '../support/run-cli.js';
import { freshCliEnv } from '../support/stores.js';

const TOKEN = 'atl-token-9f8e7d';
const cwd = mkdtempSync(join(tmpdir(), 'throughline-sync-'));
const storeEnv = await freshCliEnv('postgres');
const env = { ...storeEnv, JIRA_API_TOKEN: TOKEN, THROUGHLINE_ACTOR: 'priya' };
const cli = (...args: string[]) => runCli(args, { cwd, env });
let jira: JiraReplayServer;

function writeConfig(url: string): void {
  writeFileSync(
    join(cwd, 'integrations.yaml'),
    [
      'jira:',
      `  site: ${url}`,
      '  auth: { kind: basic, email: user@test.com, tokenEnv: JIRA_API_TOKEN }',
      '  select: { jql: "project = UT" }',
      '  mapping:',
      '    team: { from: component, values: { "Team 1": analytics } }',
      '    states: { names: { "Dev Active": in-progress } }',
    ].join('\n'),
  );
}

describe('throughline sync jira, through the real CLI and a Jira replay server', { timeout: 300_000 }, () => {
  beforeAll(async () => {
    jira = await startJiraReplay({ dataset: corpusDataset(), auth: { kind: 'basic', email: 'user@test.com', token: TOKEN } });
    writeConfig(jira.url);
    expect((await cli('load', fixture('integrations/ut-program.yaml'))).code).toBe(0);
  });
  afterAll(() => jira.stop());

  it('shows what a first sync would do, writing nothing', async () => {
    const dry = await cli('sync', 'jira', 'ut-sync', '--dry-run');
    expect(dry.stderr).toContain('Fetching issues…');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('Dry run — nothing written. Jira → ut-sync');
    expect(dry.stdout).toContain('25 issues fetched');
    expect(dry.stdout).toContain('25 items created, 0 items updated, 0 unchanged');
    const show = await cli('show', 'ut-sync', '--json');
    expect(JSON.parse(show.stdout).counts.items).toBe(0);
  });

  it('imports the 25 real issues with their teams, states and changelog, and a second run changes nothing', async () => {
    const first = await cli('sync', 'jira', 'ut-sync', '--json');
    expect(first.code).toBe(0);
    const outcome = JSON.parse(first.stdout);
    expect(outcome.summary.created).toHaveLength(25);
    expect(outcome.summary.teamsCreated).toEqual(expect.arrayContaining(['analytics', 'team-4']));
    expect(outcome.summary.activity).toBeGreaterThan(25);
    expect(first.stdout).not.toContain(TOKEN);
    expect(first.stderr).not.toContain(TOKEN);

    const again = await cli('sync', 'jira', 'ut-sync');
    expect(again.code).toBe(0);
    // Only the issues updated in the day before the newest update are fetched again, and nothing is written.
    expect(again.stdout).toMatch(
      /changes since 2016-03-29T07:20:13.000-04:00: (\d+) issues fetched\n {2}0 items created, 0 items updated, \1 unchanged/,
    );
    expect(again.stdout).toContain(`program version ${outcome.version}`);
  });

  it('re-syncs exactly what changed on the Jira side, and the history shows it', async () => {
    jira.dataset.edit('UT-35', { summary: 'Dev: ingest the clickstream' }, new Date('2026-11-20T10:00:00Z'));
    const re = await cli('sync', 'jira', 'ut-sync', '--json');
    expect(re.code).toBe(0);
    const outcome = JSON.parse(re.stdout);
    expect(outcome.summary.updated).toEqual(['UT-35']);
    expect(outcome.summary.created).toEqual([]);
    const history = await cli('history', 'ut-sync', '--json', '--limit', '1');
    const [set] = JSON.parse(history.stdout);
    expect(set.actor).toBe('priya');
    expect(set.source).toBe('sync jira: JQL "project = UT"');
    expect(set.changes.map((c: { id: string }) => c.id)).toEqual(['UT-35']);
    const item = await cli('history', 'ut-sync', '--item', 'UT-35');
    expect(item.stdout).toContain('~ item UT-35');
    expect(item.stdout).toContain('In the tracker');
    expect(item.stdout).toMatch(/2026-11-20 10:00 .* summary: .* → Dev: ingest the clickstream/);
  });

  it('says which variable to set when the token is missing, and exits 5 when Jira refuses it', async () => {
    const missing = await runCli(['sync', 'jira', 'ut-sync'], { cwd, env: storeEnv });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no secret: set JIRA_API_TOKEN to an API token');
    const refused = await runCli(['sync', 'jira', 'ut-sync'], { cwd, env: { ...storeEnv, JIRA_API_TOKEN: 'wrong-token-123' } });
    expect(refused.code).toBe(5);
    expect(refused.stderr).toMatch(
      /Jira refused the credentials \(HTTP 401\) for GET .*\/rest\/api\/3\/search\/jql: You are not authenticated\. Authentication required to perform this operation\. Check the API token in JIRA_API_TOKEN/,
    );
    expect(refused.stderr).not.toContain('wrong-token-123');
  });

  it("imports Jira's CSV export offline, and points at the bad cell of a broken one", async () => {
    expect((await cli('load', fixture('integrations/shop-program.yaml'))).code).toBe(0);
    const run = await cli('sync', 'jira', 'shop-sync', '--csv', fixture('jira/export.csv'), '--json');
    expect(run.stderr).not.toContain('error');
    expect(run.code).toBe(0);
    const outcome = JSON.parse(run.stdout);
    expect(outcome.source).toMatch(/^Jira CSV export .*export\.csv$/);
    expect(outcome.summary.created).toEqual(expect.arrayContaining(['SHOP-2', 'SHOP-3']));
    const broken = join(cwd, 'broken.csv');
    writeFileSync(broken, 'Summary,Issue key,Issue Type,Status,Updated\nFix it,SHOP-9,Task,To Do,not a date\n');
    const bad = await cli('sync', 'jira', 'shop-sync', '--csv', broken);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/broken\.csv:2:\d+ error/);
  });
});
