import { describe, expect, it } from 'vitest';
import type { ServiceCatalog } from '../../domain/service.js';
import { blastRadius, compileServiceGraph } from './blast-radius.js';

const owner = 'group:default/platform';
const svc = (name: string, extra: Partial<ServiceCatalog['services'][number]> = {}) => ({
  ref: `component:default/${name}`,
  name,
  type: 'service',
  owner,
  lifecycle: 'production',
  providesApis: [],
  consumesApis: [],
  dependsOn: [],
  ...extra,
});
const catalog = (services: ServiceCatalog['services'], apis: string[] = []): ServiceCatalog => ({
  services,
  apis: apis.map((a) => ({ ref: `api:default/${a}`, name: a, type: 'openapi', owner, lifecycle: 'production' })),
  resources: [],
  systems: [],
  domains: [],
  groups: [],
  users: [],
});

describe('blastRadius', () => {
  it('a dependsOn cycle a ⇄ b: each reaches the other, the cycle is reported once with its path', () => {
    const sg = compileServiceGraph(
      catalog([
        svc('a', { dependsOn: ['component:default/b'] }),
        svc('b', { dependsOn: ['component:default/a'] }),
        svc('c', { dependsOn: ['component:default/b'] }),
      ]),
    );
    const r = blastRadius(sg, 'component:default/a');
    if (!r.ok) throw new Error(r.error);
    expect(r.value.affected.map((e) => [e.ref, e.distance])).toEqual([
      ['component:default/b', 1],
      ['component:default/c', 2],
    ]);
    expect(r.value.cycles).toEqual([['component:default/a', 'component:default/b', 'component:default/a']]);
    // c is downstream of the cycle: it runs into no cycle.
    const c = blastRadius(sg, 'component:default/c');
    expect(c.ok && c.value).toEqual({ changed: 'component:default/c', affected: [], cycles: [] });
  });

  it('shortest path wins over a longer one, and ties at a distance go by tier', () => {
    const sg = compileServiceGraph(
      catalog(
        [
          svc('core', { providesApis: ['api:default/core'] }),
          svc('low', { tier: 3, consumesApis: ['api:default/core'] }),
          svc('high', { tier: 1, consumesApis: ['api:default/core'] }),
          svc('edge', { dependsOn: ['component:default/high', 'component:default/core'] }),
        ],
        ['core'],
      ),
    );
    const r = blastRadius(sg, 'component:default/core');
    if (!r.ok) throw new Error(r.error);
    expect(r.value.affected.map((e) => [e.name, e.distance, e.via])).toEqual([
      // Both untiered: by ref (api: before component:).
      ['core', 1, ['provides']],
      ['edge', 1, ['dependency-of']],
      ['high', 2, ['provides', 'consumed-by']],
      ['low', 2, ['provides', 'consumed-by']],
    ]);
  });
});
