/**
 * The sample program's cloud bill and resource inventory, examples/cost/focus.csv and
 * examples/cost/inventory.csv: 105 days of FOCUS 1.0 rows (2026-12-01 to 2027-03-15, ~$500k a
 * month, growing) tagged by team, with untagged resources, a misspelt team tag, and a spike for
 * checkout on 2027-03-09; the inventory marks some volumes unattached, some instances idle and some
 * snapshots old. Deterministic: `npx tsx scripts/cost-sample.ts` writes the same bytes every time.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dayOfIso, isoOfDay } from '../src/engine/cost/cost-days.js';
import { createRandom } from '../src/engine/rcpsp/random.js';
import { generateFocusCsv, generateResources } from '../src/formats/focus/generate-focus.js';

const OUT = fileURLToPath(new URL('../examples/cost/', import.meta.url));
const teams = [
  ['payments', 8],
  ['checkout', 7],
  ['billing', 6],
  ['identity', 5],
  ['storage', 5],
  ['dataplat', 4],
  ['sre', 3],
  ['network', 3],
  ['observability', 2],
  ['paymnts', 1],
] as const;
const options = {
  start: '2026-12-01',
  days: 105,
  teams: teams.map(([tag, weight]) => ({ tag, weight })),
  resources: 56,
  untagged: 0.08,
  dailyTotal: 15_500,
  growthPerDay: 0.0015,
  anomalies: [{ day: dayOfIso('2027-03-09') - dayOfIso('2026-12-01'), team: 'checkout', factor: 2.6 }],
};
const random = createRandom(2027);
const resources = generateResources(options, random);
mkdirSync(OUT, { recursive: true });
writeFileSync(`${OUT}focus.csv`, [...generateFocusCsv(options, resources, 56 * 105, random)].join(''));

const asOf = dayOfIso('2027-03-15');
const lines = ['resource_id,type,state,attached_to,last_used,size_gb,created,region'];
for (const r of resources) {
  const created = isoOfDay(asOf - 30 - random.int(400));
  if (r.type === 'Volume') {
    const unattached = random.next() < 0.25;
    const lastUsed = isoOfDay(asOf - (unattached ? 20 + random.int(200) : random.int(3)));
    const instance = resources.find((x) => x.type === 'Instance')?.id ?? '';
    lines.push(
      `${r.id},EBS volume,${unattached ? 'available' : 'in-use'},${unattached ? '' : instance},${lastUsed},${[100, 250, 500, 1000][random.int(4)]},${created},${r.region}`,
    );
  } else if (r.type === 'Snapshot') {
    lines.push(`${r.id},EBS snapshot,completed,,,${[50, 100, 500][random.int(3)]},${isoOfDay(asOf - random.int(400))},${r.region}`);
  } else if (r.type === 'Instance') {
    const idle = random.next() < 0.1;
    lines.push(`${r.id},EC2 instance,running,,${isoOfDay(asOf - (idle ? 15 + random.int(60) : random.int(2)))},,${created},${r.region}`);
  } else if (r.type === 'Bucket') {
    lines.push(
      `${r.id},S3 bucket,active,,${isoOfDay(asOf - (random.next() < 0.3 ? 45 + random.int(300) : random.int(5)))},,${created},${r.region}`,
    );
  }
}
writeFileSync(`${OUT}inventory.csv`, `${lines.join('\n')}\n`);
console.log(`wrote ${OUT}focus.csv and inventory.csv (${lines.length - 1} resources)`);
