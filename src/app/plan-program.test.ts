import { describe, expect, it } from 'vitest';
import { smallProgram } from '../../test/support/programs.js';
import { generateProgram } from '../engine/generate/generate-program.js';
import { programInstance } from '../engine/plan/program-instance.js';
import { programNetwork } from '../engine/plan/program-network.js';
import { checkPlan } from '../engine/rcpsp/feasibility.js';
import { levelSchedule } from '../engine/rcpsp/level.js';
import { createRandom } from '../engine/rcpsp/random.js';
import { planProgram } from './plan-program.js';

describe('program plans', () => {
  it('levels a generated program so no team is over capacity on any day (independent checker)', () => {
    const model = generateProgram({ items: 400, teams: 5 }, createRandom(11));
    const pn = programNetwork(model);
    if (!pn.ok) throw new Error('calendar');
    const inst = programInstance(model, pn.value);
    if (!inst.ok) throw new Error(inst.error.map((p) => p.message).join('; '));
    const plan = levelSchedule(inst.value, { schedules: 300, seed: 2 });
    expect(checkPlan(inst.value, plan.starts)).toEqual([]);
  });

  it('reports team load per week within capacity, and says why items wait', () => {
    const model = generateProgram({ items: 300, teams: 3 }, createRandom(4));
    const result = planProgram(model, { level: { schedules: 300, seed: 1 } });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const { levelling } = result.value;
    expect(levelling?.teamLoad?.length).toBeGreaterThan(0);
    for (const week of levelling?.teamLoad ?? []) expect(week.load).toBeLessThanOrEqual(week.capacity);
    expect(levelling?.delays.length).toBeGreaterThan(0);
    for (const d of levelling?.delays ?? []) expect(d.busy + d.need).toBeGreaterThan(d.capacity);
    // Levelling can only delay: no item starts before its unlevelled early start.
    for (const item of result.value.items) expect(item.start >= item.earlyStart).toBe(true);
  });

  it('keeps the CPM dates when not levelling, and a milestone happens at one moment', () => {
    const result = planProgram(smallProgram());
    if (!result.ok) throw new Error('plan');
    const milestone = result.value.items.find((i) => i.id === 'm-cutover');
    expect(milestone?.start).toBe(milestone?.finish);
    expect(result.value.levelling).toBeUndefined();
  });
});
