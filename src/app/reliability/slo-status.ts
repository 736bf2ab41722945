/**
 * Status of a stored program's SLOs at an instant: per SLO its objective, window, allowed downtime,
 * the stored SLI data and, with data, the error budget (`slo-budget.ts`) at the last sample at or
 * before the instant. Also the budget as a series over the window, downsampled for charts.
 *
 * The instant is passed in: nothing here reads the clock.
 */
import type { ProgramId } from '../../domain/ids.js';
import type { ProgramModel } from '../../domain/program-model.js';
import { type ProgramSlo, type SloId, toSlo } from '../../domain/program-slo.js';
import { allowedDowntimeSeconds } from '../../engine/slo/availability.js';
import type { BudgetSeries } from '../../engine/slo/error-budget.js';
import type { SliSource, SliStore, StoredSli } from '../../store/sli-store.js';
import { type BudgetFigures, computeSloBudget, cutSeries, durationMs } from './slo-budget.js';

export type SloUnit = 'events' | 'minutes';

export interface SloDataSummary {
  readonly samples: number;
  /** First and last stored sample, ISO 8601 UTC; null without samples. */
  readonly from: string | null;
  readonly to: string | null;
  readonly source: SliSource;
}

export type SloBudgetStatus = Omit<BudgetFigures, 'unit'>;

export interface ProgramSloStatus {
  readonly id: SloId;
  /** The SLO's name, or its id when it has none. */
  readonly name: string;
  readonly service: string;
  /** Percent, e.g. 99.9. */
  readonly objective: number;
  readonly budgeting: ProgramSlo['budgeting'];
  /** As written, e.g. `28d`. */
  readonly window: string;
  readonly calendar: { readonly start: string; readonly timeZone: string } | null;
  /** (100 − objective) % of the window's nominal length (M = 30 d), in seconds. */
  readonly allowedDowntimeSeconds: number | null;
  /** Events for Occurrences, minutes for the time-slice methods. */
  readonly unit: SloUnit;
  readonly data: SloDataSummary | null;
  readonly budget: SloBudgetStatus | null;
  /** Why there is no budget: no data yet, data of the wrong kind, a method or window not computed. */
  readonly notComputed: string | null;
}

/** What the status needs from the store. */
export interface SliReader {
  readonly sli: Pick<SliStore, 'read'>;
}

export const unitOf = (s: ProgramSlo): SloUnit => (s.budgeting === 'Occurrences' ? 'events' : 'minutes');

export const NO_DATA = 'no SLI data yet: upload a CSV of samples, or refresh from Prometheus when the SLO names a source';

function dataSummary(stored: StoredSli): SloDataSummary {
  return {
    samples: stored.samples,
    from: stored.fromMs === null ? null : new Date(stored.fromMs).toISOString(),
    to: stored.toMs === null ? null : new Date(stored.toMs).toISOString(),
    source: stored.source,
  };
}

/** The budget of one program SLO over its stored samples at `atMs`. */
export function sloBudgetAt(s: ProgramSlo, stored: StoredSli, atMs: number) {
  const slo = toSlo(s);
  const objective = slo.objectives[0];
  if (objective === undefined) return { ok: false as const, error: 'the SLO has no objective' };
  return computeSloBudget(slo, objective, cutSeries(stored.series, atMs), atMs);
}

export function sloStatus(s: ProgramSlo, stored: StoredSli | undefined, atMs: number): ProgramSloStatus {
  const slo = toSlo(s);
  const computed = stored === undefined ? undefined : sloBudgetAt(s, stored, atMs);
  let budget: SloBudgetStatus | null = null;
  if (computed?.ok) {
    const { unit: _unit, ...figures } = computed.value.figures;
    budget = figures;
  }
  return {
    id: s.id,
    name: s.name ?? s.id,
    service: s.service,
    objective: s.objective,
    budgeting: s.budgeting,
    window: s.window,
    calendar: s.calendar ? { start: s.calendar.start, timeZone: s.calendar.timeZone } : null,
    allowedDowntimeSeconds: allowedDowntimeSeconds(s.objective, durationMs(slo.timeWindow.duration) / 1000),
    unit: unitOf(s),
    data: stored === undefined ? null : dataSummary(stored),
    budget,
    notComputed: computed === undefined ? NO_DATA : computed.ok ? null : whyNot(computed.error, stored, atMs),
  };
}

