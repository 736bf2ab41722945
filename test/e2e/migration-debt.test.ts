import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../support/programs.js';
import { runCli } from '../support/run-cli.js';
import { freshCliEnv } from '../support/stores.js';

const FILE = fixture('migration/dc-exit.yaml');
const cwd = mkdtempSync(join(tmpdir(), 'throughline-migration-'));
const env = await freshCliEnv('postgres');
const cli = (...args: string[]) => runCli(args, { cwd, env });

describe('throughline migration and debt, through the real CLI', { timeout: 300_000 }, () => {
  beforeAll(async () => {
    expect((await cli('load', FILE)).code).toBe(0);
  });

  it('shows the migration of a program file, and the same figures from the store as JSON', async () => {
    const text = await cli('migration', FILE, '--at', '2027-03-05', '--seed', '1');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('55 % of steps done (11 of 20); 2 of 5 services fully migrated');
    expect(text.stdout).toContain('Laggards: data');
    const json = await cli('migration', 'dc-exit-demo', 'dc-exit', '--at', '2027-03-05', '--seed', '1', '--json');
    expect(json.code).toBe(0);
    const view = JSON.parse(json.stdout);
    expect(view.progress.overall.stepsDone).toBe(11);
    expect(view.forecast.history).toEqual([2, 1, 1, 2, 1, 1, 1]);
    expect(text.stdout).toContain(`P80 ${view.forecast.p80}`);
  });

  it('refuses a bad day and an unknown migration with what to do', async () => {
    const bad = await cli('migration', FILE, '--at', '2027-02-30');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('is not a day of the calendar');
    const missing = await cli('migration', FILE, 'nope');
    expect(missing.code).toBe(4);
    expect(missing.stderr).toContain('its migrations are: dc-exit');
  });

  it('generates the items once, records a step, and the item follows', async () => {
    const made = await cli('migration', 'generate', 'dc-exit-demo', 'dc-exit');
    expect(made.code).toBe(0);
    expect(made.stdout).toContain('dc-exit: added 20 work items and 15 finish-to-start links');
    const again = await cli('migration', 'generate', 'dc-exit-demo', 'dc-exit');
    expect(again.stdout).toContain('nothing to add');
    const done = await cli('migration', 'done', 'dc-exit-demo', 'dc-exit', 'ledger', 'dual-run', '--on', '2027-03-04');
    expect(done.code).toBe(0);
    expect(done.stdout).toContain('dc-exit: ledger finished dual-run on 2027-03-04');
    const view = JSON.parse((await cli('migration', 'dc-exit-demo', 'dc-exit', '--at', '2027-03-05', '--json')).stdout);
    const ledger = view.grid.find((r: { service: string }) => r.service === 'ledger');
    expect(ledger.cells[1]).toEqual({ step: 'dual-run', done: '2027-03-04', item: { id: 'dc-exit-ledger-dual-run', state: 'done' } });
    expect(ledger.cells[2].item).toEqual({ id: 'dc-exit-ledger-cutover', state: 'not-started' });
    const file = await cli('migration', 'done', FILE, 'dc-exit', 'ledger', 'cutover');
    expect(file.code).toBe(2);
    expect(file.stderr).toContain('load the file first');
  });

  it('ranks the debt, and groups it by cause', async () => {
    const ranked = await cli('debt', FILE, '--at', '2027-03-05T12:00:00Z');
    expect(ranked.code).toBe(0);
    expect(ranked.stdout).toContain('3 open debt items cost 22 h a month: 20 h of toil and 2.0 h of incidents.');
    expect(ranked.stdout.indexOf('manual-certs')).toBeLessThan(ranked.stdout.indexOf('fix-failover'));
    const byCause = await cli('debt', 'dc-exit-demo', '--by', 'cause', '--at', '2027-03-05T12:00:00Z');
    expect(byCause.stdout).toMatch(/no owner\s+1\s+12/);
    const bad = await cli('debt', FILE, '--by', 'team');
    expect(bad.code).toBe(2);
  });
});
