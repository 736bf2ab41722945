import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { fixture, SAMPLE_FILE } from '../support/programs.js';
import { runCli } from '../support/run-cli.js';
import { freshDataDir, freshPostgresDatabase } from '../support/stores.js';

let cwd: string;
let env: Record<string, string>;
const cli = (...args: string[]) => runCli(args, { cwd, env });

beforeEach(() => {
  cwd = mkdtempSync(join(tmpdir(), 'throughline-cli-'));
  env = { THROUGHLINE_DATA_DIR: freshDataDir() };
});

describe('throughline validate', () => {
  it('accepts the sample program and says what is in it', async () => {
    const run = await cli('validate', SAMPLE_FILE);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/is valid: program "checkout-cloud-2027", 14 teams, 160 items, 10 milestones, 237 dependencies/);
  });

  it('prints every problem with file, line, a caret and a hint, and exits 1', async () => {
    cpSync(fixture('invalid/more-rules.yaml'), join(cwd, 'plan.yaml'));
    const run = await cli('validate', 'plan.yaml');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('plan.yaml:21:17 error[unknown-workstream]: task "a-1" names workstream "cutovr", which is not defined');
    expect(run.stderr).toContain('  21 |     workstream: cutovr\n     |                 ^');
    expect(run.stderr).toContain('hint: define it under workstreams:, or did you mean "cutover"?');
    expect(run.stderr).toMatch(/7 problems in plan\.yaml/);
  });

  it('reports a cycle with its full path', async () => {
    const run = await cli('validate', fixture('invalid/cycle.yaml'));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error[dependency-cycle]: dependency cycle: net-7 → db-3 → net-7');
    expect(run.stderr).toContain('error[dependency-cycle]: dependency cycle: a → b → c → a');
  });

  it('gives machine-readable problems with --json', async () => {
    const run = await cli('validate', fixture('invalid/unknown-team.yaml'), '--json');
    expect(run.code).toBe(1);
    const body = JSON.parse(run.stdout);
    expect(body.valid).toBe(false);
    expect(body.problems.map((p: { line: number; code: string }) => `${p.line} ${p.code}`)).toEqual(['17 unknown-team', '20 unknown-team']);
  });

  it('exits 2 when the file cannot be read', async () => {
    const run = await cli('validate', 'nope.yaml');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('cannot read nope.yaml: no such file');
  });
});

describe('throughline init', () => {
  it('writes a starter file that validates, and will not overwrite it', async () => {
    expect((await cli('init', 'edge.yaml')).code).toBe(0);
    expect(readFileSync(join(cwd, 'edge.yaml'), 'utf8')).toMatch(/^# yaml-language-server: \$schema=.*schema\/program\.schema\.json/);
    expect((await cli('validate', 'edge.yaml')).code).toBe(0);
    const again = await cli('init', 'edge.yaml');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('edge.yaml already exists; pass --force');
  });
});

describe('throughline load, programs, show, history', () => {
  it('loads idempotently and records only the differences of an edit', async () => {
    cpSync(fixture('valid/small-program.yaml'), join(cwd, 'edge.yaml'));
    const first = await cli('load', 'edge.yaml', '--json');
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ program: 'edge-refresh', created: true, version: 1, changes: { created: 21 } });

    const second = await cli('load', 'edge.yaml');
    expect(second.stdout).toContain('program "edge-refresh" is already up to date');

    const edited = readFileSync(join(cwd, 'edge.yaml'), 'utf8')
      .replace('estimate: { optimistic: 3, likely: 5, pessimistic: 9 }', 'estimate: { optimistic: 4, likely: 6, pessimistic: 12 }')
      .replace('state: requested', 'state: accepted');
    writeFileSync(join(cwd, 'edge.yaml'), edited);
    const third = await cli('load', 'edge.yaml', '--json');
    expect(JSON.parse(third.stdout)).toMatchObject({ version: 2, changes: { created: 0, updated: 2, deleted: 0 } });

    const history = await cli('history', 'edge-refresh');
    expect(history.code).toBe(0);
    const [latest] = history.stdout.split('\n\n');
    expect(latest).toMatch(/tester {2}load edge\.yaml {2}v2/);
    expect(latest).toContain(
      '~ item net-2\n      estimate.likely: 5 → 6\n      estimate.optimistic: 3 → 4\n      estimate.pessimistic: 9 → 12',
    );
    expect(latest).toContain('~ dependency net-2->sre-2\n      state: requested → accepted');

    const json = JSON.parse((await cli('history', 'edge-refresh', '--item', 'net-2', '--json')).stdout);
    expect(json.changes.map((s: { version: number }) => s.version)).toEqual([2, 1]);
    expect(json.tracker).toEqual([]);

    const programs = await cli('programs');
    expect(programs.stdout).toMatch(/edge-refresh\s+Edge router refresh\s+3\s+6\s+1\s+6\s+2/);

    const show = JSON.parse((await cli('show', 'edge-refresh', '--json')).stdout);
    expect(show.counts).toMatchObject({ teams: 3, items: 6, milestones: 1, dependencies: 6, crossTeamDependencies: 3 });
    expect(show.openDependencies.map((d: { state: string }) => d.state)).toEqual(['at-risk', 'accepted', 'accepted']);
  });

  it('loads nothing from a file with problems', async () => {
    const run = await cli('load', fixture('invalid/duplicate-id.yaml'));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Nothing was loaded.');
    expect((await cli('programs', '--json')).stdout.trim()).toBe('[]');
  });

  it('loads under another id with --program', async () => {
    await cli('load', fixture('valid/small-program.yaml'), '--program', 'edge-2027');
    expect(JSON.parse((await cli('programs', '--json')).stdout).map((p: { id: string }) => p.id)).toEqual(['edge-2027']);
  });

  it('exits 4 for a program that does not exist, naming the ones that do', async () => {
    await cli('load', fixture('valid/small-program.yaml'));
    const run = await cli('show', 'edge');
    expect(run.code).toBe(4);
    expect(run.stderr).toContain('no program "edge". Known programs: edge-refresh.');
  });

  it('says who holds the embedded database when it is in use, and exits 3', async () => {
    const held = await openStore(
      { kind: 'embedded', dataDir: env.THROUGHLINE_DATA_DIR as string },
      { now: new Date(), command: 'throughline serve' },
    );
    if (!held.ok) throw new Error('could not open the store');
    try {
      const run = await cli('programs');
      expect(run.code).toBe(3);
      expect(run.stderr).toContain(`is in use by process ${process.pid} ("throughline serve"`);
      expect(run.stderr).toContain('THROUGHLINE_DATA_DIR');
    } finally {
      await held.value.close();
    }
    expect((await cli('programs')).code).toBe(0);
  });
});

