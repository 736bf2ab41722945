import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture } from '../../../test/support/programs.js';
import { readProgramYaml } from './read-program.js';

/**
 * Each file in test/fixtures/invalid states what the reader must report, TaskJuggler-style:
 *   # expect: LINE:COLUMN CODE | text in the message | text in the hint
 * The reader must report exactly those problems: none missing, none extra.
 */
const EXPECT = /^# expect: (\d+):(\d+) ([a-z-]+) \| ([^|]+?)(?: \| (.+))?$/;
const folder = fixture('invalid');

describe('program file problems, from fixture files', () => {
  const files = readdirSync(folder).filter((f) => f.endsWith('.yaml'));
  it('has fixtures for every required kind of error', () => {
    const codes = new Set(files.flatMap((f) => readFileSync(join(folder, f), 'utf8').match(/(?<=^# expect: \S+ )[a-z-]+/gm) ?? []));
    for (const code of [
      'unknown-team',
      'unknown-item',
      'duplicate-id',
      'bad-date',
      'dependency-cycle',
      'negative-estimate',
      'impossible-estimate',
    ]) {
      expect(codes).toContain(code);
    }
  });

  it.each(files)('%s', (file) => {
    const text = readFileSync(join(folder, file), 'utf8');
    const expected = text
      .split('\n')
      .map((line) => EXPECT.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map(([, line, column, code, message, hint]) => ({ line: Number(line), column: Number(column), code, message, hint }));
    expect(expected.length).toBeGreaterThan(0);

    const result = readProgramYaml(text, file);
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.error;
    expect(problems.map((p) => `${p.line}:${p.column} ${p.code}`).sort()).toEqual(
      expected.map((e) => `${e.line}:${e.column} ${e.code}`).sort(),
    );
    for (const e of expected) {
      const p = problems.find((q) => q.line === e.line && q.column === e.column && q.code === e.code);
      expect(p?.message).toContain(e.message);
      if (e.hint !== undefined) expect(p?.hint).toContain(e.hint);
      expect(p?.file).toBe(file);
      expect(p?.excerpt).toBe(text.split('\n')[e.line - 1]);
    }
  });
});
