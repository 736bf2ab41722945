import type { Result } from '../../domain/result.js';
import { finishToStartEdges } from '../../engine/plan/finish-to-start-edges.js';
import { buildInstance, type InstanceProblem, type RcpspInstance } from '../../engine/rcpsp/instance.js';
import type { MspdiNetwork } from './mspdi-network.js';
import type { MspdiProject } from './mspdi-project.js';

/** Resource units per 100 %: assignments and max units are counted in hundredths. */
const UNITS = 100;

/**
 * An MS Project file as a levelling instance: periods are working days of the project calendar,
 * resources are its resources (max units in hundredths), an assignment's units are the task's
 * demand. Finish-to-start links and their lags carry over (lags rounded up to whole days); other
 * link types become finish-to-start lags with the same meaning for fixed durations (possibly negative).
 */
export function mspdiInstance(project: MspdiProject, net: MspdiNetwork): Result<RcpspInstance, InstanceProblem[]> {
  const perDay = project.minutesPerDay;
  const n = net.uids.length;
  const durations = Array.from(net.network.duration, (minutes) => Math.ceil(minutes / perDay - 1e-9));
  const resourceIndex = new Map(project.resources.map((r, i) => [r.uid, i]));
  const capacity = project.resources.map((r) => Math.max(1, Math.round(r.maxUnits * UNITS)));
  const demands = Array.from({ length: n }, () => new Array<number>(project.resources.length).fill(0));
  for (const a of project.assignments) {
    const v = net.nodeOf.get(a.taskUid);
    const r = resourceIndex.get(a.resourceUid);
    if (v === undefined || r === undefined || (durations[v] as number) === 0) continue;
    const row = demands[v] as number[];
    row[r] = Math.min(capacity[r] as number, (row[r] as number) + Math.round(a.units * UNITS));
  }
  const edges = finishToStartEdges(net.network, durations, perDay);
  return buildInstance({ durations, edges, demands, capacity, ids: net.uids });
}
