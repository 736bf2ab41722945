import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiWorld, addUser, apiWorld, type Client } from './api-support.js';

const P = '/api/programs/checkout-cloud-2027';

describe('the written executive summary', () => {
  let world: ApiWorld;
  let editor: Client;
  let viewer: Client;

  beforeAll(async () => {
    world = await apiWorld('pglite');
    editor = await addUser(world, 'ana', 'editor');
    viewer = await addUser(world, 'vic', 'viewer');
  }, 60_000);
  afterAll(async () => world?.close());

  it('starts computed, then every rendering of the report carries what an editor wrote, attributed', async () => {
    const before = await viewer.json<{ summary: string[] }>('GET', `${P}/report?format=json&trials=200`);
    expect(before.status).toBe(200);
    expect((await viewer.json('GET', `${P}/report/summary`)).body).toEqual({ written: null });

    const text = 'Payments cut-over moved a week; the launch date holds.\nWe need a decision on the fraud vendor by Friday.';
    const put = await editor.json<{ written: { text: string; actor: string; updatedAt: string } }>('PUT', `${P}/report/summary`, {
      body: { text: `  ${text}\n` },
    });
    expect(put.status).toBe(200);
    expect(put.body.written).toMatchObject({ text, actor: 'ana' });

    const json = await viewer.json<{ summary: string[] }>('GET', `${P}/report?format=json&trials=200`);
    expect(json.body.summary).toEqual(text.split('\n'));
    for (const format of ['markdown', 'html', 'confluence', 'slack']) {
      const body = await (await viewer.call('GET', `${P}/report?format=${format}&trials=200`)).text();
      expect(body, format).toContain('the launch date holds');
    }
  });

  it('goes back to the computed summary on empty text', async () => {
    const computed = await viewer.json<{ summary: string[] }>('GET', `${P}/report?format=json&trials=200`);
    expect(computed.body.summary[0]).toContain('launch date holds');
    expect((await editor.json('PUT', `${P}/report/summary`, { body: { text: ' ' } })).body).toEqual({ written: null });
    const after = await viewer.json<{ summary: string[] }>('GET', `${P}/report?format=json&trials=200`);
    expect(after.body.summary[0]).toMatch(/^Overall the program is/);
  });

  it('is written by editors only, and refuses an essay at the field', async () => {
    const refused = await viewer.call('PUT', `${P}/report/summary`, { body: { text: 'mine' } });
    expect(refused.status).toBe(403);
    const long = await editor.json<{ errors: { field: string; message: string }[] }>('PUT', `${P}/report/summary`, {
      body: { text: 'x'.repeat(4001) },
    });
    expect(long.status).toBe(400);
    expect(long.body.errors[0]).toMatchObject({ field: 'text' });
    expect((await editor.call('PUT', '/api/programs/nope/report/summary', { body: { text: 'x' } })).status).toBe(404);
  });

  it('is in the API reference', async () => {
    const doc = await viewer.json<{ paths: Record<string, Record<string, unknown>> }>('GET', '/api/openapi.json');
    expect(Object.keys(doc.body.paths['/api/programs/{programId}/report/summary'] ?? {}).sort()).toEqual(['get', 'put']);
  });
});
