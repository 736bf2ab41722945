import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileNetwork, forwardPass, permute } from '../cpm/compiled-network.js';
import { type TestLink, testNetwork } from '../cpm/test-network.js';
import { propagateDelay } from './propagate-delay.js';

const TYPES = ['FS', 'SS', 'FF', 'SF'] as const;

const cases = fc.integer({ min: 2, max: 20 }).chain((n) =>
  fc.record({
    durations: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }),
    links: fc.uniqueArray(
      fc
        .tuple(fc.nat(n - 2), fc.nat(n), fc.constantFrom(...TYPES), fc.integer({ min: -3, max: 4 }))
        .map(([a, k, t, lag]): TestLink => [a, a + 1 + (k % (n - 1 - a)), t, lag]),
      { maxLength: 35, selector: ([a, b]) => `${a}-${b}` },
    ),
    notBefore: fc.array(fc.tuple(fc.nat(n - 1), fc.integer({ min: 0, max: 20 })), { maxLength: 3 }),
    fixed: fc.array(fc.tuple(fc.nat(n - 1), fc.integer({ min: 0, max: 20 })), { maxLength: 2 }),
    slips: fc.array(fc.tuple(fc.nat(n - 1), fc.integer({ min: -3, max: 10 })), { minLength: 1, maxLength: 3 }),
  }),
);

describe('propagating a delay', () => {
  it('gives the same early dates as a full forward pass on the changed durations', () => {
    fc.assert(
      fc.property(cases, ({ durations, links, notBefore, fixed, slips }) => {
        const net = testNetwork(durations, links);
        for (const [v, at] of notBefore) net.notBefore[v] = at;
        for (const [v, at] of fixed) net.fixedStart[v] = at;
        const compiled = compileNetwork(net);
        if (!compiled.ok) throw new Error('acyclic by construction');
        const c = compiled.value;
        const duration = permute(net.duration, c.original);
        const es = new Float64Array(c.n);
        const ef = new Float64Array(c.n);
        forwardPass(c, duration, 0, es, ef);
        const changed = new Map<number, number>();
        for (const [v, delta] of slips) {
          const k = c.positionOf[v] as number;
          changed.set(k, Math.max(0, (changed.get(k) ?? (duration[k] as number)) + delta));
        }
        const fast = propagateDelay(c, duration, es, ef, 0, changed);
        const full = fast.duration.slice();
        const es2 = new Float64Array(c.n);
        const ef2 = new Float64Array(c.n);
        const finish = forwardPass(c, full, 0, es2, ef2);
        expect([...fast.es]).toEqual([...es2]);
        expect([...fast.ef]).toEqual([...ef2]);
        expect(fast.finish).toBe(finish);
        const moved = [...ef2.keys()].filter((k) => ef2[k] !== ef[k]);
        expect([...fast.moved].sort((a, b) => a - b)).toEqual(moved);
      }),
      { numRuns: 400 },
    );
  });
});
