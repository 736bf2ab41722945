import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_FILE } from '../support/programs.js';
import { runCli } from '../support/run-cli.js';
import { freshCliEnv } from '../support/stores.js';

const cwd = mkdtempSync(join(tmpdir(), 'throughline-impact-'));
const cli = (...args: string[]) => runCli(args, { cwd });

describe('throughline impact', () => {
  it('shows which milestones a slip moves, in the plan and in the forecast, and who waits downstream', async () => {
    const run = await cli('impact', SAMPLE_FILE, '--item', 'net-03', '--slip', '10', '--as-of', '2027-03-01', '--trials', '300', '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const r = JSON.parse(run.stdout);
    expect(r.change).toBe('"net-03" slips 10 working days');
    expect(r.basis).toBe('critical path');
    const moved = r.milestones.filter((m: { plan: { days: number } }) => m.plan.days > 0).map((m: { id: string }) => m.id);
    expect(moved).toContain('ms-connectivity');
    for (const m of r.milestones) {
      expect(m.plan.days).toBeGreaterThanOrEqual(0);
      expect(m.plan.days).toBeLessThanOrEqual(10);
      expect(m.p80).not.toBeNull();
    }
    expect(r.downstream.items).toBeGreaterThan(10);
    expect(r.forecast).toEqual({ trials: 300, seed: 1 });
  });

  it('levels the plan to show what losing people does', async () => {
    const run = await cli(
      'impact',
      SAMPLE_FILE,
      '--team',
      'dbre',
      '--lose',
      '2',
      '--from',
      '2027-03-01',
      '--to',
      '2027-05-31',
      '--as-of',
      '2027-03-01',
      '--trials',
      '0',
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Database Reliability Engineering loses 2 people from 2027-03-01 to 2027-05-31');
    expect(run.stdout).toMatch(/ms-data-replicated\s+2027-06-04\s+2027-05-03\s+2027-05-18\s+\+11/);
  });

  it("gives a team's blast radius on a stored program", async () => {
    const env = await freshCliEnv('postgres');
    expect((await runCli(['load', SAMPLE_FILE], { cwd, env })).code).toBe(0);
    const run = await runCli(['impact', 'checkout-cloud-2027', '--team', 'network', '--json'], { cwd, env });
    expect(run.code).toBe(0);
    const r = JSON.parse(run.stdout);
    expect(r.of).toBe('team Network Engineering');
    expect(r.teams.map((t: { team: string }) => t.team)).not.toContain('network');
    expect(r.milestones).toContain('ms-dc-exit');
  });

  it('explains what it needs when the change is unclear or names nothing known', async () => {
    const unclear = await cli('impact', SAMPLE_FILE, '--slip', '3');
    expect(unclear.code).toBe(2);
    expect(unclear.stderr).toContain('say what changes: --item ID --slip DAYS');
    const unknown = await cli('impact', SAMPLE_FILE, '--item', 'net-99', '--slip', '3', '--trials', '0');
    expect(unknown.code).toBe(4);
    expect(unknown.stderr).toContain('no item or milestone "net-99"');
  });
});

describe('throughline decisions', () => {
  it('lists open decisions by the day they block work, and the decisions made, newest first', async () => {
    const run = await cli('decisions', SAMPLE_FILE, '--as-of', '2027-02-15', '--json');
    expect(run.code).toBe(0);
    const log = JSON.parse(run.stdout);
    expect(log.needed.map((d: { id: string }) => d.id)).toEqual(['dec-second-dx', 'dec-tax-engine']);
    for (const d of log.needed) expect(d.daysLeft).toBe(Math.round((Date.parse(d.blocksOn) - Date.parse('2027-02-15')) / 86_400_000));
    expect(log.made.map((d: { id: string }) => d.id)).toEqual(['dec-cutover', 'dec-hsm', 'dec-ledger-db']);
    expect(log.made[1].outcome).toBe('Thales payShield 10K in the Equinix DC2 cage over DX');
  });
});
