/**
 * Ratio SLI data from a Prometheus server, over its HTTP query API (`/api/v1/query_range`).
 *
 * Each query must return ONE series of per-step event counts, e.g.
 * `sum(increase(http_requests_total{code!~"5.."}[1m]))` with a step of 1m: the value at step t is
 * the number of events in (t − step, t]. The two series are matched on their timestamps; a step
 * present in one and missing from the other is an error rather than a guess (a missing point can
 * mean "no events" or "no data"; write `... or vector(0)` when it means no events).
 *
 * Units: timestamps in ms since the epoch; counts in events. Good ≤ total at every step.
 */
import { err, ok, type Result } from '../../domain/result.js';

export type PrometheusErrorKind =
  | 'invalid-request'
  | 'unreachable'
  | 'http'
  | 'bad-query'
  | 'bad-response'
  | 'empty'
  | 'many-series'
  | 'mismatch'
  | 'bad-value';

export interface PrometheusError {
  readonly kind: PrometheusErrorKind;
  /** What went wrong, with Prometheus's own error text when it gave one. */
  readonly message: string;
  readonly hint: string;
  /** Which of the SLI's queries failed, when one did. */
  readonly query?: 'good' | 'bad' | 'total';
  /** HTTP status of the failing answer. */
  readonly status?: number;
}

/** A ratio SLI as in OpenSLO's ratioMetric: good or bad events, and all events. */
export type RatioQueries = { readonly good: string; readonly total: string } | { readonly bad: string; readonly total: string };

export interface PrometheusSliRequest {
  /** Server base URL, e.g. `http://127.0.0.1:9090` (a path prefix such as `/prometheus` is kept). */
  readonly baseUrl: string;
  readonly queries: RatioQueries;
  /** First and last evaluation time, ms since the epoch (inclusive). */
  readonly startMs: number;
  readonly endMs: number;
  /** Step between evaluations in ms; use the query's range (`[1m]` ↔ 60_000) so steps do not overlap. */
  readonly stepMs: number;
  /** Extra request headers, e.g. `authorization`. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Per-request timeout in ms; default 30 s. */
  readonly timeoutMs?: number;
}

export interface PrometheusSli {
  readonly timestamps: Float64Array;
  readonly good: Float64Array;
  readonly total: Float64Array;
}

type QueryName = 'good' | 'bad' | 'total';
interface Samples {
  readonly times: Float64Array;
  readonly values: Float64Array;
}

const fail = (kind: PrometheusErrorKind, message: string, hint: string, extra: Partial<PrometheusError> = {}) =>
  err<PrometheusError>({ kind, message, hint, ...extra });

const iso = (ms: number) => new Date(ms).toISOString();

export async function readPrometheusSli(request: PrometheusSliRequest): Promise<Result<PrometheusSli, PrometheusError>> {
  const { startMs, endMs, stepMs } = request;
  if (!(Number.isFinite(startMs) && Number.isFinite(endMs) && startMs <= endMs)) {
    return fail('invalid-request', `time range ${startMs}..${endMs} is not a range`, 'give start ≤ end in ms since the epoch');
  }
  if (!(stepMs > 0 && Number.isFinite(stepMs))) {
    return fail('invalid-request', `step ${stepMs} ms is not positive`, 'give the step in ms, e.g. 60000 for 1m');
  }
  let base: URL;
  try {
    base = new URL(request.baseUrl.endsWith('/') ? request.baseUrl : `${request.baseUrl}/`);
  } catch {
    return fail('invalid-request', `"${request.baseUrl}" is not a URL`, 'give the server as http://host:port');
  }
  const q = request.queries;
  const [otherName, otherQuery]: [QueryName, string] = 'good' in q ? ['good', q.good] : ['bad', q.bad];
  const [other, total] = await Promise.all([queryRange(base, otherName, otherQuery, request), queryRange(base, 'total', q.total, request)]);
  if (!other.ok) return other;
  if (!total.ok) return total;
  const a = other.value;
  const t = total.value;
  const n = t.times.length;
  for (let i = 0; i < Math.max(n, a.times.length); i++) {
    if (a.times[i] !== t.times[i]) {
      const at = Math.min(a.times[i] ?? Number.POSITIVE_INFINITY, t.times[i] ?? Number.POSITIVE_INFINITY);
      const missing: QueryName = a.times[i] === at ? 'total' : otherName;
      return fail(
        'mismatch',
        `the ${otherName} and total series differ at ${iso(at)}: the ${missing} query has no value there (${a.times.length} ${otherName} points, ${n} total points)`,
        `make both queries return a value at every step, e.g. "sum(...) or vector(0)" when no events means 0`,
        { query: missing },
      );
    }
  }
  const good = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const all = t.values[i] as number;
    const g = otherName === 'good' ? (a.values[i] as number) : all - (a.values[i] as number);
    if (!(g >= 0 && g <= all)) {
      return fail(
        'bad-value',
        `at ${iso(t.times[i] as number)}: ${otherName} ${a.values[i]} of total ${all} is not between 0 and total`,
        'count the same events in both queries (same selector, range and aggregation), with the good/bad filter only',
        { query: otherName },
      );
    }
    good[i] = g;
  }
  return ok({ timestamps: t.times, good, total: t.values });
}

