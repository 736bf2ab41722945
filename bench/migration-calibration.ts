/**
 * Calibration of the migration throughput forecast: weekly throughput truly follows a known
 * distribution; for each history length H, draw a history, forecast, play out the true completion,
 * and print how often the truth lands on or before the forecast's P50, P80 and P95 days. A
 * calibrated P80 covers ~80 %. Both forecasts are shown: with the history resampled per trial (the
 * default) and without. Two truths: Poisson(λ), and a lumpy one (0, 2 or 8 steps a week).
 * Run: npx tsx bench/migration-calibration.ts [--runs 2000] [--trials 2000] [--lambda 3] [--remaining 60]
 */

import { calibrate, discrete, poisson } from '../src/engine/migration/forecast-calibration.js';
import type { Random } from '../src/engine/rcpsp/random.js';

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
