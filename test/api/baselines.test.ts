import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiWorld, type Client, rolesWorld } from './api-support.js';

const P = '/api/programs/checkout-cloud-2027';
const AS_OF = '2027-01-04';

interface Variance {
  finish: { baseline: string; current: string; slip: number };
  items: { id: string; change: string; finishSlip: number | null }[];
  milestones: { id: string; finishSlip: number | null }[];
  counts: { later: number };
}

describe('baselines over HTTP', () => {
  let world: ApiWorld;
  let editor: Client;
  let viewer: Client;
  let outsider: Client;

  beforeAll(async () => {
    ({ world, editor, viewer, outsider } = await rolesWorld());
  }, 60_000);
  afterAll(async () => world?.close());

  it('saves a baseline, lists it, and refuses the same name twice', async () => {
    const saved = await editor.json('POST', `${P}/baselines`, { body: { name: 'q1-plan', asOf: AS_OF } });
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({ name: 'q1-plan', actor: 'ana', version: 1 });
    expect(typeof saved.body.createdAt).toBe('string');
    const listed = await viewer.json<{ baselines: { name: string; actor: string }[] }>('GET', `${P}/baselines`);
    expect(listed.status).toBe(200);
    expect(listed.body.baselines.map((b) => [b.name, b.actor])).toEqual([['q1-plan', 'ana']]);
    const again = await editor.json('POST', `${P}/baselines`, { body: { name: 'q1-plan' } });
    expect(again.status).toBe(409);
    expect(again.body.detail).toContain('never overwritten');
    expect(again.body.errors).toEqual([{ field: 'name', message: 'a baseline "q1-plan" exists' }]);
  });

  it('says what slipped since the baseline', async () => {
    const fresh = await viewer.json<{ plan: { finish: string; items: Record<string, { finish: string }> }; variance: Variance }>(
      'GET',
      `${P}/baselines/q1-plan?asOf=${AS_OF}`,
    );
    expect(fresh.status).toBe(200);
    expect(fresh.body.variance.finish.slip).toBe(0);
    expect(fresh.body.variance.counts.later).toBe(0);
    expect(fresh.body.plan.items['db-06']?.finish).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    // db-06 is on the critical chain of the sample: 40 more working days move the finish.
    const item = await editor.json<{ etag: string; value: { estimate: unknown } }>('GET', `${P}/items/db-06`);
    const patched = await editor.json('PATCH', `${P}/items/db-06`, {
      body: { estimate: 120 },
      headers: { 'if-match': item.body.etag, 'content-type': 'application/merge-patch+json' },
    });
    expect(patched.status).toBe(200);
    const later = await viewer.json<{ variance: Variance; version: number }>('GET', `${P}/baselines/q1-plan?asOf=${AS_OF}`);
    expect(later.status).toBe(200);
    expect(later.body.version).toBe(1);
    const row = later.body.variance.items.find((r) => r.id === 'db-06');
    expect(row?.change).toBe('moved');
    expect(row?.finishSlip).toBeGreaterThan(0);
    expect(later.body.variance.counts.later).toBeGreaterThan(0);
    // Largest slip first.
    const slips = later.body.variance.items.map((r) => r.finishSlip ?? Number.NEGATIVE_INFINITY);
    expect(slips).toEqual([...slips].sort((a, b) => b - a));
  });

  it('answers 404 for an unknown baseline, naming the ones there are', async () => {
    const missing = await viewer.json('GET', `${P}/baselines/nope`);
    expect(missing.status).toBe(404);
    expect(missing.body.detail).toContain('q1-plan');
  });

  it('checks the name and the body', async () => {
    const bad = await editor.json('POST', `${P}/baselines`, { body: { name: 'has space' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ field: 'name', message: expect.stringContaining('letters, digits') }]);
    const extra = await editor.json('POST', `${P}/baselines`, { body: { name: 'ok', colour: 'red' } });
    expect(extra.status).toBe(400);
    expect(extra.body.errors).toEqual([{ field: 'colour', message: 'unknown field colour' }]);
  });

  it('lets only editors save, and hides the program from those without a role', async () => {
    const denied = await viewer.json('POST', `${P}/baselines`, { body: { name: 'mine' } });
    expect(denied.status).toBe(403);
    for (const [method, path] of [
      ['GET', `${P}/baselines`],
      ['GET', `${P}/baselines/q1-plan`],
      ['POST', `${P}/baselines`],
    ] as const) {
      const hidden = await outsider.json(method, path, method === 'POST' ? { body: { name: 'x' } } : {});
      expect(hidden.status, `${method} ${path}`).toBe(404);
      expect(JSON.stringify(hidden.body)).not.toContain('q1-plan');
    }
  });
});