describe('the same commands on PostgreSQL', () => {
  it('load, programs, show and history work with THROUGHLINE_DATABASE_URL', async () => {
    env = { THROUGHLINE_DATABASE_URL: await freshPostgresDatabase(), THROUGHLINE_DATA_DIR: join(cwd, 'unused') };
    expect((await cli('load', SAMPLE_FILE)).stdout).toMatch(
      /created program "checkout-cloud-2027" \(version 1\) in the PostgreSQL at postgres:\/\//,
    );
    expect((await cli('load', SAMPLE_FILE)).stdout).toContain('already up to date');
    expect((await cli('programs')).stdout).toMatch(/checkout-cloud-2027 .* 14\s+160\s+10\s+237\s+1/);
    expect((await cli('show', 'checkout-cloud-2027')).stdout).toContain('Cross-team dependencies needing attention');
    expect(JSON.parse((await cli('history', 'checkout-cloud-2027', '--json')).stdout)).toHaveLength(1);
    expect(existsSync(join(cwd, 'unused'))).toBe(false);
  });

  it('explains an unreachable server and exits 3', async () => {
    env = { THROUGHLINE_DATABASE_URL: 'postgres://someone:secret@127.0.0.1:1/nowhere' };
    const run = await cli('programs');
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('cannot connect to postgres://someone:***@127.0.0.1:1/nowhere');
    expect(run.stderr).not.toContain('secret');
  });
});

describe('help', () => {
  it.each(['init', 'validate', 'load', 'programs', 'show', 'history', 'plan', 'forecast', 'generate', 'demo', 'schema'])(
    '%s --help',
    async (command) => {
      const run = await cli(command, '--help');
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`Usage: throughline ${command}`);
    },
  );

  it('exits 2 on an unknown command', async () => {
    const run = await cli('frobnicate');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown command 'frobnicate'");
  });
});

describe('throughline generate', () => {
  it('writes the same valid program for the same seed, as YAML or JSON', async () => {
    const one = await cli('generate', '--items', '500', '--teams', '6', '--seed', '4', '--out', 'a.yaml', '--json');
    expect(JSON.parse(one.stdout)).toMatchObject({ written: 'a.yaml', items: 500, teams: 6 });
    await cli('generate', '--items', '500', '--teams', '6', '--seed', '4', '--out', 'b.yaml');
    expect(readFileSync(join(cwd, 'a.yaml'), 'utf8')).toBe(readFileSync(join(cwd, 'b.yaml'), 'utf8'));
    await cli('generate', '--items', '500', '--teams', '6', '--seed', '4', '--out', 'a.json');
    const yaml = await cli('validate', 'a.yaml', '--json');
    const json = await cli('validate', 'a.json', '--json');
    expect(JSON.parse(yaml.stdout).valid).toBe(true);
    expect(JSON.parse(json.stdout).valid).toBe(true);
    expect((await cli('generate', '--items', '0', '--teams', '2')).code).toBe(2);
  });
});

describe('throughline demo (what npm start runs)', () => {
  it('loads the sample into the embedded store once and shows it', async () => {
    const first = await cli('demo');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Sample program loaded from');
    expect(first.stdout).toContain('Checkout platform migration: dc-ash1 → AWS us-east-1');
    expect(first.stdout).toMatch(/14 teams · 7 workstreams · 160 items · 10 milestones · 237 dependencies \(\d+ cross-team\)/);
    for (const heading of [
      'Teams',
      'Workstreams',
      'Milestones',
      'Cross-team dependencies needing attention',
      'Open risks',
      'Decisions needed',
    ]) {
      expect(first.stdout).toContain(heading);
    }
    const second = await cli('demo');
    expect(second.stdout).toContain('Sample program already loaded');
  });
});
