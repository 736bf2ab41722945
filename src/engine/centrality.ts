import type { Graph } from './graph.js';

/** Above this many nodes, betweenness is estimated from evenly spaced sources instead of all of them. */
export const EXACT_BETWEENNESS_LIMIT = 2000;
const SAMPLED_SOURCES = 256;

/**
 * Betweenness centrality of every node (Brandes 2001): for each ordered pair (s, t) with a path,
 * the share of shortest directed s→t paths that pass through v, summed, then divided by the number
 * of ordered pairs other than v's own, (n − 1)(n − 2), so a score is in [0, 1]. A node that every
 * chain in the program runs through scores high; a leaf scores 0.
 *
 * Exact up to EXACT_BETWEENNESS_LIMIT nodes. Larger graphs use every k-th node as a source and scale
 * by n / sources (Brandes & Pich 2007, with deterministic pivots): O(sources · (n + edges)).
 */
export function betweenness(g: Graph): Float64Array {
  const n = g.nodeCount;
  const score = new Float64Array(n);
  if (n < 3) return score;
  const step = n <= EXACT_BETWEENNESS_LIMIT ? 1 : Math.ceil(n / SAMPLED_SOURCES);
  const sigma = new Float64Array(n);
  const dist = new Int32Array(n);
  const delta = new Float64Array(n);
  const order = new Int32Array(n);
  let sources = 0;
  for (let s = 0; s < n; s += step) {
    sources++;
    sigma.fill(0);
    dist.fill(-1);
    delta.fill(0);
    sigma[s] = 1;
    dist[s] = 0;
    // Breadth-first from s; `order` is the queue, and afterwards the nodes by distance.
    let head = 0;
    let tail = 0;
    order[tail++] = s;
    while (head < tail) {
      const v = order[head++] as number;
      const dv = dist[v] as number;
      for (let k = g.succStart[v] as number; k < (g.succStart[v + 1] as number); k++) {
        const w = g.succ[k] as number;
        if (dist[w] === -1) {
          dist[w] = dv + 1;
          order[tail++] = w;
        }
        if (dist[w] === dv + 1) sigma[w] = (sigma[w] as number) + (sigma[v] as number);
      }
    }
    // Dependencies, farthest first: δ(v) = Σ over successors w one step farther of σv/σw (1 + δw).
    for (let i = tail - 1; i > 0; i--) {
      const w = order[i] as number;
      const dw = dist[w] as number;
      for (let k = g.predStart[w] as number; k < (g.predStart[w + 1] as number); k++) {
        const v = g.pred[k] as number;
        if (dist[v] === dw - 1)
          delta[v] = (delta[v] as number) + ((sigma[v] as number) / (sigma[w] as number)) * (1 + (delta[w] as number));
      }
      score[w] = (score[w] as number) + (delta[w] as number);
    }
  }
  const scale = n / sources / ((n - 1) * (n - 2));
  for (let v = 0; v < n; v++) score[v] = (score[v] as number) * scale;
  return score;
}
