import { isoOfDay } from '../../engine/cost/cost-days.js';
import type { Random } from '../../engine/rcpsp/random.js';

/** FOCUS 1.0 columns in the order the FinOps sample data writes them. */
export const FOCUS_COLUMNS = [
  'AvailabilityZone', 'BilledCost', 'BillingAccountId', 'BillingAccountName', 'BillingCurrency', 'BillingPeriodEnd', 'BillingPeriodStart',
  'ChargeCategory', 'ChargeClass', 'ChargeDescription', 'ChargeFrequency', 'ChargePeriodEnd', 'ChargePeriodStart', 'CommitmentDiscountCategory',
  'CommitmentDiscountId', 'CommitmentDiscountName', 'CommitmentDiscountStatus', 'CommitmentDiscountType', 'ConsumedQuantity', 'ConsumedUnit',
  'ContractedCost', 'ContractedUnitPrice', 'EffectiveCost', 'InvoiceIssuerName', 'ListCost', 'ListUnitPrice', 'PricingCategory', 'PricingQuantity',
  'PricingUnit', 'ProviderName', 'PublisherName', 'RegionId', 'RegionName', 'ResourceId', 'ResourceName', 'ResourceType', 'ServiceCategory',
  'ServiceName', 'SkuId', 'SkuPriceId', 'SubAccountId', 'SubAccountName', 'Tags',
] as const; // biome-ignore format: one name per column reads best packed

/** A cloud resource the generated bill charges for every day. */
export interface GeneratedResource {
  readonly id: string;
  readonly type: 'Instance' | 'Volume' | 'Snapshot' | 'Bucket' | 'Database' | 'LoadBalancer' | 'Function';
  readonly serviceName: string;
  readonly serviceCategory: string;
  readonly region: string;
  readonly subAccount: number;
  /** Tags as written, undefined = untagged. */
  readonly tags?: Readonly<Record<string, string>>;
  /** EffectiveCost per day before noise and growth. */
  readonly daily: number;
}

export interface FocusGeneratorOptions {
  readonly start: string;
  readonly days: number;
  /** Tag values of `team` and their share of resources. */
  readonly teams: ReadonlyArray<{ readonly tag: string; readonly weight: number }>;
  readonly resources: number;
  /** Share of resources without tags (0..1). */
  readonly untagged: number;
  /** Average bill per day across resources. */
  readonly dailyTotal: number;
  /** Daily growth of usage, e.g. 0.003 (≈ 9 % a month). */
  readonly growthPerDay?: number;
  /** A day (offset from start) on which one team's cost jumps by `factor`. */
  readonly anomalies?: ReadonlyArray<{ readonly day: number; readonly team: string; readonly factor: number }>;
}

const SERVICES = [
  { type: 'Instance', serviceName: 'Amazon Elastic Compute Cloud', serviceCategory: 'Compute', weight: 40, prefix: 'i-' },
  { type: 'Volume', serviceName: 'Amazon Elastic Block Store', serviceCategory: 'Storage', weight: 16, prefix: 'vol-' },
  { type: 'Snapshot', serviceName: 'Amazon Elastic Block Store', serviceCategory: 'Storage', weight: 6, prefix: 'snap-' },
  { type: 'Bucket', serviceName: 'Amazon Simple Storage Service', serviceCategory: 'Storage', weight: 6, prefix: 'bucket-' },
  { type: 'Database', serviceName: 'Amazon Relational Database Service', serviceCategory: 'Databases', weight: 18, prefix: 'db-' },
  { type: 'LoadBalancer', serviceName: 'Elastic Load Balancing', serviceCategory: 'Networking', weight: 8, prefix: 'lb-' },
  { type: 'Function', serviceName: 'AWS Lambda', serviceCategory: 'Compute', weight: 6, prefix: 'fn-' },
] as const;
const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-2'];
const ENVS = ['prod', 'staging', 'dev'];

function pick<T extends { readonly weight: number }>(list: readonly T[], random: Random): T {
  const total = list.reduce((s, x) => s + x.weight, 0);
  let u = random.next() * total;
  for (const x of list) {
    u -= x.weight;
    if (u < 0) return x;
  }
  return list[list.length - 1] as T;
}

const hex = (random: Random, n: number) => Array.from({ length: n }, () => '0123456789abcdef'[random.int(16)]).join('');

/** The resources a generated bill charges for: services, regions, accounts and team tags drawn from `random`. */
export function generateResources(o: FocusGeneratorOptions, random: Random): GeneratedResource[] {
  const weights: number[] = [];
  const out: GeneratedResource[] = [];
  for (let i = 0; i < o.resources; i++) {
    const s = pick(SERVICES, random);
    const team = pick(o.teams, random);
    // Log-normal-ish sizes: most resources are cheap, a few carry the bill.
    const w = Math.exp(random.next() * 4) * s.weight;
    weights.push(w);
    const tagged = random.next() >= o.untagged;
    out.push({
      id: `${s.prefix}${hex(random, 17)}`,
      type: s.type,
      serviceName: s.serviceName,
      serviceCategory: s.serviceCategory,
      region: REGIONS[random.int(REGIONS.length)] ?? 'us-east-1',
      subAccount: random.int(12),
      ...(tagged ? { tags: { team: team.tag, env: ENVS[random.int(ENVS.length)] ?? 'prod' } } : {}),
      daily: 0,
    });
  }
  const sum = weights.reduce((s, w) => s + w, 0);
  return out.map((r, i) => ({ ...r, daily: ((weights[i] ?? 0) / sum) * o.dailyTotal }));
}

