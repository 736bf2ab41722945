import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_FILE } from '../support/programs.js';
import { runCli } from '../support/run-cli.js';
import { freshCliEnv } from '../support/stores.js';

const cwd = mkdtempSync(join(tmpdir(), 'throughline-baseline-'));
const env = await freshCliEnv('postgres');
const cli = (...args: string[]) => runCli(args, { cwd, env });
const ID = 'checkout-cloud-2027';

describe('baselines and reviews of detected risks, on a stored program', () => {
  beforeAll(async () => {
    expect((await cli('load', SAMPLE_FILE)).code).toBe(0);
    expect((await cli('baseline', ID, '--save', 'q1-plan', '--as-of', '2027-03-01')).code).toBe(0);
    // The cross-connects slip 10 days (remaining half of 20 → 30 likely) and a new item arrives.
    const edited = readFileSync(SAMPLE_FILE, 'utf8')
      .replace(
        'estimate: { optimistic: 15, likely: 20, pessimistic: 35 }\n    effort: 0.2',
        'estimate: { optimistic: 35, likely: 40, pessimistic: 55 }\n    effort: 0.2',
      )
      .replace(/\nitems:\n/, '\nitems:\n  - { id: net-99, title: Extra fibre audit, team: network, estimate: 3 }\n');
    writeFileSync(join(cwd, 'edited.yaml'), edited);
    expect((await cli('load', 'edited.yaml')).code).toBe(0);
  });

  it('never overwrites a baseline', async () => {
    const again = await cli('baseline', ID, '--save', 'q1-plan');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already has a baseline "q1-plan"');
  });

  it('shows each slip against the baseline, in working days, and what was added', async () => {
    const run = await cli('baseline', ID, '--compare', 'q1-plan', '--as-of', '2027-03-01', '--json');
    expect(run.code).toBe(0);
    const v = JSON.parse(run.stdout);
    const net03 = v.items.find((i: { id: string }) => i.id === 'net-03');
    expect(net03.finishSlip).toBe(10);
    expect(v.items.find((i: { id: string }) => i.id === 'net-99').change).toBe('added');
    expect(v.counts.added).toBe(1);
    expect(v.milestones.find((m: { id: string }) => m.id === 'ms-connectivity').finishSlip).toBeGreaterThan(0);
  });

  it('flags scope added since the latest baseline, and keeps verdicts on detected risks with their reasons', async () => {
    const risks = async () => JSON.parse((await cli('risks', ID, '--as-of', '2027-03-01', '--trials', '0', '--json')).stdout);
    const before = await risks();
    expect(before.baseline).toBe('q1-plan');
    expect(before.findings.find((f: { rule: string }) => f.rule === 'scope-added')?.items).toEqual(['net-99']);
    const [first, second] = before.findings as { key: string }[];
    expect(
      (
        await cli(
          'risks',
          ID,
          '--as-of',
          '2027-03-01',
          '--trials',
          '0',
          '--ack',
          first?.key as string,
          '--reason',
          'escalated to the VP on Monday',
        )
      ).code,
    ).toBe(0);
    expect(
      (
        await cli(
          'risks',
          ID,
          '--as-of',
          '2027-03-01',
          '--trials',
          '0',
          '--dismiss',
          second?.key as string,
          '--reason',
          'not a real risk: covered by dec-cutover',
        )
      ).code,
    ).toBe(0);
    const after = await risks();
    expect(after.findings.find((f: { key: string }) => f.key === first?.key).review).toMatchObject({
      verdict: 'acknowledged',
      reason: 'escalated to the VP on Monday',
      actor: 'tester',
    });
    expect(after.findings.some((f: { key: string }) => f.key === second?.key)).toBe(false);
    expect(after.dismissed.map((f: { key: string }) => f.key)).toEqual([second?.key]);
    const unknown = await cli('risks', ID, '--as-of', '2027-03-01', '--trials', '0', '--ack', 'no-such:key', '--reason', 'x');
    expect(unknown.code).toBe(4);
    expect(unknown.stderr).toContain('no detected risk "no-such:key"');
    const noReason = await cli('risks', ID, '--ack', 'x');
    expect(noReason.code).toBe(2);
    expect(noReason.stderr).toContain('say why with --reason');
  });
});
