import { describe, expect, it } from 'vitest';
import type { CostRule } from '../src/domain/cost-policy.js';
import { allocate } from '../src/engine/cost/allocate.js';
import { detectAnomalies } from '../src/engine/cost/anomalies.js';
import { dayOfIso, isoOfDay } from '../src/engine/cost/cost-days.js';
import { summarizeCost } from '../src/engine/cost/cost-summary.js';
import { type CostRowSpec, costTableOf } from '../src/engine/cost/cost-table-fixture.js';
import { dailyByTeam, UNALLOCATED } from '../src/engine/cost/daily-cost.js';
import { findWaste, type InventoryResource } from '../src/engine/cost/waste.js';

const teamTotals = (rows: readonly CostRowSpec[], rules: CostRule[], teams: string[], owners = new Map<string, string>()) => {
  const t = costTableOf(rows);
  const a = allocate(t, { rules, teams, serviceOwners: owners, cost: t.effective });
  const totals: Record<string, number> = {};
  for (let r = 0; r < t.length; r++) {
    const team = a.teams[a.teamOf[r] ?? -1] ?? UNALLOCATED;
    totals[team] = (totals[team] ?? 0) + (t.effective[r] ?? 0);
  }
  return { totals, a };
};

describe('cost allocation', () => {
  it('applies rules in order, first wins; byTag maps values, lets unknown values fall through and names them; a service-only rule goes to its owner', () => {
    const rows: CostRowSpec[] = [
      { day: '2026-03-01', cost: 10, tags: { team: 'payments' } },
      { day: '2026-03-01', cost: 5, tags: { team: 'pay' } },
      { day: '2026-03-01', cost: 7, tags: { team: 'serch' }, serviceCategory: 'Compute' },
      { day: '2026-03-01', cost: 3, tags: { env: 'shared', team: 'search' } },
      { day: '2026-03-01', cost: 4, serviceCategory: 'Storage' },
      { day: '2026-03-01', cost: 2, serviceCategory: 'Compute' },
    ];
    const rules: CostRule[] = [
      { match: { tags: { env: 'shared' } }, team: 'platform' as never },
      { byTag: 'team', values: { pay: 'payments' as never } },
      { match: { serviceCategory: 'Storage' }, service: 'ledger-db' as never },
    ];
    const { totals, a } = teamTotals(rows, rules, ['payments', 'search', 'platform'], new Map([['ledger-db', 'payments']]));
    expect(totals).toEqual({ payments: 19, platform: 3, [UNALLOCATED]: 9 });
    expect([...a.ruleOf]).toEqual([1, 1, -1, 0, 2, -1]);
    expect(a.services).toEqual(['ledger-db']);
    expect(a.serviceOf[4]).toBe(0);
    expect(a.unknownTagValues).toEqual([{ rule: 1, tag: 'team', value: 'serch', rows: 1, cost: 7 }]);
  });

  it('matches provider, service name lists, sub-account by id or name, and a resource id prefix', () => {
    const rows: CostRowSpec[] = [
      { day: '2026-03-01', cost: 1, provider: 'AWS', serviceName: 'Amazon S3' },
      { day: '2026-03-01', cost: 2, provider: 'Microsoft', serviceName: 'Storage Accounts' },
      { day: '2026-03-01', cost: 4, subAccountId: '4444' },
      { day: '2026-03-01', cost: 8, resourceId: 'arn:aws:rds:eu-west-1:1:db/ledger' },
    ];
    const rules: CostRule[] = [
      { match: { provider: 'Microsoft', serviceName: ['Storage Accounts', 'Disks'] }, team: 'data' as never },
      { match: { subAccount: '4444' }, team: 'search' as never },
      { match: { resourceIdPrefix: 'arn:aws:rds:' }, team: 'ledger' as never },
      { match: { serviceName: 'Amazon S3', provider: 'Oracle' }, team: 'nobody' as never },
    ];
    expect(teamTotals(rows, rules, []).totals).toEqual({ data: 2, search: 4, ledger: 8, [UNALLOCATED]: 1 });
  });
});

