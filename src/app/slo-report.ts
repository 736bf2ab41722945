import { err, ok, type Result } from '../domain/result.js';
import type { ComparisonOp, Slo } from '../domain/slo.js';
import type { OpenSloProblem } from '../formats/openslo/openslo-problem.js';
import { type OpenSloSource, readOpenSlo } from '../formats/openslo/read-openslo.js';
import { readSliCsv, type SliCsvProblem, type SliSeries } from '../formats/sli-csv/read-sli-csv.js';
import { type BudgetFigures, computeSloBudget, cutSeries, durationMs, durationText } from './reliability/slo-budget.js';

export type { BudgetFigures, FiredRule } from './reliability/slo-budget.js';
export { durationText, zoneOffsetMinutes } from './reliability/slo-budget.js';

/**
 * The SLO report over files: OpenSLO definitions, optionally SLI samples from a CSV file.
 * Per SLO and objective: the allowed bad fraction and downtime per window; with data, the error
 * budget at the last sample at or before `atMs` (events for Occurrences, minutes for Timeslices and RatioTimeslices),
 * the burn rate over the window so far, time until exhaustion, and the SRE Workbook burn-rate alerts
 * evaluated at that instant. Without `atMs` the instant is the last sample: the report never reads the clock.
 *
 * Window lengths: s, m, h, d, w are exact; for rolling windows M = 30 d, Q = 90 d, Y = 365 d.
 * Calendar windows of 1 d, 1 w, 1 M, 1 Q or 1 Y are aligned to the period in their time zone
 * (the zone's offset at the report instant); other calendar windows are reported, not computed.
 */

export interface FileProblem {
  readonly code: string;
  readonly message: string;
  readonly hint?: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export interface SloReportInput {
  readonly openslo: OpenSloSource;
  readonly lenient?: boolean;
  readonly data?: OpenSloSource;
  /** Report instant in ms since the epoch; default: the last sample. */
  readonly atMs?: number;
}

export interface ObjectiveReport {
  readonly displayName: string | null;
  readonly target: number;
  readonly op: ComparisonOp | null;
  readonly value: number | null;
  readonly timeSliceTarget: number | null;
  readonly timeSliceWindow: string | null;
  /** 1 − target: the fraction of events (Occurrences) or of time (Timeslices, RatioTimeslices) that may be bad. */
  readonly allowedBadFraction: number;
  /** allowedBadFraction × the window's length, in seconds; null when the length is not fixed. */
  readonly allowedDowntimeSeconds: number | null;
  readonly budget: BudgetFigures | null;
  /** Why the budget is not computed, when data was given. */
  readonly notComputed: string | null;
}

export interface SloEntry {
  readonly name: string;
  readonly displayName: string | null;
  readonly service: string;
  readonly sli: 'ratio' | 'threshold';
  readonly budgetingMethod: string;
  readonly window: { readonly kind: 'rolling' | 'calendar'; readonly duration: string; readonly timeZone: string | null };
  /** The window's nominal length in ms (M = 30 d, Q = 90 d, Y = 365 d). */
  readonly windowMs: number;
  readonly objectives: readonly ObjectiveReport[];
}

export interface SloReport {
  readonly file: string;
  readonly dataFile: string | null;
  readonly samples: number;
  readonly slos: readonly SloEntry[];
  readonly warnings: readonly FileProblem[];
}

export function buildSloReport(input: SloReportInput): Result<SloReport, FileProblem[]> {
  const read = readOpenSlo(input.openslo, { lenient: input.lenient === true });
  if (!read.ok) return err(read.error.map(fileProblem));
  const warnings: FileProblem[] = read.value.warnings.map(fileProblem);
  let series: SliSeries | undefined;
  if (input.data !== undefined) {
    const csv = readSliCsv(input.data.text, input.data.file);
    if (!csv.ok) return err(csv.error.map(fileProblem));
    series = cutSeries(csv.value, input.atMs);
  }
  const slos = read.value.slos.map((slo) => sloEntry(slo, series, input));
  return ok({
    file: input.openslo.file,
    dataFile: input.data?.file ?? null,
    samples: series?.timestamps.length ?? 0,
    slos,
    warnings,
  });
}

/** A reader's problem, without what only that reader knows. */
export function fileProblem(p: OpenSloProblem | SliCsvProblem): FileProblem {
  return {
    code: p.code,
    message: p.message,
    ...(p.hint !== undefined ? { hint: p.hint } : {}),
    file: p.file,
    line: p.line,
    column: p.column,
  };
}

function sloEntry(slo: Slo, series: SliSeries | undefined, input: SloReportInput): SloEntry {
  const windowMs = durationMs(slo.timeWindow.duration);
  return {
    name: slo.name,
    displayName: slo.displayName ?? null,
    service: slo.service,
    sli: slo.sli.kind,
    budgetingMethod: slo.budgetingMethod,
    window: {
      kind: slo.timeWindow.kind,
      duration: durationText(slo.timeWindow.duration),
      timeZone: slo.timeWindow.kind === 'calendar' ? slo.timeWindow.timeZone : null,
    },
    windowMs,
    objectives: slo.objectives.map((o) => {
      const allowedBadFraction = Number((1 - o.target).toPrecision(12));
      const computed = series === undefined ? undefined : computeSloBudget(slo, o, series, input.atMs);
      return {
        displayName: o.displayName ?? null,
        target: o.target,
        op: o.op ?? null,
        value: o.value ?? null,
        timeSliceTarget: o.timeSliceTarget ?? null,
        timeSliceWindow: o.timeSliceWindow ? durationText(o.timeSliceWindow) : null,
        allowedBadFraction,
        allowedDowntimeSeconds: (allowedBadFraction * windowMs) / 1000,
        budget: computed?.ok ? computed.value.figures : null,
        notComputed: computed && !computed.ok ? computed.error : null,
      };
    }),
  };
}