const csvCell = (v: string) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/**
 * A FOCUS 1.0 CSV bill, in chunks of text: header, then `rows` usage rows spread evenly over the
 * days (each row a random resource's day of use), one credit and one tax row per day. Same options
 * and seed → same bytes.
 */
export function* generateFocusCsv(
  o: FocusGeneratorOptions,
  resources: readonly GeneratedResource[],
  rows: number,
  random: Random,
): Generator<string> {
  yield `${FOCUS_COLUMNS.join(',')}\n`;
  const perDay = Math.max(1, Math.floor(rows / o.days));
  const startDay = Math.floor(Date.parse(`${o.start}T00:00:00Z`) / 86_400_000);
  const tagText = new Map<GeneratedResource, string>();
  for (const r of resources) if (r.tags) tagText.set(r, csvCell(JSON.stringify(r.tags)));
  let written = 0;
  let lines: string[] = [];
  for (let d = 0; d < o.days && written < rows; d++) {
    const day = startDay + d;
    const iso = isoOfDay(day);
    const start = `${iso}T00:00:00Z`;
    const end = `${isoOfDay(day + 1)}T00:00:00Z`;
    const month = iso.slice(0, 7);
    const periodStart = `${month}-01T00:00:00Z`;
    const next = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 1)).toISOString().slice(0, 10);
    const periodEnd = `${next}T00:00:00Z`;
    const growth = 1 + (o.growthPerDay ?? 0) * d;
    const n = d === o.days - 1 ? rows - written : Math.min(perDay, rows - written);
    // Each resource appears about n / resources times a day: its day cost is split across them.
    const share = resources.length / Math.max(1, n);
    let dayTotal = 0;
    for (let i = 0; i < n; i++) {
      // With a row for every resource each day, each appears once a day (a steady bill); fewer rows sample them.
      const r = n >= resources.length ? resources[i % resources.length] : resources[random.int(resources.length)];
      if (!r) continue;
      const jump = o.anomalies?.find((a) => a.day === d && a.team === r.tags?.team)?.factor ?? 1;
      const effective = r.daily * share * growth * jump * (0.85 + 0.3 * random.next());
      const billed = effective * (r.type === 'Instance' && r.subAccount % 3 === 0 ? 0.7 : 1);
      dayTotal += effective;
      lines.push(row(r, effective, billed, start, end, periodStart, periodEnd, tagText.get(r) ?? 'NULL'));
      if (lines.length === 2000) {
        yield `${lines.join('\n')}\n`;
        lines = [];
      }
    }
    lines.push(chargeRow('Credit', -dayTotal * 0.01, start, end, periodStart, periodEnd));
    lines.push(chargeRow('Tax', dayTotal * 0.02, start, end, periodStart, periodEnd));
    written += n;
  }
  if (lines.length > 0) yield `${lines.join('\n')}\n`;
}

const ACCOUNT = '123456789012,Throughline Example,USD';

function row(
  r: GeneratedResource,
  effective: number,
  billed: number,
  start: string,
  end: string,
  ps: string,
  pe: string,
  tags: string,
): string {
  const e = effective.toFixed(10);
  const b = billed.toFixed(10);
  const unit = r.type === 'Instance' ? 'Hours' : r.serviceCategory === 'Storage' ? 'GB-Mo' : 'Requests';
  return [
    `${r.region}a`, b, ACCOUNT, pe, ps, 'Usage', 'NULL', `${r.serviceName} usage`, 'Usage-Based', end, start,
    'NULL', 'NULL', 'NULL', 'NULL', 'NULL', '24', unit, e, 'NULL', e, '"Amazon Web Services, Inc."', e, 'NULL', 'Standard', '24', unit,
    'AWS', '"Amazon Web Services, Inc."', r.region, r.region, `arn:aws:${r.type.toLowerCase()}:${r.region}:${100000000000 + r.subAccount}:${r.id}`,
    r.id, r.type, r.serviceCategory, r.serviceName, 'SKU1', 'SKU1.P1', String(100000000000 + r.subAccount), `account-${r.subAccount}`, tags,
  ].join(','); // biome-ignore format: one cell per column, in FOCUS_COLUMNS order
}

function chargeRow(category: 'Credit' | 'Tax', amount: number, start: string, end: string, ps: string, pe: string): string {
  const a = amount.toFixed(10);
  return [
    'NULL', a, ACCOUNT, pe, ps, category, 'NULL', category === 'Credit' ? 'Promotional credit' : 'Sales tax', 'One-Time', end, start,
    'NULL', 'NULL', 'NULL', 'NULL', 'NULL', 'NULL', 'NULL', a, 'NULL', a, '"Amazon Web Services, Inc."', a, 'NULL', 'NULL', '0', 'NULL',
    'AWS', '"Amazon Web Services, Inc."', 'NULL', 'NULL', 'NULL', 'NULL', 'NULL', 'Other', category === 'Credit' ? 'AWS Credits' : 'Tax',
    'NULL', 'NULL', 'NULL', 'NULL', 'NULL',
  ].join(','); // biome-ignore format: one cell per column, in FOCUS_COLUMNS order
}
