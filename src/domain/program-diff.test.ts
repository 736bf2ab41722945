import { describe, expect, it } from 'vitest';
import { smallProgram } from '../../test/support/programs.js';
import { canonicalJson } from './canonical-json.js';
import { diffModels, fieldChanges } from './program-diff.js';

describe('program diff', () => {
  it('creates everything from nothing, parents first', () => {
    const changes = diffModels(undefined, smallProgram());
    expect(changes.every((c) => c.op === 'create')).toBe(true);
    expect(changes.map((c) => c.entity).filter((e, i, a) => a.indexOf(e) === i)).toEqual([
      'program',
      'team',
      'workstream',
      'item',
      'dependency',
      'risk',
      'decision',
    ]);
  });

  it('finds nothing between equal models whatever their key order', () => {
    const model = smallProgram();
    const shuffled = JSON.parse(canonicalJson(model));
    expect(diffModels(model, shuffled)).toEqual([]);
  });

  it('names the fields that changed, nested by dots', () => {
    expect(fieldChanges({ a: 1, e: { likely: 3, o: 1 }, t: [1] }, { a: 1, e: { likely: 4, o: 1 }, t: [1, 2], n: 'x' })).toEqual([
      { path: 'e.likely', before: 3, after: 4 },
      { path: 'n', before: undefined, after: 'x' },
      { path: 't', before: [1], after: [1, 2] },
    ]);
  });
});
