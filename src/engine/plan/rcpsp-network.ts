import { emptyConstraints, LINK, type ScheduleNetwork } from '../cpm/network.js';
import { buildGraph } from '../graph.js';
import type { RcpspInstance } from '../rcpsp/instance.js';

/** An RCPSP instance as a CPM network in its own periods: every precedence is finish-to-start with its lag. */
export function rcpspNetwork(inst: RcpspInstance): ScheduleNetwork {
  const m = inst.succ.length;
  const from = new Int32Array(m);
  for (let j = 0; j < inst.n; j++) for (let k = inst.succStart[j] as number; k < (inst.succStart[j + 1] as number); k++) from[k] = j;
  return {
    graph: buildGraph(inst.n, from, inst.succ),
    linkType: new Uint8Array(m).fill(LINK.FS),
    lag: inst.lag ? Float64Array.from(inst.lag) : new Float64Array(m),
    duration: Float64Array.from(inst.duration),
    ...emptyConstraints(inst.n),
  };
}