describe('monthly trend, budget against actual, run-rate forecast', () => {
  // 10 a day 15-28 Feb (140), 10 a day 1-13 March (130), 14 a day 14-20 March (98).
  const rows: CostRowSpec[] = [];
  for (let d = dayOfIso('2026-02-15'); d <= dayOfIso('2026-03-20'); d++) {
    rows.push({ day: isoOfDay(d), cost: d >= dayOfIso('2026-03-14') ? 14 : 10, tags: { team: 'payments' } });
  }
  rows.push({ day: '2026-03-05', cost: 6 });
  const t = costTableOf(rows);
  const a = allocate(t, { rules: [{ byTag: 'team' }], teams: ['payments', 'search'], cost: t.effective });
  const daily = dailyByTeam(t, a, t.effective);

  it('gives month-to-date, trailing-7-day rate and forecasts to month and quarter end, by hand', () => {
    const s = summarizeCost(daily, [
      { team: 'payments' as never, monthly: 300 },
      { team: 'search' as never, monthly: 50 },
    ]);
    expect(s).toMatchObject({
      asOf: '2026-03-20',
      month: '2026-03',
      quarter: '2026-Q1',
      daysElapsed: 20,
      daysInMonth: 31,
      months: ['2026-02', '2026-03'],
    });
    const pay = s.teams.find((x) => x.team === 'payments');
    // MTD 130 + 98 = 228; rate 14; 11 days left: 228 + 154 = 382. QTD 140 + 228 = 368; + 154 = 522.
    expect(pay).toMatchObject({
      monthToDate: 228,
      dailyRate: 14,
      forecastMonth: 382,
      quarterToDate: 368,
      forecastQuarter: 522,
      budgetMonth: 300,
      budgetQuarter: 900,
      varianceMonth: 82,
    });
    expect(pay?.trend).toEqual([
      { month: '2026-02', cost: 140, budget: 300 },
      { month: '2026-03', cost: 228, budget: 300 },
    ]);
    // A budgeted team without cost is listed with zeros, not left out.
    expect(s.teams.find((x) => x.team === 'search')).toMatchObject({
      monthToDate: 0,
      forecastMonth: 0,
      budgetMonth: 50,
      varianceMonth: -50,
    });
    // The untagged 6 is shown on its own line and in the total.
    expect(s.unallocated).toMatchObject({ monthToDate: 6, forecastMonth: 6 });
    expect(s.total).toMatchObject({ monthToDate: 234, budgetMonth: 350 });
  });

  it('a past month runs to its last day and its forecast is its actual', () => {
    const s = summarizeCost(daily, [], { asOf: dayOfIso('2026-02-28') });
    expect(s.teams[0]).toMatchObject({ team: 'payments', monthToDate: 140, forecastMonth: 140 });
  });
});

describe('anomalies on daily cost (rolling median and MAD)', () => {
  const pattern = [100, 102, 98];
  const series = (last: number[]): CostRowSpec[] => {
    const costs = [...Array.from({ length: 21 }, (_, i) => pattern[i % 3] ?? 0), ...last];
    return costs.map((cost, i) => ({ day: isoOfDay(dayOfIso('2026-03-01') + i), cost, tags: { team: 'payments' } }));
  };
  const anomaliesOf = (rows: CostRowSpec[]) => {
    const t = costTableOf(rows);
    const a = allocate(t, { rules: [{ byTag: 'team' }], teams: ['payments'], cost: t.effective });
    return detectAnomalies(dailyByTeam(t, a, t.effective));
  };

  it('flags a spike: median 100, MAD 2 (scale 2.965), 180 is z = 27', () => {
    const [a, ...rest] = anomaliesOf(series([180]));
    expect(rest).toEqual([]);
    expect(a).toMatchObject({ key: 'payments', day: '2026-03-22', actual: 180, expected: 100, impact: 80, direction: 'spike' });
    expect(a?.z).toBeCloseTo(80 / (1.4826 * 2), 6);
  });

  it('leaves 108 (z 2.7 < 3.5) and 112 (z 4.0 but only 12 % over) alone; flags a drop to 40', () => {
    expect(anomaliesOf(series([108]))).toEqual([]);
    expect(anomaliesOf(series([112]))).toEqual([]);
    expect(anomaliesOf(series([40])).map((a) => [a.direction, a.impact])).toEqual([['drop', -60]]);
  });
});

