import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { CalendarDate } from '../domain/calendar-date.js';
import { readProgramYaml } from '../formats/program-yaml/read-program.js';
import { readSliCsv } from '../formats/sli-csv/read-sli-csv.js';
import type { StoredSli } from '../store/sli-store.js';
import { WorkerPool } from './engine-pool/worker-pool.js';
import type { SliReader } from './reliability/slo-status.js';
import { buildStatusReport } from './status-report.js';

// The risk fixture with SLI data: "login" spent its budget, "search" burns at page rate, "profile" is clean.
const DIR = new URL('../../test/fixtures/risks/', import.meta.url);
const pool = new WorkerPool({ size: 1 });
afterAll(() => pool.close());

/** SLI data per SLO from the fixture's CSV files, answered as the store would. */
const sli: SliReader = {
  sli: {
    async read(_program, slo) {
      const file = new URL(`sli/${slo}.csv`, DIR);
      const series = readSliCsv(readFileSync(file, 'utf8'), slo);
      if (!series.ok) return undefined;
      const t = series.value.timestamps;
      const stored: StoredSli = {
        slo,
        kind: 'ratio',
        source: 'csv',
        samples: t.length,
        fromMs: t[0] ?? null,
        toMs: t[t.length - 1] ?? null,
        actor: 'test',
        updatedAt: new Date(0),
        series: series.value,
      };
      return stored;
    },
  },
};

describe('status report of a program with SLI data', () => {
  it('judges budgets at the end of the status date: spent, paging and clean SLOs, in the section and the top risks', async () => {
    const read = readProgramYaml(readFileSync(new URL('slo-budget.yaml', DIR), 'utf8'), 'slo-budget.yaml');
    if (!read.ok) throw new Error('fixture');
    const built = await buildStatusReport(read.value, { asOf: '2027-01-04' as CalendarDate, trials: 100, seed: 1, pool, sli });
    if (!built.ok) throw new Error(JSON.stringify(built.error));
    const r = built.value.report.reliability;
    expect(r?.at).toBe('2027-01-04T23:59:59.999Z');
    expect(r?.slos.map((s) => [s.id, s.state, s.budgetLeft === null ? null : Math.round(s.budgetLeft * 1000) / 1000])).toEqual([
      // 864 of 288 events spent: −576 / 288 = −2; 240 of 288 spent: 48 / 288 = 0.167 left.
      ['login-availability', 'exhausted', -2],
      ['search-availability', 'page', 0.167],
      ['profile-availability', 'ok', 1],
    ]);
    expect(r?.headline).toBe(
      'Yes: SLO "login-availability" has used all of its error budget and SLO "search-availability" is burning its error budget fast enough to page.',
    );
    expect(r?.funnel.stop.map((s) => s.id)).toEqual(['multi-region']);
    expect(built.value.report.topRisks.map((x) => x.title)).toEqual(
      expect.arrayContaining([
        'SLO "login-availability" has used all of its error budget',
        'SLO "search-availability" is burning its error budget fast enough to page',
      ]),
    );
  });
});
