import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, readValid } from '../../../test/support/programs.js';
import { openFreshStore } from '../../../test/support/stores.js';
import type { ProgramId } from '../../domain/ids.js';
import type { ProgramStore } from '../../store/program-store.js';
import { importBackstageFiles } from './catalog-import.js';
import { compileProgramCatalog, programBlastRadius } from './program-catalog.js';

const ID = 'identity-platform' as ProgramId;
const CORPUS = fileURLToPath(new URL('../../../../shared/corpora/backstage-catalog/', import.meta.url));
const fromCorpus = (path: string) => {
  try {
    return readFileSync(CORPUS + path, 'utf8');
  } catch {
    return undefined;
  }
};
const request = { programId: ID, label: 'all.yaml', actor: 'alex', at: new Date('2026-11-16T09:00:00Z') };
let store: ProgramStore;

beforeAll(async () => {
  store = await openFreshStore('pglite');
  await store.saveProgram(readValid(fixture('reliability/identity-platform.yaml')), { ...request, source: 'test' });
});
afterAll(() => store.close());

const read = async () => {
  const m = await store.readProgram(ID);
  if (!m) throw new Error('program missing');
  return m;
};

describe('importing a Backstage catalog into a stored program', () => {
  it('a catalog whose program would break a rule changes nothing', async () => {
    const before = await store.versionOf(ID);
    // ledger provides identity-v2, which identity-api already provides: an API has one provider.
    const text = [
      'apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: identity\nspec:\n  type: team\n  children: []\n',
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ledger\nspec:\n  type: service\n  lifecycle: production\n  owner: identity\n  providesApis: [identity-v2]\n',
      'apiVersion: backstage.io/v1alpha1\nkind: API\nmetadata:\n  name: identity-v2\nspec:\n  type: openapi\n  lifecycle: production\n  owner: identity\n  definition: x\n',
    ].join('---\n');
    const r = await importBackstageFiles(store, ['c.yaml'], (p) => (p === 'c.yaml' ? text : undefined), request);
    expect(r.ok).toBe(false);
    if (r.ok || r.error.kind !== 'invalid') throw new Error('expected invalid');
    expect(r.error.problems.map((p) => [p.code, p.message])).toEqual([
      ['duplicate-api', 'API "identity-v2" is provided by both "identity-api" and "ledger"'],
    ]);
    expect(await store.versionOf(ID)).toBe(before);
  });

  it('unreadable files are problems at file:line:column, and an unknown program is said so', async () => {
    const bad = await importBackstageFiles(
      store,
      ['c.yaml'],
      (p) => (p === 'c.yaml' ? 'kind: Component\nmetadata: [\n' : undefined),
      request,
    );
    expect(!bad.ok && bad.error.kind).toBe('unreadable');
    if (bad.ok || bad.error.kind !== 'unreadable') return;
    expect(bad.error.problems[0]).toMatchObject({ code: 'yaml-syntax', file: 'c.yaml', line: 3 });
    const none = await importBackstageFiles(store, ['all.yaml', 'acme-corp.yaml'], fromCorpus, {
      ...request,
      programId: 'nope' as ProgramId,
    });
    expect(none).toEqual({ ok: false, error: { kind: 'no-program' } });
  });

  it('the example catalog: 14 services added next to the 6 of the program, 4 teams created, one change set', async () => {
    const before = (await store.versionOf(ID)) as number;
    const r = await importBackstageFiles(store, ['all.yaml', 'acme-corp.yaml'], fromCorpus, request);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.value.services).toBe(14);
    expect(r.value.replaced).toEqual([]);
    expect(r.value.teamsCreated).toEqual(['team-a', 'team-c', 'team-b', 'team-d']);
    expect(r.value.saved.version).toBe(before + 1);
    // 14 services + 4 teams.
    expect(r.value.saved.changes).toHaveLength(18);
    const history = await store.history(ID, { limit: 1 });
    expect(history[0]).toMatchObject({ actor: 'alex', source: 'import all.yaml', version: before + 1 });
    // Reader warnings keep their file:line:column (artist-lookup's non-standard apiConsumedBy).
    expect(r.value.warnings.find((w) => w.code === 'non-standard-field')).toMatchObject({
      file: 'components/artist-lookup-component.yaml',
      line: 40,
      column: 18,
    });
    const model = await read();
    expect(model.services).toHaveLength(20);
    expect(model.teams.map((t) => t.id)).toEqual(['identity', 'billing', 'platform', 'sre', 'team-a', 'team-c', 'team-b', 'team-d']);

    // By hand from the files: storage is part of wayback-archive, which provides the
    // wayback-archive API, which wayback-search consumes; wayback-search provides its own API.
    const radius = programBlastRadius(compileProgramCatalog(model), 'wayback-archive-storage');
    if (!radius.ok) throw new Error(radius.error.message);
    expect(radius.value.affected.map((a) => [a.ref, a.kind, a.team, a.distance])).toEqual([
      ['wayback-archive', 'service', 'team-a', 1],
      ['wayback-archive', 'api', 'team-a', 2],
      ['wayback-search', 'service', 'team-a', 3],
      ['wayback-search', 'api', 'team-a', 4],
    ]);
    expect(radius.value.affected.at(-1)?.path).toEqual([
      'wayback-archive-storage',
      'wayback-archive',
      'api:wayback-archive',
      'wayback-search',
      'api:wayback-search',
    ]);
    expect(radius.value.teams).toEqual([{ team: 'team-a', teamName: 'team-a', count: 2, worstTier: null }]);
  });

  it('importing again changes nothing; a changed component replaces the service of its id and keeps the others', async () => {
    const before = (await store.versionOf(ID)) as number;
    const again = await importBackstageFiles(store, ['all.yaml', 'acme-corp.yaml'], fromCorpus, request);
    if (!again.ok) throw new Error(JSON.stringify(again.error));
    expect(again.value.saved.changes).toEqual([]);
    expect(again.value.teamsCreated).toEqual([]);
    expect(again.value.replaced).toHaveLength(14);

    // search exists in the program (platform, tier 3); the catalog's search is owned by platform, tier 2.
    const text = [
      'apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: platform\nspec:\n  type: team\n  children: []\n',
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: search\n  labels:\n    tier: "2"\nspec:\n  type: service\n  lifecycle: production\n  owner: platform\n  consumesApis: [billing-v1]\n',
      'apiVersion: backstage.io/v1alpha1\nkind: API\nmetadata:\n  name: billing-v1\nspec:\n  type: openapi\n  lifecycle: production\n  owner: platform\n  definition: x\n',
    ].join('---\n');
    const r = await importBackstageFiles(store, ['search.yaml'], (p) => (p === 'search.yaml' ? text : undefined), {
      ...request,
      label: 'search.yaml',
    });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.value).toMatchObject({ services: 1, replaced: ['search'], added: [], teamsCreated: [] });
    expect(r.value.saved.version).toBe(before + 1);
    const model = await read();
    expect(model.services).toHaveLength(20);
    // The API has no provider in this file, but billing-api provides it in the program: kept.
    expect(model.services.find((s) => s.id === 'search')).toMatchObject({ tier: 2, lifecycle: 'production', consumes: ['billing-v1'] });
    expect(r.value.warnings.find((w) => w.code === 'consumed-api-without-provider')).toBeUndefined();
  });
});

