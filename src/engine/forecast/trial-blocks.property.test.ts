import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileNetwork, permute } from '../cpm/compiled-network.js';
import { type TestLink, testNetwork } from '../cpm/test-network.js';
import { createRandom } from '../rcpsp/random.js';
import { samplingPlan } from './duration-sampler.js';
import { type ForecastModel, runTrials, runTrialsSerially } from './monte-carlo.js';
import { BLOCK_TRIALS } from './trial-blocks.js';

const TYPES = ['FS', 'SS', 'FF', 'SF'] as const;

/** Random acyclic networks with three-point estimates and, optionally, deadlines and fixed starts. */
const cases = fc.integer({ min: 2, max: 24 }).chain((n) =>
  fc.record({
    estimates: fc.array(
      fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 })).map(([a, b, c]) => {
        const [o, m, p] = [a, b, c].sort((x, y) => x - y) as [number, number, number];
        return { o, m, p };
      }),
      { minLength: n, maxLength: n },
    ),
    links: fc.uniqueArray(
      fc
        .tuple(fc.nat(n - 2), fc.nat(n), fc.constantFrom(...TYPES), fc.integer({ min: -3, max: 4 }))
        // From a to a later activity b: acyclic by construction.
        .map(([a, k, t, lag]): TestLink => [a, a + 1 + (k % (n - 1 - a)), t, lag]),
      { maxLength: 40, selector: ([a, b]) => `${a}-${b}` },
    ),
    constraints: fc.array(fc.tuple(fc.nat(n - 1), fc.constantFrom('deadline', 'fixed', 'notBefore'), fc.integer({ min: 0, max: 20 })), {
      maxLength: 3,
    }),
    milestones: fc.uniqueArray(fc.nat(n - 1), { maxLength: 4 }),
    trials: fc.integer({ min: 1, max: 3 * BLOCK_TRIALS + 5 }),
    seed: fc.nat(),
    distribution: fc.constantFrom('pert' as const, 'triangular' as const),
  }),
);

describe('Monte Carlo trials in blocks', () => {
  it('equal running the trials one by one, bit for bit, with or without deadlines and fixed starts', () => {
    fc.assert(
      fc.property(cases, ({ estimates, links, constraints, milestones, trials, seed, distribution }) => {
        const net = testNetwork(
          estimates.map((e) => e.m),
          links,
        );
        for (const [v, kind, at] of constraints) {
          if (kind === 'deadline') net.finishBy[v] = at;
          else if (kind === 'fixed') net.fixedStart[v] = at;
          else net.notBefore[v] = at;
        }
        const compiled = compileNetwork(net);
        if (!compiled.ok) throw new Error('acyclic by construction');
        const c = compiled.value;
        const model: ForecastModel = {
          compiled: c,
          sampling: samplingPlan(
            permute(
              Float64Array.from(estimates, (e) => e.o),
              c.original,
            ),
            permute(
              Float64Array.from(estimates, (e) => e.m),
              c.original,
            ),
            permute(
              Float64Array.from(estimates, (e) => e.p),
              c.original,
            ),
            distribution,
          ),
          milestones: Int32Array.from(milestones, (v) => c.positionOf[v] as number),
          projectStart: 0,
        };
        expect(runTrials(model, createRandom(seed), trials)).toEqual(runTrialsSerially(model, createRandom(seed), trials));
      }),
      { numRuns: 300 },
    );
  });
});
