import { describe, expect, it } from 'vitest';
import { readOpenSlo } from './read-openslo.js';

/** An SLO with a given budgeting method, window and objective, over a ratio or threshold SLI. */
function slo(opts: { method: string; window: string; objective: string; sli?: 'ratio' | 'threshold' }): string {
  const sli =
    opts.sli === 'threshold'
      ? `      thresholdMetric:
        metricSource:
          type: Prometheus
          spec:
            query: histogram_quantile(0.99, rate(latency_bucket[5m]))`
      : `      ratioMetric:
        counter: true
        good:
          metricSource:
            metricSourceRef: prom
            spec:
              query: sum(rate(http_requests_total{code!~"5.."}[5m]))
        total:
          metricSource:
            metricSourceRef: prom
            spec:
              query: sum(rate(http_requests_total[5m]))`;
  return `apiVersion: openslo/v1
kind: SLO
metadata:
  name: checkout-availability
spec:
  service: checkout
  indicator:
    metadata:
      name: checkout-sli
    spec:
${sli}
  timeWindow:
${opts.window}
  budgetingMethod: ${opts.method}
  objectives:
${opts.objective}
`;
}

/** 1-based line of the first line containing `needle`. */
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

const ROLLING = '    - duration: 28d\n      isRolling: true';
const CALENDAR = '    - duration: 1M\n      calendar:\n        startTime: 2026-01-01 00:00:00\n        timeZone: Europe/Warsaw';

describe('readOpenSlo: budgeting methods and windows', () => {
  it('Occurrences over a rolling 28-day window, targetPercent normalised to a fraction', () => {
    const read = readOpenSlo({
      file: 'occ.yaml',
      text: slo({ method: 'Occurrences', window: ROLLING, objective: '    - targetPercent: 99.9' }),
    });
    expect(read.ok && read.value.slos[0]).toMatchObject({
      budgetingMethod: 'Occurrences',
      timeWindow: { kind: 'rolling', duration: { count: 28, unit: 'd' } },
      objectives: [{ target: 0.999 }],
      sli: { kind: 'ratio', counter: true, good: { ref: 'prom' }, total: { ref: 'prom' } },
    });
  });

  it('Timeslices over a calendar month in a time zone; a bare number of minutes as timeSliceWindow', () => {
    const read = readOpenSlo({
      file: 'ts.yaml',
      text: slo({
        method: 'Timeslices',
        window: CALENDAR,
        objective: '    - target: 0.99\n      timeSliceTarget: 0.95\n      timeSliceWindow: 5',
      }),
    });
    expect(read.ok && read.value.slos[0]).toMatchObject({
      budgetingMethod: 'Timeslices',
      timeWindow: { kind: 'calendar', duration: { count: 1, unit: 'M' }, startTime: '2026-01-01 00:00:00', timeZone: 'Europe/Warsaw' },
      objectives: [{ target: 0.99, timeSliceTarget: 0.95, timeSliceWindow: { count: 5, unit: 'm' } }],
    });
    expect(read.ok && read.value.warnings).toEqual([]);
  });

  it('RatioTimeslices needs timeSliceWindow, not timeSliceTarget', () => {
    const good = readOpenSlo({
      file: 'rt.yaml',
      text: slo({ method: 'RatioTimeslices', window: ROLLING, objective: '    - target: 0.99\n      timeSliceWindow: 1m' }),
    });
    expect(good.ok).toBe(true);
    const bad = readOpenSlo({
      file: 'rt.yaml',
      text: slo({ method: 'RatioTimeslices', window: ROLLING, objective: '    - target: 0.99' }),
    });
    expect(!bad.ok && bad.error.map((p) => [p.code, p.path])).toEqual([['missing-field', 'spec.objectives[0].timeSliceWindow']]);
  });

  it('Timeslices without timeSliceTarget is an error at the objective', () => {
    const text = slo({ method: 'Timeslices', window: ROLLING, objective: '    - target: 0.99\n      timeSliceWindow: 1m' });
    const bad = readOpenSlo({ file: 'ts.yaml', text });
    expect(!bad.ok && bad.error.map((p) => [p.code, p.path, p.line])).toEqual([
      ['missing-field', 'spec.objectives[0].timeSliceTarget', lineOf(text, '- target: 0.99')],
    ]);
  });

  it('threshold SLI: op and value are required and kept', () => {
    const ok = readOpenSlo({
      file: 't.yaml',
      text: slo({
        sli: 'threshold',
        method: 'Occurrences',
        window: ROLLING,
        objective: '    - op: lte\n      value: 0.3\n      target: 0.99',
      }),
    });
    expect(ok.ok && ok.value.slos[0]?.objectives).toEqual([{ op: 'lte', value: 0.3, target: 0.99 }]);
    const bad = readOpenSlo({
      file: 't.yaml',
      text: slo({ sli: 'threshold', method: 'Occurrences', window: ROLLING, objective: '    - target: 0.99' }),
    });
    expect(!bad.ok && bad.error.map((p) => p.path)).toEqual(['spec.objectives[0].op', 'spec.objectives[0].value']);
  });
});

