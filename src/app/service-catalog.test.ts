import { describe, expect, it } from 'vitest';
import { catalogBlastRadius, loadServiceCatalog, serviceRows, shortRef } from './service-catalog.js';

// A catalog held in memory: the use case reads through the function it is given, as the server will.
const files: Record<string, string> = {
  'catalog.yaml': [
    'apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: payments\nspec:\n  type: team\n  children: []\n',
    'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ledger\n  labels:\n    tier: "1"\nspec:\n  type: service\n  lifecycle: production\n  owner: payments\n  providesApis: [ledger]\n',
    'apiVersion: backstage.io/v1alpha1\nkind: API\nmetadata:\n  name: ledger\nspec:\n  type: openapi\n  lifecycle: production\n  owner: payments\n  definition: "openapi: 3.0.0"\n',
    'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: invoices\nspec:\n  type: service\n  lifecycle: beta\n  owner: payments\n  consumesApis: [ledger]\n',
  ].join('---\n'),
};
const read = () => {
  const r = loadServiceCatalog(['catalog.yaml'], (path) => files[path]);
  if (!r.ok) throw new Error(JSON.stringify(r.error.problems));
  return r.value.catalog;
};

describe('service catalog use cases', () => {
  it('lists components with tier (null when unset) and relations', () => {
    expect(serviceRows(read()).map((r) => [r.name, r.tier, r.lifecycle, r.providesApis, r.consumesApis])).toEqual([
      ['ledger', 1, 'production', ['api:default/ledger'], []],
      ['invoices', null, 'beta', [], ['api:default/ledger']],
    ]);
  });

  it('shortens refs in the default namespace, and groups to their name', () => {
    expect(shortRef('component:default/ledger')).toBe('component:ledger');
    expect(shortRef('component:ops/ledger')).toBe('component:ops/ledger');
    expect(shortRef('group:default/payments')).toBe('payments');
  });

  it('a name two kinds share must say which; with the kind it resolves', () => {
    const ambiguous = catalogBlastRadius(read(), 'ledger');
    expect(ambiguous.ok).toBe(false);
    if (!ambiguous.ok) {
      expect(ambiguous.error.message).toBe('"ledger" names 2 entities: component:ledger, api:ledger');
      expect(ambiguous.error.hint).toBe('say which, e.g. component:ledger');
    }
    const r = catalogBlastRadius(read(), 'component:ledger');
    expect(r.ok && r.value.affected.map((a) => [a.ref, a.distance])).toEqual([
      ['api:default/ledger', 1],
      ['component:default/invoices', 2],
    ]);
  });

  it('an unknown ref suggests the nearest one', () => {
    const r = catalogBlastRadius(read(), 'component:ledgr');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.hint).toBe('did you mean component:ledger?');
    const far = catalogBlastRadius(read(), 'resource:something-else');
    if (!far.ok) expect(far.error.hint).toMatch(/^the catalog has 3 of them, e\.g\. component:ledger, component:invoices, api:ledger/);
    expect(far.ok).toBe(false);
  });
});
