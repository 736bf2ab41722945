import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../support/run-cli.js';

// The corpora sit next to the repository (see /work/shared/corpora/INFRA.md); never copied in.
const CATALOG = join(ROOT, '../shared/corpora/backstage-catalog');
const OPENSLO = join(ROOT, '../shared/corpora/openslo/examples/budgeting-method');
const cli = (...args: string[]) => runCli(args, { cwd: ROOT });
// all.yaml reaches every component; the groups that own them are in acme-corp.yaml.
const catalog = [join(CATALOG, 'all.yaml'), '--with', join(CATALOG, 'acme-corp.yaml')];

describe('throughline services', () => {
  it('lists the 13 components of the Backstage example catalog with owner, lifecycle and APIs', async () => {
    const run = await cli('services', ...catalog);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('13 components');
    const line = run.stdout.split('\n').find((l) => l.startsWith('wayback-search '));
    expect(line?.split(/\s{2,}/)).toEqual([
      'wayback-search',
      'team-a',
      '-',
      'production',
      '-',
      'api:wayback-search',
      'api:wayback-archive',
      '-',
    ]);
    // Warnings go to stderr, pinned to file:line:column.
    expect(run.stderr).toMatch(/artist-lookup-component\.yaml:40:18 warning\[non-standard-field\]/);
  });

  it('--json gives every component as data', async () => {
    const run = await cli('services', ...catalog, '--json');
    expect(run.code).toBe(0);
    const data = JSON.parse(run.stdout) as { services: { ref: string; owner: string; system: string | null }[] };
    expect(data.services).toHaveLength(13);
    expect(data.services.find((s) => s.ref === 'component:default/artist-lookup')).toMatchObject({
      owner: 'group:default/team-a',
      system: 'system:default/artist-engagement-portal',
    });
  });

  it('without the groups, each unresolved owner is a problem at its file:line:column with a hint, exit 1', async () => {
    const run = await cli('services', join(CATALOG, 'all.yaml'));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /wayback-search-component\.yaml:9:10 error\[unresolved-ref\]: spec\.owner of component:default\/wayback-search names team-a/,
    );
    expect(run.stderr).toContain('hint: add the entity, fix the name');
  });

  it('a missing catalog file is a usage error', async () => {
    const run = await cli('services', join(CATALOG, 'no-such.yaml'));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no-such\.yaml does not exist/);
  });
});

describe('throughline blast-radius', () => {
  // Known answer: src/formats/backstage/backstage-corpus.test.ts (hand-checked from the files).
  it('api:wayback-archive: component:wayback-search (team-a) at 1, then api:wayback-search at 2', async () => {
    const run = await cli('blast-radius', ...catalog, 'api:wayback-archive');
    expect(run.code).toBe(0);
    const rows = run.stdout
      .trimEnd()
      .split('\n')
      .slice(2)
      .map((l) => l.split(/\s{2,}/));
    expect(rows).toEqual([
      ['component:wayback-search', 'team-a', '-', '1', 'api:wayback-archive → component:wayback-search'],
      ['api:wayback-search', 'team-a', '-', '2', 'api:wayback-archive → component:wayback-search → api:wayback-search'],
    ]);
  });

  it('--json carries distance, path and relations', async () => {
    const run = await cli('blast-radius', ...catalog, 'component:wayback-archive-storage', '--json');
    expect(run.code).toBe(0);
    const data = JSON.parse(run.stdout) as { affected: { ref: string; distance: number; via: string[] }[]; cycles: unknown[] };
    expect(data.affected.map((a) => [a.ref, a.distance, a.via.at(-1)])).toEqual([
      ['component:default/wayback-archive', 1, 'part-of'],
      ['api:default/wayback-archive', 2, 'provides'],
      ['component:default/wayback-search', 3, 'consumed-by'],
      ['api:default/wayback-search', 4, 'provides'],
    ]);
    expect(data.cycles).toEqual([]);
  });

  it('a name without a kind finds the one entity of that name', async () => {
    const run = await cli('blast-radius', ...catalog, 'artists-db');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Changing resource:artists-db affects 1 entity');
    expect(run.stdout).toMatch(/component:artist-lookup\s+team-a/);
  });

  it('prints a dependency cycle with its path (a catalog the test writes)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'throughline-catalog-'));
    const component = (name: string, dependsOn: string, tier: string) =>
      `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\n  labels:\n    tier: "${tier}"\n` +
      `spec:\n  type: service\n  lifecycle: production\n  owner: identity\n  dependsOn: [${dependsOn}]\n`;
    writeFileSync(
      join(dir, 'catalog-info.yaml'),
      [
        'apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: identity\nspec:\n  type: team\n  children: []\n',
        component('accounts', 'component:sessions', '1'),
        component('sessions', 'component:accounts', '2'),
        component('billing', 'component:accounts', '1'),
      ].join('---\n'),
    );
    const run = await runCli(['blast-radius', 'catalog-info.yaml', 'sessions'], { cwd: dir });
    expect(run.code).toBe(0);
    // A change to sessions reaches accounts (depends on it), then billing; accounts ⇄ sessions is a cycle.
    expect(run.stdout).toMatch(/component:accounts\s+identity\s+1\s+1\s+component:sessions → component:accounts/);
    expect(run.stdout).toMatch(/component:billing\s+identity\s+1\s+2\s+component:sessions → component:accounts → component:billing/);
    expect(run.stdout).toMatch(/cycle: component:(accounts|sessions) → component:(sessions|accounts) → component:\1/);
  });

  it('an unknown ref exits non-zero with a did-you-mean', async () => {
    const run = await cli('blast-radius', ...catalog, 'api:wayback-archiv');
    expect(run.code).toBe(4);
    expect(run.stderr).toContain('error: api:wayback-archiv is not a component, API or resource of the catalog');
    expect(run.stderr).toContain('hint: did you mean api:wayback-archive?');
  });
});

