import { z } from 'zod';
import { calendarDateSchema } from './calendar-date.js';
import { DEPENDENCY_STATES, type Dependency, LINK_TYPES } from './dependency.js';
import { type Estimate, threePointSchema } from './estimate.js';
import { itemIdSchema, READABLE_ID, teamIdSchema } from './ids.js';
import type { ProgramModel } from './program-model.js';
import { err, ok, type Result } from './result.js';
import { type WorkItem, workItemSchema } from './work-item.js';

/**
 * A scenario: named changes laid over the live program, to ask "what if". Each change is an object
 * with one key saying what it does. Applying a scenario never edits the live program until the
 * TPM applies it for real (then it is recorded in the history like any other change).
 */
const oneChange = <K extends string, S extends z.ZodType>(key: K, schema: S) => z.strictObject({ [key]: schema } as { [P in K]: S });

export const scenarioChangeSchema = z.union(
  [
    oneChange(
      'estimate',
      z.union([
        z.strictObject({ item: itemIdSchema, days: z.number().nonnegative({ message: 'days is a number of working days, 0 or more' }) }),
        threePointSchema.extend({ item: itemIdSchema }),
      ]),
    ),
    oneChange(
      'capacity',
      z.strictObject({
        team: teamIdSchema,
        people: z.number().nonnegative({ message: 'people is a number, 0 or more' }),
        from: calendarDateSchema.optional(),
        to: calendarDateSchema.optional(),
      }),
    ),
    oneChange('add-item', workItemSchema.extend({ dependsOn: z.array(itemIdSchema).default([]) })),
    oneChange('remove-item', itemIdSchema),
    oneChange(
      'add-dependency',
      z.strictObject({
        from: itemIdSchema,
        to: itemIdSchema,
        type: z.enum(LINK_TYPES).default('FS'),
        lag: z.number().default(0),
        state: z.enum(DEPENDENCY_STATES).default('accepted'),
      }),
    ),
    oneChange('remove-dependency', z.strictObject({ from: itemIdSchema, to: itemIdSchema })),
    /** Reordering: `next` waits for `first` (a finish-to-start link). */
    oneChange('sequence', z.strictObject({ first: itemIdSchema, next: itemIdSchema })),
  ],
  { message: 'a change is one of: estimate, capacity, add-item, remove-item, add-dependency, remove-dependency, sequence' },
);
export type ScenarioChange = z.infer<typeof scenarioChangeSchema>;

export const scenarioSchema = z.strictObject({
  scenario: z.string().regex(READABLE_ID, { message: 'a scenario name uses letters, digits, ".", "_" or "-", e.g. add-contractors' }),
  description: z.string().optional(),
  changes: z.array(scenarioChangeSchema).min(1, { message: 'a scenario needs at least one change' }),
});
export type Scenario = z.infer<typeof scenarioSchema>;

/** A change that cannot apply to this program, at its index in `changes`. */
export interface ScenarioProblem {
  readonly change: number;
  readonly message: string;
}

