import { err, ok, type Result } from '../domain/result.js';
import { formatLocalDateTime } from '../engine/calendar/local-date-time.js';
import { criticalChains } from '../engine/cpm/critical-chains.js';
import { criticalPath } from '../engine/cpm/critical-path.js';
import { explainDelays, levelSchedule } from '../engine/rcpsp/level.js';
import { mspdiInstance } from '../formats/mspdi/mspdi-instance.js';
import { criticalFlags, mspdiNetwork } from '../formats/mspdi/mspdi-network.js';
import type { MspdiProblem, MspdiProject } from '../formats/mspdi/mspdi-project.js';
import type { PlanError } from './plan-program.js';
import type { PlanView } from './plan-view.js';

export type MspdiPlanError = PlanError | { kind: 'mspdi'; problems: readonly MspdiProblem[] };

/** The critical-path plan of an MS Project file, as MS Project computes it: ids are task UIDs. */
export function planMspdi(
  project: MspdiProject,
  options: { level?: { schedules: number; seed: number } } = {},
): Result<PlanView & { caveats: readonly string[] }, MspdiPlanError> {
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
  const plan = {
    unit: 'datetime' as const,
    finish: at(c.finish, 'end'),
    items,
    criticalPath: (longest ?? []).map((v) => net.uids[v] as string),
    caveats: net.caveats.map((p) => `${p.subject ? `${p.subject}: ` : ''}${p.message}`),
  };
  if (!options.level) return ok(plan);

  // Levelled by the file's resources, in working days from the project start.
  const inst = mspdiInstance(project, net);
  if (!inst.ok) return err({ kind: 'calendar', message: inst.error.map((p) => p.message).join('; ') });
  const levelled = levelSchedule(inst.value, options.level);
  const perDay = project.minutesPerDay;
  const day = (period: number, edge: 'start' | 'end') => at(net.projectStart + period * perDay, edge);
  return ok({
    ...plan,
    finish: day(levelled.makespan, 'end'),
    items: items.map((item, v) => {
      const s = levelled.starts[v] as number;
      const f = s + (inst.value.duration[v] as number);
      return { ...item, start: day(s, f === s && s > 0 ? 'end' : 'start'), finish: day(f, 'end') };
    }),
    levelling: {
      schedules: levelled.schedulesUsed,
      seed: options.level.seed,
      delays: explainDelays(inst.value, levelled.starts)
        .filter((d) => d.wait > 0 && d.resource !== undefined)
        .map((d) => ({
          id: net.uids[d.activity] as string,
          delay: d.wait,
          resource: project.resources[d.resource as number]?.name ?? `resource ${d.resource}`,
          busy: (d.busy ?? 0) / 100,
          capacity: (d.capacity ?? 0) / 100,
          need: (d.need ?? 0) / 100,
        }))
        .sort((a, b) => b.delay - a.delay),
    },
  });
}
