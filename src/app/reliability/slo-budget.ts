/**
 * The error budget of one SLO objective over SLI samples, shared by the report over files
 * (`slo-report.ts`) and the status of a stored program's SLOs (`slo-status.ts`).
 *
 * Ratio SLIs take good/total counts; threshold SLIs one value per event, good when `value op threshold`.
 * The budget is taken at the last sample at or before `atMs` (events for Occurrences, minutes for
 * Timeslices and RatioTimeslices), with the burn rate over the window so far, time until exhaustion, and the SRE
 * Workbook burn-rate alerts evaluated at `atMs`.
 *
 * Window lengths: s, m, h, d, w are exact; for rolling windows M = 30 d, Q = 90 d, Y = 365 d.
 * Calendar windows of 1 d, 1 w, 1 M, 1 Q or 1 Y are aligned to the period in their time zone
 * (the zone's offset at the instant); other calendar windows are not computed, and say why.
 */
import { err, ok, type Result } from '../../domain/result.js';
import type { ComparisonOp, Duration, Objective, Slo, TimeWindow } from '../../domain/slo.js';
import { type AlertSeverity, evaluateBurnRateAlerts } from '../../engine/slo/burn-rate-alerts.js';
import {
  type BudgetingMethod,
  type CalendarUnit,
  computeErrorBudget,
  type ErrorBudgetReport,
  firstIndexAfter,
  type SloWindow,
  sloUnits,
} from '../../engine/slo/error-budget.js';
import type { SliSeries } from '../../formats/sli-csv/read-sli-csv.js';

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

/** The figures at the instant, and the engine's whole series (one point per sample or slice). */
export interface SloBudget {
  readonly figures: BudgetFigures;
  readonly report: ErrorBudgetReport;
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
/** Nominal length: M = 30 d, Q = 90 d, Y = 365 d. */
export const durationMs = (d: Duration): number => d.count * UNIT_MS[d.unit];

/** The samples at or before `atMs` (all of them without an instant). */
export function cutSeries(s: SliSeries, atMs: number | undefined): SliSeries {
  if (atMs === undefined) return s;
  const n = firstIndexAfter(s.timestamps, atMs);
  return s.kind === 'ratio'
    ? { kind: 'ratio', timestamps: s.timestamps.subarray(0, n), good: s.good.subarray(0, n), total: s.total.subarray(0, n) }
    : { kind: 'threshold', timestamps: s.timestamps.subarray(0, n), values: s.values.subarray(0, n) };
}

const compare: Readonly<Record<ComparisonOp, (a: number, b: number) => boolean>> = {
  lt: (a, b) => a < b,
  lte: (a, b) => a <= b,
  gt: (a, b) => a > b,
  gte: (a, b) => a >= b,
};

/** The SLI kind a series holds, as the data's header names it. */
export const SERIES_HEADER: Readonly<Record<SliSeries['kind'], string>> = { ratio: 'timestamp,good,total', threshold: 'timestamp,value' };

/**
 * The budget of objective `o` of `slo` over `data` (already cut at the instant), at `atMs` (default:
 * the last sample). Errors are sentences saying why the budget is not computed.
 */
export function computeSloBudget(slo: Slo, o: Objective, data: SliSeries, atMs: number | undefined): Result<SloBudget, string> {
  let good: Float64Array;
  let total: Float64Array;
  if (slo.sli.kind === 'ratio') {
    if (data.kind !== 'ratio') return err(`a ratio SLI needs ${SERIES_HEADER.ratio} data`);
    good = data.good;
    total = data.total;
  } else {
    if (data.kind !== 'threshold') return err(`a threshold SLI needs ${SERIES_HEADER.threshold} data`);
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
  } else {
    if (!o.timeSliceWindow) return err('RatioTimeslices needs timeSliceWindow');
    method = { kind: 'RatioTimeslices', sliceMs: durationMs(o.timeSliceWindow) };
  }
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
    report: report.value,
    figures: {
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
    },
  });
}

/** The window in the engine's terms at an instant (a calendar zone's offset depends on the instant). */
export function engineWindow(w: TimeWindow, atMs: number): Result<SloWindow, string> {
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
