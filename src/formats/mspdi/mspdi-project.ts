import type { CalendarDefinition } from '../../engine/calendar/calendar-definition.js';
import type { LocalMinute } from '../../engine/calendar/local-date-time.js';

/** What is wrong with an MSPDI file (or cannot be done exactly with it); `line` is 1-based when known. */
export interface MspdiProblem {
  readonly code: 'xml-syntax' | 'not-mspdi' | 'missing-element' | 'bad-value' | 'unknown-reference' | 'unsupported';
  readonly message: string;
  readonly hint?: string;
  readonly file: string;
  readonly line?: number;
  /** The task, calendar, resource or assignment the problem is about, as `Task UID 12`. */
  readonly subject?: string;
}

export type LinkType = 'FS' | 'SS' | 'FF' | 'SF';

/** MSPDI `ConstraintType` codes 0-7 by name. */
export const CONSTRAINTS = ['ASAP', 'ALAP', 'MSO', 'MFO', 'SNET', 'SNLT', 'FNET', 'FNLT'] as const;
export type ConstraintType = (typeof CONSTRAINTS)[number];

export interface MspdiLink {
  readonly predecessorUid: string;
  readonly type: LinkType;
  /** `LinkLag` / 10: minutes (working, elapsed or a percentage, per `lagFormat`). */
  readonly lag: number;
  readonly lagFormat: number;
  readonly line: number;
}

/** A task as MS Project stored it. Times are local wall-clock minutes (see engine/calendar/local-date-time). */
export interface MspdiTask {
  readonly uid: string;
  readonly id?: string;
  readonly name: string;
  readonly line: number;
  readonly summary: boolean;
  readonly milestone: boolean;
  readonly outlineLevel: number;
  readonly active: boolean;
  readonly manual: boolean;
  readonly isNull: boolean;
  /** Working minutes (calendar minutes when `durationFormat` is an elapsed one). */
  readonly duration: number;
  /** MSPDI DurationFormat: 7 = days, 8 = elapsed days, … (see ELAPSED_FORMATS). */
  readonly durationFormat?: number;
  readonly remainingDuration?: number;
  readonly start?: LocalMinute;
  readonly finish?: LocalMinute;
  readonly earlyStart?: LocalMinute;
  readonly earlyFinish?: LocalMinute;
  readonly lateStart?: LocalMinute;
  readonly lateFinish?: LocalMinute;
  readonly actualStart?: LocalMinute;
  readonly actualFinish?: LocalMinute;
  /** Working minutes (MSPDI stores tenths of a minute). Absent when the file omits it (some writers omit zero). */
  readonly totalSlack?: number;
  readonly freeSlack?: number;
  readonly critical?: boolean;
  readonly constraintType: ConstraintType;
  readonly constraintDate?: LocalMinute;
  readonly deadline?: LocalMinute;
  readonly percentComplete: number;
  /** Undefined when the task uses the project calendar (`-1` or absent). */
  readonly calendarUid?: string;
  readonly predecessors: readonly MspdiLink[];
}

export interface MspdiCalendar {
  readonly uid: string;
  readonly name: string;
  readonly line: number;
  readonly baseUid?: string;
  /** Weekdays and exceptions with base-calendar inheritance resolved, in UTC (MSPDI has no zone). */
  readonly definition: CalendarDefinition;
}

export interface MspdiResource {
  readonly uid: string;
  readonly name: string;
  readonly line: number;
  /** 1 = 100 %. */
  readonly maxUnits: number;
  readonly calendarUid?: string;
}

export interface MspdiAssignment {
  readonly taskUid: string;
  readonly resourceUid: string;
  /** 1 = 100 %. */
  readonly units: number;
  readonly line: number;
}

export interface MspdiProject {
  readonly file: string;
  readonly name?: string;
  readonly startDate: LocalMinute;
  readonly finishDate?: LocalMinute;
  readonly scheduleFromStart: boolean;
  readonly minutesPerDay: number;
  readonly minutesPerWeek: number;
  /** Days of total slack at or below which MS Project flags a task critical. */
  readonly criticalSlackLimit: number;
  readonly calendarUid: string;
  /** MS Project's "Tasks will always honor their constraint dates" (default on): MSO/MFO win over links. */
  readonly honorConstraints: boolean;
  readonly calendars: ReadonlyMap<string, MspdiCalendar>;
  /** In file order; null tasks (blank rows) are dropped. */
  readonly tasks: readonly MspdiTask[];
  readonly resources: readonly MspdiResource[];
  readonly assignments: readonly MspdiAssignment[];
  /** What was read but cannot be represented exactly (e.g. a recurring exception kind not supported). */
  readonly caveats: readonly MspdiProblem[];
}
