import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT, runCli } from '../support/run-cli.js';
import { freshCliEnv } from '../support/stores.js';

const FIXTURE = join(ROOT, 'test/fixtures/reliability/identity-platform.yaml');
const CATALOG = join(ROOT, '../shared/corpora/backstage-catalog');
const env = await freshCliEnv('postgres');
const cli = (...args: string[]) => runCli(args, { cwd: ROOT, env });

/** The rows of the first table after `header` (a line starting with it), cells split on 2+ spaces; empty first cells kept. */
function rowsAfter(stdout: string, header: string): string[][] {
  const lines = stdout.split('\n');
  const start = lines.findIndex((l) => l.startsWith(header));
  const rows: string[][] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === '') break;
    rows.push(line.replace(/^\s{2,}/, '·  ').split(/\s{2,}/));
  }
  return rows;
}

// By hand from the fixture: identity-api dependsOn users-db (1) and provides identity-v2 (2);
// billing-api and edge-gateway consume identity-v2 (3); billing-api provides billing-v1 (4),
// which invoice-worker consumes (5) and edge-gateway too (already at 3). Items naming any of
// these: users-db-schema (users-db, identity-api), billing-retries (billing-api), eu-region (edge-gateway).
const expectedRows = [
  ['Billing Platform (billing)', 'billing-api', 'service', '1', '3', 'users-db → identity-api → api:identity-v2 → billing-api'],
  ['·', 'invoice-worker', 'service', '2', '5', 'users-db → identity-api → api:identity-v2 → billing-api → api:billing-v1 → invoice-worker'],
  ['Identity & Access (identity)', 'identity-api', 'service', '1', '1', 'users-db → identity-api'],
  ['Edge Platform (platform)', 'edge-gateway', 'service', '1', '3', 'users-db → identity-api → api:identity-v2 → edge-gateway'],
];
const expectedItems = [
  ['users-db-schema', 'Split the users table (schema v7)', 'identity', 'in-progress', '2', 'users-db, identity-api'],
  ['billing-retries', 'Idempotent retries on the billing API', 'billing', 'not-started', '2', 'billing-api'],
  ['eu-region', 'Second region (eu-west-1) for the edge', 'platform', 'in-progress', '4', 'edge-gateway'],
];

beforeAll(async () => {
  const loaded = await cli('load', FIXTURE);
  if (loaded.code !== 0) throw new Error(loaded.stderr);
}, 60_000);

describe('throughline blast-radius on a program', () => {
  it('stored program: users-db reaches 4 services of 3 teams, grouped by team, and exposes 3 items', async () => {
    const run = await cli('blast-radius', 'identity-platform', 'users-db');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe(
      'Changing users-db (resource owned by identity) affects 4 services of 3 teams and 2 APIs; 3 program items are exposed.',
    );
    expect(rowsAfter(run.stdout, 'team  ')).toEqual(expectedRows);
    expect(rowsAfter(run.stdout, 'item  ')).toEqual(expectedItems);
    expect(run.stdout).toContain('APIs that change: identity-v2 (identity), billing-v1 (billing)');
    const teams = run.stdout.split('\n\n')[2]?.split('\n').slice(1);
    expect(teams?.map((l) => l.split(/\s{2,}/))).toEqual([
      ['Billing Platform (billing)', '2', '1'],
      ['Identity & Access (identity)', '1', '1'],
      ['Edge Platform (platform)', '1', '1'],
    ]);
  });

  it('the program file answers the same as the stored program, and --json carries every field', async () => {
    const file = await cli('blast-radius', FIXTURE, 'users-db', '--json');
    const stored = await cli('blast-radius', 'identity-platform', 'users-db', '--json');
    expect(file.code).toBe(0);
    expect(JSON.parse(file.stdout)).toEqual(JSON.parse(stored.stdout));
    const data = JSON.parse(stored.stdout);
    expect(data.origin).toEqual({ ref: 'users-db', kind: 'resource', name: 'Users database (PostgreSQL)', team: 'identity' });
    expect(
      data.affected.map((a: { ref: string; kind: string; team: string; teamName: string; tier: number; distance: number }) => [
        a.ref,
        a.kind,
        a.teamName,
        a.tier,
        a.distance,
      ]),
    ).toEqual([
      ['identity-api', 'service', 'Identity & Access', 1, 1],
      ['identity-v2', 'api', 'Identity & Access', 1, 2],
      ['billing-api', 'service', 'Billing Platform', 1, 3],
      ['edge-gateway', 'service', 'Edge Platform', 1, 3],
      ['billing-v1', 'api', 'Billing Platform', 1, 4],
      ['invoice-worker', 'service', 'Billing Platform', 2, 5],
    ]);
    expect(data.items.map((i: { id: string }) => i.id)).toEqual(['users-db-schema', 'billing-retries', 'eu-region']);
    expect(data.cycles).toEqual([]);
  });

  it('an unknown name exits 4 with a did-you-mean; an unknown program lists the known ones', async () => {
    const run = await cli('blast-radius', 'identity-platform', 'identity-ap');
    expect(run.code).toBe(4);
    expect(run.stderr).toBe(
      'error: "identity-ap" is not a service, resource or API of the program\n  hint: did you mean "identity-api"?\n',
    );
    const none = await cli('blast-radius', 'identity-platfrom', 'users-db');
    expect(none.code).toBe(4);
    expect(none.stderr).toContain('no program "identity-platfrom". Known programs: identity-platform.');
  });
});

