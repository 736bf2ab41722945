import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { textOf } from '../../src/cli/commands/plan-input.js';
import { formatLocalDateTime } from '../../src/engine/calendar/local-date-time.js';
import { checkPlan } from '../../src/engine/rcpsp/feasibility.js';
import { readMspdi } from '../../src/formats/mspdi/read-mspdi.js';
import { readPsplib } from '../../src/formats/psplib/read-psplib.js';
import { fixture, SAMPLE_FILE } from '../support/programs.js';
import { finished, runCli, spawnCli } from '../support/run-cli.js';

const cwd = mkdtempSync(join(tmpdir(), 'throughline-plan-'));
const cli = (...args: string[]) => runCli(args, { cwd });
const J301 = new URL('../../../shared/corpora/psplib/j30.sm/j301_1.sm', import.meta.url).pathname;

describe('throughline plan', () => {
  it('plans a program on its calendar, in the documented JSON shape', async () => {
    const run = await cli('plan', fixture('valid/small-program.yaml'), '--json');
    expect(run.code).toBe(0);
    const plan = JSON.parse(run.stdout);
    expect(plan.unit).toBe('datetime');
    expect(Object.keys(plan.items[0]).sort()).toEqual(
      [
        'critical',
        'earlyFinish',
        'earlyStart',
        'finish',
        'freeFloat',
        'id',
        'lateFinish',
        'lateStart',
        'start',
        'title',
        'totalFloat',
      ].sort(),
    );
    const byId = new Map(plan.items.map((i: { id: string }) => [i.id, i]));
    // proc-1: 30 working days from Mon 2027-01-04 (09-13 + 14-18 in Dublin); net-1 follows on the next working day.
    expect(byId.get('proc-1')).toMatchObject({
      start: '2027-01-04T09:00:00',
      finish: '2027-02-12T18:00:00',
      totalFloat: 4,
      critical: false,
    });
    expect(byId.get('net-1')).toMatchObject({ start: '2027-02-15T09:00:00' });
    // sre-2 may not start before 2027-03-01, so that constraint, not the hardware chain, drives the cutover.
    expect(byId.get('sre-2')).toMatchObject({ start: '2027-03-01T09:00:00', finish: '2027-03-01T18:00:00', critical: true });
    expect(plan.criticalPath).toEqual(['sre-2', 'm-cutover']);
    expect(plan.finish).toBe('2027-03-01T18:00:00');
  });

  it('starts unfinished work no earlier than --as-of', async () => {
    const plan = JSON.parse((await cli('plan', SAMPLE_FILE, '--as-of', '2027-03-05', '--json')).stdout);
    const starts = plan.items.filter((i: { totalFloat: number }) => i.totalFloat >= 0).map((i: { earlyStart: string }) => i.earlyStart);
    expect(starts.length).toBeGreaterThan(100);
    expect(plan.criticalPath.length).toBeGreaterThan(3);
  });

  it('plans a PSPLIB instance in periods and levels it within capacity', async () => {
    const run = await cli('plan', J301, '--level', '--schedules', '1000', '--seed', '3', '--json');
    expect(run.code).toBe(0);
    const plan = JSON.parse(run.stdout);
    expect(plan.unit).toBe('period');
    expect(plan.items.map((i: { id: string }) => i.id).slice(0, 3)).toEqual(['1', '2', '3']);
    expect(plan.items.at(-1).earlyFinish).toBe(38); // cpm_makespan in answers.csv
    expect(plan.finish).toBeGreaterThanOrEqual(43); // the proven optimum
    const read = readPsplib(readFileSync(J301, 'utf8'));
    if (!read.ok) throw new Error('j301_1 must parse');
    expect(
      checkPlan(
        read.value,
        Int32Array.from(plan.items, (i: { start: number }) => i.start),
      ),
    ).toEqual([]);
    expect(plan.levelling.delays.length).toBeGreaterThan(0);
  });

  it('refuses an unreadable file with exit 1', async () => {
    const run = await cli('plan', fixture('invalid/cycle.yaml'));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('dependency cycle: net-7 → db-3 → net-7');
  });
});