/** Data that all lies after the instant says so, with the span to ask about instead. */
function whyNot(error: string, stored: StoredSli | undefined, atMs: number): string {
  if (stored?.fromMs == null || stored.toMs === null || stored.fromMs <= atMs) return error;
  const iso = (ms: number) => new Date(ms).toISOString();
  return `no samples at or before ${iso(atMs)}: the data runs from ${iso(stored.fromMs)} to ${iso(stored.toMs)}; ask for a time in that span`;
}

/** One entry per SLO of the program, in the program's order. */
export async function programSloStatuses(
  store: SliReader,
  programId: ProgramId,
  model: ProgramModel,
  atMs: number,
): Promise<ProgramSloStatus[]> {
  const stored = await Promise.all(model.slos.map((s) => store.sli.read(programId, s.id)));
  return model.slos.map((s, i) => sloStatus(s, stored[i], atMs));
}

export interface SloSeriesPoint {
  /** ms since the epoch. */
  readonly t: number;
  readonly sli: number | null;
  readonly consumed: number;
  readonly remaining: number;
  readonly burnRate: number | null;
}

export interface ProgramSloSeries {
  readonly id: SloId;
  readonly unit: SloUnit;
  /** Budget total at the last point (a calendar window's total is fixed, an event budget's grows with traffic). */
  readonly total: number | null;
  readonly points: readonly SloSeriesPoint[];
  readonly notComputed: string | null;
}

export const DEFAULT_SERIES_POINTS = 500;
export const MAX_SERIES_POINTS = 5000;

/**
 * The budget over the SLO's window ending at the last sample at or before `atMs`, at most `points`
 * points: the time from the window's first sample to its last is cut into `points` equal spans and
 * each keeps its last sample (so the last point is the status's figure); spans without samples are
 * left out, so a window with fewer samples than `points` keeps every one.
 */
export function sloSeries(s: ProgramSlo, stored: StoredSli | undefined, atMs: number, points: number): ProgramSloSeries {
  const base = { id: s.id, unit: unitOf(s) };
  if (stored === undefined) return { ...base, total: null, points: [], notComputed: NO_DATA };
  const computed = sloBudgetAt(s, stored, atMs);
  if (!computed.ok) return { ...base, total: null, points: [], notComputed: whyNot(computed.error, stored, atMs) };
  const series = computed.value.report.series;
  const last = series.timesMs.length - 1;
  return { ...base, total: computed.value.figures.total, points: downsample(series, last, points), notComputed: null };
}

function downsample(series: BudgetSeries, last: number, points: number): SloSeriesPoint[] {
  const windowStartMs = series.windowStartMs[last] as number;
  let first = last;
  while (first > 0 && (series.timesMs[first - 1] as number) > windowStartMs) first--;
  const startMs = series.timesMs[first] as number;
  const spanMs = ((series.timesMs[last] as number) - startMs) / points;
  const out: SloSeriesPoint[] = [];
  let bucket = -1;
  for (let i = first; i <= last; i++) {
    const t = series.timesMs[i] as number;
    // Span k holds [start + k·span, start + (k+1)·span); the last sample falls in the last span.
    const k = spanMs > 0 ? Math.min(points - 1, Math.floor((t - startMs) / spanMs)) : 0;
    if (k === bucket) out[out.length - 1] = pointOf(series, i);
    else out.push(pointOf(series, i));
    bucket = k;
  }
  return out;
}

const orNull = (v: number): number | null => (Number.isNaN(v) ? null : v);

function pointOf(series: BudgetSeries, i: number): SloSeriesPoint {
  return {
    t: series.timesMs[i] as number,
    sli: orNull(series.attainedSli[i] as number),
    consumed: series.consumed[i] as number,
    remaining: series.remaining[i] as number,
    burnRate: orNull(series.burnRate[i] as number),
  };
}

/** The series of one SLO of a stored program; undefined when the program has no such SLO. */
export async function programSloSeries(
  store: SliReader,
  programId: ProgramId,
  model: ProgramModel,
  sloId: string,
  atMs: number,
  points: number = DEFAULT_SERIES_POINTS,
): Promise<ProgramSloSeries | undefined> {
  const s = model.slos.find((x) => x.id === sloId);
  if (s === undefined) return undefined;
  const stored = await store.sli.read(programId, s.id);
  return sloSeries(s, stored, atMs, Math.max(1, Math.min(MAX_SERIES_POINTS, Math.floor(points))));
}
