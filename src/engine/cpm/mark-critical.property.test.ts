import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileNetwork, forwardPass, markCritical, permute } from './compiled-network.js';
import { criticalPath, EPSILON } from './critical-path.js';
import { type TestLink, testNetwork } from './test-network.js';

const TYPES = ['FS', 'SS', 'FF', 'SF'] as const;
const networks = fc.integer({ min: 2, max: 16 }).chain((n) =>
  fc.record({
    durations: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }),
    links: fc.uniqueArray(
      fc
        .tuple(fc.nat(n - 2), fc.nat(n - 2), fc.constantFrom(...TYPES), fc.integer({ min: -3, max: 4 }))
        .map(([a, k, t, lag]): TestLink => [a, a + 1 + (k % (n - 1 - a)), t, lag]),
      { maxLength: 30, selector: ([a, b]) => `${a}-${b}` },
    ),
    notBefore: fc.array(fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }), { minLength: n, maxLength: n }),
  }),
);

describe('critical activities without a backward pass (property-based)', () => {
  it('marks exactly the activities CPM finds with zero total float', () => {
    fc.assert(
      fc.property(networks, ({ durations, links, notBefore }) => {
        const net = testNetwork(durations, links);
        notBefore.forEach((t, v) => {
          if (t !== undefined) net.notBefore[v] = t;
        });
        const cpm = criticalPath(net);
        const compiled = compileNetwork(net);
        if (!cpm.ok || !compiled.ok) throw new Error('acyclic by construction');
        const c = compiled.value;
        const es = new Float64Array(c.n);
        const ef = new Float64Array(c.n);
        const finish = forwardPass(c, permute(net.duration, c.original), 0, es, ef);
        const marked = new Uint8Array(c.n);
        markCritical(c, es, ef, finish, EPSILON, marked, new Int32Array(c.n));
        for (let k = 0; k < c.n; k++) expect(marked[k]).toBe(cpm.value.critical[c.original[k] as number]);
      }),
    );
  });
});
