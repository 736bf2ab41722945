import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiWorld, addUser, apiWorld, type Client, clientWith } from './api-support.js';

const CORPORA = fileURLToPath(new URL('../../../shared/corpora/', import.meta.url));
const corpus = (path: string) => {
  const bytes = readFileSync(`${CORPORA}${path}`);
  return path.endsWith('.gz') ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8');
};

/** Counted from the XML itself, not by the reader under test. */
function countsOf(xml: string) {
  const tasks = [...xml.matchAll(/<Task>([\s\S]*?)<\/Task>/g)].map((m) => m[1] as string);
  const projectSummary = tasks.filter((t) => /<OutlineLevel>0<\/OutlineLevel>/.test(t)).length;
  const nulls = tasks.filter((t) => /<IsNull>1<\/IsNull>/.test(t)).length;
  return {
    items: tasks.length - projectSummary - nulls,
    summaries: tasks.filter((t) => /<Summary>1<\/Summary>/.test(t) && !/<OutlineLevel>0<\/OutlineLevel>/.test(t)).length,
    links: (xml.match(/<PredecessorLink>/g) ?? []).length,
    finish: /<FinishDate>([^<]+)<\/FinishDate>/.exec(xml)?.[1],
  };
}

interface Listed {
  total: number;
  items?: { value: { id: string; kind: string; parent?: string; team?: string } }[];
}

describe('importing MS Project XML over HTTP', () => {
  let world: ApiWorld;
  let editor: Client;

  beforeAll(async () => {
    world = await apiWorld('pglite');
    editor = await addUser(world, 'ana', 'editor');
  }, 60_000);
  afterAll(async () => world?.close());

  it('imports a real MS Project file: every task an item, every link a dependency, summaries as epics', async () => {
    const xml = corpus('mspdi-mpxj/legacy/sample.xml');
    const expected = countsOf(xml);
    const imported = await editor.json('POST', '/api/programs/import?file=sample.xml', {
      body: xml,
      headers: { 'content-type': 'application/xml' },
    });
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({ programId: 'sample', created: true, version: 1 });
    expect(Array.isArray(imported.body.caveats)).toBe(true);
    const items = await editor.json<Listed>('GET', '/api/programs/sample/items?perPage=1000');
    expect(items.status).toBe(200);
    expect(items.body.total).toBe(expected.items);
    const values = (items.body.items ?? []).map((i) => i.value);
    expect(values.filter((i) => i.kind === 'epic')).toHaveLength(expected.summaries);
    // "Second Task" (UID 2) sits under "First Task" (UID 1), a summary.
    expect(values.find((i) => i.id === 't2')).toMatchObject({ parent: 't1' });
    const deps = await editor.json<Listed>('GET', '/api/programs/sample/dependencies?perPage=1000');
    expect(deps.body.total).toBe(expected.links);
    const teams = await editor.json<Listed>('GET', '/api/programs/sample/teams');
    expect(teams.body.total).toBeGreaterThan(0);
    // The importer became the program's admin.
    const mine = await editor.json<{ programs: { id: string; role: string }[] }>('GET', '/api/programs');
    expect(mine.body.programs).toContainEqual(expect.objectContaining({ id: 'sample', role: 'admin' }));
  });

  it("imports a 320-task MS Project schedule and plans it to MS Project's own finish", async () => {
    const xml = corpus('mpsplib-mspdi/1-mp_j30_a10_nr1.xml.gz');
    const expected = countsOf(xml);
    const imported = await editor.json('POST', '/api/programs/import?file=mp-j30.xml&programId=mp-j30', { body: xml });
    expect(imported.status).toBe(201);
    expect(imported.body.programId).toBe('mp-j30');
    const items = await editor.json<Listed>('GET', '/api/programs/mp-j30/items?perPage=1');
    expect(items.body.total).toBe(expected.items);
    const deps = await editor.json<Listed>('GET', '/api/programs/mp-j30/dependencies?perPage=1');
    expect(deps.body.total).toBe(expected.links);
    // Unlevelled, from the project start: the finish MS Project stored.
    const plan = await editor.json<{ finish: string }>('GET', '/api/programs/mp-j30/plan?asOf=2026-01-01');
    expect(plan.status).toBe(200);
    expect(plan.body.finish).toBe(expected.finish);
  });

  it('says what is wrong with a broken file, and where, and changes nothing', async () => {
    const broken = await editor.json<{ problems: { code: string; line?: number; message: string }[] }>(
      'POST',
      '/api/programs/import?file=broken.xml',
      { body: '<?xml version="1.0"?>\n<Project>\n  <Tasks>\n    <Task><UID>1</Task>\n</Project>' },
    );
    expect(broken.status).toBe(422);
    expect(broken.body.problems[0]).toMatchObject({ code: 'xml-syntax', line: expect.any(Number) });
    const notProject = await editor.json<{ problems: { code: string; message: string; hint?: string }[] }>(
      'POST',
      '/api/programs/import?file=other.xml',
      { body: '<?xml version="1.0"?>\n<Workbook/>' },
    );
    expect(notProject.status).toBe(422);
    expect(notProject.body.problems[0]).toMatchObject({ code: 'not-mspdi', hint: expect.stringContaining('Save As') });
    const programs = await editor.json<{ programs: { id: string }[] }>('GET', '/api/programs');
    expect(programs.body.programs.map((p) => p.id)).not.toContain('broken');
  });

  it('checks who may import and replace', async () => {
    const xml = corpus('mspdi-mpxj/mspdirelations.xml');
    expect((await clientWith(world.server.url, {}).json('POST', '/api/programs/import?file=rel.xml', { body: xml })).status).toBe(401);
    const viewer = await addUser(world, 'vic');
    expect((await world.admin.call('PUT', '/api/programs/sample/members/vic', { body: { role: 'viewer' } })).status).toBe(204);
    const replace = await viewer.json('POST', '/api/programs/import?file=sample.xml', { body: corpus('mspdi-mpxj/legacy/sample.xml') });
    expect(replace.status).toBe(403);
    const outsider = await addUser(world, 'eve');
    const taken = await outsider.json('POST', '/api/programs/import?file=sample.xml', { body: corpus('mspdi-mpxj/legacy/sample.xml') });
    expect(taken.status).toBe(409);
    expect(taken.body.detail).toContain('?programId=');
    const badId = await editor.json('POST', '/api/programs/import?file=rel.xml&programId=no%20spaces', { body: xml });
    expect(badId.status).toBe(400);
    expect(badId.body.errors).toEqual([{ field: 'programId', message: expect.stringContaining('letters, digits') }]);
  });
});