async function queryRange(
  base: URL,
  name: QueryName,
  query: string,
  request: PrometheusSliRequest,
): Promise<Result<Samples, PrometheusError>> {
  const url = new URL('api/v1/query_range', base);
  // POST with a form body: the same API as GET, and long queries do not hit URL length limits.
  const body = new URLSearchParams({
    query,
    start: String(request.startMs / 1000),
    end: String(request.endMs / 1000),
    step: String(request.stepMs / 1000),
  });
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...request.headers },
      body,
      signal: AbortSignal.timeout(request.timeoutMs ?? 30_000),
    });
    text = await response.text();
  } catch (e) {
    const cause = e instanceof Error ? (e.cause instanceof Error ? e.cause.message : e.message) : String(e);
    return fail(
      'unreachable',
      `Prometheus at ${base.origin} did not answer the ${name} query: ${cause}`,
      'check the URL and that the server is up',
      {
        query: name,
      },
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    const excerpt = text.trim().slice(0, 200);
    const message = `${url.href} answered HTTP ${response.status} with a body that is not JSON: ${excerpt || '(empty)'}`;
    return fail(
      response.ok ? 'bad-response' : 'http',
      message,
      'check that the base URL points at a Prometheus server (and its path prefix, if any)',
      {
        query: name,
        status: response.status,
      },
    );
  }
  const answer = json as { status?: unknown; errorType?: unknown; error?: unknown; data?: { resultType?: unknown; result?: unknown } };
  if (answer.status !== 'success') {
    const text = typeof answer.error === 'string' ? answer.error : 'no error text';
    if (answer.errorType === 'bad_data') {
      return fail(
        'bad-query',
        `Prometheus rejected the ${name} query ${JSON.stringify(query)}: ${text}`,
        'fix the PromQL (try it in the Prometheus UI)',
        {
          query: name,
          status: response.status,
        },
      );
    }
    return fail(
      'http',
      `Prometheus answered HTTP ${response.status} (${String(answer.errorType ?? 'error')}) to the ${name} query: ${text}`,
      'see the server log',
      {
        query: name,
        status: response.status,
      },
    );
  }
  const result = answer.data?.result;
  if (answer.data?.resultType !== 'matrix' || !Array.isArray(result)) {
    return fail('bad-response', `the ${name} query did not return a range vector (matrix)`, 'check the base URL and the API version', {
      query: name,
    });
  }
  if (result.length === 0) {
    return fail(
      'empty',
      `the ${name} query ${JSON.stringify(query)} returned no data between ${iso(request.startMs)} and ${iso(request.endMs)}`,
      'check the metric name and labels, and that the server holds data for that time range',
      { query: name },
    );
  }
  if (result.length > 1) {
    return fail(
      'many-series',
      `the ${name} query ${JSON.stringify(query)} returned ${result.length} series; an SLI needs one`,
      'aggregate the query, e.g. sum(increase(...[1m]))',
      { query: name },
    );
  }
  const pairs = (result[0] as { values?: unknown }).values;
  if (!Array.isArray(pairs)) return fail('bad-response', `the ${name} series has no values`, 'check the API version', { query: name });
  const times = new Float64Array(pairs.length);
  const values = new Float64Array(pairs.length);
  for (let i = 0; i < pairs.length; i++) {
    const [seconds, raw] = pairs[i] as [number, string];
    // Prometheus gives seconds with millisecond precision; rounding removes the float noise of × 1000.
    times[i] = Math.round(seconds * 1000);
    const v = Number(raw);
    if (!(Number.isFinite(v) && v >= 0)) {
      return fail(
        'bad-value',
        `the ${name} query gave ${raw} at ${iso(times[i] as number)}; counts must be finite and ≥ 0`,
        'count events with increase() over counters',
        {
          query: name,
        },
      );
    }
    values[i] = v;
  }
  return ok({ times, values });
}
