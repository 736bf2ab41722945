import type { ModelProblem } from '../domain/problem.js';
import type { ProgramModel } from '../domain/program-model.js';
import { checkProgramRules, type LinkEnds } from '../domain/program-rules.js';
import { buildGraph, findCycles, topologicalOrder } from './graph.js';

/** Every problem with a program: the domain's rules, then dependency cycles, each with its full path. */
export function validateModel(model: ProgramModel): ModelProblem[] {
  const { problems, links } = checkProgramRules(model);
  return [...problems, ...cycleProblems(model, links)];
}

export function cycleProblems(model: ProgramModel, links: LinkEnds): ModelProblem[] {
  const items = model.items;
  const deps = model.dependencies;
  // Links with an unknown end are reported by the rules; they cannot be part of a cycle.
  const from = new Int32Array(deps.length);
  const to = new Int32Array(deps.length);
  let kept = 0;
  for (let i = 0; i < deps.length; i++) {
    const a = links.from[i] as number;
    const b = links.to[i] as number;
    if (a < 0 || b < 0) continue;
    from[kept] = a;
    to[kept] = b;
    kept++;
  }
  const graph = buildGraph(items.length, from.subarray(0, kept), to.subarray(0, kept));
  // Ordering is cheap; Tarjan runs only when there is a cycle to name.
  if (topologicalOrder(graph)) return [];
  // A self-loop is reported as a self-dependency by the rules.
  return findCycles(graph)
    .filter((cycle) => cycle.length > 2)
    .map((cycle) => {
      const names = cycle.map((i) => items[i]?.id as string);
      // Point at the link that closes the cycle: the last node depends on the first.
      const closingFrom = names[names.length - 2] as string;
      const closingTo = names[names.length - 1] as string;
      const closing = deps.findIndex((d) => d.from === closingFrom && d.to === closingTo);
      return {
        code: 'dependency-cycle',
        message: `dependency cycle: ${names.join(' → ')}`,
        hint: 'work cannot wait on itself; remove or reverse one of these dependencies',
        at: { entity: 'dependency', index: closing, field: ['from'] },
      } satisfies ModelProblem;
    });
}
