import { err, ok, type Result } from '../domain/result.js';
import type { ComparisonOp, Duration, Objective, Slo, TimeWindow } from '../domain/slo.js';
import { type AlertSeverity, evaluateBurnRateAlerts } from '../engine/slo/burn-rate-alerts.js';
import {
  type BudgetingMethod,
  type CalendarUnit,
  computeErrorBudget,
  firstIndexAfter,
  type SloWindow,
  sloUnits,
} from '../engine/slo/error-budget.js';
import type { OpenSloProblem } from '../formats/openslo/openslo-problem.js';
import { type OpenSloSource, readOpenSlo } from '../formats/openslo/read-openslo.js';
import { readSliCsv, type SliCsvProblem, type SliSeries } from '../formats/sli-csv/read-sli-csv.js';

/**
 * The SLO report over files: OpenSLO definitions, optionally SLI samples from a CSV file.
 * Per SLO and objective: the allowed bad fraction and downtime per window; with data, the error
 * budget at the last sample at or before `atMs` (events for Occurrences, minutes for Timeslices),
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

export interface FiredRule {
  readonly name: string;
  readonly severity: AlertSeverity;
  readonly burnRate: number;
  readonly longWindowMs: number;
  readonly shortWindowMs: number;
  readonly longBurnRate: number | null;
  readonly shortBurnRate: number | null;
  readonly fires: boolean;
}

export interface BudgetFigures {
  readonly unit: 'events' | 'minutes';
  /** The last sample taken into account. */
  readonly atMs: number;
  readonly attainedSli: number | null;
  readonly total: number;
  readonly consumed: number;
  /** Negative when overspent. */
  readonly remaining: number;
  readonly exhausted: boolean;
  /** Over the window so far. */
  readonly burnRate: number | null;
  readonly timeToExhaustionMs: number | null;
  readonly alert: AlertSeverity | null;
  /** Every rule of the policy with its two windows' burn rates; `fires` marks the pairs that fired. */
  readonly rules: readonly FiredRule[];
}

export interface ObjectiveReport {
  readonly displayName: string | null;
  readonly target: number;
  readonly op: ComparisonOp | null;
  readonly value: number | null;
  readonly timeSliceTarget: number | null;
  readonly timeSliceWindow: string | null;
  /** 1 − target: the fraction of events (Occurrences) or of time (Timeslices) that may be bad. */
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

const UNIT_MS: Readonly<Record<Duration['unit'], number>> = {
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 7 * 86_400_000,
  M: 30 * 86_400_000,
  Q: 90 * 86_400_000,
  Y: 365 * 86_400_000,
};
const CALENDAR_UNIT: Partial<Record<Duration['unit'], CalendarUnit>> = { d: 'day', w: 'week', M: 'month', Q: 'quarter', Y: 'year' };

export const durationText = (d: Duration): string => `${d.count}${d.unit}`;
const durationMs = (d: Duration): number => d.count * UNIT_MS[d.unit];

export function buildSloReport(input: SloReportInput): Result<SloReport, FileProblem[]> {
  const read = readOpenSlo(input.openslo, { lenient: input.lenient === true });
  if (!read.ok) return err(read.error.map(fileProblem));
  const warnings: FileProblem[] = read.value.warnings.map(fileProblem);
  let series: SliSeries | undefined;
  if (input.data !== undefined) {
    const csv = readSliCsv(input.data.text, input.data.file);
    if (!csv.ok) return err(csv.error.map(fileProblem));
    series = cut(csv.value, input.atMs);
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

function fileProblem(p: OpenSloProblem | SliCsvProblem): FileProblem {
  return {
    code: p.code,
    message: p.message,
    ...(p.hint !== undefined ? { hint: p.hint } : {}),
    file: p.file,
    line: p.line,
    column: p.column,
  };
}

/** The samples at or before `atMs`. */
function cut(s: SliSeries, atMs: number | undefined): SliSeries {
  if (atMs === undefined) return s;
  const n = firstIndexAfter(s.timestamps, atMs);
  return s.kind === 'ratio'
    ? { kind: 'ratio', timestamps: s.timestamps.subarray(0, n), good: s.good.subarray(0, n), total: s.total.subarray(0, n) }
    : { kind: 'threshold', timestamps: s.timestamps.subarray(0, n), values: s.values.subarray(0, n) };
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
      const computed = series === undefined ? undefined : budgetOf(slo, o, series, input.atMs);
      return {
        displayName: o.displayName ?? null,
        target: o.target,
        op: o.op ?? null,
        value: o.value ?? null,
        timeSliceTarget: o.timeSliceTarget ?? null,
        timeSliceWindow: o.timeSliceWindow ? durationText(o.timeSliceWindow) : null,
        allowedBadFraction,
        allowedDowntimeSeconds: (allowedBadFraction * windowMs) / 1000,
        budget: computed?.ok ? computed.value : null,
        notComputed: computed && !computed.ok ? computed.error : null,
      };
    }),
  };
}