describe('throughline services on a program, and services import', () => {
  it('lists each service with owner, consumers, work, SLOs and the APIs', async () => {
    const run = await cli('services', 'identity-platform');
    expect(run.code).toBe(0);
    const rows = rowsAfter(run.stdout, 'service  ');
    expect(rows).toHaveLength(6);
    expect(rows[2]).toEqual([
      'billing-api',
      'service',
      'Billing Platform',
      '1',
      'production',
      '2',
      'billing-v1',
      'identity-v2',
      '-',
      'billing-retries',
      'billing-latency',
      '-',
    ]);
    expect(rowsAfter(run.stdout, 'API  ')).toEqual([
      ['identity-v2', 'identity-api', 'billing-api, edge-gateway'],
      ['billing-v1', 'billing-api', 'invoice-worker, edge-gateway'],
    ]);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe(
      '5 services, 1 resource and 2 APIs in Identity platform hardening (identity-platform)',
    );
  });

  it('reads a program file in JSON too (told from a Backstage file by its throughline: key)', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'program-services-')), 'identity-platform.json');
    writeFileSync(file, JSON.stringify(parse(readFileSync(FIXTURE, 'utf8'))));
    const run = await cli('services', file, '--json');
    expect(run.code).toBe(0);
    const data = JSON.parse(run.stdout);
    expect([data.program, data.version, data.services.length, data.apis.length]).toEqual(['identity-platform', null, 6, 2]);
  });

  it('imports the Backstage example catalog into the stored program, team-a under identity, then answers on it', async () => {
    const run = await cli(
      'services',
      'import',
      join(CATALOG, 'all.yaml'),
      '--with',
      join(CATALOG, 'acme-corp.yaml'),
      '--program',
      'identity-platform',
      '--team',
      'team-a=identity',
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Imported 14 services into identity-platform: 14 added, 0 replaced, version 2\n/);
    expect(run.stdout).toContain('Teams created (capacity 1, set the real one): team-c, team-b, team-d');
    expect(run.stderr).toMatch(/artist-lookup-component\.yaml:40:18 warning\[non-standard-field\]/);
    expect(run.stderr).toContain(
      'warning[user-owner]: component:default/searcher is owned by user guest; it goes to team identity (their group team-a)',
    );

    const listed = await cli('services', 'identity-platform', '--json');
    const data = JSON.parse(listed.stdout);
    expect(data.version).toBe(2);
    expect(data.services).toHaveLength(20);
    expect(data.services.find((s: { id: string }) => s.id === 'searcher')).toMatchObject({
      team: 'identity',
      teamName: 'Identity & Access',
    });

    const radius = await cli('blast-radius', 'identity-platform', 'artists-db', '--json');
    expect(
      JSON.parse(radius.stdout).affected.map((a: { ref: string; team: string; distance: number }) => [a.ref, a.team, a.distance]),
    ).toEqual([['artist-lookup', 'identity', 1]]);

    const again = await cli(
      'services',
      'import',
      join(CATALOG, 'all.yaml'),
      '--with',
      join(CATALOG, 'acme-corp.yaml'),
      '--program',
      'identity-platform',
      '--team',
      'team-a=identity',
      '--json',
    );
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ version: 2, changes: 0, added: [], teamsCreated: [] });
  });

  it('an import that breaks a rule changes nothing and says why', async () => {
    const run = await cli('services', 'import', join(CATALOG, 'all.yaml'), '--program', 'identity-platform');
    // Without acme-corp.yaml the owners do not resolve: problems at file:line:column, exit 1.
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/wayback-search-component\.yaml:9:10 error\[unresolved-ref\]/);
    const missing = await cli('services', 'import', join(CATALOG, 'all.yaml'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("required option '--program <id>' not specified");
    const listed = JSON.parse((await cli('services', 'identity-platform', '--json')).stdout);
    expect(listed.version).toBe(2);
  });
});
