import { err, ok, type Result } from '../domain/result.js';
import { criticalChains } from '../engine/cpm/critical-chains.js';
import { criticalPath } from '../engine/cpm/critical-path.js';
import { rcpspNetwork } from '../engine/plan/rcpsp-network.js';
import type { RcpspInstance } from '../engine/rcpsp/instance.js';
import { explainDelays, levelSchedule } from '../engine/rcpsp/level.js';
import type { PlanError } from './plan-program.js';
import type { PlanView } from './plan-view.js';

/** The plan of an RCPSP instance in integer periods; with `level`, start/finish are the capacity-levelled plan. */
export function planRcpsp(inst: RcpspInstance, options: { level?: { schedules: number; seed: number } } = {}): Result<PlanView, PlanError> {
  const net = rcpspNetwork(inst);
  const cpm = criticalPath(net);
  if (!cpm.ok) return err({ kind: 'cycle', path: (cpm.error.cycles[0] ?? []).map(String) });
  const c = cpm.value;
  const id = (v: number) => inst.ids?.[v] ?? String(v + 1);
  const levelled = options.level ? levelSchedule(inst, options.level) : undefined;
  const starts = levelled?.starts ?? Float64Array.from(c.earlyStart);
  const items = Array.from({ length: inst.n }, (_, v) => ({
    id: id(v),
    start: starts[v] as number,
    finish: (starts[v] as number) + (inst.duration[v] as number),
    earlyStart: c.earlyStart[v] as number,
    earlyFinish: c.earlyFinish[v] as number,
    lateStart: c.lateStart[v] as number,
    lateFinish: c.lateFinish[v] as number,
    totalFloat: c.totalFloat[v] as number,
    freeFloat: c.freeFloat[v] as number,
    critical: c.critical[v] === 1,
  }));
  const [longest] = criticalChains(net, c);
  const view: PlanView = {
    unit: 'period',
    finish: levelled ? levelled.makespan : c.finish,
    items,
    criticalPath: (longest ?? []).map(id),
    ...(levelled && options.level
      ? {
          levelling: {
            schedules: levelled.schedulesUsed,
            seed: options.level.seed,
            delays: explainDelays(inst, levelled.starts)
              .filter((d) => d.wait > 0 && d.resource !== undefined)
              .map((d) => ({
                id: id(d.activity),
                delay: d.wait,
                resource: `R${(d.resource as number) + 1}`,
                busy: d.busy ?? 0,
                capacity: d.capacity ?? 0,
                need: d.need ?? 0,
              })),
          },
        }
      : {}),
  };
  return ok(view);
}
