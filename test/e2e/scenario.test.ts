import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_FILE } from '../support/programs.js';
import { ROOT, runCli } from '../support/run-cli.js';
import { freshCliEnv } from '../support/stores.js';

const WHAT_IF = join(ROOT, 'examples/what-if-contractors.yaml');
const cwd = mkdtempSync(join(tmpdir(), 'throughline-scenario-'));

describe('throughline scenario', () => {
  it('compares a what-if with the live plan of a program file, side by side', async () => {
    const run = await runCli(['scenario', SAMPLE_FILE, '--file', WHAT_IF, '--as-of', '2027-03-01', '--trials', '200', '--json'], { cwd });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const c = JSON.parse(run.stdout);
    expect(c.scenario).toBe('dbre-contractors');
    const replicated = c.milestones.find((m: { id: string }) => m.id === 'ms-data-replicated');
    expect(replicated.scenario > replicated.live).toBe(true);
    expect(replicated.scenarioP80).not.toBeNull();
    const dbre = c.teamLoad.find((t: { team: string }) => t.team === 'dbre');
    expect(dbre.scenario.capacity).toBeGreaterThan(dbre.live.capacity);
  });

  it('points at the change that cannot apply, by line', async () => {
    writeFileSync(join(cwd, 'bad.yaml'), 'scenario: bad\nchanges:\n  - remove-item: net-03\n  - estimate: { item: net-99, days: 3 }\n');
    const run = await runCli(['scenario', SAMPLE_FILE, '--file', 'bad.yaml', '--trials', '0'], { cwd });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('bad.yaml:4:5');
    expect(run.stderr).toContain('no item "net-99" to re-estimate');
  });

  it('keeps a scenario, then applies it to the live plan, recorded in the history', async () => {
    const env = await freshCliEnv('postgres');
    const cli = (...args: string[]) => runCli(args, { cwd, env });
    expect((await cli('load', SAMPLE_FILE)).code).toBe(0);
    expect((await cli('scenario', 'checkout-cloud-2027', '--file', WHAT_IF, '--save', '--trials', '0')).code).toBe(0);
    expect((await cli('scenario', 'checkout-cloud-2027')).stdout).toContain('dbre-contractors');
    expect((await cli('scenario', 'checkout-cloud-2027', '--compare', 'dbre-contractors', '--trials', '0')).code).toBe(0);
    const applied = await cli('scenario', 'checkout-cloud-2027', '--apply', 'dbre-contractors');
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain('applied to the live plan: version 2');
    const history = JSON.parse((await cli('history', 'checkout-cloud-2027', '--json')).stdout);
    expect(JSON.stringify(history)).toContain('scenario dbre-contractors');
    const csv = (await cli('export', 'checkout-cloud-2027', '--format', 'csv')).stdout;
    expect(csv).toMatch(/^db-contractor-onboarding,"?Onboard two DBRE contractors/m);
    expect((await cli('scenario', 'checkout-cloud-2027', '--compare', 'dbre-contractors')).code).toBe(4);
  });
});
