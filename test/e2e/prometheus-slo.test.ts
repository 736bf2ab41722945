/**
 * SLO figures end to end against a real Prometheus (Debian's package): the test writes known
 * traffic as OpenMetrics, backfills it with promtool, starts the server on loopback, reads the SLI
 * through `readPrometheusSli` and computes budgets and alerts with the engine.
 *
 * Traffic, one sample per counter every minute for 3 days (4,320 minutes, k = 0..4319 is the minute
 * (S + k min, S + (k+1) min]), 1,000 requests in every minute:
 * - code 404: 10 a minute (client errors count as good: the SLI's filter is code!~"5..");
 * - code 500: 1 in every minute with k % 10 = 9 (background) → 432 in 3 days;
 * - code 503: 60 a minute during the incident, minutes k = 3720..3749 (30 minutes, from
 *   S + 2 d 14 h) → 1,800;
 * - code 200: the rest.
 *
 * Why the figures are exact, not approximate: the queries are `sum(increase(x[1m]))` with a step
 * of 1m on evaluation times that fall on the samples. Prometheus 2.x (Debian ships 2.42) selects the
 * closed range [t − 1m, t], which holds exactly the samples at t − 1m and t; the sampled interval
 * then equals the range, so increase()'s extrapolation factor is exactly 1 and the value is the
 * counter difference: the minute's count, to the event. (Prometheus 3 selects (t − 1m, t], which
 * would leave one sample and no value: the test would fail on "empty", not drift.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPrometheusSli } from '../../src/app/slo/prometheus-sli.js';
import { evaluateBurnRateAlerts } from '../../src/engine/slo/burn-rate-alerts.js';
import { computeErrorBudget, type SliSeries, sloUnits } from '../../src/engine/slo/error-budget.js';
import { freePort, type PrometheusServer, startPrometheus } from '../support/prometheus-server.js';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const MINUTES = 3 * 24 * 60; // 4,320
const INCIDENT_FIRST = 3720;
const INCIDENT_END = 3750; // exclusive

// Whole hours, ending a day before now: well out of the head block's last hours, well inside retention.
const END = Math.floor(Date.now() / (60 * MIN)) * 60 * MIN - DAY;
const START = END - MINUTES * MIN;

const perMinute = (k: number) => {
  const c404 = 10;
  const c500 = k % 10 === 9 ? 1 : 0;
  const c503 = k >= INCIDENT_FIRST && k < INCIDENT_END ? 60 : 0;
  return { '200': 1000 - c404 - c500 - c503, '404': c404, '500': c500, '503': c503 };
};

function openMetrics(): string {
  const lines = ['# TYPE http_requests counter'];
  for (const code of ['200', '404', '500', '503'] as const) {
    let counter = 0;
    lines.push(`http_requests_total{code="${code}"} 0 ${START / 1000}`);
    for (let k = 0; k < MINUTES; k++) {
      counter += perMinute(k)[code];
      lines.push(`http_requests_total{code="${code}"} ${counter} ${(START + (k + 1) * MIN) / 1000}`);
    }
  }
  lines.push('# EOF', '');
  return lines.join('\n');
}

const GOOD = 'sum(increase(http_requests_total{code!~"5.."}[1m]))';
const BAD = 'sum(increase(http_requests_total{code=~"5.."}[1m]))';
const TOTAL = 'sum(increase(http_requests_total[1m]))';

let server: PrometheusServer;
const range = () => ({ baseUrl: server.url, startMs: START + MIN, endMs: END, stepMs: MIN });

beforeAll(async () => {
  server = await startPrometheus(openMetrics());
});
afterAll(async () => {
  await server?.stop();
});

async function readSli(): Promise<SliSeries> {
  const read = await readPrometheusSli({ ...range(), queries: { good: GOOD, total: TOTAL } });
  if (!read.ok) throw new Error(read.error.message);
  return { kind: 'counts', timesMs: read.value.timestamps, good: read.value.good, total: read.value.total };
}

describe('SLI from a real Prometheus, backfilled with known traffic', () => {
  it('reads every minute exactly as generated, from good/total and from bad/total queries', async () => {
    const read = await readPrometheusSli({ ...range(), queries: { good: GOOD, total: TOTAL } });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const { timestamps, good, total } = read.value;
    expect(timestamps.length).toBe(MINUTES);
    expect(timestamps[0]).toBe(START + MIN);
    expect(timestamps[MINUTES - 1]).toBe(END);
    const expectedGood = Array.from({ length: MINUTES }, (_, k) => {
      const m = perMinute(k);
      return m['200'] + m['404'];
    });
    expect(Array.from(good)).toEqual(expectedGood);
    expect(Array.from(total)).toEqual(new Array(MINUTES).fill(1000));

    const viaBad = await readPrometheusSli({ ...range(), queries: { bad: BAD, total: TOTAL } });
    expect(viaBad.ok && Array.from(viaBad.value.good)).toEqual(expectedGood);
  });

  it('Occurrences, rolling 30 d, 99.9 %: the budget figures at the end of the 3 days', async () => {
    const report = computeErrorBudget({
      series: await readSli(),
      objective: 0.999,
      method: { kind: 'Occurrences' },
      window: { kind: 'rolling', durationMs: 30 * DAY },
    });
    expect(report.ok).toBe(true);
    if (!report.ok) return;
    const end = report.value.end;
    expect(report.value.unit).toBe('events');
    // Events: 4,320 minutes × 1,000 = 4,320,000. Bad: 432 background 500s + 30 × 60 503s = 2,232.
    // Budget: 0.1 % of 4,320,000 = 4,320 events; consumed 2,232; remaining 4,320 − 2,232 = 2,088.
    expect(end?.budgetTotal).toBe(4320);
    expect(end?.consumed).toBe(2232);
    expect(end?.remaining).toBe(2088);
    expect(end?.exhausted).toBe(false);
    // Attained SLI: 4,317,768 / 4,320,000 = 0.99948333…
    expect(end?.attainedSli).toBe(4_317_768 / 4_320_000);
    // Burn rate over the window so far: (2,232 / 4,320,000) / 0.001 = 0.516666…
    expect(end?.burnRate).toBeCloseTo(2232 / 4320, 12);
    // Time to exhaustion: (2,088 / 4,320) × 30 d / (2,232 / 4,320) = 2,088 / 2,232 × 30 d = 28.0645… d.
    expect((end?.timeToExhaustionMs ?? 0) / DAY).toBeCloseTo((2088 / 2232) * 30, 9);
  });

  it('Timeslices of 1 min at 99 %, rolling 30 d, 99.9 %: the incident minutes are the bad slices', async () => {
    const report = computeErrorBudget({
      series: await readSli(),
      objective: 0.999,
      method: { kind: 'Timeslices', sliceMs: MIN, sliceThreshold: 0.99 },
      window: { kind: 'rolling', durationMs: 30 * DAY },
    });
    expect(report.ok).toBe(true);
    if (!report.ok) return;
    const end = report.value.end;
    expect(report.value.unit).toBe('minutes');
    // A minute is bad when more than 1 % of its 1,000 requests fail: only the 30 incident minutes
    // (61 or 60 of 1,000 = 6 %); a background minute has 1 of 1,000 = 0.1 %.
    // Budget: 0.1 % of 30 d = 43.2 min; consumed 30 min; remaining 13.2 min; SLI 4,290 / 4,320.
    expect(end?.budgetTotal).toBeCloseTo(43.2, 12);
    expect(end?.consumed).toBe(30);
    expect(end?.remaining).toBeCloseTo(13.2, 12);
    expect(end?.attainedSli).toBe(4290 / 4320);
  });

  it('pages (page-fast, 14.4× over 1 h and 5 min) during the incident and nothing else ever fires', async () => {
    const units = sloUnits(await readSli(), { kind: 'Occurrences' });
    expect(units.ok).toBe(true);
    if (!units.ok) return;
    const firing: number[] = [];
    const rules = new Set<string>();
    for (const t of units.value.timesMs) {
      const evaluation = evaluateBurnRateAlerts(units.value, 0.999, t);
      for (const rule of evaluation.fired) rules.add(rule.name);
      if (evaluation.severity === 'page') firing.push((t - START) / MIN);
    }
    // 14.4× of a 0.1 % budget = more than 864 bad of the 60,000 requests of the last hour.
    // At minute 3735 (15 incident minutes): 15 × 60 + 6 background = 906 > 864; at 3734: 14 × 60 + 6
    // = 846, not yet. The 5 min window is far above (≥ 241 of 5,000) until 3753 (2 incident minutes
    // in it: 121 > 72); at 3754 it holds one incident minute: 61 of 5,000 = 12.2× — it stops.
    // page-slow needs 6× over 6 h: at most 1,836 of 360,000 = 5.1×; ticket 1× over 3 d: at most
    // 2,175 of 3,750,000 = 0.58×. So only page-fast fires, on minutes 3735..3753.
    expect([...rules]).toEqual(['page-fast']);
    expect(firing).toEqual(Array.from({ length: 19 }, (_, i) => 3735 + i));
    // At the incident's last minute: 1 h burn = 1,806 / 60,000 / 0.001 = 30.1; 5 min = 301 / 5,000 / 0.001 = 60.2.
    const atIncidentEnd = evaluateBurnRateAlerts(units.value, 0.999, START + INCIDENT_END * MIN);
    const fast = atIncidentEnd.measurements[0];
    expect(fast?.rule.name).toBe('page-fast');
    expect(fast?.longBurnRate).toBeCloseTo(30.1, 9);
    expect(fast?.shortBurnRate).toBeCloseTo(60.2, 9);
    // At the end nothing burns fast: the last hour holds 6 background errors = 0.1×.
    expect(evaluateBurnRateAlerts(units.value, 0.999, END).severity).toBeNull();
  });
});

describe('Prometheus errors are values with the server’s own text', () => {
  it('a request that cannot be sent is refused before any I/O', async () => {
    const queries = { good: GOOD, total: TOTAL };
    const backwards = await readPrometheusSli({ ...range(), startMs: END, endMs: START, queries });
    const noStep = await readPrometheusSli({ ...range(), stepMs: 0, queries });
    const notUrl = await readPrometheusSli({ ...range(), baseUrl: '127.0.0.1:9090', queries });
    expect([backwards, noStep, notUrl].map((r) => (r.ok ? null : r.error.kind))).toEqual([
      'invalid-request',
      'invalid-request',
      'invalid-request',
    ]);
  });

  it('unreachable server', async () => {
    const read = await readPrometheusSli({
      ...range(),
      baseUrl: `http://127.0.0.1:${await freePort()}`,
      queries: { good: GOOD, total: TOTAL },
    });
    expect(read.ok ? null : read.error.kind).toBe('unreachable');
    expect(read.ok ? '' : read.error.message).toContain('did not answer');
  });

  it('bad PromQL, execution errors, a wrong path, empty results, many series, mismatched steps, good > total', async () => {
    const read = (queries: { good: string; total: string } | { bad: string; total: string }, baseUrl = server.url) =>
      readPrometheusSli({ ...range(), baseUrl, queries });
    const syntax = await read({ good: 'sum(increase(http_requests_total[1m]', total: TOTAL });
    expect(syntax.ok ? null : [syntax.error.kind, syntax.error.query, syntax.error.status]).toEqual(['bad-query', 'good', 400]);
    expect(syntax.ok ? '' : syntax.error.message).toContain('parse error');

    const execution = await read({ good: GOOD, total: 'http_requests_total / on() http_requests_total' });
    expect(execution.ok ? null : [execution.error.kind, execution.error.query, execution.error.status]).toEqual(['http', 'total', 422]);
    expect(execution.ok ? '' : execution.error.message).toContain('many-to-many matching not allowed');

    const wrongPath = await read({ good: GOOD, total: TOTAL }, `${server.url}/not-prometheus`);
    expect(wrongPath.ok ? null : [wrongPath.error.kind, wrongPath.error.status]).toEqual(['http', 404]);
    expect(wrongPath.ok ? '' : wrongPath.error.message).toContain('404 page not found');

    const empty = await read({ good: 'sum(increase(no_such_metric_total[1m]))', total: TOTAL });
    expect(empty.ok ? null : [empty.error.kind, empty.error.query]).toEqual(['empty', 'good']);

    const many = await read({ good: GOOD, total: 'increase(http_requests_total[1m])' });
    expect(many.ok ? null : [many.error.kind, many.error.message]).toEqual([
      'many-series',
      'the total query "increase(http_requests_total[1m])" returned 4 series; an SLI needs one',
    ]);

    // Bad minutes only where more than 5 fail: the incident's 30 minutes, not all 4,320.
    const gaps = await read({ bad: `${BAD} > 5`, total: TOTAL });
    expect(gaps.ok ? null : [gaps.error.kind, gaps.error.query]).toEqual(['mismatch', 'bad']);
    expect(gaps.ok ? '' : gaps.error.message).toContain(new Date(START + MIN).toISOString());

    const tooMany = await read({ good: `${TOTAL} * 2`, total: TOTAL });
    expect(tooMany.ok ? null : tooMany.error.kind).toBe('bad-value');
    expect(tooMany.ok ? '' : tooMany.error.message).toContain('good 2000 of total 1000');
  });
});
