/**
 * `throughline slo` on a stored program, end to end in child processes: SLI data from CSV files the
 * test writes (so every figure is known exactly), OpenSLO import from the corpus, and a refresh from a
 * real Prometheus (Debian's) backfilled with known traffic.
 *
 * CSV data, all at 1-minute steps, for the identity-platform fixture at END = Thu 2026-11-19 00:00 UTC:
 * - identity-availability (ratio, 99.9 %, rolling 28 d): 3 days, 500 requests a minute; the last 60
 *   minutes fail 50 each. Events 2,160,000 → budget 2,160; consumed 3,000 → remaining −840, exhausted;
 *   the last hour burns (50 / 500) / 0.001 = 100×, so every Workbook pair fires.
 * - billing-latency (threshold p99 ≤ 0.3 s, Timeslices of 1 min, 99 %, calendar week from Monday UTC):
 *   a day of the previous week with 30 slow minutes (not counted: the week starts again on Monday
 *   2026-11-16), then the 3 days of this week with 45 slow minutes. Budget 1 % of 7 d = 100.8 min;
 *   consumed 45; remaining 55.8; SLI 4,275 / 4,320; burn rate (45 / 4,320) / 0.01 = 1.0417×.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../support/programs.js';
import { type PrometheusServer, startPrometheus } from '../support/prometheus-server.js';
import { ROOT, runCli } from '../support/run-cli.js';
import { type Driver, freshCliEnv, freshDataDir, freshPostgresDatabase } from '../support/stores.js';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const END = Date.UTC(2026, 10, 19);
const WEEK_START = Date.UTC(2026, 10, 16);
const iso = (ms: number) => new Date(ms).toISOString();
const OPENSLO = join(ROOT, '../shared/corpora/openslo');

/** Folders this file made (CSV files, embedded databases of ~60 MB): removed when it is done. */
const made: string[] = [];
const keep = (dir: string) => {
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

interface Status {
  program: string;
  at: string;
  slos: {
    id: string;
    data: { samples: number; source: string } | null;
    budget: {
      total: number;
      consumed: number;
      remaining: number;
      exhausted: boolean;
      attainedSli: number;
      burnRate: number;
      timeToExhaustionMs: number;
      alert: string | null;
      rules: { name: string; fires: boolean }[];
    } | null;
    notComputed: string | null;
  }[];
}

function writeCsvs(dir: string) {
  const ratio = ['timestamp,good,total'];
  for (let k = 3 * 1440 - 1; k >= 0; k--) ratio.push(`${(END - k * MIN) / 1000},${k < 60 ? 450 : 500},500`);
  const threshold = ['timestamp,value'];
  for (let k = 0; k < 1440; k++) threshold.push(`${iso(WEEK_START - DAY + k * MIN)},${k >= 600 && k < 630 ? 0.9 : 0.12}`);
  for (let k = 0; k < 3 * 1440; k++) threshold.push(`${iso(WEEK_START + k * MIN)},${k % 96 === 5 ? 0.41 : 0.2}`);
  writeFileSync(join(dir, 'identity.csv'), `${ratio.join('\n')}\n`);
  writeFileSync(join(dir, 'latency.csv'), `${threshold.join('\n')}\n`);
  writeFileSync(join(dir, 'bad.csv'), 'timestamp,good,total\n1763510400,500,500\n1763510460,lots,500\n');
}

// The CLI on PostgreSQL: each embedded open costs ~1.5 s of CPU per process; the store's contract
// tests run the same reads and writes on both drivers, and test/e2e/cli.test.ts drives the embedded CLI.
describe.each<Driver>(['postgres'])('slo on a stored program (%s)', (driver) => {
  let env: Record<string, string>;
  let dir: string;
  const cli = (...args: string[]) => runCli(args, { cwd: dir, env });

  beforeAll(async () => {
    dir = keep(mkdtempSync(join(tmpdir(), 'throughline-slo-')));
    writeCsvs(dir);
    env =
      driver === 'pglite' ? { THROUGHLINE_DATA_DIR: keep(freshDataDir()) } : { THROUGHLINE_DATABASE_URL: await freshPostgresDatabase() };
    expect((await cli('load', fixture('reliability/identity-platform.yaml'))).code).toBe(0);
  });

  it('stores CSV data and computes the budgets by hand: one exhausted and paging, one healthy', async () => {
    const stored = await cli('slo', 'data', 'identity-platform', 'identity-availability', 'identity.csv');
    expect(stored.stderr).toBe('');
    expect(stored.stdout).toContain('stored 4320 samples for SLO identity-availability of identity-platform from csv');
    expect((await cli('slo', 'data', 'identity-platform', 'billing-latency', 'latency.csv', '--json')).code).toBe(0);

    const run = await cli('slo', 'identity-platform', '--at', iso(END), '--json');
    expect(run.code).toBe(0);
    const status = JSON.parse(run.stdout) as Status;
    const [availability, latency] = status.slos;
    expect(availability?.data).toMatchObject({ samples: 4320, source: 'csv' });
    expect(availability?.budget).toMatchObject({ consumed: 3000, exhausted: true, timeToExhaustionMs: 0, alert: 'page' });
    expect(availability?.budget?.total).toBeCloseTo(2160, 9);
    expect(availability?.budget?.remaining).toBeCloseTo(-840, 9);
    expect(availability?.budget?.rules.map((r) => r.fires)).toEqual([true, true, true]);

    expect(latency?.data?.samples).toBe(1440 + 4320);
    const b = latency?.budget;
    expect(b?.total).toBeCloseTo(100.8, 9);
    expect(b?.consumed).toBe(45);
    expect(b?.remaining).toBeCloseTo(55.8, 9);
    expect(b?.exhausted).toBe(false);
    expect(b?.attainedSli).toBe(4275 / 4320);
    expect(b?.burnRate).toBeCloseTo(45 / 4320 / 0.01, 9);
    // (55.8 / 100.8) × 7 d / 1.0417 = 3.72 d.
    expect((b?.timeToExhaustionMs ?? 0) / DAY).toBeCloseTo(((55.8 / 100.8) * 7) / (45 / 4320 / 0.01), 9);

    const text = await cli('slo', 'identity-platform', '--at', iso(END));
    expect(text.stdout.split('\n')[0]).toBe(
      'identity-platform at 2026-11-19T00:00:00.000Z: 2 SLOs, 2 with a budget; exhausted: identity-availability; alerting: identity-availability (page)',
    );
    expect(text.stdout).toContain('budget 2160 events, consumed 3000, remaining -840 events (exhausted)');
    expect(text.stdout).toContain('PAGE page-fast: burn > 14.4x over 1 h (100x) and 5 m (100x)');
    expect(text.stdout).toContain('budget 100.8 minutes, consumed 45, remaining 55.8 minutes (left)');
    expect(text.stdout).toContain('allowed: 1 % of the time bad = 1 h 40 m 48 s per 1w');
  });

  it('bad data is refused at line:column and keeps what was stored; an unknown SLO is exit 4 with a suggestion', async () => {
    const bad = await cli('slo', 'data', 'identity-platform', 'identity-availability', 'bad.csv');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/bad\.csv:3:12 error\[bad-number\]: good "lots" is not a number/);
    const unknown = await cli('slo', 'data', 'identity-platform', 'identity-availabilty', 'identity.csv');
    expect(unknown.code).toBe(4);
    expect(unknown.stderr).toContain('did you mean "identity-availability"?');
    const status = JSON.parse((await cli('slo', 'identity-platform', '--at', iso(END), '--json')).stdout) as Status;
    expect(status.slos[0]?.data?.samples).toBe(4320);
  });
});

