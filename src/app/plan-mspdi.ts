import { err, ok, type Result } from '../domain/result.js';
import { formatLocalDateTime } from '../engine/calendar/local-date-time.js';
import { criticalChains } from '../engine/cpm/critical-chains.js';
import { criticalPath } from '../engine/cpm/critical-path.js';
import { criticalFlags, mspdiNetwork } from '../formats/mspdi/mspdi-network.js';
import type { MspdiProblem, MspdiProject } from '../formats/mspdi/mspdi-project.js';
import type { PlanError } from './plan-program.js';
import type { PlanView } from './plan-view.js';

export type MspdiPlanError = PlanError | { kind: 'mspdi'; problems: readonly MspdiProblem[] };

/** The critical-path plan of an MS Project file, as MS Project computes it: ids are task UIDs. */
export function planMspdi(project: MspdiProject): Result<PlanView & { caveats: readonly string[] }, MspdiPlanError> {
  const built = mspdiNetwork(project);
  if (!built.ok) return err({ kind: 'mspdi', problems: built.error });
  const net = built.value;
  const cpm = criticalPath(net.network, { projectStart: net.projectStart, criticalThreshold: net.criticalSlack });
  if (!cpm.ok) return err({ kind: 'cycle', path: (cpm.error.cycles[0] ?? []).map((v) => net.uids[v] ?? String(v)) });
  const c = cpm.value;
  const critical = criticalFlags(net, c);
  const names = new Map(project.tasks.map((t) => [t.uid, t.name]));
  const at = (offset: number, edge: 'start' | 'end') => formatLocalDateTime(net.calendar.dateTimeAt(offset, edge));
  const days = (minutes: number) => Math.round(net.calendar.minutesToDays(minutes) * 1000) / 1000;
  const items = net.uids.map((uid, v) => {
    const es = c.earlyStart[v] as number;
    const ef = c.earlyFinish[v] as number;
    // As MS Project shows them: a zero-length task happens when the work before it ends, except at the project start.
    const startEdge = ef === es && es > net.projectStart ? 'end' : 'start';
    return {
      id: uid,
      title: names.get(uid) ?? '',
      start: at(es, startEdge),
      finish: at(ef, 'end'),
      earlyStart: at(es, startEdge),
      earlyFinish: at(ef, 'end'),
      lateStart: at(c.lateStart[v] as number, ef === es && (c.lateStart[v] as number) > net.projectStart ? 'end' : 'start'),
      lateFinish: at(c.lateFinish[v] as number, 'end'),
      totalFloat: days(c.totalFloat[v] as number),
      freeFloat: days(c.freeFloat[v] as number),
      critical: critical[v] === 1,
    };
  });
  const [longest] = criticalChains(net.network, c);
  return ok({
    unit: 'datetime',
    finish: at(c.finish, 'end'),
    items,
    criticalPath: (longest ?? []).map((v) => net.uids[v] as string),
    caveats: net.caveats.map((p) => `${p.subject ? `${p.subject}: ` : ''}${p.message}`),
  });
}
