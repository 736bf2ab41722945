/**
 * Usage history of a capacity resource from a Prometheus server, over its HTTP query API
 * (`/api/v1/query_range`), as `src/app/slo/prometheus-sli.ts` reads SLI data. The query must return
 * ONE series, the usage in the resource's unit at each step, e.g.
 * `sum(kube_pod_container_resource_requests{resource="cpu"})` with a step of one day.
 * Units: timestamps in ms since the epoch.
 */
import { err, ok, type Result } from '../../domain/result.js';
import type { UsageSeries } from '../../formats/usage-csv/read-usage-csv.js';

export type PrometheusUsageErrorKind =
  | 'invalid-request'
  | 'unreachable'
  | 'http'
  | 'bad-query'
  | 'bad-response'
  | 'empty'
  | 'many-series'
  | 'bad-value';

export interface PrometheusUsageError {
  readonly kind: PrometheusUsageErrorKind;
  readonly message: string;
  readonly hint: string;
  readonly status?: number;
}

export interface PrometheusUsageRequest {
  /** Server base URL, e.g. `http://127.0.0.1:9090` (a path prefix such as `/prometheus` is kept). */
  readonly baseUrl: string;
  readonly query: string;
  /** First and last evaluation time, ms since the epoch (inclusive). */
  readonly startMs: number;
  readonly endMs: number;
  /** Step between evaluations in ms; one day (86 400 000) suits capacity planning. */
  readonly stepMs: number;
  readonly timeoutMs?: number;
}

const fail = (kind: PrometheusUsageErrorKind, message: string, hint: string, status?: number) =>
  err<PrometheusUsageError>({ kind, message, hint, ...(status !== undefined ? { status } : {}) });

const iso = (ms: number) => new Date(ms).toISOString();

export async function readPrometheusUsage(request: PrometheusUsageRequest): Promise<Result<UsageSeries, PrometheusUsageError>> {
  const { startMs, endMs, stepMs, query } = request;
  if (!(Number.isFinite(startMs) && Number.isFinite(endMs) && startMs <= endMs)) {
    return fail('invalid-request', `time range ${startMs}..${endMs} is not a range`, 'give start ≤ end in ms since the epoch');
  }
  if (!(stepMs > 0 && Number.isFinite(stepMs))) return fail('invalid-request', `step ${stepMs} ms is not positive`, 'give the step in ms');
  let base: URL;
  try {
    base = new URL(request.baseUrl.endsWith('/') ? request.baseUrl : `${request.baseUrl}/`);
  } catch {
    return fail('invalid-request', `"${request.baseUrl}" is not a URL`, 'give the server as http://host:port');
  }
  const url = new URL('api/v1/query_range', base);
  const body = new URLSearchParams({ query, start: String(startMs / 1000), end: String(endMs / 1000), step: String(stepMs / 1000) });
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
      signal: AbortSignal.timeout(request.timeoutMs ?? 30_000),
    });
    text = await response.text();
  } catch (e) {
    const cause = e instanceof Error ? (e.cause instanceof Error ? e.cause.message : e.message) : String(e);
    return fail(
      'unreachable',
      `Prometheus at ${base.origin} did not answer: ${cause}`,
      'check the URL in source.prometheus and that the server is up',
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail(
      response.ok ? 'bad-response' : 'http',
      `${url.href} answered HTTP ${response.status} with a body that is not JSON: ${text.trim().slice(0, 200) || '(empty)'}`,
      'check that the URL points at a Prometheus server (and its path prefix, if any)',
      response.status,
    );
  }
  const answer = json as { status?: unknown; errorType?: unknown; error?: unknown; data?: { resultType?: unknown; result?: unknown } };
  if (answer.status !== 'success') {
    const reason = typeof answer.error === 'string' ? answer.error : 'no error text';
    if (answer.errorType === 'bad_data') {
      return fail(
        'bad-query',
        `Prometheus rejected the query ${JSON.stringify(query)}: ${reason}`,
        'fix the PromQL (try it in the Prometheus UI)',
        response.status,
      );
    }
    return fail(
      'http',
      `Prometheus answered HTTP ${response.status} (${String(answer.errorType ?? 'error')}): ${reason}`,
      'see the server log',
      response.status,
    );
  }
  const result = answer.data?.result;
  if (answer.data?.resultType !== 'matrix' || !Array.isArray(result)) {
    return fail('bad-response', 'the query did not return a range vector (matrix)', 'check the base URL and the API version');
  }
  if (result.length === 0) {
    return fail(
      'empty',
      `the query ${JSON.stringify(query)} returned no data between ${iso(startMs)} and ${iso(endMs)}`,
      'check the metric name and labels, and that the server holds data for that time range',
    );
  }
  if (result.length > 1) {
    return fail(
      'many-series',
      `the query ${JSON.stringify(query)} returned ${result.length} series; usage needs one`,
      'aggregate it, e.g. sum(...)',
    );
  }
  const pairs = (result[0] as { values?: unknown }).values;
  if (!Array.isArray(pairs)) return fail('bad-response', 'the series has no values', 'check the API version');
  const timestamps = new Float64Array(pairs.length);
  const values = new Float64Array(pairs.length);
  for (let i = 0; i < pairs.length; i++) {
    const [seconds, raw] = pairs[i] as [number, string];
    timestamps[i] = Math.round(seconds * 1000);
    const v = Number(raw);
    if (!(Number.isFinite(v) && v >= 0)) {
      return fail(
        'bad-value',
        `the query gave ${raw} at ${iso(timestamps[i] as number)}; usage must be finite and ≥ 0`,
        'query a usage gauge, e.g. sum(...)',
      );
    }
    values[i] = v;
  }
  return ok({ timestamps, values });
}
