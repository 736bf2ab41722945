import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CostRule, costRuleSchema } from '../../domain/cost-policy.js';
import { allocate } from './allocate.js';
import { summarizeCost } from './cost-summary.js';
import { costTableOf } from './cost-table-fixture.js';
import { dailyByTeam } from './daily-cost.js';

const word = fc.constantFrom('a', 'b', 'c', 'd');
const rowArb = fc.record({
  day: fc.integer({ min: 1, max: 28 }).map((d) => `2026-03-${String(d).padStart(2, '0')}`),
  cost: fc.double({ min: -100, max: 1000, noNaN: true }),
  serviceCategory: fc.constantFrom('Compute', 'Storage', 'Networking'),
  provider: fc.constantFrom('AWS', 'Microsoft'),
  tags: fc.option(fc.dictionary(fc.constantFrom('team', 'env'), word, { maxKeys: 2 }), { nil: undefined }),
});
const ruleArb: fc.Arbitrary<CostRule> = fc.oneof(
  fc
    .record({ byTag: fc.constantFrom('team', 'env'), values: fc.option(fc.dictionary(word, word), { nil: undefined }) })
    .map(({ values, ...rest }) => costRuleSchema.parse(values === undefined ? rest : { ...rest, values })),
  fc
    .record({ match: fc.record({ serviceCategory: fc.constantFrom('Compute', 'Storage') }), team: word })
    .map((r) => costRuleSchema.parse(r)),
  fc.record({ match: fc.record({ tags: fc.record({ env: word }) }), team: word }).map((r) => costRuleSchema.parse(r)),
);

describe('allocation invariants', () => {
  it('allocated + unallocated = total, for any rows and rules; every row has one team or none', () => {
    fc.assert(
      fc.property(
        fc.array(rowArb, { minLength: 1, maxLength: 60 }),
        fc.array(ruleArb, { maxLength: 5 }),
        fc.array(word),
        (rows, rules, teams) => {
          const t = costTableOf(rows.map(({ tags, ...rest }) => (tags === undefined ? rest : { ...rest, tags })));
          const a = allocate(t, { rules, teams, cost: t.effective });
          const daily = dailyByTeam(t, a, t.effective);
          const s = summarizeCost(daily, []);
          const allocated = s.teams.reduce((sum, x) => sum + x.monthToDate, 0);
          const total = rows.reduce((sum, r) => sum + r.cost, 0);
          const scale = rows.reduce((sum, r) => sum + Math.abs(r.cost), 1);
          expect(Math.abs(allocated + s.unallocated.monthToDate - total)).toBeLessThan(1e-9 * scale);
          expect(Math.abs(s.total.monthToDate - total)).toBeLessThan(1e-9 * scale);
          for (let r = 0; r < t.length; r++) {
            const team = a.teamOf[r] ?? -1;
            expect(team >= -1 && team < a.teams.length).toBe(true);
            expect((a.ruleOf[r] ?? -1) === -1).toBe(team === -1 && (a.serviceOf[r] ?? -1) === -1);
          }
        },
      ),
      { numRuns: 200, seed: 7 },
    );
  });
});
