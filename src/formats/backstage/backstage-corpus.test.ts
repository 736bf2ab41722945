import { readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { blastRadius, compileServiceGraph } from '../../engine/services/blast-radius.js';
import { readBackstageCatalog } from './read-backstage-catalog.js';

// Backstage's own example catalog (packages/catalog-model/examples), known answers from INFRA.md.
const CORPUS = fileURLToPath(new URL('../../../../shared/corpora/backstage-catalog/', import.meta.url));
const readFile = (path: string): string | undefined => {
  try {
    return readFileSync(CORPUS + path, 'utf8');
  } catch {
    return undefined;
  }
};

function yamlFiles(dir = ''): string[] {
  return readdirSync(CORPUS + dir).flatMap((f) => {
    const rel = dir === '' ? f : `${dir}/${f}`;
    if (statSync(CORPUS + rel).isDirectory()) return yamlFiles(rel);
    return rel.endsWith('.yaml') ? [rel] : [];
  });
}

const read = () => {
  const r = readBackstageCatalog(['all.yaml', 'acme-corp.yaml', 'all-environments.yaml'], readFile);
  if (!r.ok) throw new Error(JSON.stringify(r.error.problems, null, 1));
  return r.value;
};

describe('Backstage example catalog', () => {
  it('reaches every entity file from the three roots', () => {
    const { files } = read();
    // The OpenAPI document is an API definition ($text), not a catalog file.
    const entityFiles = yamlFiles().filter((f) => !f.endsWith('.oas.yaml'));
    expect(entityFiles.length).toBe(49);
    expect([...files].sort()).toEqual(entityFiles.sort());
  });

  it('counts every kind as INFRA.md does', () => {
    expect(read().countsByKind).toEqual({
      Location: 10,
      Component: 13,
      API: 10,
      System: 3,
      Domain: 3,
      Resource: 1,
      Group: 8,
      User: 17,
      Environment: 2,
    });
    const { catalog } = read();
    expect(catalog.services).toHaveLength(13);
    expect(catalog.apis).toHaveLength(10);
    expect(catalog.users).toHaveLength(17);
  });

  it('resolves all 82 relation refs with no problem', () => {
    expect(read().resolvedRelations).toBe(82);
  });

  it('keys entities on kind, namespace and name: the two guests are two users', () => {
    const guests = read().catalog.users.filter((u) => u.name === 'guest');
    expect(guests.map((u) => u.ref).sort()).toEqual(['user:default/guest', 'user:development/guest']);
    expect(guests.find((u) => u.ref === 'user:development/guest')?.memberOf).toEqual(['group:default/team-a']);
  });

  it('reports the two missing ai-resources targets as warnings, at their lines, and goes on', () => {
    const missing = read().warnings.filter((w) => w.code === 'missing-location-target');
    expect(missing.map((w) => [w.file, w.line, w.ref])).toEqual([
      ['all-ai-resources.yaml', 8, './ai-resources/frontend-design-skill.yaml'],
      ['all-ai-resources.yaml', 9, './ai-resources/use-internal-apis-rule.yaml'],
    ]);
  });

  it("reports artist-lookup's non-standard apiConsumedBy and does not read it as a relation", () => {
    const { warnings, catalog } = read();
    const w = warnings.filter((x) => x.code === 'non-standard-field');
    expect(w.map((x) => [x.file, x.line, x.ref])).toEqual([
      ['components/artist-lookup-component.yaml', 40, 'component:default/artist-lookup'],
    ]);
    expect(w[0]?.message).toContain('apiConsumedBy');
    const www = catalog.services.find((s) => s.name === 'www-artist');
    expect(www?.consumesApis).toEqual([]);
  });

  it('reads relations with Backstage default kinds and namespaces', () => {
    const { catalog } = read();
    const byName = new Map(catalog.services.map((s) => [s.name, s]));
    expect(byName.get('artist-lookup')).toMatchObject({
      owner: 'group:default/team-a',
      system: 'system:default/artist-engagement-portal',
      dependsOn: ['resource:default/artists-db'],
      lifecycle: 'experimental',
    });
    expect(byName.get('searcher')?.owner).toBe('user:default/guest');
    expect(byName.get('petstore')?.providesApis).toEqual(['api:default/petstore', 'api:default/streetlights', 'api:default/hello-world']);
    expect(byName.get('wayback-archive-ingestion')?.subcomponentOf).toBe('component:default/wayback-archive');
    expect(catalog.services.filter((s) => s.system === undefined)).toHaveLength(6);
    const apis = new Map(catalog.apis.map((a) => [a.name, a]));
    // Remote definitions are recorded, not fetched; the local one resolves next to its file.
    expect(apis.get('spotify')?.definition?.source).toBe('url');
    expect(apis.get('petstore-webhook')?.definition).toEqual({ source: 'file', path: 'apis/petstore-webhook.oas.yaml' });
    expect(apis.get('backstage-mcp-server')?.definition).toBeUndefined();
    expect(read().warnings.filter((w) => w.code === 'missing-definition-file')).toEqual([]);
  });

  // Hand-checked from the files: wayback-search consumesApis [wayback-archive] and providesApis
  // [wayback-search]; nothing consumes wayback-search; the storage and ingestion parts are
  // subcomponentOf wayback-archive, which provides the wayback-archive API.
  it('blast radius of the wayback-archive API: wayback-search (team-a), then the API it provides', () => {
    const sg = compileServiceGraph(read().catalog);
    const r = blastRadius(sg, 'api:default/wayback-archive');
    if (!r.ok) throw new Error(r.error);
    expect(r.value.affected.map((a) => ({ ref: a.ref, owner: a.owner, distance: a.distance, path: a.path }))).toEqual([
      {
        ref: 'component:default/wayback-search',
        owner: 'group:default/team-a',
        distance: 1,
        path: ['api:default/wayback-archive', 'component:default/wayback-search'],
      },
      {
        ref: 'api:default/wayback-search',
        owner: 'group:default/team-a',
        distance: 2,
        path: ['api:default/wayback-archive', 'component:default/wayback-search', 'api:default/wayback-search'],
      },
    ]);
    expect(r.value.cycles).toEqual([]);
  });

  it('blast radius of wayback-archive-storage (team-a) runs through its parent to team-a consumers', () => {
    const r = blastRadius(compileServiceGraph(read().catalog), 'component:default/wayback-archive-storage');
    if (!r.ok) throw new Error(r.error);
    expect(r.value.affected.map((a) => [a.ref, a.distance, a.via.at(-1)])).toEqual([
      ['component:default/wayback-archive', 1, 'part-of'],
      ['api:default/wayback-archive', 2, 'provides'],
      ['component:default/wayback-search', 3, 'consumed-by'],
      ['api:default/wayback-search', 4, 'provides'],
    ]);
  });

  it('blast radius of artists-db is artist-lookup alone (apiConsumedBy is not an edge)', () => {
    const r = blastRadius(compileServiceGraph(read().catalog), 'resource:default/artists-db');
    if (!r.ok) throw new Error(r.error);
    expect(r.value.affected.map((a) => [a.ref, a.owner, a.lifecycle])).toEqual([
      ['component:default/artist-lookup', 'group:default/team-a', 'experimental'],
    ]);
  });
});