describe('throughline slo', () => {
  let dir: string;
  let csv: string;
  // 2,000 one-minute samples of search latency from 2026-01-01T00:00Z; the last 10 take 900 ms, the rest 120 ms.
  // search-slo: threshold lt 500, target 0.99, Occurrences, rolling 2w.
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'throughline-slo-'));
    csv = join(dir, 'search.csv');
    const t0 = Date.UTC(2026, 0, 1) / 1000;
    const rows = Array.from({ length: 2000 }, (_, i) => `${t0 + 60 * i},${i >= 1990 ? 900 : 120}`);
    writeFileSync(csv, `timestamp,value\n${rows.join('\n')}\n`);
  });

  it('hand-computed budget, burn rate, exhaustion and the page that fires (1 h / 5 m)', async () => {
    const run = await cli('slo', join(OPENSLO, 'occurences-slo.yaml'), '--data', csv);
    expect(run.code).toBe(0);
    // SLI 1990/2000 = 99.5 %; budget 1 % × 2000 = 20 events; 10 bad; burn (10/2000)/0.01 = 0.5;
    // exhaustion (10/20) × 14 d / 0.5 = 14 d. Last hour: 10 bad of 60 → 16.67x > 14.4; last 5 m: 100x.
    // 6 h: 10/360/0.01 = 2.78x < 6 (no slow page); 3 d: 0.5x < 1 (no ticket).
    expect(run.stdout).toContain('window rolling 2w');
    expect(run.stdout).toContain('at 2026-01-02T09:19:00.000Z: attained SLI 99.5 %');
    expect(run.stdout).toContain('budget 20 events, consumed 10, remaining 10 events (left)');
    expect(run.stdout).toContain('burn rate 0.5x, budget exhausted in 14 d');
    expect(run.stdout).toContain('PAGE page-fast: burn > 14.4x over 1 h (16.67x) and 5 m (100x)');
    expect(run.stdout).not.toContain('page-slow');
    expect(run.stdout).not.toContain('TICKET');
  });

  it('--at cuts the data: before the bad minutes nothing is consumed and nothing fires', async () => {
    const run = await cli('slo', join(OPENSLO, 'occurences-slo.yaml'), '--data', csv, '--at', '2026-01-02T09:09:00Z', '--json');
    expect(run.code).toBe(0);
    const data = JSON.parse(run.stdout) as {
      samples: number;
      slos: { objectives: { budget: { total: number; consumed: number; attainedSli: number; alert: string | null } }[] }[];
    };
    expect(data.samples).toBe(1990);
    // 1 % of 1,990 events = 19.9 (in floating point).
    const budget = data.slos[0]?.objectives[0]?.budget;
    expect(budget).toMatchObject({ consumed: 0, attainedSli: 1, alert: null });
    expect(budget?.total).toBeCloseTo(19.9, 9);
  });

  it('Timeslices over a calendar week in America/New_York: slices, minutes, exhausted budget, every rule fires', async () => {
    // treat-low-traffic example: ratio SLI, target 0.9995, 1m slices good at ≥ 95 %, calendar 1w in New York.
    // 60 all-bad minutes 04:00–04:59Z on Monday 2026-01-05 (Sunday evening in New York: last week),
    // then 1,000 minutes from 05:00Z (Monday 00:00 EST), the last 10 at 90 % good (bad slices).
    const ratio = join(dir, 'availability.csv');
    const start = Date.UTC(2026, 0, 5, 4) / 1000;
    const rows = Array.from({ length: 1060 }, (_, i) => `${start + 60 * i},${i < 60 ? 0 : i >= 1050 ? 90 : 100},100`);
    writeFileSync(ratio, `timestamp,good,total\n${rows.join('\n')}\n`);
    const file = join(ROOT, '../shared/corpora/openslo/examples/treat-low-traffic-as-equally-important/timeslices-slo.yaml');
    const run = await cli('slo', file, '--data', ratio, '--lenient', '--json');
    expect(run.code).toBe(0);
    const data = JSON.parse(run.stdout) as {
      slos: { objectives: { budget: Record<string, unknown> & { total: number; rules: { name: string; fires: boolean }[] } }[] }[];
    };
    const budget = data.slos[0]?.objectives[0]?.budget;
    // In the New York week: 990 good slices of 1,000 = 99 %; budget 0.05 % of 10,080 min = 5.04 min;
    // consumed 10 min (a UTC week would count the 60 earlier ones too); burn (10/1000)/0.0005 = 20.
    expect(budget).toMatchObject({
      unit: 'minutes',
      attainedSli: 0.99,
      consumed: 10,
      exhausted: true,
      timeToExhaustionMs: 0,
      alert: 'page',
    });
    expect(budget?.total).toBeCloseTo(5.04, 9);
    expect(budget?.burnRate).toBeCloseTo(20, 9);
    expect(budget?.rules.map((r) => [r.name, r.fires])).toEqual([
      ['page-fast', true],
      ['page-slow', true],
      ['ticket', true],
    ]);
  });

  it('without data: the allowed bad share and downtime per window (lenient for the spec example)', async () => {
    const run = await cli('slo', join(OPENSLO, 'timeslices-slo.yaml'), '--lenient', '--json');
    expect(run.code).toBe(0);
    const data = JSON.parse(run.stdout) as {
      slos: {
        budgetingMethod: string;
        window: { kind: string };
        objectives: { allowedBadFraction: number; allowedDowntimeSeconds: number }[];
      }[];
    };
    // 1m is one minute (the file means a month; the reader warns): 0.5 % of 60 s = 0.3 s, 1 % = 0.6 s.
    expect(data.slos[0]?.budgetingMethod).toBe('Timeslices');
    expect(data.slos[0]?.objectives.map((o) => [o.allowedBadFraction, o.allowedDowntimeSeconds])).toEqual([
      [0.005, 0.3],
      [0.01, 0.6],
    ]);
  });

  it('strict reading of that example fails with file:line:column, the code and a hint, exit 1', async () => {
    const run = await cli('slo', join(OPENSLO, 'timeslices-slo.yaml'));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/timeslices-slo\.yaml:35:11 error\[forbidden-field\]: spec\.objectives\[0\]\.op/);
    expect(run.stderr).toContain('hint: remove op');
  });

  it('a bad CSV row is a problem at its line', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'timestamp,value\n1767225600,120\nyesterday,130\n');
    const run = await cli('slo', join(OPENSLO, 'occurences-slo.yaml'), '--data', bad);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/bad\.csv:3:1 error\[bad-timestamp\]/);
  });

  it('--nines 99.9 prints 8 h 45 m 36 s a year, 43 m 12 s a 30-day month, 10 m 4.8 s a week, 1 m 26.4 s a day', async () => {
    const run = await cli('slo', '--nines', '99.9');
    expect(run.code).toBe(0);
    const row = run.stdout.split('\n').find((l) => l.startsWith('99.9 %'));
    expect(row?.split(/\s{2,}/)).toEqual(['99.9 %', '8 h 45 m 36 s', '43 m 12 s', '10 m 4.8 s', '1 m 26.4 s']);
    const json = await cli('slo', '--nines', '99.9,99.99', '--json');
    const data = JSON.parse(json.stdout) as { rows: { percent: number; downtimeSeconds: { year: number } }[] };
    expect(data.rows.map((r) => [r.percent, r.downtimeSeconds.year])).toEqual([
      [99.9, 31_536],
      [99.99, 3_153.6],
    ]);
  });
});