/** The program with the scenario's changes applied in order. Problems name the change and what is wrong. */
export function applyScenario(model: ProgramModel, changes: readonly ScenarioChange[]): Result<ProgramModel, ScenarioProblem[]> {
  let items = [...model.items];
  let dependencies = [...model.dependencies];
  let teams = [...model.teams];
  const problems: ScenarioProblem[] = [];
  const hasItem = (id: string) => items.some((i) => i.id === id);
  for (const [k, change] of changes.entries()) {
    const fail = (message: string) => {
      problems.push({ change: k, message });
    };
    if ('estimate' in change) {
      const e = change.estimate;
      if (!hasItem(e.item)) {
        fail(`no item "${e.item}" to re-estimate`);
        continue;
      }
      const estimate: Estimate = 'days' in e ? e.days : { optimistic: e.optimistic, likely: e.likely, pessimistic: e.pessimistic };
      items = items.map((i) => (i.id === e.item ? { ...i, estimate } : i));
    } else if ('capacity' in change) {
      const c = change.capacity;
      const team = teams.find((t) => t.id === c.team);
      if (!team) {
        fail(`no team "${c.team}"`);
        continue;
      }
      if ((c.from === undefined) !== (c.to === undefined)) {
        fail('give both from and to for a change of capacity over a period, or neither');
        continue;
      }
      if (c.from === undefined || c.to === undefined) {
        if (c.people <= 0) {
          fail('a team needs more than 0 people; for a gap, give from and to');
          continue;
        }
        teams = teams.map((t) => (t.id === c.team ? { ...t, capacity: c.people } : t));
      } else {
        if (c.to < c.from) {
          fail(`to ${c.to} is before from ${c.from}`);
          continue;
        }
        const exception = { from: c.from, to: c.to, capacity: c.people, reason: 'scenario' };
        teams = teams.map((t) => (t.id === c.team ? { ...t, exceptions: [...t.exceptions, exception] } : t));
      }
    } else if ('add-item' in change) {
      const { dependsOn, ...item } = change['add-item'];
      if (hasItem(item.id)) {
        fail(`an item "${item.id}" already exists`);
        continue;
      }
      const missing = dependsOn.filter((d) => !hasItem(d));
      if (missing.length > 0) {
        fail(
          `"${item.id}" depends on ${missing.map((m) => `"${m}"`).join(', ')}, which ${missing.length === 1 ? 'is' : 'are'} not in the program`,
        );
        continue;
      }
      items = [...items, item];
      dependencies = [
        ...dependencies,
        ...dependsOn.map((from): Dependency => ({ from, to: item.id, type: 'FS', lag: 0, state: 'accepted' })),
      ];
    } else if ('remove-item' in change) {
      const id = change['remove-item'];
      if (!hasItem(id)) {
        fail(`no item "${id}" to remove`);
        continue;
      }
      // Work that waited on the removed item now waits on what it waited on: the chain holds.
      const before = dependencies.filter((d) => d.to === id).map((d) => d.from);
      const after = dependencies.filter((d) => d.from === id).map((d) => d.to);
      dependencies = dependencies.filter((d) => d.from !== id && d.to !== id);
      for (const a of before) {
        for (const b of after) {
          if (!dependencies.some((d) => d.from === a && d.to === b))
            dependencies.push({ from: a, to: b, type: 'FS', lag: 0, state: 'accepted' });
        }
      }
      items = items.filter((i) => i.id !== id).map((i) => (i.parent === id ? withoutParent(i) : i));
    } else if ('add-dependency' in change || 'sequence' in change) {
      const d =
        'sequence' in change
          ? { from: change.sequence.first, to: change.sequence.next, type: 'FS' as const, lag: 0, state: 'accepted' as const }
          : change['add-dependency'];
      const missing = [d.from, d.to].filter((id) => !hasItem(id));
      if (missing.length > 0) {
        fail(`no item ${missing.map((m) => `"${m}"`).join(' or ')}`);
        continue;
      }
      if (d.from === d.to) {
        fail(`"${d.to}" cannot wait on itself`);
        continue;
      }
      if (dependencies.some((x) => x.from === d.from && x.to === d.to)) {
        fail(`"${d.to}" already depends on "${d.from}"`);
        continue;
      }
      dependencies = [...dependencies, d];
    } else {
      const d = change['remove-dependency'];
      if (!dependencies.some((x) => x.from === d.from && x.to === d.to)) {
        fail(`"${d.to}" does not depend on "${d.from}"`);
        continue;
      }
      dependencies = dependencies.filter((x) => !(x.from === d.from && x.to === d.to));
    }
  }
  if (problems.length > 0) return err(problems);
  return ok({ ...model, items, dependencies, teams });
}

function withoutParent(item: WorkItem): WorkItem {
  const { parent: _, ...rest } = item;
  return rest;
}
