/**
 * Writes the sample program's SLI data, examples/sli/<slo-id>.csv: 5 days of 1-minute samples ending
 * at the sample's status review, 2027-03-05 10:00 New York (15:00 UTC). Deterministic (seeded), so
 * re-running it changes nothing. `npx tsx scripts/sample-sli.ts`
 *
 * - checkout-availability (99.95 %, ratio): daily traffic of 1,500–6,500 requests a minute with a
 *   trickle of errors, and the SEV3 of 2027-03-04 (F5 firmware in dc-ash1, 10:05–11:20 New York):
 *   about 3 % of requests fail for 75 minutes. Most of the budget is gone; the burn is back to normal.
 * - payment-auth-latency (p99 ≤ 0.8 s in 95 % of each minute, 99 % of the New York week): a handful
 *   of slow minutes. Healthy.
 * - ledger-writes (99.9 %, bad/total): rare write errors. Healthy.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT = fileURLToPath(new URL('../examples/sli/', import.meta.url));
const MIN = 60_000;
const END = Date.UTC(2027, 2, 5, 15);
const MINUTES = 5 * 1440;
const START = END - (MINUTES - 1) * MIN;
const INCIDENT = [Date.UTC(2027, 2, 4, 15, 5), Date.UTC(2027, 2, 4, 16, 20)] as const;

/** mulberry32: a small seeded generator, so the files are the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Share of the daily peak at an instant: low at 04:00 New York (09:00 UTC), high at 16:00 (21:00 UTC). */
const daily = (t: number) => 0.5 - 0.5 * Math.cos((2 * Math.PI * (t / MIN - 9 * 60)) / 1440);

function write(name: string, header: string, rows: string[]) {
  writeFileSync(join(OUT, `${name}.csv`), `${header}\n${rows.join('\n')}\n`);
}

mkdirSync(OUT, { recursive: true });
const times = Array.from({ length: MINUTES }, (_, k) => START + k * MIN);

{
  const r = random(14);
  const rows = times.map((t) => {
    const total = Math.round(1500 + 5000 * daily(t) + 200 * r());
    const inIncident = t > INCIDENT[0] && t <= INCIDENT[1];
    const bad = inIncident ? Math.round(total * (0.028 + 0.01 * r())) : r() < 0.05 ? 1 + Math.floor(r() * 3) : 0;
    return `${t / 1000},${total - bad},${total}`;
  });
  write('checkout-availability', 'timestamp,good,total', rows);
}
{
  const r = random(19);
  const rows = times.map((t) => {
    // p99 in seconds: 0.35–0.6 s, a slow minute (above 0.8 s) about twice a day.
    const slow = r() < 0.0015;
    const p99 = slow ? 0.85 + 0.6 * r() : 0.35 + 0.15 * daily(t) + 0.1 * r();
    return `${t / 1000},${p99.toFixed(3)}`;
  });
  write('payment-auth-latency', 'timestamp,value', rows);
}
{
  const r = random(23);
  const rows = times.map((t) => {
    const total = Math.round(300 + 900 * daily(t) + 50 * r());
    const bad = r() < 0.02 ? 1 : 0;
    return `${t / 1000},${total - bad},${total}`;
  });
  write('ledger-writes', 'timestamp,good,total', rows);
}
