import { LINK, type ScheduleNetwork } from '../cpm/network.js';

/**
 * The links of a network as finish-to-start edges `[from, to, lag]` in whole periods, for the
 * levelling engine, given each activity's duration in periods. For fixed durations the meaning is
 * the same: SS lag L = FS lag L − d(pred), FF lag L = FS lag L − d(succ), SF lag L = FS lag L −
 * d(pred) − d(succ). Lags may come out negative; they are rounded up (never looser than the link).
 */
export function finishToStartEdges(net: ScheduleNetwork, durations: readonly number[], unitsPerPeriod: number): [number, number, number][] {
  const g = net.graph;
  const edges: [number, number, number][] = [];
  for (let u = 0; u < g.nodeCount; u++) {
    for (let s = g.succStart[u] as number; s < (g.succStart[u + 1] as number); s++) {
      const w = g.succ[s] as number;
      const e = g.succEdge[s] as number;
      const lag = (net.lag[e] as number) / unitsPerPeriod;
      const du = durations[u] as number;
      const dw = durations[w] as number;
      const type = net.linkType[e];
      const fsLag = type === LINK.FS ? lag : type === LINK.SS ? lag - du : type === LINK.FF ? lag - dw : lag - du - dw;
      edges.push([u, w, Math.ceil(fsLag - 1e-9)]);
    }
  }
  return edges;
}
