import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_ROUTES } from '../../src/server/routes/index.js';
import { ADMIN, type ApiWorld, addUser, type Client, clientWith, rolesWorld, sessionClient, tokenClient } from './api-support.js';

const P = '/api/programs/checkout-cloud-2027';

describe('the HTTP API', () => {
  let world: ApiWorld;
  let editor: Client;
  let viewer: Client;
  let outsider: Client;

  beforeAll(async () => {
    ({ world, editor, viewer, outsider } = await rolesWorld());
  }, 60_000);
  afterAll(async () => world?.close());

  describe('accounts', () => {
    it('signs in with an HttpOnly, SameSite=Strict cookie and gives the CSRF token', async () => {
      const response = await fetch(`${world.server.url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(ADMIN),
      });
      expect(response.status).toBe(200);
      const cookie = response.headers.get('set-cookie') ?? '';
      expect(cookie).toMatch(/^tl_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=1209600$/);
      const body = (await response.json()) as { user: { login: string }; csrfToken: string };
      expect(body.user.login).toBe('admin');
      expect(body.csrfToken.length).toBeGreaterThan(20);
    });

    it('refuses a wrong password with a problem, and a write by cookie without the CSRF token', async () => {
      const bad = await clientWith(world.server.url, {}).json('POST', '/api/session', { body: { login: 'ana', password: 'nope' } });
      expect(bad.status).toBe(401);
      expect(bad.headers.get('content-type')).toBe('application/problem+json');
      expect(bad.body).toMatchObject({ title: 'Sign-in failed', detail: 'the login or the password is wrong' });
      const ana = await sessionClient(world.server.url, 'ana', 'ana-password-1');
      const noCsrf = await clientWith(world.server.url, { cookie: ana.cookie }).json('POST', `${P}/risks`, { body: {} });
      expect(noCsrf.status).toBe(403);
      expect(noCsrf.body.detail).toContain('X-CSRF-Token');
    });

    it('locks a login after five failures, with Retry-After', async () => {
      await addUser(world, 'lou');
      const anon = clientWith(world.server.url, { 'x-forwarded-for': '10.9.9.9' });
      for (let i = 0; i < 5; i++)
        expect((await anon.json('POST', '/api/session', { body: { login: 'lou', password: 'wrong' } })).status).toBe(401);
      const locked = await anon.json('POST', '/api/session', { body: { login: 'lou', password: 'lou-password-1' } });
      expect(locked.status).toBe(429);
      expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(800);
    });

    it('issues an API token once, stores only its hash, and accepts it as a bearer token', async () => {
      const created = await editor.json<{ token: string; id: string }>('POST', '/api/tokens', { body: { name: 'CI' } });
      expect(created.status).toBe(201);
      expect(created.body.token).toMatch(/^tl_[A-Za-z0-9]{12}_[\w-]{43}$/);
      const listed = await editor.json<{ tokens: { id: string; name: string }[] }>('GET', '/api/tokens');
      expect(JSON.stringify(listed.body)).not.toContain(created.body.token.slice(16));
      const rows = await world.store.accounts.findApiToken(created.body.id);
      expect(JSON.stringify(rows)).not.toContain(created.body.token.slice(16));
      const viaToken = tokenClient(world.server.url, created.body.token);
      expect((await viaToken.json('GET', P)).status).toBe(200);
      expect((await tokenClient(world.server.url, `${created.body.token.slice(0, -1)}x`).json('GET', P)).status).toBe(401);
      expect((await editor.call('DELETE', `/api/tokens/${created.body.id}`)).status).toBe(204);
      expect((await viaToken.json('GET', P)).status).toBe(401);
    });

    it('lets only administrators manage users', async () => {
      const denied = await editor.json('POST', '/api/users', { body: { login: 'mal', name: 'Mal', password: 'long-enough-1' } });
      expect(denied.status).toBe(403);
      const weak = await world.admin.json('POST', '/api/users', { body: { login: 'mal', name: 'Mal', password: 'short' } });
      expect(weak.status).toBe(422);
      expect(weak.body.errors).toEqual([{ field: 'password', message: 'a password needs at least 10 characters' }]);
    });
  });

  describe('access', () => {
    it('shows a program only to those with a role on it', async () => {
      const mine = await outsider.json<{ programs: unknown[] }>('GET', '/api/programs');
      expect(mine.body.programs).toEqual([]);
      for (const path of [P, `${P}/items`, `${P}/plan`, `${P}/history`, `${P}/items/lz-01`]) {
        const hidden = await outsider.json('GET', path);
        expect(hidden.status, path).toBe(404);
        expect(hidden.body.detail).toBe('there is no program "checkout-cloud-2027" you can see');
      }
      const visible = await viewer.json<{ programs: { id: string; role: string }[] }>('GET', '/api/programs');
      expect(visible.body.programs.map((p) => [p.id, p.role])).toEqual([['checkout-cloud-2027', 'viewer']]);
    });

    it('never lets a viewer write', async () => {
      const item = await viewer.json<{ etag: string }>('GET', `${P}/items/lz-04`);
      expect(item.status).toBe(200);
      const attempts = [
        viewer.json('PATCH', `${P}/items/lz-04`, { body: { title: 'x' }, headers: { 'if-match': item.body.etag } }),
        viewer.json('POST', `${P}/items`, { body: { id: 'new-1', title: 'x' } }),
        viewer.json('DELETE', `${P}/items/lz-04`, { headers: { 'if-match': item.body.etag } }),
        viewer.json('PUT', `${P}/members/eve`, { body: { role: 'admin' } }),
      ];
      for (const attempt of await Promise.all(attempts)) {
        expect(attempt.status).toBe(403);
        expect(attempt.body.detail).toMatch(/you are a viewer on "checkout-cloud-2027"; this needs (editor|admin)/);
      }
    });

    it('asks for sign-in without a session or token', async () => {
      const anonymous = await clientWith(world.server.url, {}).json('GET', P);
      expect(anonymous.status).toBe(401);
    });
  });

  describe('items', () => {
    it('pages and filters', async () => {
      const page = await viewer.json<{ items: { value: { id: string; team: string } }[]; total: number; page: number; perPage: number }>(
        'GET',
        `${P}/items?team=billing&perPage=3&page=2`,
      );
      expect(page.status).toBe(200);
      expect(page.body.items).toHaveLength(3);
      expect(page.body.items.every((i) => i.value.team === 'billing')).toBe(true);
      expect(page.body.total).toBeGreaterThan(6);
      const cross = await viewer.json<{ dependencies: { value: { from: string; to: string } }[]; total: number }>(
        'GET',
        `${P}/dependencies?crossTeam=true&perPage=1000`,
      );
      const all = await viewer.json<{ total: number }>('GET', `${P}/dependencies?perPage=1`);
      const teams = await viewer.json<{ items: { value: { id: string; team?: string } }[] }>('GET', `${P}/items?perPage=1000`);
      const teamOf = new Map(teams.body.items.map((i) => [i.value.id, i.value.team]));
      expect(cross.body.total).toBeGreaterThan(10);
      expect(cross.body.total).toBeLessThan(all.body.total);
      expect(cross.body.dependencies.every((d) => teamOf.get(d.value.from) !== teamOf.get(d.value.to))).toBe(true);
      const bad = await viewer.json('GET', `${P}/items?perPage=0`);
      expect(bad.status).toBe(400);
      expect(bad.body.errors).toEqual([{ field: 'perPage', message: expect.stringContaining('1') }]);
    });

    it('edits with If-Match, refuses a stale ETag with both versions, and records who did it', async () => {
      const read = await editor.json<{ etag: string; value: { title: string } }>('GET', `${P}/items/lz-04`);
      const missing = await editor.json('PATCH', `${P}/items/lz-04`, { body: { title: 'A' } });
      expect(missing.status).toBe(428);
      const first = await editor.json<{ etag: string; value: { title: string } }>('PATCH', `${P}/items/lz-04`, {
        body: { title: 'Landing zone networking, reviewed' },
        headers: { 'if-match': read.body.etag },
      });
      expect(first.status).toBe(200);
      expect(first.body.value.title).toBe('Landing zone networking, reviewed');
      expect(first.headers.get('etag')).toBe(first.body.etag);
      const stale = await world.admin.json('PATCH', `${P}/items/lz-04`, { body: { title: 'B' }, headers: { 'if-match': read.body.etag } });
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({ currentEtag: first.body.etag, current: { title: 'Landing zone networking, reviewed' } });
      const history = await viewer.json<{
        changeSets: { actor: string; source: string; changes: { id: string; after: { title: string } }[] }[];
      }>('GET', `${P}/history?entity=item&entityId=lz-04&limit=1`);
      expect(history.status, JSON.stringify(history.body)).toBe(200);
      expect(history.body.changeSets[0]).toMatchObject({ actor: 'ana', source: 'web' });
      expect(history.body.changeSets[0]?.changes[0]?.after.title).toBe('Landing zone networking, reviewed');
    });

    it('says at which field an edit is wrong, and saves nothing', async () => {
      const read = await editor.json<{ etag: string }>('GET', `${P}/items/lz-05`);
      const shape = await editor.json('PATCH', `${P}/items/lz-05`, { body: { effort: -1 }, headers: { 'if-match': read.body.etag } });
      expect(shape.status).toBe(422);
      expect(shape.body.errors).toEqual([{ field: 'effort', message: 'effort is a number of people greater than 0' }]);
      const rule = await editor.json('PATCH', `${P}/items/lz-05`, { body: { team: 'billng' }, headers: { 'if-match': read.body.etag } });
      expect(rule.status).toBe(422);
      expect(rule.body.errors).toEqual([
        {
          field: 'team',
          message: expect.stringContaining('names team "billng", which is not defined; define it under teams:, or did you mean "billing"?'),
        },
      ]);
      expect((await editor.json<{ etag: string }>('GET', `${P}/items/lz-05`)).body.etag).toBe(read.body.etag);
    });

    it('refuses a dependency that closes a cycle, naming the cycle', async () => {
      const created = await editor.json('POST', `${P}/dependencies`, { body: { from: 'lz-03', to: 'lz-01', state: 'accepted' } });
      expect(created.status).toBe(422);
      expect(JSON.stringify(created.body.errors)).toMatch(/dependency cycle: lz-0\d → .*lz-0\d/);
    });

    it('creates and deletes an item', async () => {
      const created = await editor.json<{ etag: string }>('POST', `${P}/items`, {
        body: { id: 'api-1', title: 'Made over the API', team: 'sre', estimate: 2 },
      });
      expect(created.status).toBe(201);
      const again = await editor.json('POST', `${P}/items`, { body: { id: 'api-1', title: 'Twice' } });
      expect(again.status).toBe(409);
      expect((await editor.call('DELETE', `${P}/items/api-1`, { headers: { 'if-match': created.body.etag } })).status).toBe(204);
      expect((await editor.json('GET', `${P}/items/api-1`)).status).toBe(404);
    });
  });

  describe('computed views', () => {
    it('plans and caches per version', async () => {
      const first = await viewer.call('GET', `${P}/plan?asOf=2027-01-04`);
      const second = await viewer.call('GET', `${P}/plan?asOf=2027-01-04`);
      const a = (await first.json()) as { criticalPath: string[]; items: unknown[]; version: number };
      expect(first.status).toBe(200);
      expect(a.criticalPath.length).toBeGreaterThan(3);
      expect(await second.text()).toBe(JSON.stringify(a));
      const bad = await viewer.json('GET', `${P}/plan?asOf=2027-02-30`);
      expect(bad.status).toBe(400);
      expect((bad.body.errors as { field: string }[])[0]?.field).toBe('asOf');
    });

    it('forecasts on the worker pool', async () => {
      const f = await viewer.json<{ trials: number; milestones: { id: string; p80: string }[]; criticality: unknown[] }>(
        'GET',
        `${P}/forecast?trials=500&asOf=2027-01-04`,
      );
      expect(f.status).toBe(200);
      expect(f.body.trials).toBe(500);
      expect(f.body.milestones.length).toBeGreaterThan(3);
    });

    it('writes the status report and the exports', async () => {
      const md = await viewer.call('GET', `${P}/report?format=markdown&trials=200&asOf=2027-01-04`);
      expect(md.status).toBe(200);
      expect(md.headers.get('content-type')).toContain('text/markdown');
      expect(await md.text()).toMatch(/^# /);
      const csv = await viewer.call('GET', `${P}/exports/csv?asOf=2027-01-04`);
      expect(csv.status).toBe(200);
      expect((await csv.text()).split('\n')[0]).toContain('id');
      expect((await viewer.json('GET', `${P}/exports/pdf`)).status).toBe(404);
    });
  });

  describe('import', () => {
    it('rejects a file with problems, each with its line, and changes nothing', async () => {
      const before = await viewer.json<{ version: number }>('GET', P);
      const bad = await editor.json<{ problems: { line: number; message: string }[] }>('POST', '/api/programs/import?file=bad.yaml', {
        body: 'throughline: 1\nprogram:\n  id: checkout-cloud-2027\n  name: X\n  start: 2027-01-04\n  target: 2027-13-01\n',
      });
      expect(bad.status).toBe(422);
      expect(bad.body.problems[0]).toMatchObject({ line: 6 });
      expect((await viewer.json<{ version: number }>('GET', P)).body.version).toBe(before.body.version);
    });
  });

  describe('live updates', () => {
    it('tells an open event stream who changed what', async () => {
      const response = await viewer.call('GET', `${P}/events`);
      expect(response.headers.get('content-type')).toContain('text/event-stream');
      const reader = (response.body as ReadableStream<Uint8Array>).getReader();
      let text = '';
      const readUntil = async (pattern: RegExp) => {
        while (!pattern.test(text)) {
          const { value, done } = await reader.read();
          if (done) break;
          text += new TextDecoder().decode(value);
        }
      };
      await readUntil(/event: ready/);
      const read = await editor.json<{ etag: string }>('GET', `${P}/items/lz-06`);
      await editor.json('PATCH', `${P}/items/lz-06`, { body: { assignee: 'Someone New' }, headers: { 'if-match': read.body.etag } });
      await readUntil(/event: changed\ndata: .*\n/);
      const data = JSON.parse(/event: changed\ndata: (.*)\n/.exec(text)?.[1] ?? '{}');
      expect(data).toMatchObject({ actor: 'ana', changes: [{ entity: 'item', id: 'lz-06', op: 'update' }] });
      await reader.cancel();
    });
  });

  describe('the OpenAPI document', () => {
    it('describes every route from the same schemas, and has a reference page', async () => {
      const doc = await viewer.json<{ openapi: string; paths: Record<string, Record<string, unknown>> }>('GET', '/api/openapi.json');
      expect(doc.body.openapi).toBe('3.1.0');
      for (const r of API_ROUTES) expect(doc.body.paths[r.path]?.[r.method], `${r.method} ${r.path}`).toBeDefined();
      const itemPatch = doc.body.paths['/api/programs/{programId}/items/{id}']?.patch as { responses: Record<string, unknown> };
      expect(Object.keys(itemPatch.responses)).toEqual(expect.arrayContaining(['200', '409', '422', '428']));
      const page = await clientWith(world.server.url, {}).call('GET', '/api/docs');
      expect(await page.text()).toContain('/api/programs/{programId}/items/{id}');
    });
  });
});
