import type { CalendarDate } from '../domain/calendar-date.js';
import type { ProgramModel } from '../domain/program-model.js';
import type { ReportSection } from '../formats/report/report-section.js';
import { capacityReportSection } from './capacity/capacity-report-section.js';
import { costReportSection } from './cost/cost-report-section.js';
import { debtReportSection } from './debt/debt-report-section.js';
import { migrationReportSection } from './migration/migration-report-section.js';
import type { ReportRequest } from './status-report.js';

/** What a feature's report section is computed from: the program, the status date and the instant it is judged at. */
export interface SectionContext {
  readonly model: ProgramModel;
  readonly asOf: CalendarDate;
  /** The end of the status date in the program's zone, or the caller's clock for a report of today (ms since the epoch). */
  readonly atMs: number;
  /** The first day of the period the report covers (the last report's date, or a week back). */
  readonly since: CalendarDate;
  /** Without the worker pool: sections compute in this thread. */
  readonly request: Omit<ReportRequest, 'pool'>;
}

/** A feature's section, or undefined when the program does not use the feature (then the report leaves it out). */
export type SectionBuilder = (context: SectionContext) => Promise<ReportSection | undefined>;

/**
 * The features that add a section to the status report after reliability, in report order:
 * capacity, cost, migrations, tech debt (issue 7). Each builder lives with its feature's use cases.
 */
export const REPORT_SECTIONS: readonly SectionBuilder[] = [
  capacityReportSection,
  costReportSection,
  migrationReportSection,
  debtReportSection,
];

export async function reportSections(context: SectionContext): Promise<ReportSection[]> {
  const sections: ReportSection[] = [];
  for (const build of REPORT_SECTIONS) {
    const section = await build(context);
    if (section) sections.push(section);
  }
  return sections;
}
