import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../support/run-cli.js';
import { freshCliEnv } from '../support/stores.js';

// The corpus sits next to the repository (see /work/shared/corpora/README.md); never copied in.
const SAMPLE_BILL = join(ROOT, '../shared/corpora/focus/focus_sample.csv');
const PROGRAM = join(ROOT, 'examples/checkout-migration.yaml');
const BILL = join(ROOT, 'examples/cost/focus.csv');
const INVENTORY = join(ROOT, 'examples/cost/inventory.csv');
const cwd = mkdtempSync(join(tmpdir(), 'throughline-cost-'));
const env = await freshCliEnv('pglite');
const cli = (...args: string[]) => runCli(args, { cwd, env });

describe('throughline cost, through the real CLI', { timeout: 300_000 }, () => {
  beforeAll(async () => {
    expect((await cli('load', PROGRAM)).code).toBe(0);
  });

  it('reads a bare FOCUS file by a tag, with every cost shown (allocated or not)', async () => {
    const run = await cli('cost', SAMPLE_BILL, '--by-tag', 'business_unit', '--json');
    expect(run.code).toBe(0);
    const v = JSON.parse(run.stdout) as {
      summary: { total: { monthToDate: number }; unallocated: { monthToDate: number }; teams: { monthToDate: number }[] };
    };
    expect(Math.abs(v.summary.total.monthToDate - 14.976514186)).toBeLessThan(1e-9);
    // (untagged) −3 and (no business_unit) 1.976514186 of answers.csv are the unallocated line.
    expect(Math.abs(v.summary.unallocated.monthToDate - (-3 + 1.976514186))).toBeLessThan(1e-9);
  });

  it('imports the sample bill and inventory into the stored program, then reports teams, anomalies and waste', async () => {
    const imported = await cli('cost', 'import', 'checkout-cloud-2027', BILL, '--inventory', INVENTORY);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(
      /^Imported 6,090 cost rows \(2026-12-01 to 2027-03-15\) into checkout-cloud-2027 .*billing periods 2026-12, 2027-01, 2027-02, 2027-03\. Inventory: 36 resources\./,
    );
    expect(imported.stderr).toContain('rows, 100 %');
    const again = await cli('cost', 'import', 'checkout-cloud-2027', BILL);
    expect(again.stdout).toContain('(replacing the stored 2026-12, 2027-01, 2027-02, 2027-03)');

    const summary = await cli('cost', 'checkout-cloud-2027');
    expect(summary.code).toBe(0);
    expect(summary.stdout).toContain('3 teams forecast over budget: dataplat, sre, checkout.');
    expect(summary.stdout).toMatch(/^\(unallocated\)\s+\$42,636/m);
    expect(summary.stdout).toContain('Tag team=paymnts names no team');
    const anomalies = await cli('cost', 'anomalies', 'checkout-cloud-2027');
    expect(anomalies.stdout).toMatch(/2027-03-09\s+team checkout\s+spike/);
    const waste = await cli('cost', 'waste', 'checkout-cloud-2027');
    expect(waste.stdout).toContain('41 % of storage spend is on volumes attached to nothing (4 resources)');
    const risks = await cli('risks', 'checkout-cloud-2027', '--json');
    expect(risks.stdout).toContain('cost-over-budget:dataplat:2027-03');
  });

  it('names a bad cell with its line and column name, and a month without data', async () => {
    const bad = await cli('cost', join(ROOT, 'test/fixtures/focus/bad-date.csv'));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/bad-date\.csv:3:\d+ error\[bad-date\]: ChargePeriodStart "2026-02-30T00:00:00Z" is not a date-time/);
    const month = await cli('cost', 'checkout-cloud-2027', '--month', '2025-01');
    expect(month.code).toBe(2);
    expect(month.stderr).toContain('there is no cost data for 2025-01');
  });
});
