/**
 * SLI data of a stored program's SLOs: a CSV upload (the sli-csv format), or a refresh from the
 * SLO's Prometheus `source` over the window ending at an instant. Either replaces the SLO's stored
 * samples. The instant and the actor are passed in.
 */
import type { ProgramId } from '../../domain/ids.js';
import type { ProgramModel } from '../../domain/program-model.js';
import { type ProgramSlo, type SloId, toSlo } from '../../domain/program-slo.js';
import { err, ok, type Result } from '../../domain/result.js';
import { suggestion } from '../../domain/suggest.js';
import { calendarPeriodStart } from '../../engine/slo/error-budget.js';
import { readSliCsv, type SliCsvProblem, type SliSeries } from '../../formats/sli-csv/read-sli-csv.js';
import type { SliSource, SliStore } from '../../store/sli-store.js';
import { type PrometheusError, type RatioQueries, readPrometheusSli } from '../slo/prometheus-sli.js';
import { engineWindow, SERIES_HEADER } from './slo-budget.js';

export interface SliWriteMeta {
  readonly actor: string;
  readonly at: Date;
}

export interface SliDataSaved {
  readonly slo: SloId;
  readonly samples: number;
  /** First and last sample, ISO 8601 UTC; null when there are none. */
  readonly from: string | null;
  readonly to: string | null;
  readonly source: SliSource;
}

export type SliDataError =
  | { readonly kind: 'no-slo'; readonly slo: string; readonly message: string }
  /** Every problem of the file, with line and column (1-based). */
  | { readonly kind: 'csv'; readonly problems: readonly SliCsvProblem[] }
  | { readonly kind: 'no-source'; readonly slo: string; readonly message: string }
  | { readonly kind: 'not-ratio'; readonly slo: string; readonly message: string }
  | { readonly kind: 'prometheus'; readonly slo: string; readonly error: PrometheusError };

