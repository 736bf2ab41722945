import type { CpmResult } from './critical-path.js';
import { EPSILON, linkSlack } from './critical-path.js';
import type { ScheduleNetwork } from './network.js';

/**
 * The critical path(s) as ordered chains of activities. Each chain ends at a critical activity
 * that drives no other critical activity, and is traced back through driving links (zero slack
 * between critical activities) to where it starts; at a fork the earliest-listed driver is taken.
 * Chains ending latest come first, so the first is the path that sets the finish. O(activities + links).
 */
export function criticalChains(net: ScheduleNetwork, cpm: CpmResult, limit = 20): number[][] {
  const g = net.graph;
  const n = g.nodeCount;
  const drives = (e: number, u: number, w: number) =>
    cpm.critical[u] === 1 && cpm.critical[w] === 1 && linkSlack(net, cpm.earlyStart, cpm.earlyFinish, e, u, w) <= EPSILON;
  const ends: number[] = [];
  for (let u = 0; u < n; u++) {
    if (cpm.critical[u] !== 1) continue;
    let drivesSome = false;
    for (let s = g.succStart[u] as number; s < (g.succStart[u + 1] as number) && !drivesSome; s++) {
      drivesSome = drives(g.succEdge[s] as number, u, g.succ[s] as number);
    }
    if (!drivesSome) ends.push(u);
  }
  ends.sort((a, b) => (cpm.earlyFinish[b] as number) - (cpm.earlyFinish[a] as number) || a - b);
  return ends.slice(0, limit).map((end) => {
    const chain = [end];
    for (let w = end; ; ) {
      let driver = -1;
      for (let p = g.predStart[w] as number; p < (g.predStart[w + 1] as number) && driver < 0; p++) {
        const u = g.pred[p] as number;
        if (drives(g.predEdge[p] as number, u, w)) driver = u;
      }
      if (driver < 0) break;
      chain.push(driver);
      w = driver;
    }
    return chain.reverse();
  });
}
