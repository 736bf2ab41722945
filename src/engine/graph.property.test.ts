import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildGraph, findCycles, reachable, topologicalOrder } from './graph.js';

const graphs = fc
  .integer({ min: 1, max: 30 })
  .chain((n) => fc.tuple(fc.constant(n), fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 60 })));

const build = (n: number, edges: [number, number][]) =>
  buildGraph(
    n,
    Int32Array.from(edges, ([a]) => a),
    Int32Array.from(edges, ([, b]) => b),
  );

/** Reference: depth-first search for any cycle, by the textbook three-colour method. */
function hasCycleNaive(n: number, edges: [number, number][]): boolean {
  const colour = new Array<number>(n).fill(0);
  const out = Array.from({ length: n }, (_, v) => edges.filter(([a]) => a === v).map(([, b]) => b));
  const visit = (v: number): boolean => {
    colour[v] = 1;
    for (const w of out[v] ?? []) {
      if (colour[w] === 1 || (colour[w] === 0 && visit(w))) return true;
    }
    colour[v] = 2;
    return false;
  };
  return Array.from({ length: n }, (_, v) => v).some((v) => colour[v] === 0 && visit(v));
}

describe('graph invariants (property-based)', () => {
  it('an order exists exactly when no cycle is found, and it respects every edge', () => {
    fc.assert(
      fc.property(graphs, ([n, edges]) => {
        const g = build(n, edges);
        const order = topologicalOrder(g);
        const cycles = findCycles(g);
        expect(order === undefined).toBe(hasCycleNaive(n, edges));
        expect(cycles.length > 0).toBe(order === undefined);
        if (order) {
          const rank = new Map([...order].map((v, i) => [v, i]));
          for (const [a, b] of edges) expect(rank.get(a)).toBeLessThan(rank.get(b) as number);
          expect(new Set(order).size).toBe(n);
        }
      }),
    );
  });

  it('every reported cycle is a real closed walk along edges', () => {
    fc.assert(
      fc.property(graphs, ([n, edges]) => {
        const set = new Set(edges.map(([a, b]) => `${a}>${b}`));
        for (const cycle of findCycles(build(n, edges))) {
          expect(cycle[0]).toBe(cycle[cycle.length - 1]);
          expect(new Set(cycle.slice(1)).size).toBe(cycle.length - 1);
          for (let i = 0; i + 1 < cycle.length; i++) expect(set.has(`${cycle[i]}>${cycle[i + 1]}`)).toBe(true);
        }
      }),
    );
  });

  it('downstream of a is upstream-reachable back to a', () => {
    fc.assert(
      fc.property(graphs, fc.nat(), ([n, edges], pick) => {
        const g = build(n, edges);
        const a = pick % n;
        const down = reachable(g, a, 'downstream');
        for (let b = 0; b < n; b++) if (down[b]) expect(reachable(g, b, 'upstream')[a]).toBe(1);
      }),
    );
  });
});
