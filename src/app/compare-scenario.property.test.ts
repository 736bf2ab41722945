import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { likelyDays } from '../domain/estimate.js';
import { scenarioSchema } from '../domain/scenario.js';
import { generateProgram } from '../engine/generate/generate-program.js';
import { createRandom } from '../engine/rcpsp/random.js';
import { compareScenario } from './compare-scenario.js';
import { planProgram } from './plan-program.js';
import { programImpact } from './program-impact.js';

describe('a scenario compared with the live plan', () => {
  it('moves milestones exactly as the incremental impact of the same slip does, and as a full re-plan does', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(1000), fc.nat(10_000), fc.integer({ min: 1, max: 25 }), async (seed, pick, days) => {
        const model = generateProgram({ items: 70, teams: 4 }, createRandom(seed));
        const candidates = model.items.filter((i) => i.kind !== 'milestone' && i.kind !== 'epic' && i.estimate !== undefined);
        const item = candidates[pick % candidates.length];
        expect(item?.estimate).toBeDefined();
        if (!item?.estimate) return;
        const e = item.estimate;
        // One code path: re-estimate through a scenario, then plan the whole program again.
        const estimate =
          typeof e === 'number'
            ? { item: item.id, days: likelyDays(e) + days }
            : { item: item.id, optimistic: e.optimistic + days, likely: e.likely + days, pessimistic: e.pessimistic + days };
        const { changes } = scenarioSchema.parse({ scenario: 'slip', changes: [{ estimate }] });
        const compared = await compareScenario(model, 'slip', changes, { trials: 0, seed: 1 });
        if (!compared.ok) throw new Error(JSON.stringify(compared.error));
        // The other: propagate the delay through the network from the slipped item only.
        const impact = await programImpact(model, { kind: 'slip', item: item.id, days }, { trials: 0, seed: 1 });
        if (!impact.ok) throw new Error(JSON.stringify(impact.error));
        const live = planProgram(model);
        if (!live.ok) throw new Error('plan');
        for (const m of impact.value.milestones) {
          const row = compared.value.milestones.find((x) => x.id === m.id);
          expect(row?.scenario).toBe(m.plan.after);
          expect(row?.live).toBe(m.plan.before);
        }
        expect(compared.value.finish.scenario).toBe(impact.value.finish.after);
        expect(compared.value.finish.live).toBe(String(live.value.finish));
      }),
      { numRuns: 20 },
    );
  });
});
