import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { TeamId } from '../../domain/ids.js';
import { readBackstageCatalog } from './read-backstage-catalog.js';
import { toProgramServices } from './to-program-services.js';

const CORPUS = fileURLToPath(new URL('../../../../shared/corpora/backstage-catalog/', import.meta.url));
const corpus = () => {
  const r = readBackstageCatalog(['all.yaml', 'acme-corp.yaml'], (path) => {
    try {
      return readFileSync(CORPUS + path, 'utf8');
    } catch {
      return undefined;
    }
  });
  if (!r.ok) throw new Error(JSON.stringify(r.error.problems));
  return r.value.catalog;
};
const inMemory = (docs: string[]) => {
  const r = readBackstageCatalog(['c.yaml'], (p) => (p === 'c.yaml' ? docs.join('---\n') : undefined));
  if (!r.ok) throw new Error(JSON.stringify(r.error.problems));
  return r.value.catalog;
};
const group = (name: string, title?: string) =>
  `apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: ${name}\n${title ? `  title: ${title}\n` : ''}spec:\n  type: team\n  children: []\n`;
const component = (name: string, spec: string) =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\nspec:\n  type: service\n  lifecycle: production\n${spec}`;

describe('Backstage catalog → program services', () => {
  // Counts from the files (INFRA.md): 13 Components, 1 Resource, 10 APIs of which components
  // provide 5 (petstore: petstore, streetlights, hello-world; wayback-archive; wayback-search).
  it('the example catalog: 13 services and 1 resource, owners to teams, users to their group', () => {
    const r = toProgramServices(corpus(), { teams: [] });
    expect(r.problems).toEqual([]);
    expect(r.services).toHaveLength(14);
    expect(r.services.filter((s) => s.kind === 'resource').map((s) => [s.id, s.team, s.type])).toEqual([
      ['artists-db', 'team-a', 'database'],
    ]);
    // First met in catalog order; the groups have no title, so the team is named by the group.
    expect(r.teamsCreated).toEqual([
      { id: 'team-a', name: 'team-a', capacity: 1, exceptions: [] },
      { id: 'team-c', name: 'team-c', capacity: 1, exceptions: [] },
      { id: 'team-b', name: 'team-b', capacity: 1, exceptions: [] },
      { id: 'team-d', name: 'team-d', capacity: 1, exceptions: [] },
    ]);
    // guest (owner of three components) is a member of team-a.
    expect(r.notes.filter((n) => n.code === 'user-owner').map((n) => n.ref)).toEqual([
      'component:default/playback-order',
      'component:default/searcher',
      'component:default/shuffle-api',
    ]);
    expect(r.services.find((s) => s.id === 'searcher')?.team).toBe('team-a');
    const byId = new Map(r.services.map((s) => [s.id as string, s]));
    expect(byId.get('petstore')).toMatchObject({
      provides: ['petstore', 'streetlights', 'hello-world'],
      team: 'team-c',
      lifecycle: 'experimental',
    });
    expect(byId.get('artist-lookup')).toMatchObject({ dependsOn: ['artists-db'], system: 'artist-engagement-portal' });
    expect(byId.get('wayback-search')).toMatchObject({ provides: ['wayback-search'], consumes: ['wayback-archive'] });
    // Parts are dependencies of the whole: a change to the storage reaches the archive.
    expect(byId.get('wayback-archive')?.dependsOn).toEqual(['wayback-archive-ingestion', 'wayback-archive-storage']);
    expect(byId.get('playback-sdk')).toMatchObject({ kind: 'service', type: 'library' });
    const orphans = r.notes.find((n) => n.code === 'api-without-provider');
    expect(orphans?.message).toBe(
      '5 APIs no component provides are not imported (a program knows an API through its provider): backstage-mcp-server, hello-world-trpc, petstore-webhook, spotify, starwars-graphql',
    );
  });

  it("groups map to the program's teams: same id, or the explicit mapping", () => {
    const r = toProgramServices(corpus(), { teams: [{ id: 'team-b' as TeamId }], teamFor: { 'team-a': 'identity', 'team-d': 'team-b' } });
    expect(r.teamsCreated.map((t) => t.id)).toEqual(['identity', 'team-c']);
    expect(r.services.find((s) => s.id === 'wayback-archive-ingestion')?.team).toBe('team-b');
    expect(r.teamOf.get('user:default/guest')).toBe('identity');
  });

  it('takes the team name from the Group title, tier from the label', () => {
    const c = inMemory([
      group('payments', 'Payments Core'),
      component('ledger', '  owner: payments\n').replace('name: ledger\n', 'name: ledger\n  labels:\n    tier: "1"\n'),
    ]);
    const r = toProgramServices(c, { teams: [] });
    expect(r.teamsCreated).toEqual([{ id: 'payments', name: 'Payments Core', capacity: 1, exceptions: [] }]);
    expect(r.services).toEqual([
      {
        id: 'ledger',
        kind: 'service',
        team: 'payments',
        tier: 1,
        lifecycle: 'production',
        type: 'service',
        provides: [],
        consumes: [],
        dependsOn: [],
      },
    ]);
  });

  it('a component and a resource of one name are a problem: a program keys services by name', () => {
    const c = inMemory([
      group('payments'),
      component('ledger', '  owner: payments\n'),
      'apiVersion: backstage.io/v1alpha1\nkind: Resource\nmetadata:\n  name: ledger\nspec:\n  type: database\n  owner: payments\n',
    ]);
    const r = toProgramServices(c, { teams: [] });
    expect(r.problems).toEqual([
      {
        code: 'duplicate-id',
        message: 'resource:default/ledger and component:default/ledger would both be service "ledger"',
        hint: 'a program keys services by name alone: rename one of them in the catalog, or import them into separate programs',
        ref: 'resource:default/ledger',
      },
    ]);
  });
});
