import { buildGraph } from '../graph.js';
import { emptyConstraints, LINK, type ScheduleNetwork } from './network.js';

export type TestLink = [from: number, to: number, type?: keyof typeof LINK, lag?: number];

/** A network from durations and links, for tests: `[0, 1, 'SS', 2]` = 1 starts 2 after 0 starts. */
export function testNetwork(durations: readonly number[], links: readonly TestLink[]): ScheduleNetwork {
  const graph = buildGraph(
    durations.length,
    Int32Array.from(links, ([a]) => a),
    Int32Array.from(links, ([, b]) => b),
  );
  return {
    graph,
    linkType: Uint8Array.from(links, ([, , t]) => LINK[t ?? 'FS']),
    lag: Float64Array.from(links, ([, , , lag]) => lag ?? 0),
    duration: Float64Array.from(durations),
    ...emptyConstraints(durations.length),
  };
}
