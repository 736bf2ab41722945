import { describe, expect, it } from 'vitest';
import { debtReportSection } from '../src/app/debt/debt-report-section.js';
import { migrationReportSection } from '../src/app/migration/migration-report-section.js';
import type { SectionContext } from '../src/app/report-sections.js';
import type { CalendarDate } from '../src/domain/calendar-date.js';
import { fixture, readValid, smallProgram } from './support/programs.js';

const model = readValid(fixture('migration/dc-exit.yaml'));
const context = (m = model): SectionContext =>
  ({
    model: m,
    asOf: '2027-03-05' as CalendarDate,
    atMs: Date.parse('2027-03-05T23:59:59Z'),
    since: '2027-02-26' as CalendarDate,
    request: {},
  }) as unknown as SectionContext;

describe('status report sections for migrations and tech debt', () => {
  it('gives the migration at risk (amber: data late at its own pace), its progress and the laggard named', async () => {
    const s = await migrationReportSection(context());
    expect(s?.rag).toBe('amber');
    expect(s?.headline).toMatch(
      /^Move services out of dc-ash1: 55 % of steps done, forecast to finish by 2027-0\d-\d\d \(P80\) against 2027-04-30/,
    );
    expect(s?.bullets?.[0]).toMatch(/^Data Platform lags Move services out of dc-ash1: 13 % done, 7 steps left, own P80/);
    expect(s?.tables?.[0]?.rows.map((r) => r[0])).toEqual(['Data Platform', 'Web Platform']);
    expect(s?.tables?.[0]?.rowRag).toEqual(['red', null]);
  });

  it('costs the debt and names the unplanned item (amber)', async () => {
    const s = await debtReportSection(context());
    expect(s?.rag).toBe('amber');
    expect(s?.headline).toBe('3 open debt items cost 22 h a month (20 h toil, 2.0 h incidents); 1 without a plan.');
    expect(s?.bullets?.[0]).toBe('Certificates are renewed by hand (manual-certs) costs 12 h a month and has no plan.');
  });

  it('leaves both out of a program without migrations or debt', async () => {
    const plain = smallProgram();
    expect(await migrationReportSection(context(plain))).toBeUndefined();
    expect(await debtReportSection(context(plain))).toBeUndefined();
  });
});