describe('slo import of the OpenSLO corpus into a stored program', () => {
  let env: Record<string, string>;
  const cli = (...args: string[]) => runCli(args, { cwd: ROOT, env });

  beforeAll(async () => {
    env = await freshCliEnv('postgres');
    expect((await cli('load', fixture('reliability/identity-platform.yaml'))).code).toBe(0);
  });

  it('imports every objective of the budgeting-method examples, creating their services for --team, in one change set', async () => {
    const files = ['occurences-slo.yaml', 'timeslices-slo.yaml', 'ratio-timeslices.yaml'].map((f) =>
      join(OPENSLO, 'examples/budgeting-method', f),
    );
    const noTeam = await cli('slo', 'import', ...files, '--program', 'identity-platform', '--lenient');
    expect(noTeam.code).toBe(2);
    expect(noTeam.stderr).toContain('the program has no service web-shop, web-availability');
    // Strict reading stops at upstream's op: gt beside a ratio metric, at its line and column.
    const strict = await cli('slo', 'import', ...files, '--program', 'identity-platform', '--team', 'platform');
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/timeslices-slo\.yaml:35:11 error\[forbidden-field\]/);

    const run = await cli('slo', 'import', ...files, '--program', 'identity-platform', '--team', 'platform', '--lenient', '--json');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as {
      slos: number;
      sloIds: string[];
      services: number;
      serviceIds: string[];
      saved: { changes: number };
    };
    // 1 + 2 objectives + 1 SLOs; services web-shop (search-slo, main-page) and web-availability.
    expect(result.sloIds).toEqual(['search-slo', 'service-availability', 'service-availability-2', 'main-page']);
    expect(result.serviceIds).toEqual(['web-shop', 'web-availability']);
    expect(result.saved.changes).toBe(6);
    const history = await cli('history', 'identity-platform', '--json');
    expect(history.code).toBe(0);
    const sets = JSON.parse(history.stdout) as { changes: unknown[] }[] | { changeSets: { changes: unknown[] }[] };
    const latest = Array.isArray(sets) ? sets[0] : sets.changeSets[0];
    expect(latest?.changes).toHaveLength(6);

    const status = JSON.parse((await cli('slo', 'identity-platform', '--json')).stdout) as {
      slos: { id: string; budgeting: string; window: string; objective: number }[];
    };
    expect(status.slos.map((s) => [s.id, s.budgeting, s.window, s.objective])).toEqual([
      ['identity-availability', 'Occurrences', '28d', 99.9],
      ['billing-latency', 'Timeslices', '1w', 99],
      ['search-slo', 'Occurrences', '2w', 99],
      ['service-availability', 'Timeslices', '1m', 99.5],
      ['service-availability-2', 'Timeslices', '1m', 99],
      ['main-page', 'RatioTimeslices', '2w', 99],
    ]);
  });

  it('imports the go-sdk examples of every v1 kind: Service objects become services, alert policies are reported', async () => {
    const dir = join(OPENSLO, 'go-sdk/pkg/openslo/v1/examples');
    // alert_conditions, alert_notification_targets, alert_policies, data_sources, services, slis, slos.
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .sort()
      .map((f) => join(dir, f));
    expect(files).toHaveLength(7);
    const run = await cli('slo', 'import', ...files, '--program', 'identity-platform', '--team', 'sre', '--lenient', '--json');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as { sloIds: string[]; serviceIds: string[]; warnings: { message: string; line?: number }[] };
    expect(result.sloIds).toEqual(['web-availability']);
    expect(result.serviceIds).toEqual(['example-service', 'web']);
    expect(result.warnings.map((w) => w.message)).toEqual([
      expect.stringContaining("Service 'example-service' is defined again"),
      expect.stringContaining("AlertNotificationTarget 'on-call-mail-notification'"),
      expect.stringContaining("AlertNotificationTarget 'on-call-pd-notification'"),
      expect.stringContaining('spec.objectives[0].op is forbidden with a ratioMetric SLI'),
      expect.stringMatching(/^alert policy medium-priority not imported: Throughline alerts with the SRE Workbook/),
    ]);
  });
});

