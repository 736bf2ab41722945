import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiWorld, addUser, apiWorld, type Client } from './api-support.js';

const CORPUS = fileURLToPath(new URL('../../../shared/corpora/focus/focus_sample.csv', import.meta.url));
const fixture = (name: string) => readFileSync(new URL(`../fixtures/focus/${name}`, import.meta.url), 'utf8');
const P = '/api/programs/checkout-cloud-2027';
const csv = { 'content-type': 'text/csv' };

interface View {
  version: number;
  view: null | {
    rows: number;
    currency: string;
    summary: { month: string; total: { monthToDate: number }; unallocated: { monthToDate: number }; teams: { team: string }[] };
    waste?: { shares: { sentence: string }[]; findings: { id: string }[] };
  };
}

describe('cost API over HTTP', () => {
  let world: ApiWorld;
  let viewer: Client;
  beforeAll(async () => {
    world = await apiWorld('pglite');
    viewer = await addUser(world, 'vic', 'viewer');
  });
  afterAll(() => world.close());

  it('answers view null before any import, and refuses a viewer an upload', async () => {
    const before = await viewer.json<View>('GET', `${P}/cost`);
    expect(before.status).toBe(200);
    expect(before.body.view).toBeNull();
    const refused = await viewer.call('PUT', `${P}/cost/focus?file=x.csv`, { body: fixture('tags-credits.csv'), headers: csv });
    expect(refused.status).toBe(403);
  });

  it('imports the FOCUS sample and answers its EffectiveCost to 1e-9, all of it shown (allocated or not)', async () => {
    const up = await world.admin.json<{ rows: number; periods: string[]; replaced: string[] }>(
      'PUT',
      `${P}/cost/focus?file=focus_sample.csv`,
      {
        body: readFileSync(CORPUS, 'utf8'),
        headers: csv,
      },
    );
    expect(up.status).toBe(200);
    // One row of the sample is billed in the October invoice.
    expect(up.body).toMatchObject({ rows: 1000, periods: ['2024-09-01', '2024-10-01'], replaced: [] });
    const got = await viewer.json<View>('GET', `${P}/cost`);
    expect(got.body.view?.rows).toBe(1000);
    expect(got.body.view?.summary.month).toBe('2024-09');
    expect(Math.abs((got.body.view?.summary.total.monthToDate ?? 0) - 14.976514186)).toBeLessThan(1e-9);
  });

  it('answers a bad file with its line and column name, and stores nothing', async () => {
    const bad = await world.admin.json<{ errors: { field: string; message: string }[] }>('PUT', `${P}/cost/focus?file=bad-number.csv`, {
      body: fixture('bad-number.csv'),
      headers: csv,
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0]).toEqual({
      field: 'BilledCost',
      message: expect.stringMatching(/^line 4: BilledCost "\$7.50" is not a number/),
    });
    const after = await viewer.json<View>('GET', `${P}/cost`);
    expect(after.body.view?.rows).toBe(1000);
  });

  it('takes an inventory and answers waste; a month without data is a 422 on month', async () => {
    const inventory = 'resource_id,type,state,attached_to,last_used\nvol-01,EBS volume,available,,2026-01-01\n';
    const up = await world.admin.json('PUT', `${P}/cost/inventory?file=inv.csv`, { body: inventory, headers: csv });
    expect(up).toMatchObject({ status: 200, body: { resources: 1 } });
    const mar = await world.admin.json<View>('PUT', `${P}/cost/focus?file=tags-credits.csv`, {
      body: fixture('tags-credits.csv'),
      headers: csv,
    });
    expect(mar.status).toBe(200);
    const got = await viewer.json<View>('GET', `${P}/cost`);
    expect(got.body.view?.summary.month).toBe('2026-03');
    expect(got.body.view?.waste?.findings.map((f) => f.id)).toEqual(['vol-01']);
    expect(got.body.view?.waste?.shares[0]?.sentence).toBe('68 % of storage spend is on volumes attached to nothing (1 resource)');
    // The status report gains a cost section; the findings gain the waste share (68 % ≥ 20 %).
    const report = await viewer.call('GET', `${P}/report?format=markdown`);
    const markdown = await report.text();
    expect(markdown).toContain('Cloud cost');
    expect(markdown).toContain('68 % of storage spend is on volumes attached to nothing');
    const findings = await viewer.json<{ findings: { key: string }[] }>('GET', `${P}/findings`);
    expect(findings.body.findings.map((f) => f.key)).toContain('cost-waste-share:unattached-storage');
    const none = await viewer.json<{ errors: { field: string }[] }>('GET', `${P}/cost?month=2023-01`);
    expect(none.status).toBe(422);
    expect(none.body.errors[0]?.field).toBe('month');
  });
});
