import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_FILE } from '../support/programs.js';
import { ROOT, runCli } from '../support/run-cli.js';
import { freshCliEnv } from '../support/stores.js';

const GOLDEN = join(ROOT, 'test/golden/sample-risks.txt');

describe('throughline risks', () => {
  it('reads sensibly on the sample program (golden file; UPDATE_GOLDEN=1 rewrites it after a reviewed change)', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'throughline-risks-'));
    const run = await runCli(['risks', SAMPLE_FILE, '--as-of', '2027-03-01', '--trials', '2000'], { cwd });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(GOLDEN)) writeFileSync(GOLDEN, run.stdout);
    expect(run.stdout).toBe(readFileSync(GOLDEN, 'utf8'));
  });

  it('works on a stored program, where history switches on the stale-work rule, and prints JSON', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'throughline-risks-'));
    const env = await freshCliEnv('postgres');
    expect((await runCli(['load', SAMPLE_FILE], { cwd, env })).code).toBe(0);
    // Loaded "today" (the real clock); a status date a year on makes all work in progress stale.
    const asOf = `${new Date().getUTCFullYear() + 1}-06-01`;
    const run = await runCli(['risks', 'checkout-cloud-2027', '--as-of', asOf, '--trials', '0', '--json'], { cwd, env });
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.program).toBe('checkout-cloud-2027');
    expect(report.forecast).toBeNull();
    expect(report.notRun.map((n: { rule: string }) => n.rule)).toEqual(['milestone-p80-late', 'scope-added']);
    const stale = report.findings.filter((f: { rule: string }) => f.rule === 'item-stale');
    expect(stale.length).toBeGreaterThan(0);
    expect(report.register).toHaveLength(8);
  });

  it('on a stored program with SLI data, finds the spent and the paging error budgets, and the report shows them', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'throughline-risks-'));
    const env = await freshCliEnv('postgres');
    const cli = (...args: string[]) => runCli(args, { cwd, env });
    const fixtures = join(ROOT, 'test/fixtures/risks');
    expect((await cli('load', join(fixtures, 'slo-budget.yaml'))).code).toBe(0);
    for (const slo of ['login-availability', 'search-availability', 'profile-availability'])
      expect((await cli('slo', 'data', 'budgets', slo, join(fixtures, 'sli', `${slo}.csv`))).code).toBe(0);
    const run = await cli('risks', 'budgets', '--as-of', '2027-01-04', '--trials', '0', '--json');
    expect(run.code).toBe(0);
    const risks = JSON.parse(run.stdout);
    // Loaded today, so the Scale item also counts as stale by the status date (item-stale, left out here).
    const keys: string[] = risks.findings.map((f: { key: string }) => f.key).filter((k: string) => !k.startsWith('item-stale:'));
    expect(keys.sort()).toEqual([
      'funnel-inverted:multi-region',
      'slo-budget-exhausted:login-availability',
      'slo-burn-page:search-availability',
    ]);
    expect(risks.notRun.map((n: { rule: string }) => n.rule)).not.toContain('slo-budget-exhausted');
    const report = JSON.parse((await cli('report', 'budgets', '--as-of', '2027-01-04', '--trials', '100', '--format', 'json')).stdout);
    expect(report.reliability.slos.map((x: { id: string; state: string }) => [x.id, x.state])).toEqual([
      ['login-availability', 'exhausted'],
      ['search-availability', 'page'],
      ['profile-availability', 'ok'],
    ]);
    expect(report.reliability.onFire).toBe(true);
  });

  it('says which programs exist when the name is neither a file nor a stored program', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'throughline-risks-'));
    const run = await runCli(['risks', 'no-such-program'], { cwd, env: await freshCliEnv('postgres') });
    expect(run.code).toBe(4);
    expect(run.stderr).toContain('no program "no-such-program"');
  });
});
