/** The `plan` result every reader's plan is shown as; `--json` prints exactly this shape. */
export interface PlanView {
  /** `period`: integer periods (PSPLIB); `datetime`: ISO 8601 local date-times, floats in working days. */
  readonly unit: 'period' | 'datetime';
  readonly finish: string | number;
  readonly items: readonly PlanItemView[];
  /** The longest critical chain, first activity first. */
  readonly criticalPath: readonly string[];
  /** Present with --level: schedules the levelling used, and why items wait. */
  readonly levelling?: {
    readonly schedules: number;
    readonly seed: number;
    /** Items that wait for capacity: how long (periods or working days), for which team or resource. */
    readonly delays: readonly { id: string; delay: number; resource: string; busy: number; capacity: number; need: number }[];
    /** Program plans: each team's load and capacity per week (Monday), in person-days. */
    readonly teamLoad?: readonly { team: string; week: string; load: number; capacity: number }[];
  };
}

export interface PlanItemView {
  readonly id: string;
  readonly title?: string;
  readonly start: string | number;
  readonly finish: string | number;
  readonly earlyStart: string | number;
  readonly earlyFinish: string | number;
  readonly lateStart: string | number;
  readonly lateFinish: string | number;
  readonly totalFloat: number;
  readonly freeFloat: number;
  readonly critical: boolean;
}
