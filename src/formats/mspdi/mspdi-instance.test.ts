import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../engine/rcpsp/feasibility.js';
import { criticalPathBound } from '../../engine/rcpsp/instance.js';
import { levelSchedule } from '../../engine/rcpsp/level.js';
import { mspdiInstance } from './mspdi-instance.js';
import { mspdiNetwork } from './mspdi-network.js';
import { readMspdi } from './read-mspdi.js';

const file = new URL('../../../../shared/corpora/mpsplib-mspdi/1-mp_j30_a10_nr1.xml.gz', import.meta.url).pathname;

describe('levelling an MS Project file', () => {
  it('levels mp_j30_a10_nr1 within every resource limit, shorter than MS Project’s published 201 working days', () => {
    const project = readMspdi(gunzipSync(readFileSync(file)).toString('utf8'), file);
    if (!project.ok) throw new Error('parse');
    const net = mspdiNetwork(project.value);
    if (!net.ok) throw new Error('network');
    const inst = mspdiInstance(project.value, net.value);
    if (!inst.ok) throw new Error(inst.error.map((p) => p.message).join('; '));
    expect(inst.value.n).toBe(320);
    expect(inst.value.resourceCount).toBe(23);
    const plan = levelSchedule(inst.value, { schedules: 1000, seed: 1 });
    expect(checkPlan(inst.value, plan.starts)).toEqual([]);
    expect(plan.makespan).toBeGreaterThanOrEqual(criticalPathBound(inst.value));
    expect(plan.makespan).toBeLessThan(201);
  });
});
