import type { ModelProblem } from '../domain/problem.js';
import type { ProgramModel } from '../domain/program-model.js';
import { checkProgramRules } from '../domain/program-rules.js';
import { buildGraph, findCycles, topologicalOrder } from './graph.js';

/** Every problem with a program: the domain's rules, then dependency cycles, each with its full path. */
export function validateModel(model: ProgramModel): ModelProblem[] {
  return [...checkProgramRules(model), ...cycleProblems(model)];
}

export function cycleProblems(model: ProgramModel): ModelProblem[] {
  const indexOf = new Map<string, number>();
  model.items.forEach((item, i) => {
    if (!indexOf.has(item.id)) indexOf.set(item.id, i);
  });
  // Links with an unknown end are reported by the rules; they cannot be part of a cycle.
  const kept: number[] = [];
  model.dependencies.forEach((dep, d) => {
    if (indexOf.has(dep.from) && indexOf.has(dep.to)) kept.push(d);
  });
  const from = Int32Array.from(kept, (d) => indexOf.get(model.dependencies[d]?.from as string) as number);
  const to = Int32Array.from(kept, (d) => indexOf.get(model.dependencies[d]?.to as string) as number);
  const graph = buildGraph(model.items.length, from, to);
  // Kahn's order is cheap; Tarjan runs only when there is a cycle to name.
  if (topologicalOrder(graph)) return [];
  // A self-loop is reported as a self-dependency by the rules.
  return findCycles(graph)
    .filter((cycle) => cycle.length > 2)
    .map((cycle) => {
      const names = cycle.map((i) => model.items[i]?.id as string);
      // Point at the link that closes the cycle: the last node depends on the first.
      const closingFrom = names[names.length - 2] as string;
      const closingTo = names[names.length - 1] as string;
      const closing = model.dependencies.findIndex((d) => d.from === closingFrom && d.to === closingTo);
      return {
        code: 'dependency-cycle',
        message: `dependency cycle: ${names.join(' → ')}`,
        hint: 'work cannot wait on itself; remove or reverse one of these dependencies',
        at: { entity: 'dependency', index: closing, field: ['from'] },
      } satisfies ModelProblem;
    });
}