/** The one sentence to show for an error that is not a list of file problems. */
export function sliDataErrorText(e: SliDataError): string {
  if (e.kind === 'csv') return e.problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`).join('\n');
  if (e.kind === 'prometheus') return `${e.error.message} (${e.error.hint})`;
  return e.message;
}

export function findSlo(model: ProgramModel, id: string): Result<ProgramSlo, SliDataError> {
  const slo = model.slos.find((s) => s.id === id);
  if (slo) return ok(slo);
  const known = model.slos.map((s) => s.id as string);
  return err({ kind: 'no-slo', slo: id, message: `program ${model.program.id} has no SLO "${id}"; ${suggestion(id, known, 'SLOs')}` });
}

// The SLO was removed between reading the program and writing its data.
const gone = (model: ProgramModel, id: string): SliDataError => ({
  kind: 'no-slo',
  slo: id,
  message: `program ${model.program.id} no longer has SLO "${id}"; it was removed while its data was being written`,
});

const saved = (slo: SloId, series: SliSeries, source: SliSource): SliDataSaved => {
  const n = series.timestamps.length;
  return {
    slo,
    samples: n,
    from: n === 0 ? null : new Date(series.timestamps[0] as number).toISOString(),
    to: n === 0 ? null : new Date(series.timestamps[n - 1] as number).toISOString(),
    source,
  };
};

const kindOf = (s: ProgramSlo): SliSeries['kind'] => ('ratio' in s.indicator ? 'ratio' : 'threshold');

/**
 * Reads the CSV and stores it as the SLO's samples. A header of the other SLI kind is a problem at
 * line 1 of the header, saying which header the SLO needs.
 */
export async function storeSliCsv(
  store: { readonly sli: SliStore },
  programId: ProgramId,
  model: ProgramModel,
  sloId: string,
  csv: { readonly file: string; readonly text: string },
  meta: SliWriteMeta,
): Promise<Result<SliDataSaved, SliDataError>> {
  const found = findSlo(model, sloId);
  if (!found.ok) return found;
  const slo = found.value;
  const read = readSliCsv(csv.text, csv.file);
  if (!read.ok) return err({ kind: 'csv', problems: read.error });
  const want = kindOf(slo);
  if (read.value.kind !== want) {
    const headerLine =
      csv.text
        .replace(/^\uFEFF/, '')
        .split(/\r?\n/)
        .findIndex((l) => l.trim() !== '') + 1;
    return err({
      kind: 'csv',
      problems: [
        {
          code: 'bad-header',
          message: `SLO ${slo.id} has a ${want} indicator, the file holds ${read.value.kind} data`,
          hint: `write ${SERIES_HEADER[want]} as the header, with one row per sample`,
          file: csv.file,
          line: headerLine,
          column: 1,
        },
      ],
    });
  }
  if (!(await store.sli.write(programId, slo.id, { series: read.value, source: 'csv', actor: meta.actor, updatedAt: meta.at })))
    return err(gone(model, sloId));
  return ok(saved(slo.id, read.value, 'csv'));
}

const MINUTE = 60_000;
/** The longest look-back of the Workbook alerts (the ticket rule's 3 days): fetched even for shorter windows. */
const ALERT_LOOKBACK_MS = 3 * 24 * 60 * MINUTE;
/** Prometheus refuses more than 11,000 points per series in one query_range; stay below it. */
export const MAX_STEPS_PER_QUERY = 10_000;

const RANGE = /\[(\d+)([smhd])\]/g;
const RANGE_MS: Readonly<Record<string, number>> = { s: 1000, m: MINUTE, h: 60 * MINUTE, d: 24 * 60 * MINUTE };

/**
 * The step that makes the queries' per-step counts add up without overlap: the range of their
 * selectors (`increase(x[5m])` → 5 min) when they all use one, else 1 min.
 */
export function stepOf(queries: readonly string[]): number {
  const ranges = new Set<number>();
  for (const q of queries) for (const m of q.matchAll(RANGE)) ranges.add(Number(m[1]) * (RANGE_MS[m[2] ?? 'm'] ?? MINUTE));
  const [only] = ranges;
  return ranges.size === 1 && only !== undefined && only > 0 ? only : MINUTE;
}

/** The evaluation times to fetch: the SLO's window (or 3 days, if longer) ending at `atMs`, on whole steps. */
export function refreshRange(s: ProgramSlo, atMs: number, stepMs: number): Result<{ startMs: number; endMs: number }, string> {
  const slo = toSlo(s);
  const window = engineWindow(slo.timeWindow, atMs);
  if (!window.ok) return window;
  const windowStart =
    window.value.kind === 'rolling'
      ? atMs - window.value.durationMs
      : calendarPeriodStart(atMs, window.value.unit, window.value.offsetMinutes);
  const from = Math.min(windowStart, atMs - ALERT_LOOKBACK_MS);
  const endMs = Math.floor(atMs / stepMs) * stepMs;
  // The first evaluation counts the events of (start − step, start]: start one step after the window's start.
  const startMs = Math.floor(from / stepMs) * stepMs + stepMs;
  return ok({ startMs, endMs });
}

export interface RefreshOptions {
  /** Extra request headers, e.g. authorization. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly timeoutMs?: number;
}

/**
 * Pulls the SLO's ratio SLI from its Prometheus source over the window ending at `atMs` and stores
 * it. Long windows are read in chunks of at most 10,000 steps; chunks without data (before the
 * metric existed) are skipped, but if no chunk has data Prometheus's "no data" is the error.
 */
export async function refreshSliFromPrometheus(
  store: { readonly sli: SliStore },
  programId: ProgramId,
  model: ProgramModel,
  sloId: string,
  atMs: number,
  meta: SliWriteMeta,
  options: RefreshOptions = {},
): Promise<Result<SliDataSaved, SliDataError>> {
  const found = findSlo(model, sloId);
  if (!found.ok) return found;
  const slo = found.value;
  if (slo.source === undefined)
    return err({
      kind: 'no-source',
      slo: slo.id,
      message: `SLO ${slo.id} names no Prometheus server to refresh from`,
    });
  if (!('ratio' in slo.indicator))
    return err({
      kind: 'not-ratio',
      slo: slo.id,
      message: `SLO ${slo.id} has a threshold indicator; refresh reads ratio indicators (good or bad, and total) — upload its samples as CSV (timestamp,value)`,
    });
  const r = slo.indicator.ratio;
  const queries: RatioQueries = r.good !== undefined ? { good: r.good, total: r.total } : { bad: r.bad ?? '', total: r.total };
  const stepMs = stepOf([r.good ?? r.bad ?? '', r.total]);
  const range = refreshRange(slo, atMs, stepMs);
  if (!range.ok) return err({ kind: 'no-source', slo: slo.id, message: range.error });
  const times: Float64Array[] = [];
  const goods: Float64Array[] = [];
  const totals: Float64Array[] = [];
  let firstEmpty: PrometheusError | undefined;
  for (let start = range.value.startMs; start <= range.value.endMs; start += MAX_STEPS_PER_QUERY * stepMs) {
    const end = Math.min(range.value.endMs, start + (MAX_STEPS_PER_QUERY - 1) * stepMs);
    const read = await readPrometheusSli({
      baseUrl: slo.source.prometheus,
      queries,
      startMs: start,
      endMs: end,
      stepMs,
      ...(options.headers ? { headers: options.headers } : {}),
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    });
    if (!read.ok) {
      if (read.error.kind === 'empty') {
        firstEmpty ??= read.error;
        continue;
      }
      return err({ kind: 'prometheus', slo: slo.id, error: read.error });
    }
    times.push(read.value.timestamps);
    goods.push(read.value.good);
    totals.push(read.value.total);
  }
  if (times.length === 0) {
    const e = firstEmpty;
    const message = `Prometheus at ${slo.source.prometheus} has no data for SLO ${slo.id} between ${new Date(range.value.startMs).toISOString()} and ${new Date(range.value.endMs).toISOString()}`;
    return err({
      kind: 'prometheus',
      slo: slo.id,
      error: { kind: 'empty', message: e ? `${message}: ${e.message}` : message, hint: e?.hint ?? 'check the queries' },
    });
  }
  const series: SliSeries = { kind: 'ratio', timestamps: concat(times), good: concat(goods), total: concat(totals) };
  if (!(await store.sli.write(programId, slo.id, { series, source: 'prometheus', actor: meta.actor, updatedAt: meta.at })))
    return err(gone(model, sloId));
  return ok(saved(slo.id, series, 'prometheus'));
}

function concat(parts: readonly Float64Array[]): Float64Array {
  const out = new Float64Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
