import type { CpmResult } from './critical-path.js';
import { EPSILON, linkSlack } from './critical-path.js';
import type { ScheduleNetwork } from './network.js';

/**
 * The critical path(s) as ordered chains of activities: start at critical activities that no
 * critical link drives, and follow links with zero slack between critical activities. Branches
 * make several chains; at most `limit` are returned, longest (by finish) first.
 */
export function criticalChains(net: ScheduleNetwork, cpm: CpmResult, limit = 20): number[][] {
  const g = net.graph;
  const n = g.nodeCount;
  const driving = (e: number, u: number, w: number) =>
    cpm.critical[u] === 1 && cpm.critical[w] === 1 && linkSlack(net, cpm.earlyStart, cpm.earlyFinish, e, u, w) <= EPSILON;
  const driven = new Uint8Array(n);
  for (let u = 0; u < n; u++) {
    for (let s = g.succStart[u] as number; s < (g.succStart[u + 1] as number); s++) {
      const w = g.succ[s] as number;
      if (driving(g.succEdge[s] as number, u, w)) driven[w] = 1;
    }
  }
  const chains: number[][] = [];
  const walk = (path: number[]) => {
    if (chains.length >= limit * 4) return;
    const u = path[path.length - 1] as number;
    let extended = false;
    for (let s = g.succStart[u] as number; s < (g.succStart[u + 1] as number); s++) {
      const w = g.succ[s] as number;
      if (driving(g.succEdge[s] as number, u, w)) {
        extended = true;
        walk([...path, w]);
      }
    }
    if (!extended) chains.push(path);
  };
  for (const v of cpm.order) if (cpm.critical[v] === 1 && driven[v] === 0) walk([v]);
  const end = (chain: number[]) => cpm.earlyFinish[chain[chain.length - 1] as number] as number;
  return chains.sort((a, b) => end(b) - end(a) || b.length - a.length).slice(0, limit);
}
