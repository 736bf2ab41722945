import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { betweenness } from './centrality.js';
import { buildGraph } from './graph.js';

const graph = (n: number, edges: [number, number][]) =>
  buildGraph(
    n,
    Int32Array.from(edges, ([a]) => a),
    Int32Array.from(edges, ([, b]) => b),
  );

/** Betweenness by enumerating every shortest path between every pair: the definition, slowly. */
function bruteForce(n: number, edges: [number, number][]): number[] {
  const succ = Array.from({ length: n }, (_, v) => edges.filter(([a]) => a === v).map(([, b]) => b));
  const paths = (s: number, t: number): number[][] => {
    // Breadth-first over whole paths; shortest ones are the first found at their length.
    let frontier = [[s]];
    while (frontier.length > 0) {
      const done = frontier.filter((p) => p[p.length - 1] === t);
      if (done.length > 0) return done;
      frontier = frontier.flatMap((p) => (succ[p[p.length - 1] as number] ?? []).filter((w) => !p.includes(w)).map((w) => [...p, w]));
    }
    return [];
  };
  const score = new Array<number>(n).fill(0);
  for (let s = 0; s < n; s++) {
    for (let t = 0; t < n; t++) {
      if (s === t) continue;
      const all = paths(s, t);
      for (let v = 0; v < n; v++) {
        if (v === s || v === t || all.length === 0) continue;
        score[v] = (score[v] as number) + all.filter((p) => p.includes(v)).length / all.length;
      }
    }
  }
  return score.map((x) => x / ((n - 1) * (n - 2)));
}

describe('betweenness', () => {
  it('is highest on the node every chain runs through', () => {
    // 0 → 2, 1 → 2, 2 → 3, 2 → 4: all four cross-pairs go through 2.
    const b = betweenness(
      graph(5, [
        [0, 2],
        [1, 2],
        [2, 3],
        [2, 4],
      ]),
    );
    expect(b[2]).toBeCloseTo(4 / 12);
    expect([b[0], b[1], b[3], b[4]]).toEqual([0, 0, 0, 0]);
  });

  it('equals the brute-force definition on small random DAGs', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 8 }).chain((n) =>
          fc.record({
            n: fc.constant(n),
            edges: fc.uniqueArray(
              fc.tuple(fc.nat(n - 2), fc.nat(n)).map(([a, k]): [number, number] => [a, a + 1 + (k % (n - 1 - a))]),
              { maxLength: 14, selector: ([a, b]) => `${a}-${b}` },
            ),
          }),
        ),
        ({ n, edges }) => {
          const fast = betweenness(graph(n, edges));
          const slow = bruteForce(n, edges);
          for (let v = 0; v < n; v++) expect(fast[v]).toBeCloseTo(slow[v] as number, 9);
        },
      ),
      { numRuns: 150 },
    );
  });
});