describe('the demo loads the sample SLI data', () => {
  it('throughline demo, then slo at the 2027-03-05 review: checkout availability low after the SEV3, the rest healthy', async () => {
    const env = { THROUGHLINE_DATA_DIR: keep(freshDataDir()) };
    const cli = (...args: string[]) => runCli(args, { cwd: ROOT, env });
    expect((await cli('demo', '--json')).code).toBe(0);
    const run = await cli('slo', 'checkout-cloud-2027', '--at', '2027-03-05T15:00:00Z', '--json');
    const status = JSON.parse(run.stdout) as Status;
    const spent = status.slos.map((s) => [s.id, s.data?.samples, Math.round(((s.budget?.consumed ?? 0) / (s.budget?.total ?? 1)) * 100)]);
    expect(spent).toEqual([
      ['checkout-availability', 7200, 81],
      ['payment-auth-latency', 7200, 10],
      ['ledger-writes', 7200, 3],
    ]);
    // Before the data: where it is, instead of a bare "no samples".
    const early = await cli('slo', 'checkout-cloud-2027', '--at', '2026-11-26T00:00:00Z');
    expect(early.stdout).toContain('the data runs from 2027-02-28T15:01:00.000Z to 2027-03-05T15:00:00.000Z');
    const review = await cli('slo', 'checkout-cloud-2027', '--at', '2027-03-05T15:00:00Z');
    expect(review.stdout.split('\n')[0]).toBe(
      'checkout-cloud-2027 at 2027-03-05T15:00:00.000Z: 3 SLOs, 3 with a budget; none exhausted; nothing alerting; most spent: checkout-availability (81 % of its budget)',
    );
  });
});

