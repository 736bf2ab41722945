import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planProgram } from '../../src/app/plan-program.js';
import type { CalendarDate } from '../../src/domain/calendar-date.js';
import type { ProgramId } from '../../src/domain/ids.js';
import { generateProgram } from '../../src/engine/generate/generate-program.js';
import { createRandom } from '../../src/engine/rcpsp/random.js';
import { readProgramYaml } from '../../src/formats/program-yaml/read-program.js';
import { SAMPLE_FILE } from '../support/programs.js';
import { type ApiWorld, apiWorld } from './api-support.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('levelled plans over HTTP', () => {
  let world: ApiWorld;
  const big = '/api/programs/generated-big';

  beforeAll(async () => {
    world = await apiWorld('pglite');
    // 1,000 items over 8 teams: levelling with 1,000 schedules takes seconds here.
    const model = generateProgram({ items: 1000, teams: 8 }, createRandom(7));
    await world.store.saveProgram(
      { ...model, program: { ...model.program, id: 'generated-big' as ProgramId } },
      { actor: 'admin', at: new Date(), source: 'test' },
    );
  }, 120_000);
  afterAll(async () => world?.close());

  it('gives the same levelled plan as the engine on this thread (the pool keeps determinism)', async () => {
    const asOf = '2027-03-05' as CalendarDate;
    const served = await world.admin.json<Record<string, unknown>>(
      'GET',
      `/api/programs/checkout-cloud-2027/plan?level=true&asOf=${asOf}&schedules=200&seed=3`,
    );
    expect(served.status).toBe(200);
    const read = readProgramYaml(readFileSync(SAMPLE_FILE, 'utf8'), SAMPLE_FILE);
    if (!read.ok) throw new Error('sample');
    const local = planProgram(read.value, { asOf, level: { schedules: 200, seed: 3 } });
    if (!local.ok) throw new Error('plan');
    expect(served.body).toEqual(JSON.parse(JSON.stringify({ version: 1, ...local.value })));
    expect((served.body.levelling as { seed: number }).seed).toBe(3);
  });

  it('answers /api/health while a large levelling runs', async () => {
    // Read the program once, so the levelled request goes straight to levelling.
    expect((await world.admin.call('GET', `${big}/plan`)).status).toBe(200);
    const order: string[] = [];
    const plan = world.admin.json('GET', `${big}/plan?level=true`).then((r) => {
      order.push('plan');
      return r;
    });
    await sleep(500);
    for (let i = 0; i < 3; i++) {
      const health = await fetch(`${world.server.url}/api/health`);
      expect(health.status).toBe(200);
      order.push('health');
    }
    const levelled = await plan;
    expect(levelled.status).toBe(200);
    expect((levelled.body.levelling as { delays: unknown[] }).delays.length).toBeGreaterThan(0);
    // Had levelling run on the request thread, the health checks would have waited for it.
    expect(order).toEqual(['health', 'health', 'health', 'plan']);
  }, 120_000);
});
