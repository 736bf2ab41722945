import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readScenarioYaml } from '../../src/formats/scenario-yaml/read-scenario.js';
import { type ApiWorld, type Client, rolesWorld } from './api-support.js';

const P = '/api/programs/checkout-cloud-2027';
const AS_OF = '2027-03-05';

/** The example scenario shipped with the sample: what the CLI reads is what the API takes. */
const contractors = () => {
  const file = fileURLToPath(new URL('../../examples/what-if-contractors.yaml', import.meta.url));
  const read = readScenarioYaml(readFileSync(file, 'utf8'), file);
  if (!read.ok) throw new Error(JSON.stringify(read.error));
  return read.value.scenario;
};

/** db-06 is on the critical chain: tripling it must move the finish later. */
const slower = {
  scenario: 'slower-ledger',
  description: 'What if the ledger load takes 60 days?',
  changes: [{ estimate: { item: 'db-06', days: 60 } }],
};

interface Comparison {
  version: number;
  scenario: string;
  finish: { live: string; scenario: string; liveP50: string | null; scenarioP80: string | null };
  milestones: { id: string; live: string | null; scenario: string | null; liveP80: string | null }[];
  teamLoad: { team: string }[];
  forecast: { trials: number } | null;
}

describe('scenarios over HTTP', () => {
  let world: ApiWorld;
  let editor: Client;
  let viewer: Client;
  let outsider: Client;

  beforeAll(async () => {
    ({ world, editor, viewer, outsider } = await rolesWorld());
  }, 60_000);
  afterAll(async () => world?.close());

  it('saves a scenario, lists it and reads it back as written', async () => {
    const saved = await editor.json('POST', `${P}/scenarios`, { body: slower });
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({ name: 'slower-ledger', actor: 'ana', baseVersion: 1, description: slower.description });
    expect(saved.body.changes).toEqual(slower.changes);
    const example = contractors();
    expect((await editor.json('POST', `${P}/scenarios`, { body: example })).status).toBe(201);
    const listed = await viewer.json<{ scenarios: { name: string; changes: unknown[] }[] }>('GET', `${P}/scenarios`);
    expect(listed.body.scenarios.map((s) => [s.name, s.changes.length])).toEqual([
      ['slower-ledger', 1],
      ['dbre-contractors', 4],
    ]);
    const one = await viewer.json('GET', `${P}/scenarios/dbre-contractors`);
    expect(one.status).toBe(200);
    expect(one.body.changes).toEqual(JSON.parse(JSON.stringify(example.changes)));
  });

  it('compares live and scenario: a slower critical item moves the finish, with P50/P80', async () => {
    const compared = await viewer.json<Comparison>('GET', `${P}/scenarios/slower-ledger/comparison?trials=200&asOf=${AS_OF}`);
    expect(compared.status).toBe(200);
    const c = compared.body;
    expect(c.scenario).toBe('slower-ledger');
    expect(c.finish.scenario > c.finish.live).toBe(true);
    expect(c.finish.liveP50).toMatch(/^\d{4}-\d{2}-\d{2}/);
    expect(c.finish.scenarioP80).toMatch(/^\d{4}-\d{2}-\d{2}/);
    expect(c.forecast).toEqual({ trials: 200, seed: 1 });
    expect(c.milestones.map((m) => m.id)).toContain('ms-landing-zone');
    expect(c.milestones.some((m) => m.scenario !== null && m.live !== null && m.scenario > m.live)).toBe(true);
    // Cached per version: the same answer again, byte for byte.
    const again = await viewer.call('GET', `${P}/scenarios/slower-ledger/comparison?trials=200&asOf=${AS_OF}`);
    expect(JSON.parse(await again.text())).toEqual(c);
    const plain = await viewer.json<Comparison>('GET', `${P}/scenarios/slower-ledger/comparison?trials=0&asOf=${AS_OF}`);
    expect(plain.body.forecast).toBeNull();
    expect(plain.body.finish.liveP50).toBeNull();
  });

  it('previews an unsaved scenario without keeping it', async () => {
    const preview = await viewer.json<Comparison>('POST', `${P}/scenarios/preview?trials=0&asOf=${AS_OF}`, {
      body: { scenario: 'faster', changes: [{ estimate: { item: 'db-06', days: 1 } }, { capacity: { team: 'dbre', people: 9 } }] },
    });
    expect(preview.status).toBe(200);
    expect(preview.body.finish.scenario <= preview.body.finish.live).toBe(true);
    expect((await viewer.json('GET', `${P}/scenarios/faster`)).status).toBe(404);
  });

  it('names the change and the field that is wrong', async () => {
    const shape = await editor.json('POST', `${P}/scenarios`, {
      body: {
        scenario: 'bad',
        changes: [
          { estimate: { item: 'db-06', days: -2 } },
          { capacity: { team: 'dbre' } },
          { teleport: {} },
          { estimate: { item: 'db-06', likely: 3 } },
        ],
      },
    });
    expect(shape.status).toBe(400);
    const fields = (shape.body.errors as { field: string; message: string }[]).map((e) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'changes.0.estimate.days',
        'changes.1.capacity.people',
        'changes.2.teleport',
        'changes.3.estimate.optimistic',
      ]),
    );
    const missing = await editor.json('POST', `${P}/scenarios`, {
      body: { scenario: 'ghost', changes: [{ capacity: { team: 'dbre', people: 3 } }, { estimate: { item: 'no-such-item', days: 3 } }] },
    });
    expect(missing.status).toBe(422);
    expect(missing.body.errors).toEqual([{ field: 'changes.1', message: 'no item "no-such-item" to re-estimate' }]);
    const cycle = await editor.json('POST', `${P}/scenarios`, {
      body: { scenario: 'loop', changes: [{ sequence: { first: 'ms-landing-zone', next: 'lz-04' } }] },
    });
    expect(cycle.status).toBe(422);
    expect(cycle.body.detail).toContain('cycle');
    const badName = await editor.json('POST', `${P}/scenarios`, { body: { ...slower, scenario: 'two words' } });
    expect(badName.status).toBe(400);
    expect(badName.body.errors).toEqual([{ field: 'scenario', message: expect.stringContaining('letters, digits') }]);
    expect((await viewer.json<{ scenarios: unknown[] }>('GET', `${P}/scenarios`)).body.scenarios).toHaveLength(2);
  });

  it('refuses a taken name with 409', async () => {
    const again = await editor.json('POST', `${P}/scenarios`, { body: slower });
    expect(again.status).toBe(409);
    expect(again.body.errors).toEqual([{ field: 'scenario', message: 'a scenario "slower-ledger" exists' }]);
  });

  it('lets viewers read and preview but not save or delete; hides everything from outsiders', async () => {
    expect((await viewer.json('POST', `${P}/scenarios`, { body: { ...slower, scenario: 'v' } })).status).toBe(403);
    expect((await viewer.json('DELETE', `${P}/scenarios/slower-ledger`)).status).toBe(403);
    for (const [method, path] of [
      ['GET', `${P}/scenarios`],
      ['GET', `${P}/scenarios/slower-ledger`],
      ['GET', `${P}/scenarios/slower-ledger/comparison`],
      ['POST', `${P}/scenarios/preview`],
      ['POST', `${P}/scenarios`],
      ['DELETE', `${P}/scenarios/slower-ledger`],
    ] as const) {
      const hidden = await outsider.json(method, path, method === 'POST' ? { body: slower } : {});
      expect(hidden.status, `${method} ${path}`).toBe(404);
      expect(JSON.stringify(hidden.body)).not.toContain('slower-ledger');
    }
  });

  it('deletes a scenario, then it is gone', async () => {
    expect((await editor.call('DELETE', `${P}/scenarios/slower-ledger`)).status).toBe(204);
    const gone = await viewer.json('GET', `${P}/scenarios/slower-ledger/comparison`);
    expect(gone.status).toBe(404);
    expect(gone.body.detail).toContain('dbre-contractors');
    expect((await editor.json('DELETE', `${P}/scenarios/slower-ledger`)).status).toBe(404);
  });
});
