import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { criticalPath, EPSILON } from './critical-path.js';
import { type TestLink, testNetwork } from './test-network.js';

const TYPES = ['FS', 'SS', 'FF', 'SF'] as const;

/** Random acyclic networks: links only go from a lower to a higher activity number. */
const networks = (options: { types: readonly (typeof TYPES)[number][]; minLag: number }) =>
  fc.integer({ min: 2, max: 14 }).chain((n) =>
    fc.record({
      durations: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }),
      links: fc.uniqueArray(
        fc
          .tuple(fc.nat(n - 2), fc.nat(n - 2), fc.constantFrom(...options.types), fc.integer({ min: options.minLag, max: 4 }))
          // From a to a later activity b: acyclic by construction, no rejection needed.
          .map(([a, k, t, lag]): TestLink => [a, a + 1 + (k % (n - 1 - a)), t, lag]),
        { maxLength: 25, selector: ([a, b]) => `${a}-${b}` },
      ),
    }),
  );

/** The time a link's successor may start at the earliest, given both ends' dates (start = s, finish = f). */
function respected(type: string, lag: number, s1: number, f1: number, s2: number, f2: number): boolean {
  const gap = type === 'FS' ? s2 - (f1 + lag) : type === 'SS' ? s2 - (s1 + lag) : type === 'FF' ? f2 - (f1 + lag) : f2 - (s1 + lag);
  return gap >= -EPSILON;
}

describe('CPM invariants (property-based)', () => {
  it('early and late dates respect every link, and nothing starts before the project', () => {
    fc.assert(
      fc.property(networks({ types: TYPES, minLag: -3 }), ({ durations, links }) => {
        const r = criticalPath(testNetwork(durations, links));
        if (!r.ok) throw new Error('acyclic by construction');
        const c = r.value;
        for (const [a, b, type = 'FS', lag = 0] of links) {
          expect(
            respected(
              type,
              lag,
              c.earlyStart[a] as number,
              c.earlyFinish[a] as number,
              c.earlyStart[b] as number,
              c.earlyFinish[b] as number,
            ),
          ).toBe(true);
          expect(
            respected(type, lag, c.lateStart[a] as number, c.lateFinish[a] as number, c.lateStart[b] as number, c.lateFinish[b] as number),
          ).toBe(true);
        }
        for (const s of c.earlyStart) expect(s).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('has no negative float without constraints, and something is critical', () => {
    fc.assert(
      fc.property(networks({ types: TYPES, minLag: -3 }), ({ durations, links }) => {
        const r = criticalPath(testNetwork(durations, links));
        if (!r.ok) throw new Error('acyclic by construction');
        for (const f of r.value.totalFloat) expect(f).toBeGreaterThanOrEqual(0);
        for (let v = 0; v < durations.length; v++)
          expect(r.value.freeFloat[v]).toBeLessThanOrEqual((r.value.totalFloat[v] as number) + EPSILON);
        expect(r.value.critical.some((x) => x === 1)).toBe(true);
      }),
    );
  });

  it('finishes when the longest path by brute force does (FS links, non-negative lags)', () => {
    fc.assert(
      fc.property(networks({ types: ['FS'], minLag: 0 }), ({ durations, links }) => {
        const r = criticalPath(testNetwork(durations, links));
        if (!r.ok) throw new Error('acyclic by construction');
        const longestFrom = (v: number): number =>
          (durations[v] as number) + Math.max(0, ...links.filter(([a]) => a === v).map(([, b, , lag = 0]) => lag + longestFrom(b)));
        expect(r.value.finish).toBe(Math.max(...durations.map((_, v) => longestFrom(v))));
      }),
    );
  });
});
