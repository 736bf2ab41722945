/**
 * Usage history of a stored program's capacity resources: a CSV upload, or a refresh from the
 * resource's Prometheus source over the days ending at an instant. Either replaces the stored
 * history. The instant and the actor are passed in.
 */
import type { ProgramId } from '../../domain/ids.js';
import type { ProgramModel } from '../../domain/program-model.js';
import { err, ok, type Result } from '../../domain/result.js';
import { suggestion } from '../../domain/suggest.js';
import { readUsageCsv, type UsageCsvProblem, type UsageSeries } from '../../formats/usage-csv/read-usage-csv.js';
import type { UsageSource, UsageStore } from '../../store/usage-store.js';
import { type PrometheusUsageError, readPrometheusUsage } from './prometheus-usage.js';

export interface UsageDataSaved {
  readonly resource: string;
  readonly samples: number;
  /** First and last sample, ISO 8601 UTC; null when there are none. */
  readonly from: string | null;
  readonly to: string | null;
  readonly source: UsageSource;
}

export type UsageDataError =
  | { readonly kind: 'no-resource'; readonly resource: string; readonly message: string }
  | { readonly kind: 'csv'; readonly problems: readonly UsageCsvProblem[] }
  | { readonly kind: 'no-source'; readonly resource: string; readonly message: string }
  | { readonly kind: 'prometheus'; readonly resource: string; readonly error: PrometheusUsageError };

export function usageDataErrorText(e: UsageDataError): string {
  if (e.kind === 'csv')
    return e.problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}${p.hint ? ` (${p.hint})` : ''}`).join('\n');
  if (e.kind === 'prometheus') return `${e.error.message} (${e.error.hint})`;
  return e.message;
}

export function findResource(model: ProgramModel, id: string): Result<ProgramModel['capacity'][number], UsageDataError> {
  const r = model.capacity.find((c) => c.id === id);
  if (r) return ok(r);
  const known = model.capacity.map((c) => c.id as string);
  return err({
    kind: 'no-resource',
    resource: id,
    message: `program ${model.program.id} has no capacity resource "${id}"; ${suggestion(id, known, 'capacity resources')}`,
  });
}

const saved = (resource: string, series: UsageSeries, source: UsageSource): UsageDataSaved => {
  const n = series.timestamps.length;
  return {
    resource,
    samples: n,
    from: n === 0 ? null : new Date(series.timestamps[0] as number).toISOString(),
    to: n === 0 ? null : new Date(series.timestamps[n - 1] as number).toISOString(),
    source,
  };
};

const gone = (model: ProgramModel, id: string): UsageDataError => ({
  kind: 'no-resource',
  resource: id,
  message: `program ${model.program.id} no longer has capacity resource "${id}"; it was removed while its history was being written`,
});

export async function storeUsageCsv(
  store: { readonly usage: UsageStore },
  programId: ProgramId,
  model: ProgramModel,
  resourceId: string,
  csv: { readonly file: string; readonly text: string },
  meta: { readonly actor: string; readonly at: Date },
): Promise<Result<UsageDataSaved, UsageDataError>> {
  const found = findResource(model, resourceId);
  if (!found.ok) return found;
  const read = readUsageCsv(csv.text, csv.file);
  if (!read.ok) return err({ kind: 'csv', problems: read.error });
  const written = await store.usage.write(programId, resourceId, {
    series: read.value,
    source: 'csv',
    actor: meta.actor,
    updatedAt: meta.at,
  });
  if (!written) return err(gone(model, resourceId));
  return ok(saved(resourceId, read.value, 'csv'));
}

/** Days of history a refresh pulls, one sample a day: a year shows seasonality and a trend. */
export const REFRESH_DAYS = 365;
const DAY_MS = 86_400_000;

export async function refreshUsageFromPrometheus(
  store: { readonly usage: UsageStore },
  programId: ProgramId,
  model: ProgramModel,
  resourceId: string,
  meta: { readonly actor: string; readonly at: Date },
  days = REFRESH_DAYS,
): Promise<Result<UsageDataSaved, UsageDataError>> {
  const found = findResource(model, resourceId);
  if (!found.ok) return found;
  const source = found.value.source?.prometheus;
  if (!source) {
    return err({
      kind: 'no-source',
      resource: resourceId,
      message: `capacity resource "${resourceId}" has no Prometheus source; add source: { prometheus: { url, query } } to it, or upload a CSV`,
    });
  }
  // Whole UTC days, so each sample is one day's usage and refreshes on one day agree.
  const endMs = Math.floor(meta.at.getTime() / DAY_MS) * DAY_MS;
  const read = await readPrometheusUsage({
    baseUrl: source.url,
    query: source.query,
    startMs: endMs - days * DAY_MS,
    endMs,
    stepMs: DAY_MS,
  });
  if (!read.ok) return err({ kind: 'prometheus', resource: resourceId, error: read.error });
  const written = await store.usage.write(programId, resourceId, {
    series: read.value,
    source: 'prometheus',
    actor: meta.actor,
    updatedAt: meta.at,
  });
  if (!written) return err(gone(model, resourceId));
  return ok(saved(resourceId, read.value, 'prometheus'));
}

/** Every resource's stored history, by resource id. */
export async function storedUsage(store: { readonly usage: UsageStore }, programId: ProgramId): Promise<Map<string, UsageSeries>> {
  const all = await store.usage.readAll(programId);
  return new Map(all.map((u) => [u.resource, u.series]));
}
