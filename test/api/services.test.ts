/**
 * Service catalog, blast radius and Backstage import over real HTTP, on the identity-platform fixture.
 *
 * By hand from the fixture: identity-api dependsOn users-db and provides identity-v2; billing-api
 * and edge-gateway consume identity-v2; billing-api provides billing-v1, consumed by invoice-worker
 * and edge-gateway. So changing users-db reaches identity-api (1), identity-v2 (2), billing-api and
 * edge-gateway (3), billing-v1 (4), invoice-worker (5); the items naming any of them are
 * users-db-schema, billing-retries and eu-region.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../support/programs.js';
import { type ApiWorld, addUser, apiWorld, type Client, clientWith } from './api-support.js';

const P = '/api/programs/identity-platform';

interface Catalog {
  services: {
    id: string;
    kind: string;
    team: string;
    teamName: string;
    consumers: number;
    items: { id: string }[];
    slos: string[];
    openIncidents: number;
  }[];
  apis: { name: string; provider: string; consumers: string[] }[];
  version: number;
}
interface Radius {
  origin: { ref: string; kind: string; name: string };
  affected: { ref: string; kind: string; team: string; teamName: string; tier: number | null; distance: number; path: string[] }[];
  teams: { team: string; teamName: string; count: number; worstTier: number | null }[];
  items: { id: string; services: string[] }[];
  cycles: string[][];
  version: number;
}
interface Problem {
  status: number;
  detail: string;
  errors: { field: string; message: string }[];
  problems?: { code: string; line?: number; column?: number; message: string }[];
}

const doc = (kind: string, name: string, spec: string, meta = '') =>
  `apiVersion: backstage.io/v1alpha1\nkind: ${kind}\nmetadata:\n  name: ${name}\n${meta}spec:\n${spec}`;
/** A catalog-info.yaml as a platform team would write it: a new team's service and a new index for search. */
const CATALOG = [
  doc('Group', 'payments', '  type: team\n  children: []\n', '  title: Payments Core\n'),
  doc('Group', 'platform', '  type: team\n  children: []\n'),
  doc('Group', 'identity', '  type: team\n  children: []\n'),
  doc('API', 'identity-v2', '  type: openapi\n  lifecycle: production\n  owner: identity\n  definition: "openapi: 3.0.0"\n'),
  doc(
    'Component',
    'ledger',
    '  type: service\n  lifecycle: production\n  owner: payments\n  consumesApis: [identity-v2]\n',
    '  labels:\n    tier: "1"\n',
  ),
  doc('Component', 'search', '  type: service\n  lifecycle: production\n  owner: platform\n  dependsOn: [resource:search-index]\n'),
  doc('Resource', 'search-index', '  type: elasticsearch\n  owner: platform\n'),
].join('---\n');

