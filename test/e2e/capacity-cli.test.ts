/**
 * `throughline capacity` end to end in child processes, on the region-capacity fixture whose dates
 * are hand-computed (see the fixture and src/engine/capacity/capacity-plan.test.ts): compute cores
 * run out on 2027-03-08, are ordered by 2027-02-16 (13 working days before, over the 2027-02-26
 * holiday), and 6 months of cover is 47 units of 64 = 3008 cores.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../support/programs.js';
import { type PrometheusServer, startPrometheus } from '../support/prometheus-server.js';
import { ROOT, runCli } from '../support/run-cli.js';
import { type Driver, freshCliEnv, freshDataDir, freshPostgresDatabase } from '../support/stores.js';

const made: string[] = [];
const keep = (dir: string) => {
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const FILE = fixture('capacity/region-capacity.yaml');
const STORAGE_CSV = fixture('capacity/storage-usage.csv');

interface ViewJson {
  today: string;
  resources: {
    id: string;
    rag: string;
    plan: { runOut: string; orderBy: string; order: { quantity: number } } | null;
    orderItem: { id: string } | null;
  }[];
}

describe('capacity over a program file', () => {
  const cli = (...args: string[]) => runCli(args, { cwd: ROOT });

  it('lists the resources worst first with the hand-computed dates', async () => {
    const run = await cli('capacity', FILE, '--at', '2027-01-04', '--months', '6', '--data', `storage=${STORAGE_CSV}`, '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const view = JSON.parse(run.stdout) as ViewJson;
    expect(view.resources.map((r) => r.id)).toEqual(['cores', 'storage']);
    expect(view.resources[0]?.plan).toMatchObject({ runOut: '2027-03-08', orderBy: '2027-02-16', order: { quantity: 3008 } });
    const text = await cli('capacity', FILE, '--at', '2027-01-04', '--months', '6', '--data', `storage=${STORAGE_CSV}`);
    expect(text.stdout.split('\n')[0]).toBe(
      'region-capacity capacity on 2027-01-04: 2 resources, 0 red, 1 amber, 1 green (orders cover 6 months)',
    );
    expect(text.stdout).toContain('cores: Order 3,008 cores by 2027-02-16 (31 working days): headroom runs out 2027-03-08');
  });

  it('shows one resource with its what-ifs: double the traffic is already out, a 4-week slip orders 20 working days earlier', async () => {
    const run = await cli('capacity', FILE, 'cores', '--at', '2027-01-04', '--months', '6', '--what-if', 'step=2027-02-01:+100');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('lead time 10 + margin 3 working days → order by 2027-02-16 (in 31 working days, 43 calendar days)');
    expect(run.stdout).toMatch(/double the traffic\s+2027-01-01\s+2026-12-15 \(late\)/);
    expect(run.stdout).toMatch(/lead time slips 4 weeks\s+2027-03-08\s+2027-01-19\s+28 days earlier/);
    expect(run.stdout).toMatch(/\+100 from 2027-02-01\s+2027-02-25/);
  });

  it('reports the fit of a usage history, and refuses bad input with where and how to fix', async () => {
    const storage = await cli('capacity', FILE, 'storage', '--at', '2027-01-04', '--data', `storage=${STORAGE_CSV}`);
    expect(storage.stdout).toMatch(/linear: R² 0\.99\d, RMSE [\d.]+ TiB over 7 samples/);
    const noHistory = await cli('capacity', FILE, 'storage', '--at', '2027-01-04');
    expect(noHistory.stdout).toContain('no projection');
    expect(noHistory.stdout).toContain('upload a CSV (timestamp,value)');
    const badWhatIf = await cli('capacity', FILE, '--what-if', 'lead-slip=soon');
    expect(badWhatIf.code).toBe(2);
    expect(badWhatIf.stderr).toContain('write the slip in weeks or working days, e.g. lead-slip=4w');
    const unknown = await cli('capacity', FILE, 'core', '--at', '2027-01-04');
    expect(unknown.code).toBe(4);
    const dir = keep(mkdtempSync(join(tmpdir(), 'throughline-capacity-')));
    writeFileSync(join(dir, 'bad.csv'), 'timestamp,value\n2027-01-01,10\n2027-01-02,ten\n');
    const bad = await cli('capacity', FILE, '--data', `storage=${join(dir, 'bad.csv')}`);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/bad\.csv:3:12 error\[bad-number\]: value "ten" is not a number/);
  });
});

// The CLI on PostgreSQL: each embedded open costs ~1.5 s of CPU per process; the store's contract
// tests run the same reads and writes on both drivers, and test/e2e/cli.test.ts drives the embedded CLI.
describe.each<Driver>(['postgres'])('capacity on a stored program (%s)', (driver) => {
  let env: Record<string, string>;
  const cli = (...args: string[]) => runCli(args, { cwd: ROOT, env });

  beforeAll(async () => {
    env =
      driver === 'pglite' ? { THROUGHLINE_DATA_DIR: keep(freshDataDir()) } : { THROUGHLINE_DATABASE_URL: await freshPostgresDatabase() };
    expect((await cli('load', FILE)).code).toBe(0);
  });

  it('stores usage history, plans on it, and orders: a procurement item with the reasoning, then counted as ordered', async () => {
    const stored = await cli('capacity', 'data', 'region-capacity', 'storage', STORAGE_CSV);
    expect(stored.stderr).toBe('');
    expect(stored.stdout.trim()).toBe(`stored 7 usage samples for storage (2026-10-01 to 2027-01-01) from ${STORAGE_CSV}`);
    const view = JSON.parse((await cli('capacity', 'region-capacity', '--at', '2027-01-04', '--months', '6', '--json')).stdout) as ViewJson;
    expect(view.resources.find((r) => r.id === 'storage')?.plan).not.toBeNull();

    const order = await cli('capacity', 'order', 'region-capacity', 'cores', '--at', '2027-01-04', '--months', '6', '--json');
    expect(order.stderr).toBe('');
    const { item } = JSON.parse(order.stdout) as { item: Record<string, unknown> };
    expect(item).toMatchObject({
      id: 'order-cores',
      kind: 'procurement',
      team: 'infra',
      vendor: 'Dell',
      deadline: '2027-03-08',
      startNoEarlierThan: '2027-02-16',
      estimate: 13,
      tags: ['capacity', 'capacity:cores'],
    });
    expect(String(item.description)).toContain('Order 3,008 cores for Compute cores (eu-west) from Dell by 2027-02-16.');

    const after = JSON.parse((await cli('capacity', 'region-capacity', '--at', '2027-01-04', '--json')).stdout) as ViewJson;
    const cores = after.resources.find((r) => r.id === 'cores');
    expect(cores?.orderItem?.id).toBe('order-cores');
    // Not placed yet (no orderedOn): still amber, 31 working days before the order-by date.
    expect(cores?.rag).toBe('amber');

    const again = await cli('capacity', 'order', 'region-capacity', 'cores', '--at', '2027-01-04');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already has order item "order-cores"');
    const noSource = await cli('capacity', 'refresh', 'region-capacity', 'cores');
    expect(noSource.code).toBe(1);
    expect(noSource.stderr).toContain('has no Prometheus source');
  });
});

describe('capacity refresh from a real Prometheus', () => {
  const DAY = 86_400_000;
  const TODAY = Math.floor(Date.now() / DAY) * DAY;
  // Hourly gauge samples from 40 days back to yesterday's midnight (nothing in the last day: the head block).
  const FIRST = TODAY - 40 * DAY;
  const LAST = TODAY - DAY;
  const valueOn = (ms: number) => 300 + Math.floor((ms - FIRST) / DAY) * 2;
  let server: PrometheusServer;
  let env: Record<string, string>;
  let dir: string;
  const cli = (...args: string[]) => runCli(args, { cwd: dir, env });

  beforeAll(async () => {
    const lines = ['# TYPE block_storage_used_tib gauge'];
    for (let t = FIRST; t <= LAST; t += 3_600_000) lines.push(`block_storage_used_tib{region="eu-west"} ${valueOn(t)} ${t / 1000}`);
    lines.push('# EOF', '');
    server = await startPrometheus(lines.join('\n'));
    dir = keep(mkdtempSync(join(tmpdir(), 'throughline-capacity-prom-')));
    const program = readFileSync(FILE, 'utf8').replace(
      '    leadTime: { weeks: 6 }\n',
      `    leadTime: { weeks: 6 }\n    source: { prometheus: { url: "${server.url}", query: "sum(block_storage_used_tib)" } }\n`,
    );
    writeFileSync(join(dir, 'region.yaml'), program);
    env = await freshCliEnv('postgres');
    expect((await cli('load', 'region.yaml')).code).toBe(0);
  }, 120_000);
  afterAll(async () => server?.stop());

  it('pulls one sample a day and plans on it', async () => {
    const run = await cli('capacity', 'refresh', 'region-capacity', 'storage', '--days', '30', '--json');
    expect(run.stderr).toBe('');
    // Midnights from 30 days back to yesterday; today's midnight has no sample within Prometheus's 5-minute look-back.
    expect(JSON.parse(run.stdout)).toEqual({
      resource: 'storage',
      samples: 30,
      from: new Date(TODAY - 30 * DAY).toISOString(),
      to: new Date(LAST).toISOString(),
      source: 'prometheus',
    });
    const detail = JSON.parse((await cli('capacity', 'region-capacity', 'storage', '--json')).stdout) as {
      resource: { usage: { v: number[] }; fits: { linear: { r2: number; perMonth: number } } };
    };
    expect(detail.resource.usage.v[0]).toBe(valueOn(TODAY - 30 * DAY));
    expect(detail.resource.fits.linear.r2).toBeCloseTo(1, 12);
    expect(detail.resource.fits.linear.perMonth).toBeCloseTo(2 * 30.4375, 9);
  });
});