/**
 * Refresh from Prometheus: 3 days of 1,000 requests a minute ending a day before now (k = 0..4319),
 * one 500 in every minute with k % 10 = 9 (432) and 60 503s a minute for k = 3720..3749 (1,800).
 * Events 4,320,000 → budget 4,320; consumed 2,232; remaining 2,088 (as in prometheus-slo.test.ts).
 */
describe('slo refresh from a real Prometheus', () => {
  const MINUTES = 3 * 1440;
  const PROM_END = Math.floor(Date.now() / (60 * MIN)) * 60 * MIN - DAY;
  const PROM_START = PROM_END - MINUTES * MIN;
  let server: PrometheusServer;
  let env: Record<string, string>;
  let dir: string;
  const cli = (...args: string[]) => runCli(args, { cwd: dir, env });

  beforeAll(async () => {
    const lines = ['# TYPE http_requests counter'];
    for (const code of ['200', '500', '503']) {
      let counter = 0;
      lines.push(`http_requests_total{job="identity",code="${code}"} 0 ${PROM_START / 1000}`);
      for (let k = 0; k < MINUTES; k++) {
        const c500 = k % 10 === 9 ? 1 : 0;
        const c503 = k >= 3720 && k < 3750 ? 60 : 0;
        counter += code === '500' ? c500 : code === '503' ? c503 : 1000 - c500 - c503;
        lines.push(`http_requests_total{job="identity",code="${code}"} ${counter} ${(PROM_START + (k + 1) * MIN) / 1000}`);
      }
    }
    lines.push('# EOF', '');
    server = await startPrometheus(lines.join('\n'));
    dir = keep(mkdtempSync(join(tmpdir(), 'throughline-slo-prom-')));
    // The fixture's queries, with the test server as the SLO's source.
    const program = readFileSync(fixture('reliability/identity-platform.yaml'), 'utf8').replace(
      '    objective: 99.9\n    window: 28d\n',
      `    objective: 99.9\n    window: 28d\n    source: { prometheus: "${server.url}" }\n`,
    );
    writeFileSync(join(dir, 'identity-platform.yaml'), program);
    env = await freshCliEnv('postgres');
    expect((await cli('load', 'identity-platform.yaml')).code).toBe(0);
  }, 120_000);
  afterAll(async () => server?.stop());

  it('pulls the window in chunks and gives the exact budget', async () => {
    const run = await cli('slo', 'refresh', 'identity-platform', 'identity-availability', '--at', iso(PROM_END), '--json');
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({
      slo: 'identity-availability',
      samples: MINUTES,
      from: iso(PROM_START + MIN),
      to: iso(PROM_END),
      source: 'prometheus',
    });
    const status = JSON.parse((await cli('slo', 'identity-platform', '--at', iso(PROM_END), '--json')).stdout) as Status;
    const b = status.slos[0]?.budget;
    expect(b?.total).toBe(4320);
    expect(b?.consumed).toBe(2232);
    expect(b?.remaining).toBe(2088);
    expect(b?.attainedSli).toBe(4_317_768 / 4_320_000);
    expect(status.slos[0]?.data?.source).toBe('prometheus');
  });

  it("passes on Prometheus's own words, and refuses a threshold SLI", async () => {
    const threshold = await cli('slo', 'refresh', 'identity-platform', 'billing-latency');
    expect(threshold.code).toBe(1);
    expect(threshold.stderr).toContain('billing-latency names no Prometheus server');
    // Nothing at all before the data: Prometheus has no samples there.
    const early = await cli('slo', 'refresh', 'identity-platform', 'identity-availability', '--at', iso(PROM_START - 40 * DAY));
    expect(early.code).toBe(1);
    expect(early.stderr).toMatch(/has no data for SLO identity-availability between .*returned no data/);
  });
});