describe('waste from a resource inventory', () => {
  const asOf = dayOfIso('2026-03-31');
  const inv = (r: Partial<InventoryResource> & Pick<InventoryResource, 'id' | 'kind'>): InventoryResource => ({ type: r.kind, ...r });
  const inventory = [
    inv({ id: 'vol-a', kind: 'volume', state: 'available', lastUsedDay: asOf - 45 }),
    inv({ id: 'vol-b', kind: 'volume', state: 'in-use', attachedTo: 'i-busy', lastUsedDay: asOf - 1 }),
    inv({ id: 'snap-old', kind: 'snapshot', createdDay: asOf - 200 }),
    inv({ id: 'snap-new', kind: 'snapshot', createdDay: asOf - 10 }),
    inv({ id: 'i-idle', kind: 'instance', state: 'running', lastUsedDay: asOf - 20 }),
    inv({ id: 'i-stopped', kind: 'instance', state: 'stopped', lastUsedDay: asOf - 90 }),
    inv({ id: 'i-busy', kind: 'instance', state: 'running', lastUsedDay: asOf }),
    inv({ id: 'logs-bucket', kind: 'bucket', lastUsedDay: asOf - 40 }),
  ];
  const rows: CostRowSpec[] = [
    { day: '2026-03-10', cost: 30, serviceCategory: 'Storage', resourceId: 'arn:aws:ec2:us-east-1:1:volume/vol-a' },
    { day: '2026-02-10', cost: 1000, serviceCategory: 'Storage', resourceId: 'vol-a' },
    { day: '2026-03-10', cost: 20, serviceCategory: 'Storage', resourceId: 'vol-b' },
    { day: '2026-03-10', cost: 5, serviceCategory: 'Storage', resourceId: 'snap-old' },
    { day: '2026-03-10', cost: 15, serviceCategory: 'Storage', resourceId: 'logs-bucket' },
    { day: '2026-03-10', cost: 30, serviceCategory: 'Storage', resourceId: 'other' },
    { day: '2026-03-10', cost: 50, serviceCategory: 'Compute', resourceId: 'i-idle' },
    { day: '2026-03-10', cost: 150, serviceCategory: 'Compute', resourceId: 'i-busy' },
  ];

  it('finds unattached and idle storage, idle compute, old snapshots, with spend in the last 30 days and shares of their category', () => {
    const t = costTableOf(rows);
    const w = findWaste(t, t.effective, inventory, { asOf });
    expect(w.findings.map((f) => [f.kind, f.resource.id, f.spend])).toEqual([
      ['idle-compute', 'i-idle', 50],
      ['unattached-storage', 'vol-a', 30],
      ['idle-storage', 'logs-bucket', 15],
      ['old-snapshot', 'snap-old', 5],
    ]);
    expect(w.shares.map((s) => s.sentence)).toEqual([
      '30 % of storage spend is on volumes attached to nothing (1 resource)',
      '15 % of storage spend is on storage nobody has used (1 resource)',
      '5 % of storage spend is on old snapshots (1 resource)',
      '25 % of compute spend is on idle instances (1 resource)',
    ]);
    expect(w.shares[0]).toMatchObject({ spend: 30, categorySpend: 100, share: 0.3 });
    expect(w.findings[1]?.reason).toBe('attached to nothing (last attached 45 days ago)');
    expect(w.totalSpend).toBe(300);
    // snap-new and i-stopped have no cost rows.
    expect(w.unmatched).toBe(2);
  });
});