const compare: Readonly<Record<ComparisonOp, (a: number, b: number) => boolean>> = {
  lt: (a, b) => a < b,
  lte: (a, b) => a <= b,
  gt: (a, b) => a > b,
  gte: (a, b) => a >= b,
};

function budgetOf(slo: Slo, o: Objective, data: SliSeries, atMs: number | undefined): Result<BudgetFigures, string> {
  // Ratio SLIs take good/total counts; threshold SLIs one value per event, good when `value op threshold`.
  let good: Float64Array;
  let total: Float64Array;
  if (slo.sli.kind === 'ratio') {
    if (data.kind !== 'ratio') return err('a ratio SLI needs timestamp,good,total data');
    good = data.good;
    total = data.total;
  } else {
    if (data.kind !== 'threshold') return err('a threshold SLI needs timestamp,value data');
    if (o.op === undefined || o.value === undefined) return err('a threshold objective needs op and value');
    const test = compare[o.op];
    const threshold = o.value;
    good = Float64Array.from(data.values, (v) => (test(v, threshold) ? 1 : 0));
    total = new Float64Array(data.values.length).fill(1);
  }
  if (data.timestamps.length === 0) return err('no samples at or before the report time');
  let method: BudgetingMethod;
  if (slo.budgetingMethod === 'Occurrences') method = { kind: 'Occurrences' };
  else if (slo.budgetingMethod === 'Timeslices') {
    if (!o.timeSliceWindow) return err('Timeslices needs timeSliceWindow');
    method = { kind: 'Timeslices', sliceMs: durationMs(o.timeSliceWindow), sliceThreshold: o.timeSliceTarget ?? 1 };
  } else return err('RatioTimeslices budgets are not computed yet');
  const lastMs = data.timestamps[data.timestamps.length - 1] as number;
  const at = atMs ?? lastMs;
  const window = engineWindow(slo.timeWindow, at);
  if (!window.ok) return window;
  const seriesIn = { kind: 'counts' as const, timesMs: data.timestamps, good, total };
  const report = computeErrorBudget({ series: seriesIn, objective: o.target, method, window: window.value });
  if (!report.ok) return err(`${report.error.message} (${report.error.hint})`);
  const end = report.value.end;
  if (end === null) return err('no samples at or before the report time');
  const units = sloUnits(seriesIn, method);
  if (!units.ok) return err(units.error.message);
  const alerts = evaluateBurnRateAlerts(units.value, o.target, at);
  return ok({
    unit: report.value.unit,
    atMs: end.timeMs,
    attainedSli: end.attainedSli,
    total: end.budgetTotal,
    consumed: end.consumed,
    remaining: end.remaining,
    exhausted: end.exhausted,
    burnRate: end.burnRate,
    timeToExhaustionMs: end.timeToExhaustionMs,
    alert: alerts.severity,
    rules: alerts.measurements.map((m) => ({
      name: m.rule.name,
      severity: m.rule.severity,
      burnRate: m.rule.burnRate,
      longWindowMs: m.rule.longWindowMs,
      shortWindowMs: m.rule.shortWindowMs,
      longBurnRate: m.longBurnRate,
      shortBurnRate: m.shortBurnRate,
      fires: m.fires,
    })),
  });
}

function engineWindow(w: TimeWindow, atMs: number): Result<SloWindow, string> {
  if (w.kind === 'rolling') return ok({ kind: 'rolling', durationMs: durationMs(w.duration) });
  const unit = CALENDAR_UNIT[w.duration.unit];
  if (unit === undefined || w.duration.count !== 1)
    return err(`calendar window ${durationText(w.duration)} is not computed: calendar windows are 1d, 1w, 1M, 1Q or 1Y`);
  const offset = zoneOffsetMinutes(w.timeZone, atMs);
  if (offset === undefined) return err(`time zone ${w.timeZone} is not known`);
  return ok({ kind: 'calendar', unit, offsetMinutes: offset });
}

/** Offset east of UTC, in minutes, of an IANA zone at an instant. */
export function zoneOffsetMinutes(timeZone: string, atMs: number): number | undefined {
  try {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(new Date(atMs));
    const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
    const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
    if (!m) return 0;
    return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  } catch {
    return undefined;
  }
}