describe('merging a catalog into a program (pure)', () => {
  it('drops a consumed API nobody provides, with a warning naming the service, instead of failing the import', async () => {
    const { readBackstageCatalog } = await import('../../formats/backstage/read-backstage-catalog.js');
    const { mergeCatalog } = await import('./catalog-import.js');
    const text = [
      'apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: billing\nspec:\n  type: team\n  children: []\n',
      'apiVersion: backstage.io/v1alpha1\nkind: API\nmetadata:\n  name: fx-rates\nspec:\n  type: openapi\n  lifecycle: production\n  owner: billing\n  definition: x\n',
      'apiVersion: backstage.io/v1alpha1\nkind: API\nmetadata:\n  name: billing-v1\nspec:\n  type: openapi\n  lifecycle: production\n  owner: billing\n  definition: x\n',
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: pricing\nspec:\n  type: service\n  lifecycle: beta\n  owner: billing\n  consumesApis: [fx-rates, billing-v1]\n',
    ].join('---\n');
    const read = readBackstageCatalog(['c.yaml'], (p) => (p === 'c.yaml' ? text : undefined));
    if (!read.ok) throw new Error(JSON.stringify(read.error));
    const merged = mergeCatalog(readValid(fixture('reliability/identity-platform.yaml')), read.value, undefined);
    if (!merged.ok) throw new Error(JSON.stringify(merged.error));
    // billing-v1 is provided by billing-api in the program: kept; fx-rates by nobody: dropped.
    expect(merged.value.model.services.find((s) => s.id === 'pricing')).toMatchObject({
      team: 'billing',
      lifecycle: 'beta',
      consumes: ['billing-v1'],
    });
    expect(merged.value.outcome.warnings.filter((w) => w.code === 'consumed-api-without-provider')).toEqual([
      {
        code: 'consumed-api-without-provider',
        message: 'pricing consumes fx-rates, which no service provides; left out of its consumes',
        hint: 'import the providing component too, or add the API to the provides: of the service that serves it',
        ref: 'pricing',
      },
    ]);
    expect(merged.value.outcome.teamsCreated).toEqual([]);
  });
});
