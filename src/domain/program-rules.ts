import type { ThreePoint } from './estimate.js';
import { checkInfraRules } from './infra-rules.js';
import type { ModelProblem } from './problem.js';
import type { EntityKind, Locator, ProgramModel } from './program-model.js';
import { checkReliabilityRules } from './reliability-rules.js';
import { suggestion } from './suggest.js';
import { uniqueIds } from './unique-ids.js';

/**
 * Where each dependency's ends are among the items (the first item of a duplicated id), -1 where an
 * end is unknown; computed by the rules anyway, and what the cycle check needs.
 */
export interface LinkEnds {
  readonly from: Int32Array;
  readonly to: Int32Array;
}

/**
 * Rules a program must meet beyond its shape: unique ids, references that resolve, estimates that
 * can happen, dates in order. Cycles are a graph question and are checked by the engine, on the
 * link ends returned here. Every problem is reported, not just the first.
 */
export function checkProgramRules(model: ProgramModel): { problems: ModelProblem[]; links: LinkEnds } {
  const problems: ModelProblem[] = [];
  const at = (entity: EntityKind, index: number, ...field: (string | number)[]): Locator =>
    field.length > 0 ? { entity, index, field } : { entity, index };

  const teamIds = uniqueIds(model.teams, 'team', 'team', problems);
  const workstreamIds = uniqueIds(model.workstreams, 'workstream', 'workstream', problems);
  const itemIds = uniqueIds(model.items, 'item', 'item or milestone', problems);
  uniqueIds(model.risks, 'risk', 'risk', problems);
  uniqueIds(model.decisions, 'decision', 'decision', problems);
  const teamList = [...teamIds.keys()];
  const itemList = [...itemIds.keys()];

  const { program } = model;
  if (program.target < program.start) {
    problems.push({
      code: 'date-order',
      message: `the program's target ${program.target} is before its start ${program.start}`,
      hint: 'move the target after the start, or the start before the target',
      at: at('program', 0, 'target'),
    });
  }

  const needTeam = (name: string | undefined, loc: () => Locator, owner: string) => {
    if (name === undefined || teamIds.has(name)) return;
    problems.push({
      code: 'unknown-team',
      message: `${owner} names team "${name}", which is not defined`,
      hint: `define it under teams:, or ${suggestion(name, teamList, 'teams')}`,
      at: loc(),
      ref: name,
    });
  };
  const needItem = (name: string, loc: () => Locator, owner: string) => {
    if (itemIds.has(name)) return;
    problems.push({
      code: 'unknown-item',
      message: `${owner} refers to "${name}", which is no item or milestone`,
      hint: `fix the id or add the item; ${suggestion(name, itemList, 'items')}`,
      at: loc(),
      ref: name,
    });
  };

  model.items.forEach((item, i) => {
    const label = `${item.kind} "${item.id}"`;
    needTeam(item.team, () => at('item', i, 'team'), label);
    if (item.workstream !== undefined && !workstreamIds.has(item.workstream)) {
      problems.push({
        code: 'unknown-workstream',
        message: `${label} names workstream "${item.workstream}", which is not defined`,
        hint: `define it under workstreams:, or ${suggestion(item.workstream, [...workstreamIds.keys()], 'workstreams')}`,
        at: at('item', i, 'workstream'),
        ref: item.workstream,
      });
    }
    if (item.parent !== undefined) {
      const parentIndex = itemIds.get(item.parent);
      const parent = parentIndex === undefined ? undefined : model.items[parentIndex];
      if (parent === undefined) needItem(item.parent, () => at('item', i, 'parent'), label);
      else if (parent.kind !== 'epic' || parent.id === item.id) {
        problems.push({
          code: 'bad-parent',
          message: `${label} has parent "${item.parent}", which is a ${parent.id === item.id ? 'reference to itself' : parent.kind}, not an epic`,
          hint: 'a parent must be an item of kind epic',
          at: at('item', i, 'parent'),
        });
      }
    }
    checkEstimate(model, i, problems);
    if (item.percentComplete !== undefined && item.remaining !== undefined) {
      problems.push({
        code: 'conflicting-progress',
        message: `${label} gives both percentComplete and remaining`,
        hint: 'keep one: remaining (working days left) when the team knows it, percentComplete otherwise',
        at: at('item', i, 'remaining'),
      });
    }
    if (item.kind !== 'milestone') {
      for (const field of ['target'] as const) {
        if (item[field] !== undefined) {
          problems.push({
            code: 'misplaced-field',
            message: `${label} has a ${field}, which only milestones have`,
            hint: 'use deadline for a task that must finish by a date, or make it a milestone',
            at: at('item', i, field),
          });
        }
      }
    }
  });

  // A pair of items has at most one link. Found per successor with a stamp array over item
  // positions, not a set of pair keys: programs reach 10^5 items and 3·10^5 links, and this runs
  // on every load (a Set of 10^10-range numbers cost ~300 ms there).
  const itemCount = model.items.length;
  const linkCount = model.dependencies.length;
  const fromIndex = new Int32Array(linkCount).fill(-1);
  const toIndex = new Int32Array(linkCount).fill(-1);
  const perSuccessor = new Int32Array(itemCount + 1);
  for (let i = 0; i < linkCount; i++) {
    const dep = model.dependencies[i] as (typeof model.dependencies)[number];
    const from = itemIds.get(dep.from);
    if (from === undefined) needItem(dep.from, () => at('dependency', i, 'from'), `"${dep.to}"`);
    if (dep.from === dep.to) {
      problems.push({
        code: 'self-dependency',
        message: `"${dep.to}" depends on itself`,
        hint: 'remove it from its own dependsOn',
        at: at('dependency', i, 'from'),
      });
    }
    const to = itemIds.get(dep.to);
    if (from === undefined || to === undefined) continue;
    fromIndex[i] = from;
    toIndex[i] = to;
    (perSuccessor[to + 1] as number)++;
  }
  for (let t = 0; t < itemCount; t++) (perSuccessor[t + 1] as number) += perSuccessor[t] as number;
  // Links grouped by successor, each group in file order, so the second of a pair is the one reported.
  const grouped = new Int32Array(perSuccessor[itemCount] as number);
  const fill = perSuccessor.slice(0, itemCount);
  for (let i = 0; i < linkCount; i++) {
    const to = toIndex[i] as number;
    if (to >= 0) grouped[(fill[to] as number)++] = i;
  }
  const seenFor = new Int32Array(itemCount).fill(-1);
  for (let k = 0; k < grouped.length; k++) {
    const i = grouped[k] as number;
    const from = fromIndex[i] as number;
    const to = toIndex[i] as number;
    if (seenFor[from] !== to) {
      seenFor[from] = to;
      continue;
    }
    const dep = model.dependencies[i] as (typeof model.dependencies)[number];
    problems.push({
      code: 'duplicate-dependency',
      message: `the dependency of "${dep.to}" on "${dep.from}" is listed twice`,
      hint: 'keep one entry; a pair of items has at most one link',
      at: at('dependency', i, 'from'),
    });
  }
  const links: LinkEnds = { from: fromIndex, to: toIndex };

  model.risks.forEach((risk, i) => {
    needTeam(risk.team, () => at('risk', i, 'team'), `risk "${risk.id}"`);
    risk.items.forEach((id, k) => {
      needItem(id, () => at('risk', i, 'items', k), `risk "${risk.id}"`);
    });
  });
  model.decisions.forEach((decision, i) => {
    decision.items.forEach((id, k) => {
      needItem(id, () => at('decision', i, 'items', k), `decision "${decision.id}"`);
    });
  });
  const serviceIds = checkReliabilityRules(model, teamIds, problems);
  checkInfraRules(model, teamIds, serviceIds, problems);
  return { problems, links };
}

