import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixture, readValid } from '../../../test/support/programs.js';
import type { CalendarDate } from '../../domain/calendar-date.js';
import type { ProgramId } from '../../domain/ids.js';
import { readUsageCsv } from '../../formats/usage-csv/read-usage-csv.js';
import { capacityReportSection } from './capacity-report-section.js';

const model = readValid(fixture('capacity/region-capacity.yaml'));
const asOf = '2027-01-04' as CalendarDate;
const csv = fixture('capacity/storage-usage.csv');
const storage = readUsageCsv(readFileSync(csv, 'utf8'), csv);
if (!storage.ok) throw new Error('fixture CSV');
const usage = {
  usage: { readAll: async (_p: ProgramId) => [{ resource: 'storage', series: storage.value }] },
};
const context = (withUsage: boolean) => ({
  model,
  asOf,
  atMs: Date.parse('2027-01-04T23:59:59Z'),
  since: '2026-12-28' as CalendarDate,
  request: { asOf, trials: 0, seed: 1, ...(withUsage ? { usage } : {}) },
});

describe('capacity section of the status report', () => {
  it('leads with the order due soonest, tabulates every resource with its hand-computed dates, and draws usage against usable', async () => {
    const s = await capacityReportSection(context(true));
    expect(s?.rag).toBe('amber');
    expect(s?.headline).toBe('1 order due soon: Compute cores (eu-west) by 2027-02-16.');
    expect(s?.tables?.[0]?.rows[0]).toEqual([
      'Compute cores (eu-west)',
      '1,000 / 1,500 cores',
      '2027-03-08',
      '2027-02-16',
      '31',
      '3,008 cores',
    ]);
    expect(s?.tables?.[0]?.rows[1]?.[0]).toBe('Block storage');
    expect(s?.bars?.bars.map((b) => [b.label, b.value])).toEqual([
      ['Compute cores (eu-west)', 66.7],
      ['Block storage', 46.7],
    ]);
  });

  it('says a fitted resource has no usage history rather than guessing, and is absent for a program without capacity', async () => {
    const s = await capacityReportSection(context(false));
    expect(s?.tables?.[0]?.rows.find((r) => r[0] === 'Block storage')?.[5]).toBe('no usage history');
    expect(await capacityReportSection({ ...context(false), model: { ...model, capacity: [] } })).toBeUndefined();
  });
});
