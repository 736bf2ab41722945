import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { blastRadius, compileServiceGraph } from '../../engine/services/blast-radius.js';
import { readBackstageCatalog } from './read-backstage-catalog.js';

// A platform team's accounts database consumed through services of five other teams, with a
// billing ⇄ notifications cycle (test/fixtures/backstage-platform, written for this test).
const FIXTURE = fileURLToPath(new URL('../../../test/fixtures/backstage-platform/', import.meta.url));
const readFile = (path: string): string | undefined => {
  try {
    return readFileSync(FIXTURE + path, 'utf8');
  } catch {
    return undefined;
  }
};

const graph = () => {
  const r = readBackstageCatalog(['catalog-info.yaml'], readFile);
  if (!r.ok) throw new Error(JSON.stringify(r.error.problems, null, 1));
  expect(r.value.warnings).toEqual([]);
  return compileServiceGraph(r.value.catalog);
};

describe('blast radius on the platform fixture catalog', () => {
  // Hand-computed from the files, breadth-first:
  // accounts-db ← identity-service (dependsOn) → identity-api (provides) → billing-service,
  // checkout-web (consume it) → billing-api (billing provides), reporting-batch (dependsOn
  // billing-service) → notification-service (consumes billing-api) → notifications-api.
  // checkout-web also consumes billing-api, but it was reached earlier. identity-admin is a part of
  // identity-service (it affects the service, not the reverse); search-service shares nothing.
  it('changing accounts-db reaches every transitive consumer with owner, tier and shortest path', () => {
    const r = blastRadius(graph(), 'resource:default/accounts-db');
    if (!r.ok) throw new Error(r.error);
    const db = 'resource:default/accounts-db';
    const identity = 'component:default/identity-service';
    const identityApi = 'api:default/identity-api';
    const billing = 'component:default/billing-service';
    const billingApi = 'api:default/billing-api';
    const notifications = 'component:default/notification-service';
    expect(r.value.affected.map((a) => ({ ref: a.ref, owner: a.owner, tier: a.tier, distance: a.distance, path: a.path }))).toEqual([
      { ref: identity, owner: 'group:default/identity', tier: 1, distance: 1, path: [db, identity] },
      { ref: identityApi, owner: 'group:default/identity', tier: undefined, distance: 2, path: [db, identity, identityApi] },
      // Same distance: tier 1 before tier 2.
      { ref: billing, owner: 'group:default/billing', tier: 1, distance: 3, path: [db, identity, identityApi, billing] },
      {
        ref: 'component:default/checkout-web',
        owner: 'group:default/checkout',
        tier: 2,
        distance: 3,
        path: [db, identity, identityApi, 'component:default/checkout-web'],
      },
      // Tiered before untiered at the same distance.
      {
        ref: 'component:default/reporting-batch',
        owner: 'group:default/analytics',
        tier: 4,
        distance: 4,
        path: [db, identity, identityApi, billing, 'component:default/reporting-batch'],
      },
      {
        ref: billingApi,
        owner: 'group:default/billing',
        tier: undefined,
        distance: 4,
        path: [db, identity, identityApi, billing, billingApi],
      },
      {
        ref: notifications,
        owner: 'group:default/notifications',
        tier: 3,
        distance: 5,
        path: [db, identity, identityApi, billing, billingApi, notifications],
      },
      {
        ref: 'api:default/notifications-api',
        owner: 'group:default/notifications',
        tier: undefined,
        distance: 6,
        path: [db, identity, identityApi, billing, billingApi, notifications, 'api:default/notifications-api'],
      },
    ]);
    expect(r.value.affected.find((a) => a.ref === billing)?.via).toEqual(['dependency-of', 'provides', 'consumed-by']);
  });

  it('reports the billing ⇄ notifications cycle with its path and still lists the radius', () => {
    const r = blastRadius(graph(), 'resource:default/accounts-db');
    if (!r.ok) throw new Error(r.error);
    expect(r.value.cycles).toEqual([
      [
        'component:default/billing-service',
        'api:default/billing-api',
        'component:default/notification-service',
        'api:default/notifications-api',
        'component:default/billing-service',
      ],
    ]);
  });

  it('a change to a part reaches the whole: identity-admin reaches identity-service and on', () => {
    const r = blastRadius(graph(), 'component:default/identity-admin');
    if (!r.ok) throw new Error(r.error);
    expect(r.value.affected[0]).toMatchObject({ ref: 'component:default/identity-service', via: ['part-of'] });
    expect(r.value.affected.map((a) => a.ref)).not.toContain('resource:default/accounts-db');
  });

  it('search-service and the ledger reach nothing of accounts; the ledger reaches billing and its consumers', () => {
    const g = graph();
    const search = blastRadius(g, 'component:default/search-service');
    expect(search.ok && search.value.affected.map((a) => a.ref)).toEqual(['api:default/search-api']);
    const ledger = blastRadius(g, 'resource:default/ledger-db');
    if (!ledger.ok) throw new Error(ledger.error);
    expect(ledger.value.affected.map((a) => a.ref)).toEqual([
      'component:default/billing-service',
      'component:default/reporting-batch',
      'api:default/billing-api',
      'component:default/checkout-web',
      'component:default/notification-service',
      'api:default/notifications-api',
    ]);
  });

  it('an unknown entity is an error that says how to write a ref', () => {
    const r = blastRadius(graph(), 'component:default/nope');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain('kind:namespace/name');
  });
});
