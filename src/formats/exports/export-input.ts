import type { ProgramModel } from '../../domain/program-model.js';

/** A planned item's dates as `plan` shows them (ISO local date-times; floats in working days). */
export interface PlannedItem {
  readonly id: string;
  readonly start: string;
  readonly finish: string;
  readonly lateStart: string;
  readonly lateFinish: string;
  readonly totalFloat: number;
  readonly freeFloat: number;
  readonly critical: boolean;
}

/** What the exporters write from: the program and its plan. */
export interface ExportInput {
  readonly model: ProgramModel;
  readonly plan: { readonly finish: string; readonly items: readonly PlannedItem[]; readonly criticalPath: readonly string[] };
}

/** The calendar day of an ISO local date-time. */
export const dayOf = (dateTime: string): string => dateTime.slice(0, 10);
