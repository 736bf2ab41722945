import { describe, expect, it } from 'vitest';
import type { ProgramModel } from './program-model.js';
import { applyScenario, scenarioSchema } from './scenario.js';

const item = (id: string) => ({
  id,
  title: id,
  kind: 'task',
  effort: 1,
  state: 'not-started',
  tags: [],
  links: [],
  stakeholders: [],
  estimate: 2,
});
const model = {
  program: { id: 'p', name: 'P', start: '2027-01-04', target: '2027-06-30' },
  teams: [{ id: 'net', name: 'Net', capacity: 3, exceptions: [] }],
  workstreams: [],
  items: [item('a'), item('b'), item('c')],
  dependencies: [
    { from: 'a', to: 'b', type: 'FS', lag: 0, state: 'accepted' },
    { from: 'b', to: 'c', type: 'FS', lag: 0, state: 'accepted' },
  ],
  risks: [],
  decisions: [],
} as unknown as ProgramModel;
const changes = (raw: unknown[]) => scenarioSchema.parse({ scenario: 's', changes: raw }).changes;

describe('applying a scenario', () => {
  it('keeps the chain when an item in the middle is removed', () => {
    const r = applyScenario(model, changes([{ 'remove-item': 'b' }]));
    expect(r.ok && r.value.dependencies.map((d) => `${d.from}->${d.to}`)).toEqual(['a->c']);
    expect(r.ok && r.value.items.map((i) => i.id)).toEqual(['a', 'c']);
  });

  it('re-estimates, changes capacity for good or for a period, adds work and sequences it', () => {
    const r = applyScenario(
      model,
      changes([
        { estimate: { item: 'a', optimistic: 1, likely: 2, pessimistic: 5 } },
        { capacity: { team: 'net', people: 5 } },
        { capacity: { team: 'net', people: 1, from: '2027-02-01', to: '2027-02-05' } },
        { 'add-item': { id: 'd', title: 'D', estimate: 3, dependsOn: ['a'] } },
        { sequence: { first: 'd', next: 'c' } },
      ]),
    );
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.value.items.find((i) => i.id === 'a')?.estimate).toEqual({ optimistic: 1, likely: 2, pessimistic: 5 });
    expect(r.value.teams[0]).toMatchObject({ capacity: 5, exceptions: [{ from: '2027-02-01', to: '2027-02-05', capacity: 1 }] });
    expect(r.value.dependencies.map((d) => `${d.from}->${d.to}`)).toEqual(['a->b', 'b->c', 'a->d', 'd->c']);
    expect(model.items).toHaveLength(3);
  });

  it('names every change that cannot apply, by its index', () => {
    const r = applyScenario(
      model,
      changes([
        { 'remove-item': 'zz' },
        { 'add-dependency': { from: 'a', to: 'b' } },
        { capacity: { team: 'net', people: 1, from: '2027-02-01' } },
      ]),
    );
    expect(!r.ok && r.error).toEqual([
      { change: 0, message: 'no item "zz" to remove' },
      { change: 1, message: '"b" already depends on "a"' },
      { change: 2, message: 'give both from and to for a change of capacity over a period, or neither' },
    ]);
  });
});
