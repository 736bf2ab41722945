/**
 * Capacity over real HTTP on the region-capacity fixture (hand-computed dates: compute cores run out
 * on 2027-03-08 and must be ordered by 2027-02-16; see the fixture): status worst first, one resource
 * with its series and what-ifs, usage CSV upload with line:column problems, the order creating a
 * procurement item in one change set, and who may do what.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../support/programs.js';
import { type ApiWorld, addUser, apiWorld, type Client } from './api-support.js';

const P = '/api/programs/region-capacity';

interface Resource {
  id: string;
  rag: string;
  headline: string;
  plan: { runOut: string | null; orderBy: string | null; workingDaysUntilOrderBy: number | null; order: { quantity: number } } | null;
  fits: { linear: { r2: number; rmse: number; samples: number } | null };
  whatIfs: { label: string; runOut: string | null; orderBy: string | null; late: boolean }[];
  orderItem: { id: string } | null;
}

describe('capacity API', () => {
  let world: ApiWorld;
  let viewer: Client;
  beforeAll(async () => {
    world = await apiWorld();
    const imported = await world.admin.call('POST', '/api/programs/import?file=region-capacity.yaml', {
      body: readFileSync(fixture('capacity/region-capacity.yaml'), 'utf8'),
    });
    expect(imported.status).toBe(201);
    viewer = await addUser(world, 'vera');
    expect((await world.admin.call('PUT', `${P}/members/vera`, { body: { role: 'viewer' } })).status).toBe(204);
  });
  afterAll(() => world.close());

  it('answers every resource worst first with the hand-computed dates, and the what-ifs asked for', async () => {
    const { status, body } = await viewer.json<{ today: string; resources: Resource[] }>(
      'GET',
      `${P}/capacity/status?asOf=2027-01-04&months=6&whatIf=step%3D2027-02-01%3A%2B100`,
    );
    expect(status).toBe(200);
    expect(body.today).toBe('2027-01-04');
    const cores = body.resources[0];
    expect(cores?.id).toBe('cores');
    expect(cores?.plan).toMatchObject({
      runOut: '2027-03-08',
      orderBy: '2027-02-16',
      workingDaysUntilOrderBy: 31,
      order: { quantity: 3008 },
    });
    expect(cores?.whatIfs.map((w) => [w.label, w.runOut, w.orderBy])).toEqual([
      ['double the traffic', '2027-01-01', '2026-12-15'],
      ['lead time slips 4 weeks', '2027-03-08', '2027-01-19'],
      ['+100 from 2027-02-01', '2027-02-25', '2027-02-08'],
    ]);
    // Storage projects by a linear fit and has no history yet: said, not guessed.
    expect(body.resources.find((r) => r.id === 'storage')?.headline).toContain('upload a CSV (timestamp,value)');
    const bad = await viewer.json('GET', `${P}/capacity/status?whatIf=triple`);
    expect(bad.status).toBe(400);
  });

  it('takes a usage CSV from an editor, pins problems to line and column, and plans on it', async () => {
    const refused = await viewer.call('PUT', `${P}/capacity/storage/usage`, {
      body: 'timestamp,value\n',
      headers: { 'content-type': 'text/csv' },
    });
    expect(refused.status).toBe(403);
    const broken = await world.admin.json<{ errors: { field: string; message: string }[] }>(
      'PUT',
      `${P}/capacity/storage/usage?file=s.csv`,
      {
        body: 'timestamp,value\n2027-01-01,10\n2027-01-02,ten\n',
        headers: { 'content-type': 'text/csv' },
      },
    );
    expect(broken.status).toBe(422);
    expect(broken.body.errors[0]?.message).toBe(
      'line 3, column 12: value "ten" is not a number (write a plain decimal number such as 1520 or 0.25)',
    );
    const stored = await world.admin.json('PUT', `${P}/capacity/storage/usage`, {
      body: readFileSync(fixture('capacity/storage-usage.csv'), 'utf8'),
      headers: { 'content-type': 'text/csv' },
    });
    expect(stored).toMatchObject({ status: 200, body: { resource: 'storage', samples: 7, source: 'csv' } });
    const detail = await viewer.json<Resource & { usage: { t: number[]; v: number[] }; projection: { start: string; values: number[] } }>(
      'GET',
      `${P}/capacity/storage/plan?asOf=2027-01-04&months=6`,
    );
    expect(detail.status).toBe(200);
    expect(detail.body.usage.v).toEqual([210, 224, 241, 252, 270, 281, 300]);
    expect(detail.body.fits.linear?.samples).toBe(7);
    expect(detail.body.fits.linear?.r2).toBeGreaterThan(0.99);
    expect(detail.body.projection.start).toBe('2027-01-01');
    expect(detail.body.plan?.runOut).not.toBeNull();
    const missing = await viewer.json<{ detail: string }>('GET', `${P}/capacity/core/plan`);
    expect(missing.status).toBe(404);
    expect(missing.body.detail).toContain('did you mean');
  });

  it('orders: a procurement item in one change set, then the resource counts as ordered; a second order is a conflict', async () => {
    expect((await viewer.call('POST', `${P}/capacity/cores/order`, { body: { months: 6, asOf: '2027-01-04' } })).status).toBe(403);
    const order = await world.admin.json<{ value: Record<string, unknown>; plan: { orderBy: string } }>(
      'POST',
      `${P}/capacity/cores/order`,
      {
        body: { months: 6, asOf: '2027-01-04' },
      },
    );
    expect(order.status).toBe(201);
    expect(order.body.value).toMatchObject({
      id: 'order-cores',
      kind: 'procurement',
      deadline: '2027-03-08',
      startNoEarlierThan: '2027-02-16',
      tags: ['capacity', 'capacity:cores'],
    });
    const item = await viewer.json<{ value: { title: string } }>('GET', `${P}/items/order-cores`);
    expect(item.body.value.title).toBe('Order 3,008 cores: Compute cores (eu-west)');
    const status = await viewer.json<{ resources: Resource[] }>('GET', `${P}/capacity/status?asOf=2027-01-04&months=6`);
    expect(status.body.resources.find((r) => r.id === 'cores')?.orderItem?.id).toBe('order-cores');
    const again = await world.admin.json('POST', `${P}/capacity/cores/order`, { body: { asOf: '2027-01-04' } });
    expect(again.status).toBe(409);
  });
});
