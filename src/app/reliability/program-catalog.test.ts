import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ProgramModel } from '../../domain/program-model.js';
import { readProgramYaml } from '../../formats/program-yaml/read-program.js';
import { programCatalogView } from './catalog-view.js';
import { compileProgramCatalog, programBlastRadius, programServiceCatalog } from './program-catalog.js';

const FIXTURE = fileURLToPath(new URL('../../../test/fixtures/reliability/identity-platform.yaml', import.meta.url));
const fixture = (): ProgramModel => {
  const r = readProgramYaml(readFileSync(FIXTURE, 'utf8'), 'identity-platform.yaml');
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};
const radius = (model: ProgramModel, x: string) => {
  const r = programBlastRadius(compileProgramCatalog(model), x);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe('program services as a Backstage-shaped catalog', () => {
  it('maps services to components, resources to resources, API names to APIs owned by the provider team, teams to groups', () => {
    const c = programServiceCatalog(fixture());
    expect(c.services.map((s) => s.ref)).toEqual([
      'component:default/identity-api',
      'component:default/billing-api',
      'component:default/invoice-worker',
      'component:default/edge-gateway',
      'component:default/search',
    ]);
    expect(c.resources.map((r) => [r.ref, r.owner, r.tier, r.type])).toEqual([
      ['resource:default/users-db', 'group:default/identity', 1, 'database'],
    ]);
    expect(c.services[0]).toMatchObject({
      dependsOn: ['resource:default/users-db'],
      providesApis: ['api:default/identity-v2'],
      title: 'Identity API',
    });
    expect(c.apis.map((a) => [a.ref, a.owner])).toEqual([
      ['api:default/identity-v2', 'group:default/identity'],
      ['api:default/billing-v1', 'group:default/billing'],
    ]);
    expect(c.groups.map((g) => [g.ref, g.title])).toContainEqual(['group:default/billing', 'Billing Platform']);
  });
});

describe('program blast radius', () => {
  // By hand from the fixture: identity-api dependsOn users-db and provides identity-v2; billing-api
  // and edge-gateway consume identity-v2; billing-api provides billing-v1, consumed by
  // invoice-worker and edge-gateway (already reached, nearer).
  it('users-db reaches identity-api, its API, billing-api and edge-gateway, billing-v1, then invoice-worker', () => {
    const r = radius(fixture(), 'users-db');
    expect(r.origin).toEqual({ ref: 'users-db', kind: 'resource', name: 'Users database (PostgreSQL)', team: 'identity' });
    expect(r.affected.map((a) => [a.ref, a.kind, a.team, a.tier, a.distance, a.path.join(' > ')])).toEqual([
      ['identity-api', 'service', 'identity', 1, 1, 'users-db > identity-api'],
      ['identity-v2', 'api', 'identity', 1, 2, 'users-db > identity-api > api:identity-v2'],
      ['billing-api', 'service', 'billing', 1, 3, 'users-db > identity-api > api:identity-v2 > billing-api'],
      ['edge-gateway', 'service', 'platform', 1, 3, 'users-db > identity-api > api:identity-v2 > edge-gateway'],
      ['billing-v1', 'api', 'billing', 1, 4, 'users-db > identity-api > api:identity-v2 > billing-api > api:billing-v1'],
      [
        'invoice-worker',
        'service',
        'billing',
        2,
        5,
        'users-db > identity-api > api:identity-v2 > billing-api > api:billing-v1 > invoice-worker',
      ],
    ]);
    expect(r.affected.find((a) => a.ref === 'edge-gateway')?.teamName).toBe('Edge Platform');
    // APIs count with their provider: billing owns billing-api (tier 1) and invoice-worker (tier 2).
    expect(r.teams).toEqual([
      { team: 'billing', teamName: 'Billing Platform', count: 2, worstTier: 1 },
      { team: 'identity', teamName: 'Identity & Access', count: 1, worstTier: 1 },
      { team: 'platform', teamName: 'Edge Platform', count: 1, worstTier: 1 },
    ]);
    expect(r.items.map((i) => [i.id, i.team, i.state, i.priority, i.services])).toEqual([
      ['users-db-schema', 'identity', 'in-progress', 2, ['users-db', 'identity-api']],
      ['billing-retries', 'billing', 'not-started', 2, ['billing-api']],
      ['eu-region', 'platform', 'in-progress', 4, ['edge-gateway']],
    ]);
    expect(r.cycles).toEqual([]);
  });

  it('an API name starts at the API: its consumers, not its provider', () => {
    const r = radius(fixture(), 'billing-v1');
    expect(r.origin.kind).toBe('api');
    expect(r.affected.map((a) => [a.ref, a.distance])).toEqual([
      ['edge-gateway', 1],
      ['invoice-worker', 1],
    ]);
    // billing-retries touches the provider, which is the change itself, not exposed to it.
    expect(r.items.map((i) => i.id)).toEqual(['eu-region']);
  });

  it('a leaf has an empty radius and no exposed work but its own', () => {
    const r = radius(fixture(), 'search');
    expect(r.affected).toEqual([]);
    expect(r.teams).toEqual([]);
    expect(r.items).toEqual([]);
  });

  it('a service sharing its API name wins unless api: says otherwise', () => {
    const m = fixture();
    const shared: ProgramModel = {
      ...m,
      services: m.services
        .map((s) => (s.id === 'billing-api' ? { ...s, provides: ['billing-api' as never] } : s))
        .map((s) =>
          s.consumes.includes('billing-v1') ? { ...s, consumes: s.consumes.map((a) => (a === 'billing-v1' ? 'billing-api' : a)) } : s,
        ),
    };
    expect(radius(shared, 'billing-api').origin.kind).toBe('service');
    const api = radius(shared, 'api:billing-api');
    expect(api.origin.kind).toBe('api');
    expect(api.affected.map((a) => a.ref)).toEqual(['edge-gateway', 'invoice-worker']);
  });

  it('reports cycles with their path', () => {
    const m = fixture();
    const cyclic: ProgramModel = {
      ...m,
      services: m.services.map((s) => (s.id === 'users-db' ? { ...s, dependsOn: ['invoice-worker' as never] } : s)),
    };
    const r = radius(cyclic, 'users-db');
    expect(r.cycles).toHaveLength(1);
    const cycle = r.cycles[0] ?? [];
    expect(cycle[0]).toBe(cycle.at(-1));
    expect([...cycle].sort()).toEqual(
      ['users-db', 'identity-api', 'api:identity-v2', 'billing-api', 'api:billing-v1', 'invoice-worker', cycle[0] as string].sort(),
    );
  });

  it('an unknown name is an error value with a did-you-mean', () => {
    const r = programBlastRadius(compileProgramCatalog(fixture()), 'user-db');
    expect(r).toEqual({
      ok: false,
      error: {
        kind: 'unknown-ref',
        message: '"user-db" is not a service, resource or API of the program',
        hint: 'did you mean "users-db"?',
      },
    });
    const far = programBlastRadius(compileProgramCatalog(fixture()), 'kafka');
    expect(!far.ok && far.error.hint).toMatch(/^known: users-db, identity-api, billing-api/);
  });
});

describe('program catalog view', () => {
  it('counts direct consumers, links items, SLOs and open incidents', () => {
    const m = fixture();
    const view = programCatalogView(m);
    const row = (id: string) => view.services.find((s) => s.id === id);
    // billing-api: edge-gateway and invoice-worker consume billing-v1.
    expect(row('billing-api')).toMatchObject({ consumers: 2, teamName: 'Billing Platform', slos: ['billing-latency'], openIncidents: 0 });
    expect(row('users-db')).toMatchObject({ kind: 'resource', consumers: 1, type: 'database' });
    expect(row('identity-api')?.items.map((i) => i.id)).toEqual(['users-db-schema']);
    expect(row('identity-api')?.consumers).toBe(2);
    expect(row('search')).toMatchObject({ consumers: 0, tier: 3, lifecycle: 'experimental', items: [], system: null });
    // inc-101 is resolved: not open. Re-opened, it counts on both its services.
    expect(row('identity-api')?.openIncidents).toBe(0);
    const reopened = programCatalogView({ ...m, incidents: m.incidents.map((i) => ({ ...i, status: 'monitoring' as const })) });
    expect(reopened.services.filter((s) => s.openIncidents === 1).map((s) => s.id)).toEqual(['users-db', 'identity-api']);
    expect(view.apis).toEqual([
      { name: 'identity-v2', provider: 'identity-api', consumers: ['billing-api', 'edge-gateway'] },
      { name: 'billing-v1', provider: 'billing-api', consumers: ['invoice-worker', 'edge-gateway'] },
    ]);
  });
});
