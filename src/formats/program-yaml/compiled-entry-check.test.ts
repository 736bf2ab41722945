import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateProgram } from '../../engine/generate/generate-program.js';
import { createRandom } from '../../engine/rcpsp/random.js';
import { compileEntryCheck } from './compiled-entry-check.js';
import { itemEntrySchema, milestoneEntrySchema } from './document-schema.js';
import { interpretProgram } from './interpret-program.js';
import { writeProgram } from './write-program.js';

const checks = [
  { name: 'items', schema: itemEntrySchema, accepts: compileEntryCheck(itemEntrySchema) },
  { name: 'milestones', schema: milestoneEntrySchema, accepts: compileEntryCheck(milestoneEntrySchema) },
];

// Values that are right for some field and wrong for others, so mutations cross every boundary.
const anyValue = fc.oneof(
  fc.constantFrom('a-1', 'billing', '', ' x', 'ä', 'NET-12', '2027-02-30', '2027-02-28', '2028-02-29', 'not a url', 'https://x.example/p'),
  fc.constantFrom('task', 'epic', 'milestone', 'done', 'in-progress', 'FS', 'SS', 'accepted', 'broken', 'nope'),
  fc.constantFrom(0, 1, 2, 4, 5, -1, 0.5, 100, 101, Number.NaN, Number.POSITIVE_INFINITY),
  fc.constant(null),
  fc.constant(undefined),
  fc.constantFrom([], ['x'], [''], ['a-1', { item: 'a-2', type: 'SS', lag: -1 }], [{ item: 'a-2', state: 'nope' }], [{ jira: 'NET-1' }]),
  fc.constantFrom({ optimistic: 1, likely: 2, pessimistic: 3 }, { optimistic: 1, likely: 2 }, { url: 'https://x.example' }),
);
const fields = [
  'id',
  'title',
  'kind',
  'description',
  'team',
  'assignee',
  'workstream',
  'parent',
  'estimate',
  'effort',
  'state',
  'percentComplete',
  'remaining',
  'startNoEarlierThan',
  'deadline',
  'priority',
  'tags',
  'links',
  'target',
  'stakeholders',
  'vendor',
  'orderedOn',
  'dependsOn',
  'unknownField',
];
const entry = fc
  .record({ id: fc.constantFrom('a-1', 'x.y_z', 'b', ''), title: fc.constantFrom('Cut over', 'Plan', 'Ship', '') })
  .chain((base) =>
    fc.dictionary(fc.constantFrom(...fields), anyValue, { maxKeys: 4 }).map((extra) => ({ ...base, ...extra }) as Record<string, unknown>),
  );

describe('the compiled entry check', () => {
  for (const { name, schema, accepts } of checks) {
    it(`accepts only ${name} entries zod accepts, and leaves them equal to zod's result`, () => {
      let accepted = 0;
      fc.assert(
        fc.property(entry, (raw) => {
          const copy = structuredClone(raw);
          if (!accepts(copy)) return;
          accepted++;
          const parsed = schema.safeParse(raw);
          expect(parsed.success).toBe(true);
          expect(copy).toEqual(parsed.data);
        }),
        { numRuns: 3000, seed: 7 },
      );
      // The property says nothing if hardly anything is accepted.
      expect(accepted).toBeGreaterThan(300);
    });
  }

  it('accepts the entries of a generated program, so big programs take the fast path', () => {
    const model = generateProgram({ items: 300, teams: 5 }, createRandom(3));
    const file = JSON.parse(writeProgram(model, 'json')) as { items: unknown[]; milestones: unknown[] };
    const [items, milestones] = checks;
    expect(file.items.every((e) => items?.accepts(structuredClone(e)))).toBe(true);
    expect(file.milestones.every((e) => milestones?.accepts(structuredClone(e)))).toBe(true);
  });

  it('reports a bad entry in a big section exactly as in a small one', () => {
    const model = generateProgram({ items: 800, teams: 5 }, createRandom(4));
    const file = JSON.parse(writeProgram(model, 'json')) as { items: Record<string, unknown>[] };
    const bad = file.items[700] as Record<string, unknown>;
    bad.effort = 0;
    bad.deadline = '2027-02-30';
    const big = interpretProgram(file);
    const small = interpretProgram({ ...file, items: [bad] });
    const messagesOf = (r: typeof big) =>
      r.issues.filter((i) => i.path[0] === 'items').map((i) => `${i.path.at(-1)?.toString()}: ${i.message}`);
    expect(big.model).toBeUndefined();
    expect(messagesOf(big).length).toBe(2);
    expect(messagesOf(big)).toEqual(messagesOf(small));
  });
});
