import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../domain/calendar-date.js';
import type { ProgramModel } from '../domain/program-model.js';
import { generateProgram } from '../engine/generate/generate-program.js';
import { createRandom } from '../engine/rcpsp/random.js';
import { planProgram } from './plan-program.js';
import { programImpact } from './program-impact.js';

/** The milestones' finish in the plan of `model`, by id. */
function milestoneFinish(model: ProgramModel, level?: { schedules: number; seed: number }): Map<string, string> {
  const plan = planProgram(model, level ? { level } : {});
  if (!plan.ok) throw new Error(JSON.stringify(plan.error));
  const kinds = new Map(model.items.map((i) => [i.id as string, i.kind]));
  return new Map(plan.value.items.filter((i) => kinds.get(i.id) === 'milestone').map((i) => [i.id, i.finish as string]));
}

describe('impact of a change', () => {
  it('moves every milestone to where a full re-plan with the slipped estimate puts it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(1000), fc.nat(10_000), fc.integer({ min: 1, max: 30 }), async (seed, pick, days) => {
        const model = generateProgram({ items: 80, teams: 5 }, createRandom(seed));
        const candidates = model.items.filter((i) => i.kind !== 'milestone' && i.kind !== 'epic' && i.estimate !== undefined);
        const item = candidates[pick % candidates.length];
        if (!item) return;
        const impact = await programImpact(model, { kind: 'slip', item: item.id, days }, { trials: 0, seed: 1 });
        if (!impact.ok) throw new Error(JSON.stringify(impact.error));
        const e = item.estimate as NonNullable<typeof item.estimate>;
        const slipped: ProgramModel = {
          ...model,
          items: model.items.map((i) =>
            i.id === item.id
              ? {
                  ...i,
                  estimate:
                    typeof e === 'number'
                      ? e + days
                      : { optimistic: e.optimistic + days, likely: e.likely + days, pessimistic: e.pessimistic + days },
                }
              : i,
          ),
        };
        const before = milestoneFinish(model);
        const after = milestoneFinish(slipped);
        for (const m of impact.value.milestones) {
          expect(m.plan.before).toBe(before.get(m.id));
          expect(m.plan.after).toBe(after.get(m.id));
        }
      }),
      { numRuns: 25 },
    );
  });

  it('moves milestones to where the levelled re-plan with fewer people puts them', async () => {
    const model = generateProgram({ items: 120, teams: 4 }, createRandom(7));
    const team = model.teams[0];
    if (!team) throw new Error('no team');
    const from = model.program.start;
    const to = '2027-12-31' as CalendarDate;
    const impact = await programImpact(
      model,
      { kind: 'capacity', team: team.id, people: 1, from, to },
      { trials: 0, seed: 3, schedules: 200 },
    );
    if (!impact.ok) throw new Error(JSON.stringify(impact.error));
    const reduced: ProgramModel = {
      ...model,
      teams: model.teams.map((t) =>
        t.id === team.id
          ? { ...t, exceptions: [...t.exceptions, { from, to, capacity: Math.max(0, t.capacity - 1), reason: 'impact analysis' }] }
          : t,
      ),
    };
    const after = milestoneFinish(reduced, { schedules: 200, seed: 3 });
    for (const m of impact.value.milestones) expect(m.plan.after).toBe(after.get(m.id));
    expect(impact.value.finish.days).toBeGreaterThanOrEqual(0);
  });
});
