import type { ModelProblem } from './problem.js';
import type { EntityKind } from './program-model.js';

/** Each id's first position in the list; every later use of an id is reported as a duplicate. */
export function uniqueIds(
  list: readonly { id: string }[],
  entity: EntityKind,
  what: string,
  problems: ModelProblem[],
): Map<string, number> {
  const ids = new Map<string, number>();
  list.forEach((entry, i) => {
    const first = ids.get(entry.id);
    if (first === undefined) {
      ids.set(entry.id, i);
      return;
    }
    problems.push({
      code: 'duplicate-id',
      message: `the ${what} id "${entry.id}" is used twice`,
      hint: 'ids must be unique; rename one of them (references use the id)',
      at: { entity, index: i, field: ['id'] },
    });
  });
  return ids;
}
