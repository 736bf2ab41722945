/**
 * Calibration of the migration throughput forecast: weekly throughput truly follows a known
 * distribution; for each history length H, draw a history, forecast, play out the true completion,
 * and print how often the truth lands on or before the forecast's P50, P80 and P95 days. A
 * calibrated P80 covers ~80 %. Both forecasts are shown: with the history resampled per trial (the
 * default) and without. Two truths: Poisson(λ), and a lumpy one (0, 2 or 8 steps a week).
 * Last, the case the calibration does not cover: two teams of very different pace.
 * Run: npx tsx bench/migration-calibration.ts [--runs 2000] [--trials 2000] [--lambda 3] [--remaining 60]
 */

import { calibrate, discrete, poisson } from '../src/engine/migration/forecast-calibration.js';
import { percentileOfSorted, simulateWeeksToFinish } from '../src/engine/migration/throughput-forecast.js';
import { createRandom, type Random } from '../src/engine/rcpsp/random.js';

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name);
  return at < 0 ? fallback : Number(process.argv[at + 1]) || fallback;
};
const runs = arg('--runs', 2000);
const trials = arg('--trials', 2000);
const lambda = arg('--lambda', 3);
const remaining = arg('--remaining', 60);

const truths: [string, (random: Random) => number][] = [
  [`Poisson(${lambda})`, (random) => poisson(random, lambda)],
  ['0, 2 or 8 steps with p .4/.3/.3 (mean 3)', discrete([0, 2, 8], [0.4, 0.3, 0.3])],
];
const pct = (x: number) => `${(x * 100).toFixed(1).padStart(5)} %`;
for (const [name, weekly] of truths) {
  console.log(`\nweekly throughput ~ ${name}, ${remaining} steps left, ${runs} runs × ${trials} trials each`);
  console.log('history  forecast             P50      P80      P95   no forecast');
  for (const historyWeeks of [4, 8, 12, 26, 52]) {
    for (const resampleHistory of [true, false]) {
      const r = calibrate({ weekly, historyWeeks, remaining, runs, trials, seed: 7 + historyWeeks, resampleHistory });
      const label = resampleHistory ? 'resampled history' : 'observed history ';
      console.log(
        `${String(historyWeeks).padStart(4)} wk  ${label}  ${pct(r.coverageP50)}  ${pct(r.coverageP80)}  ${pct(r.coverageP95)}   ${r.noForecast}`,
      );
    }
  }
}

// What the calibration does not cover: two teams, each moving only its own 20 steps, one at
// Poisson(2.5) a week and one at Poisson(0.5). The truth is the later of the two; the pooled
// forecast sees Poisson(3) and is optimistic. The slow team's own forecast (the laggard rule)
// is the honest figure for the finish.
{
  const world = createRandom(99);
  const model = createRandom(100);
  const weeks = 12;
  const runs = Math.min(500, arg('--runs', 2000));
  let pooledCovered = 0;
  let slowCovered = 0;
  const until = (rate: number, left: number) => {
    let week = 0;
    for (;;) {
      const x = poisson(world, rate);
      if (x >= left && x > 0) return week + left / x;
      left -= x;
      week += 1;
    }
  };
  for (let r = 0; r < runs; r++) {
    const fast = Int32Array.from({ length: weeks }, () => poisson(world, 2.5));
    const slow = Int32Array.from({ length: weeks }, () => poisson(world, 0.5));
    const pooled = fast.map((x, k) => x + (slow[k] as number));
    const truth = Math.ceil(Math.max(until(2.5, 20), until(0.5, 20)) * 7);
    const p80 = (history: Int32Array, left: number) => {
      const f = simulateWeeksToFinish(history, left, { trials, random: model });
      if (!f.ok) return Number.POSITIVE_INFINITY;
      const w = percentileOfSorted(f.value.weeks.sort(), 80);
      return Number.isFinite(w) ? Math.ceil(w * 7) : Number.POSITIVE_INFINITY;
    };
    if (truth <= p80(pooled, 40)) pooledCovered += 1;
    if (truth <= p80(slow, 20)) slowCovered += 1;
  }
  console.log(`\ntwo teams, 20 steps each at Poisson(2.5) and Poisson(0.5) a week, ${weeks} weeks of history, ${runs} runs`);
  console.log(`  pooled forecast P80 covers the true finish in ${pct(pooledCovered / runs)}`);
  console.log(`  the slow team's own forecast P80 covers it in  ${pct(slowCovered / runs)}`);
}
