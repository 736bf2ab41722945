import { describe, expect, it } from 'vitest';
import { buildGraph, findCycles, reachable, topologicalOrder } from './graph.js';

const graph = (n: number, edges: [number, number][]) =>
  buildGraph(
    n,
    Int32Array.from(edges, ([a]) => a),
    Int32Array.from(edges, ([, b]) => b),
  );

describe('graph core', () => {
  it('keeps id order when it already respects every edge, else orders by Kahn, the same way every time', () => {
    const diamond = graph(4, [
      [0, 2],
      [0, 1],
      [1, 3],
      [2, 3],
    ]);
    expect([...(topologicalOrder(diamond) ?? [])]).toEqual([0, 1, 2, 3]);
    expect([
      ...(topologicalOrder(
        graph(4, [
          [3, 0],
          [2, 1],
        ]),
      ) ?? []),
    ]).toEqual([2, 3, 1, 0]);
  });

  it('has no order when there is a cycle, and names the cycle in edge direction', () => {
    const g = graph(5, [
      [0, 1],
      [1, 2],
      [2, 0],
      [3, 4],
    ]);
    expect(topologicalOrder(g)).toBeUndefined();
    expect(findCycles(g)).toEqual([[0, 1, 2, 0]]);
  });

  it('finds one cycle per tangled component, the shortest through its smallest node', () => {
    const g = graph(7, [
      [0, 1],
      [1, 0],
      [1, 2],
      [2, 0],
      [4, 5],
      [5, 6],
      [6, 4],
      [3, 3],
    ]);
    expect(findCycles(g)).toEqual([
      [0, 1, 0],
      [3, 3],
      [4, 5, 6, 4],
    ]);
  });

  it('walks up and down stream', () => {
    const g = graph(5, [
      [0, 1],
      [1, 2],
      [3, 2],
      [2, 4],
    ]);
    expect([...reachable(g, 1, 'downstream')]).toEqual([0, 1, 1, 0, 1]);
    expect([...reachable(g, 2, 'upstream')]).toEqual([1, 1, 1, 1, 0]);
  });

  it('survives a chain far deeper than the call stack', () => {
    const n = 200_000;
    const from = Int32Array.from({ length: n - 1 }, (_, i) => i);
    const to = Int32Array.from({ length: n - 1 }, (_, i) => i + 1);
    const g = buildGraph(n, from, to);
    expect(findCycles(g)).toEqual([]);
    expect(topologicalOrder(g)?.[n - 1]).toBe(n - 1);
  });

  it('rejects an edge outside the nodes', () => {
    expect(() => graph(2, [[0, 2]])).toThrow(RangeError);
  });
});
