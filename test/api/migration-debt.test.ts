import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../support/programs.js';
import { type ApiWorld, addUser, apiWorld, type Client } from './api-support.js';

const P = '/api/programs/dc-exit-demo';
const Q = 'asOf=2027-03-05&trials=2000&seed=1';

interface View {
  version: number;
  progress: { overall: { stepsDone: number; steps: number; servicesDone: number } };
  forecast: { p50: string; p80: string; history: number[]; remaining: number } | null;
  laggards: string[];
  teams: { team: string; reasons: string[] }[];
  grid: { service: string; cells: { step: string; done: string | null; item: { id: string; state: string } | null }[] }[];
  generatedItems: number;
  burnDown: { on: string; remaining: number }[];
}

describe('migration views, generate, done and the debt register over HTTP', () => {
  let world: ApiWorld;
  let editor: Client;
  let viewer: Client;
  let outsider: Client;

  beforeAll(async () => {
    world = await apiWorld('pglite');
    const imported = await world.admin.call('POST', '/api/programs/import?file=dc-exit.yaml', {
      body: readFileSync(fixture('migration/dc-exit.yaml'), 'utf8'),
    });
    if (imported.status !== 201) throw new Error(`import failed: ${imported.status} ${await imported.text()}`);
    editor = await addUser(world, 'ana');
    viewer = await addUser(world, 'vic');
    outsider = await addUser(world, 'eve');
    for (const [login, role] of [
      ['ana', 'editor'],
      ['vic', 'viewer'],
    ] as const) {
      const given = await world.admin.call('PUT', `${P}/members/${login}`, { body: { role } });
      if (given.status !== 204) throw new Error(`role for ${login}: ${given.status}`);
    }
  }, 120_000);
  afterAll(() => world?.close());

  it('lists the migrations and shows one with the figures the CLI shows', async () => {
    const list = await viewer.json<{ migrations: { id: string; stepsDone: number; laggards: string[]; rag: string }[] }>(
      'GET',
      `${P}/migration-views?${Q}`,
    );
    expect(list.status).toBe(200);
    expect(list.body.migrations.map((m) => [m.id, m.stepsDone, m.laggards])).toEqual([['dc-exit', 11, ['data']]]);
    const view = await viewer.json<View>('GET', `${P}/migrations/dc-exit/view?${Q}`);
    expect(view.status).toBe(200);
    expect(view.body.progress.overall).toMatchObject({ stepsDone: 11, steps: 20, servicesDone: 2 });
    expect(view.body.forecast?.history).toEqual([2, 1, 1, 2, 1, 1, 1]);
    expect(view.body.laggards).toEqual(['data']);
    expect(view.body.burnDown.at(-1)).toEqual({ on: '2027-03-05', remaining: 9, finished: 0 });
    const again = await viewer.json<View>('GET', `${P}/migrations/dc-exit/view?${Q}`);
    expect(again.body.forecast).toEqual(view.body.forecast);
  });

  it('answers 404 with the known migrations for an unknown one, and hides the program from outsiders', async () => {
    const missing = await viewer.json<{ detail: string }>('GET', `${P}/migrations/nope/view`);
    expect(missing.status).toBe(404);
    expect(missing.body.detail).toContain('its migrations are: dc-exit');
    expect((await outsider.call('GET', `${P}/migrations/dc-exit/view`)).status).toBe(404);
    expect((await outsider.call('GET', `${P}/debt`)).status).toBe(404);
    expect((await viewer.call('GET', `${P}/migrations/dc-exit/view?trials=5`)).status).toBe(400);
  });

  it('generates 20 items once (viewers may not), then a recorded step marks its item done', async () => {
    expect((await viewer.call('POST', `${P}/migrations/dc-exit/generate`)).status).toBe(403);
    const made = await editor.json<{ added: string[]; links: number; existing: string[] }>('POST', `${P}/migrations/dc-exit/generate`);
    expect(made.status).toBe(200);
    expect(made.body.added).toHaveLength(20);
    expect(made.body.links).toBe(15);
    expect(made.body.added).toContain('dc-exit-search-cutover');
    const twice = await editor.json<{ added: string[]; existing: string[] }>('POST', `${P}/migrations/dc-exit/generate`);
    expect(twice.body.added).toEqual([]);
    expect(twice.body.existing).toHaveLength(20);

    const item = await viewer.json<{ value: { title: string; team: string; state: string; services: string[] } }>(
      'GET',
      `${P}/items/dc-exit-search-cutover`,
    );
    expect(item.body.value).toMatchObject({ title: 'Cutover search', team: 'web', state: 'not-started', services: ['search'] });

    const done = await editor.json<{ value: { services: { service: string; done: Record<string, string> }[] } }>(
      'POST',
      `${P}/migrations/dc-exit/done`,
      { body: { service: 'search', step: 'cutover', on: '2027-03-04' } },
    );
    expect(done.status).toBe(200);
    expect(done.body.value.services.find((s) => s.service === 'search')?.done.cutover).toBe('2027-03-04');
    const after = await viewer.json<{ value: { state: string } }>('GET', `${P}/items/dc-exit-search-cutover`);
    expect(after.body.value.state).toBe('done');
    const view = await viewer.json<View>('GET', `${P}/migrations/dc-exit/view?${Q}`);
    expect(view.body.generatedItems).toBe(20);
    expect(view.body.progress.overall.stepsDone).toBe(12);
  });

  it('refuses a step out of order with the fix, and gives a step the day its item is closed', async () => {
    const early = await editor.json<{ errors: { field: string; message: string }[] }>('POST', `${P}/migrations/dc-exit/done`, {
      body: { service: 'reports', step: 'cutover' },
    });
    expect(early.status).toBe(422);
    expect(early.body.errors[0]?.message).toContain('reports has not finished "inventory" yet');

    const current = await editor.json<{ etag: string }>('GET', `${P}/items/dc-exit-reports-inventory`);
    const closed = await editor.json('PATCH', `${P}/items/dc-exit-reports-inventory`, {
      body: { state: 'done' },
      headers: { 'if-match': current.body.etag },
    });
    expect(closed.status).toBe(200);
    const m = await viewer.json<{ value: { services: { service: string; done: Record<string, string> }[] } }>(
      'GET',
      `${P}/migrations/dc-exit`,
    );
    expect(Object.keys(m.body.value.services.find((s) => s.service === 'reports')?.done ?? {})).toEqual(['inventory']);
  });

  it('ranks the debt by interest', async () => {
    const debt = await viewer.json<{ open: { id: string; interestPerMonth: number; planned: boolean }[]; totals: { unplanned: number } }>(
      'GET',
      `${P}/debt?at=2027-03-05T12:00:00Z`,
    );
    expect(debt.status).toBe(200);
    expect(debt.body.open.map((d) => [d.id, d.interestPerMonth, d.planned])).toEqual([
      ['manual-certs', 12, false],
      ['fix-failover', 8, true],
      ['old-orm', 2, true],
    ]);
    expect(debt.body.totals.unplanned).toBe(1);
  });
});
