import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readPsplib } from './read-psplib.js';

const CORPUS = new URL('../../../../shared/corpora/psplib/', import.meta.url);
const j301_1 = readFileSync(new URL('j30.sm/j301_1.sm', CORPUS), 'utf8');

/** Replaces the first line matching `pattern` (by regex on its text) and returns the new file. */
const editLine = (text: string, pattern: RegExp, replacement: string) => {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => pattern.test(l));
  if (i < 0) throw new Error(`no line matches ${pattern}`);
  lines[i] = replacement;
  return { text: lines.join('\n'), line: i + 1 };
};

describe('readPsplib', () => {
  it('reads j301_1: jobs, durations, successors, demands and capacities', () => {
    const r = readPsplib(j301_1);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const inst = r.value;
    expect(inst.n).toBe(32);
    expect(inst.resourceCount).toBe(4);
    expect(Array.from(inst.capacity)).toEqual([12, 13, 4, 12]);
    expect(inst.duration[0]).toBe(0);
    expect(inst.duration[1]).toBe(8);
    expect(inst.duration[31]).toBe(0);
    const succOf = (job: number) => Array.from(inst.succ.subarray(inst.succStart[job - 1], inst.succStart[job]), (k) => k + 1);
    expect(succOf(1)).toEqual([2, 3, 4]);
    expect(succOf(8)).toEqual([12, 19, 27]);
    expect(succOf(32)).toEqual([]);
    expect(Array.from(inst.demand.subarray(2 * 4, 3 * 4))).toEqual([10, 0, 0, 0]);
    expect(inst.ids?.[0]).toBe('1');
    expect(inst.ids?.[31]).toBe('32');
    expect(inst.lag).toBeUndefined();
  });

  it('reports a token that is not an integer on its line', () => {
    const broken = editLine(j301_1, /^\s+5\s+1\s+3\s+3\s+0/, '  5      1     x       3    0    0    0');
    const r = readPsplib(broken.text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContainEqual({ code: 'psplib-row', line: broken.line, message: '"x" is not an integer' });
  });

  it('reports a successor count that does not match the row, and a successor out of range', () => {
    const count = editLine(j301_1, /^\s+2\s+1\s+3\s+6\s+11\s+15/, '   2        1          3           6  11');
    const r1 = readPsplib(count.text);
    expect(!r1.ok && r1.error.some((p) => p.line === count.line && p.code === 'psplib-row')).toBe(true);
    const range = editLine(j301_1, /^\s+2\s+1\s+3\s+6\s+11\s+15/, '   2        1          3           6  11  99');
    const r2 = readPsplib(range.text);
    expect(r2.ok ? [] : r2.error).toContainEqual({ code: 'psplib-row', line: range.line, message: 'successor 99 is outside 1..32' });
  });

  it('reports a missing section and a missing job row', () => {
    const noCaps = j301_1.replace('RESOURCEAVAILABILITIES:', 'SOMETHING ELSE:');
    const r1 = readPsplib(noCaps);
    expect(!r1.ok && r1.error.map((p) => p.message)).toContain('no RESOURCEAVAILABILITIES section found');
    const noJob = editLine(j301_1, /^\s+7\s+1\s+5\s+4\s+0/, '');
    const r2 = readPsplib(noJob.text);
    expect(!r2.ok && r2.error.map((p) => p.message)).toContain('no request row for job 7 found');
  });

  it('reports a precedence cycle on the row of a job in it, in job numbers', () => {
    const cyclic = editLine(j301_1, /^\s+30\s+1\s+1\s+32\s*$/, '  30        1          2          32   6');
    const r = readPsplib(cyclic.text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toHaveLength(1);
      expect(r.error[0]?.code).toBe('psplib-instance');
      expect(r.error[0]?.message).toMatch(/cycle: .*\b6\b.*\b30\b|cycle: .*\b30\b.*\b6\b/);
    }
  });

  it('reports a demand above the capacity', () => {
    const greedy = editLine(j301_1, /^\s+3\s+1\s+4\s+10\s+0/, '  3      1     4      20    0    0    0');
    const r = readPsplib(greedy.text);
    expect(r.ok ? [] : r.error).toContainEqual({
      code: 'psplib-instance',
      line: greedy.line,
      message: 'job 3 needs 20 of resource R1, which has 12',
    });
  });

  it('refuses multi-mode rows and empty input with problems, not exceptions', () => {
    const multi = editLine(j301_1, /^\s+2\s+1\s+3\s+6\s+11\s+15/, '   2        3          3           6  11  15');
    const r = readPsplib(multi.text);
    expect(!r.ok && r.error.some((p) => p.code === 'psplib-unsupported' && p.line === multi.line)).toBe(true);
    const empty = readPsplib('');
    expect(empty.ok).toBe(false);
  });
});
