import { describe, expect, it } from 'vitest';
import { programSloSchema } from '../../domain/program-slo.js';
import { MAX_STEPS_PER_QUERY, refreshRange, stepOf } from './slo-data.js';

const MIN = 60_000;
const DAY = 1440 * MIN;

describe('the step of a Prometheus refresh', () => {
  it("is the queries' one range selector, else 1 minute", () => {
    expect(stepOf(['sum(increase(x{code!~"5.."}[5m]))', 'sum(increase(x[5m]))'])).toBe(5 * MIN);
    expect(stepOf(['sum(increase(x[30s]))', 'sum(increase(x[30s]))'])).toBe(30_000);
    expect(stepOf(['sum(increase(x[1h]))', 'sum(increase(x[5m]))'])).toBe(MIN);
    expect(stepOf(['sum(x)', 'sum(y)'])).toBe(MIN);
  });

  it('stays under the 11,000 points Prometheus allows in one query', () => {
    expect(MAX_STEPS_PER_QUERY).toBeLessThanOrEqual(11_000);
  });
});

describe('the range a refresh reads', () => {
  const rolling = programSloSchema.parse({
    id: 'a',
    service: 's',
    objective: 99.9,
    window: '28d',
    indicator: { ratio: { good: 'g', total: 't' } },
  });
  const weekly = programSloSchema.parse({
    id: 'b',
    service: 's',
    objective: 99,
    window: '1w',
    calendar: { start: '2026-11-02 00:00:00', timeZone: 'America/New_York' },
    budgeting: 'Timeslices',
    timeSlice: { window: '1m' },
    indicator: { ratio: { good: 'g', total: 't' } },
  });

  it('a rolling window: its length ending at the instant, on whole steps, first step after the start', () => {
    const at = Date.UTC(2026, 10, 19, 12, 0, 30);
    expect(refreshRange(rolling, at, MIN)).toEqual({
      ok: true,
      value: { startMs: Date.UTC(2026, 10, 19, 12) - 28 * DAY + MIN, endMs: Date.UTC(2026, 10, 19, 12) },
    });
  });

  it('a calendar week read from Monday in its zone, or 3 days back when the week is younger', () => {
    // Thursday 2026-11-19 12:00 UTC: the New York week began Monday 2026-11-16 05:00 UTC.
    const thursday = Date.UTC(2026, 10, 19, 12);
    expect(refreshRange(weekly, thursday, MIN)).toEqual({
      ok: true,
      value: { startMs: Date.UTC(2026, 10, 16, 5) + MIN, endMs: thursday },
    });
    // Tuesday: the week is 1.3 days old; the Workbook's ticket rule looks back 3 days.
    const tuesday = Date.UTC(2026, 10, 17, 12);
    expect(refreshRange(weekly, tuesday, MIN)).toEqual({ ok: true, value: { startMs: tuesday - 3 * DAY + MIN, endMs: tuesday } });
  });
});