describe('services over HTTP', () => {
  let world: ApiWorld;
  let editor: Client;
  let viewer: Client;
  let stranger: Client;

  beforeAll(async () => {
    world = await apiWorld('pglite');
    const imported = await world.admin.call('POST', '/api/programs/import?file=identity-platform.yaml', {
      body: readFileSync(fixture('reliability/identity-platform.yaml'), 'utf8'),
    });
    expect(imported.status).toBe(201);
    editor = await addUser(world, 'ed');
    viewer = await addUser(world, 'val');
    stranger = await addUser(world, 'sam');
    for (const [login, role] of [
      ['ed', 'editor'],
      ['val', 'viewer'],
    ])
      expect((await world.admin.call('PUT', `${P}/members/${login}`, { body: { role } })).status).toBe(204);
  }, 120_000);
  afterAll(async () => world?.close());

  it('the catalog: direct consumers, linked items, SLOs, open incidents, and the APIs', async () => {
    const r = await viewer.json<Catalog>('GET', `${P}/services/catalog`);
    expect(r.status).toBe(200);
    expect(r.body.services.map((s) => [s.id, s.kind, s.teamName, s.consumers, s.items.map((i) => i.id), s.slos, s.openIncidents])).toEqual([
      ['users-db', 'resource', 'Identity & Access', 1, ['users-db-schema'], [], 0],
      ['identity-api', 'service', 'Identity & Access', 2, ['users-db-schema'], ['identity-availability'], 0],
      ['billing-api', 'service', 'Billing Platform', 2, ['billing-retries'], ['billing-latency'], 0],
      ['invoice-worker', 'service', 'Billing Platform', 0, [], [], 0],
      ['edge-gateway', 'service', 'Edge Platform', 0, ['eu-region'], [], 0],
      ['search', 'service', 'Edge Platform', 0, [], [], 0],
    ]);
    expect(r.body.apis).toEqual([
      { name: 'identity-v2', provider: 'identity-api', consumers: ['billing-api', 'edge-gateway'] },
      { name: 'billing-v1', provider: 'billing-api', consumers: ['invoice-worker', 'edge-gateway'] },
    ]);
    // The generic entity routes still answer under /services.
    expect((await viewer.json('GET', `${P}/services/search`)).status).toBe(200);
  });

  it('who may read: viewers yes; no role, not even that the program exists; signed out, 401', async () => {
    expect((await stranger.json('GET', `${P}/services/catalog`)).status).toBe(404);
    expect((await stranger.json('GET', `${P}/blast-radius?of=users-db`)).status).toBe(404);
    expect((await clientWith(world.server.url, {}).json('GET', `${P}/services/catalog`)).status).toBe(401);
  });

  it('blast radius of users-db: every consumer with team, tier, distance and path; teams; exposed items', async () => {
    const r = await viewer.json<Radius>('GET', `${P}/blast-radius?of=users-db`);
    expect(r.status).toBe(200);
    expect(r.body.origin).toMatchObject({ ref: 'users-db', kind: 'resource', name: 'Users database (PostgreSQL)' });
    expect(r.body.affected.map((a) => [a.ref, a.kind, a.team, a.tier, a.distance])).toEqual([
      ['identity-api', 'service', 'identity', 1, 1],
      ['identity-v2', 'api', 'identity', 1, 2],
      ['billing-api', 'service', 'billing', 1, 3],
      ['edge-gateway', 'service', 'platform', 1, 3],
      ['billing-v1', 'api', 'billing', 1, 4],
      ['invoice-worker', 'service', 'billing', 2, 5],
    ]);
    expect(r.body.affected.at(-1)?.path).toEqual([
      'users-db',
      'identity-api',
      'api:identity-v2',
      'billing-api',
      'api:billing-v1',
      'invoice-worker',
    ]);
    expect(r.body.teams).toEqual([
      { team: 'billing', teamName: 'Billing Platform', count: 2, worstTier: 1 },
      { team: 'identity', teamName: 'Identity & Access', count: 1, worstTier: 1 },
      { team: 'platform', teamName: 'Edge Platform', count: 1, worstTier: 1 },
    ]);
    expect(r.body.items.map((i) => [i.id, i.services])).toEqual([
      ['users-db-schema', ['users-db', 'identity-api']],
      ['billing-retries', ['billing-api']],
      ['eu-region', ['edge-gateway']],
    ]);
    expect(r.body.cycles).toEqual([]);
  });

  it('an API name starts at the API; an unknown name is 404 with a did-you-mean; no name is 400', async () => {
    const api = await viewer.json<Radius>('GET', `${P}/blast-radius?of=billing-v1`);
    expect(api.body.origin.kind).toBe('api');
    expect(api.body.affected.map((a) => a.ref)).toEqual(['edge-gateway', 'invoice-worker']);
    const unknown = await viewer.json<Problem>('GET', `${P}/blast-radius?of=billing-ap`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.detail).toBe('"billing-ap" is not a service, resource or API of the program; did you mean "billing-api"?');
    expect((await viewer.json('GET', `${P}/blast-radius`)).status).toBe(400);
  });

  it('import: viewers may not; a broken file or a broken rule changes nothing, with line and column', async () => {
    const before = (await viewer.json<Catalog>('GET', `${P}/services/catalog`)).body.version;
    const post = (client: Client, body: string) =>
      client.json<Problem>('POST', `${P}/import/backstage?file=catalog-info.yaml`, {
        body,
        headers: { 'content-type': 'application/yaml' },
      });
    expect((await post(viewer, CATALOG)).status).toBe(403);

    const broken = await post(editor, CATALOG.replace('  owner: payments\n', '  owner: paymnets\n'));
    expect(broken.status).toBe(422);
    expect(broken.body.problems?.map((p) => [p.code, p.line, p.column])).toEqual([['unresolved-ref', 45, 10]]);
    expect(broken.body.errors[0]?.message).toMatch(/^catalog-info\.yaml:45:10: spec\.owner of component:default\/ledger names paymnets/);

    // A second provider of billing-v1 (billing-api provides it): an API has one provider.
    const clash = await post(
      editor,
      CATALOG.replace('  consumesApis: [identity-v2]\n', '  consumesApis: [identity-v2]\n  providesApis: [billing-v1]\n').concat(
        `---\n${doc('API', 'billing-v1', '  type: openapi\n  lifecycle: production\n  owner: payments\n  definition: x\n')}`,
      ),
    );
    expect(clash.status).toBe(422);
    expect(clash.body.detail).toBe('API "billing-v1" is provided by both "billing-api" and "ledger"; nothing was changed');
    expect((await viewer.json<Catalog>('GET', `${P}/services/catalog`)).body.version).toBe(before);
  });

  it('import: replaces search, adds ledger and search-index, creates the payments team, tells open event streams', async () => {
    const before = (await viewer.json<Catalog>('GET', `${P}/services/catalog`)).body.version;
    const events = await viewer.call('GET', `${P}/events`);
    const reader = (events.body as ReadableStream<Uint8Array>).getReader();
    let text = '';
    const readUntil = async (pattern: RegExp) => {
      while (!pattern.test(text)) {
        const { value, done } = await reader.read();
        if (done) break;
        text += new TextDecoder().decode(value);
      }
    };
    await readUntil(/event: ready/);

    const r = await editor.json<Record<string, unknown>>('POST', `${P}/import/backstage?file=catalog-info.yaml`, {
      body: CATALOG,
      headers: { 'content-type': 'application/yaml' },
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      saved: { programId: 'identity-platform', created: false, version: before + 1, changes: 4 },
      services: 3,
      added: ['ledger', 'search-index'],
      replaced: ['search'],
      teamsCreated: ['payments'],
    });
    expect(r.body.warnings).toEqual([
      {
        code: 'api-without-provider',
        message: '1 API no component provides is not imported (a program knows an API through its provider): identity-v2',
      },
    ]);
    await readUntil(/event: changed\ndata: .*\n/);
    expect(JSON.parse(/event: changed\ndata: (.*)\n/.exec(text)?.[1] ?? '{}')).toMatchObject({
      actor: 'ed',
      source: 'import catalog-info.yaml',
    });
    await reader.cancel();

    const teams = await viewer.json<{ teams: { value: { id: string; name: string; capacity: number } }[] }>('GET', `${P}/teams`);
    expect(teams.body.teams.map((t) => t.value).at(-1)).toEqual({ id: 'payments', name: 'Payments Core', capacity: 1, exceptions: [] });

    // ledger consumes identity-v2 (provided by identity-api in the program): three links from users-db.
    const radius = await viewer.json<Radius>('GET', `${P}/blast-radius?of=users-db`);
    expect(radius.body.version).toBe(before + 1);
    expect(radius.body.affected.filter((a) => a.distance === 3).map((a) => [a.ref, a.teamName, a.tier])).toEqual([
      ['billing-api', 'Billing Platform', 1],
      ['edge-gateway', 'Edge Platform', 1],
      ['ledger', 'Payments Core', 1],
    ]);
    const index = await viewer.json<Radius>('GET', `${P}/blast-radius?of=search-index`);
    expect(index.body.affected.map((a) => [a.ref, a.distance])).toEqual([['search', 1]]);
  });
});