describe('readOpenSlo: errors', () => {
  it('a window both rolling and calendar, a bad zone, a bad duration unit', () => {
    const both = readOpenSlo({
      file: 'w.yaml',
      text: slo({ method: 'Occurrences', window: `${CALENDAR}\n      isRolling: true`, objective: '    - target: 0.9' }),
    });
    expect(!both.ok && both.error.map((p) => p.code)).toEqual(['bad-time-window']);
    const zone = readOpenSlo({
      file: 'w.yaml',
      text: slo({ method: 'Occurrences', window: CALENDAR.replace('Europe/Warsaw', 'Mars/Olympus'), objective: '    - target: 0.9' }),
    });
    expect(!zone.ok && zone.error.map((p) => [p.code, p.path])).toEqual([['bad-time-zone', 'spec.timeWindow[0].calendar.timeZone']]);
    const text = slo({ method: 'Occurrences', window: ROLLING.replace('28d', '28D'), objective: '    - target: 0.9' });
    const unit = readOpenSlo({ file: 'w.yaml', text });
    expect(!unit.ok && unit.error.map((p) => [p.code, p.line, p.column])).toEqual([['bad-duration', lineOf(text, '28D'), 17]]);
  });

  it('target outside [0, 1) says how to write it', () => {
    const read = readOpenSlo({ file: 'x.yaml', text: slo({ method: 'Occurrences', window: ROLLING, objective: '    - target: 99.9' }) });
    expect(!read.ok && read.error[0]).toMatchObject({
      code: 'schema',
      path: 'spec.objectives[0].target',
      message: 'target 99.9 is outside [0, 1)',
    });
    expect(!read.ok && read.error[0]?.hint).toContain('targetPercent');
  });

  it('unknown fields inside nested objects are pinned to the key', () => {
    const text = slo({ method: 'Occurrences', window: ROLLING, objective: '    - target: 0.9\n      tagret: 0.99' });
    const read = readOpenSlo({ file: 'x.yaml', text });
    expect(!read.ok && read.error.map((p) => [p.code, p.path, p.line, p.column])).toEqual([
      ['unknown-field', 'spec.objectives[0].tagret', lineOf(text, 'tagret'), 7],
    ]);
  });

  it('YAML syntax errors carry their line', () => {
    const read = readOpenSlo({ file: 'bad.yaml', text: 'apiVersion: openslo/v1\nkind: Service\nmetadata:\n  name: [unclosed\n' });
    expect(!read.ok && read.error[0]?.code).toBe('yaml-syntax');
  });

  it('an unknown kind lists the v1 kinds', () => {
    const read = readOpenSlo({ file: 'k.yaml', text: 'apiVersion: openslo/v1\nkind: Dashboard\nmetadata:\n  name: d\nspec: {}\n' });
    expect(!read.ok && read.error[0]).toMatchObject({ code: 'unknown-kind', line: 2, column: 7 });
    expect(!read.ok && read.error[0]?.hint).toContain('AlertNotificationTarget');
  });

  it('references resolve across files; a missing one is a warning when lenient and the SLO is left out', () => {
    const sloFile = {
      file: 'slo.yaml',
      text: `apiVersion: openslo/v1
kind: SLO
metadata:
  name: api
spec:
  service: api
  indicatorRef: api-latency
  timeWindow:
    - duration: 7d
      isRolling: true
  budgetingMethod: Occurrences
  objectives:
    - op: lt
      value: 300
      target: 0.95
`,
    };
    const sliFile = {
      file: 'sli.json',
      text: JSON.stringify({
        apiVersion: 'openslo/v1',
        kind: 'SLI',
        metadata: { name: 'api-latency' },
        spec: { thresholdMetric: { metricSource: { type: 'Prometheus', spec: { query: 'q' } } } },
      }),
    };
    const both = readOpenSlo([sloFile, sliFile]);
    expect(both.ok && both.value.slos[0]?.sli).toEqual({
      kind: 'threshold',
      name: 'api-latency',
      metric: { type: 'Prometheus', spec: { query: 'q' } },
    });
    const alone = readOpenSlo(sloFile);
    expect(!alone.ok && alone.error.map((p) => [p.message, p.line, p.column])).toEqual([
      ["SLI 'api-latency' referenced at spec.indicatorRef does not exist", lineOf(sloFile.text, 'indicatorRef'), 17],
    ]);
    const lenient = readOpenSlo(sloFile, { lenient: true });
    expect(lenient.ok && lenient.value.slos).toEqual([]);
    expect(lenient.ok && lenient.value.warnings.map((w) => w.code)).toEqual(['missing-reference', 'missing-reference']);
  });
});