describe('throughline plan | head', () => {
  it('stops quietly when the reader of its output goes away', async () => {
    const file = join(cwd, 'big.yaml');
    expect((await cli('generate', '--items', '3000', '--teams', '20', '--out', file)).code).toBe(0);
    const child = spawnCli(['plan', file, '--json'], { cwd });
    // Like `head -1`: read the first chunk, then close the pipe while the plan (~1 MB) is still being written.
    child.stdout?.once('data', () => child.stdout?.destroy());
    const run = await finished(child);
    expect(run.stderr).not.toMatch(/EPIPE|internal error/);
    expect(run.code).toBe(0);
  });
});

describe('throughline forecast', () => {
  it('gives percentiles, on-time odds, criticality and sensitivity, the same for the same seed on any number of workers', async () => {
    const one = await cli('forecast', SAMPLE_FILE, '--trials', '600', '--seed', '7', '--as-of', '2027-03-05', '--workers', '1', '--json');
    const two = await cli('forecast', SAMPLE_FILE, '--trials', '600', '--seed', '7', '--as-of', '2027-03-05', '--workers', '2', '--json');
    expect(one.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    const f = JSON.parse(one.stdout);
    expect(f).toMatchObject({ trials: 600, seed: 7, distribution: 'pert' });
    expect(Object.keys(f.finish)).toEqual(['p10', 'p50', 'p80', 'p90', 'p95', 'mean']);
    expect(f.finish.p10 <= f.finish.p50 && f.finish.p50 <= f.finish.p80 && f.finish.p80 <= f.finish.p95).toBe(true);
    expect(f.milestones).toHaveLength(10);
    for (const m of f.milestones) expect(m.probabilityOnTime).toBeGreaterThanOrEqual(0);
    expect(f.criticality[0].index).toBeLessThanOrEqual(1);
    expect(Math.abs(f.sensitivity[0].score)).toBeGreaterThan(0.1);
    const other = await cli('forecast', SAMPLE_FILE, '--trials', '600', '--seed', '8', '--as-of', '2027-03-05', '--json');
    expect(other.stdout).not.toBe(one.stdout);
  });

  it('reports progress when asked', async () => {
    const run = await cli('forecast', fixture('valid/small-program.yaml'), '--trials', '1000', '--progress');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('forecast: 1000/1000 trials');
    expect(run.stdout).toContain('Forecast over 1000 trials');
  });
});

describe('throughline plan on MS Project XML', () => {
  const file = new URL('../../../shared/corpora/mpsplib-mspdi/1-mp_j30_a10_nr1.xml.gz', import.meta.url).pathname;

  it('gives the early starts and critical flags MS Project stored (late dates are compared in working time by the corpus test)', async () => {
    const run = await cli('plan', file, '--json');
    expect(run.code).toBe(0);
    const plan = JSON.parse(run.stdout);
    const project = readMspdi(textOf(readFileSync(file), file), file);
    if (!project.ok) throw new Error('the corpus file must parse');
    const stored = new Map(project.value.tasks.filter((t) => !t.summary).map((t) => [t.uid, t]));
    expect(plan.items.length).toBe(stored.size);
    let compared = 0;
    for (const item of plan.items) {
      const task = stored.get(item.id);
      if (task?.earlyStart === undefined) continue;
      expect(item.earlyStart).toBe(formatLocalDateTime(task.earlyStart));
      expect(item.critical).toBe(task.critical === true);
      compared++;
    }
    expect(compared).toBe(stored.size);
  });
});

describe('throughline plan --level on MS Project XML', () => {
  it('levels by the file’s resources and explains the waits', async () => {
    const file = new URL('../../../shared/corpora/mpsplib-mspdi/1-mp_j30_a10_nr1.xml.gz', import.meta.url).pathname;
    const run = await cli('plan', file, '--level', '--schedules', '500', '--json');
    expect(run.code).toBe(0);
    const plan = JSON.parse(run.stdout);
    expect(plan.finish > plan.items.reduce((m: string, i: { earlyFinish: string }) => (i.earlyFinish > m ? i.earlyFinish : m), '')).toBe(
      true,
    );
    expect(plan.levelling.delays[0]).toMatchObject({ resource: expect.any(String), delay: expect.any(Number) });
    for (const item of plan.items) expect(item.start >= item.earlyStart).toBe(true);
  });
});
