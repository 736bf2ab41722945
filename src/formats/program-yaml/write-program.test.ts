import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SAMPLE_FILE } from '../../../test/support/programs.js';
import { diffModels } from '../../domain/program-diff.js';
import { generateProgram } from '../../engine/generate/generate-program.js';
import { createRandom } from '../../engine/rcpsp/random.js';
import { readProgramYaml } from './read-program.js';
import { writeProgram } from './write-program.js';

const read = (text: string) => {
  const r = readProgramYaml(text, 'written.yaml');
  if (!r.ok) throw new Error(r.error.map((p) => `${p.line}:${p.column} ${p.message}`).join('\n'));
  return r.value;
};

describe('writing a program file', () => {
  it.each([1, 2, 3])('round-trips a generated program (seed %i) through YAML and JSON', (seed) => {
    const model = generateProgram({ items: 300, teams: 7 }, createRandom(seed));
    // Equal entity by entity; the file groups milestones after items, so list order may differ.
    expect(diffModels(model, read(writeProgram(model, 'yaml')))).toEqual([]);
    expect(diffModels(model, read(writeProgram(model, 'json')))).toEqual([]);
  });

  it('round-trips the sample program, whose fields cover the whole format', () => {
    const sample = read(readFileSync(SAMPLE_FILE, 'utf8'));
    expect(read(writeProgram(sample))).toEqual(sample);
  });

  it('generates the same program from the same seed, a valid layered DAG of about three links per item', () => {
    const a = generateProgram({ items: 2000, teams: 12 }, createRandom(5));
    expect(generateProgram({ items: 2000, teams: 12 }, createRandom(5))).toEqual(a);
    expect(a.items).toHaveLength(2000);
    expect(a.dependencies.length / a.items.length).toBeGreaterThan(2.5);
    expect(a.dependencies.length / a.items.length).toBeLessThan(3.5);
    expect(new Set(a.dependencies.map((d) => d.type))).toEqual(new Set(['FS', 'SS', 'FF', 'SF']));
    expect(a.items.filter((i) => i.kind === 'milestone').length).toBe(39);
  });
});