/** Maps each id to its first index; reports every later duplicate at its own place. */

function checkEstimate(model: ProgramModel, index: number, problems: ModelProblem[]): void {
  const item = model.items[index];
  if (item?.estimate === undefined) return;
  const label = `${item.kind} "${item.id}"`;
  const at: Locator = { entity: 'item', index, field: ['estimate'] };
  if (item.kind === 'milestone') {
    if (typeof item.estimate !== 'number' || item.estimate !== 0) {
      problems.push({
        code: 'impossible-estimate',
        message: `${label} has an estimate, but a milestone takes no time`,
        hint: 'remove the estimate, or make it a task that the milestone depends on',
        at,
      });
    }
    return;
  }
  if (typeof item.estimate === 'number') {
    if (item.estimate < 0 || !Number.isFinite(item.estimate)) {
      problems.push({
        code: 'negative-estimate',
        message: `${label} has estimate ${item.estimate}, but an estimate is 0 or more working days`,
        hint: 'give the working days the work will take, e.g. estimate: 5',
        at,
      });
    }
    return;
  }
  const e: ThreePoint = item.estimate;
  const negative = (['optimistic', 'likely', 'pessimistic'] as const).find((k) => e[k] < 0);
  if (negative !== undefined) {
    problems.push({
      code: 'negative-estimate',
      message: `${label} has ${negative} ${e[negative]}, but an estimate is 0 or more working days`,
      hint: 'give working days of 0 or more for optimistic, likely and pessimistic',
      at: { ...at, field: ['estimate', negative] },
    });
    return;
  }
  if (!(e.optimistic <= e.likely && e.likely <= e.pessimistic)) {
    problems.push({
      code: 'impossible-estimate',
      message: `${label} has optimistic ${e.optimistic}, likely ${e.likely}, pessimistic ${e.pessimistic}; they must satisfy optimistic ≤ likely ≤ pessimistic`,
      hint: 'reorder the three figures, or re-estimate',
      at,
    });
  }
}
