import { describe, expect, it } from 'vitest';
import { dueRun, nextRunAfter, type Schedule } from './next-run.js';

const at = (iso: string) => new Date(iso);
const next = (s: Schedule, after: string, zone: string) => nextRunAfter(s, at(after), zone).toISOString();
const friday15: Schedule = { every: 'friday', at: '15:00' };

// Hand-checked against the zones' rules: the UK moves to BST on the last Sunday of March (28 March
// 2027, 01:00 GMT → 02:00 BST) and back on the last Sunday of October (31 October 2027, 02:00 BST
// → 01:00 GMT); the US on the second Sunday of March (14 March 2027, 02:00 EST → 03:00 EDT) and
// the first of November (7 November 2027).
describe('the next run of a schedule', () => {
  it('every Friday 15:00 in London across the March change: 15:00 GMT, then 15:00 BST (14:00 UTC)', () => {
    expect(next(friday15, '2027-03-22T09:00:00Z', 'Europe/London')).toBe('2027-03-26T15:00:00.000Z');
    expect(next(friday15, '2027-03-26T15:00:00Z', 'Europe/London')).toBe('2027-04-02T14:00:00.000Z');
  });

  it('every Friday 15:00 in London across the October change: 15:00 BST (14:00 UTC), then 15:00 GMT', () => {
    expect(next(friday15, '2027-10-25T00:00:00Z', 'Europe/London')).toBe('2027-10-29T14:00:00.000Z');
    expect(next(friday15, '2027-10-29T14:00:00Z', 'Europe/London')).toBe('2027-11-05T15:00:00.000Z');
  });

  it('runs the same day when the time is still ahead, and the zone of the schedule wins over the program', () => {
    expect(next(friday15, '2027-03-26T14:59:59Z', 'Europe/London')).toBe('2027-03-26T15:00:00.000Z');
    expect(next({ ...friday15, timeZone: 'America/New_York' }, '2027-03-26T14:59:59Z', 'Europe/London')).toBe('2027-03-26T19:00:00.000Z');
  });

  it('a time in the spring-forward gap runs at the first instant after it', () => {
    // 01:30 does not exist in London on 28 March 2027: the clocks go from 01:00 GMT to 02:00 BST (01:00 UTC).
    expect(next({ every: 'sunday', at: '01:30' }, '2027-03-27T12:00:00Z', 'Europe/London')).toBe('2027-03-28T01:00:00.000Z');
    // 02:30 in New York on 14 March 2027 → 03:00 EDT = 07:00 UTC; the days around keep 02:30.
    const daily: Schedule = { every: 'day', at: '02:30' };
    expect(next(daily, '2027-03-13T00:00:00Z', 'America/New_York')).toBe('2027-03-13T07:30:00.000Z');
    expect(next(daily, '2027-03-13T07:30:00Z', 'America/New_York')).toBe('2027-03-14T07:00:00.000Z');
    expect(next(daily, '2027-03-14T07:00:00Z', 'America/New_York')).toBe('2027-03-15T06:30:00.000Z');
  });

  it('a time that happens twice on the fall-back night runs once, at the first', () => {
    const daily: Schedule = { every: 'day', at: '01:30' };
    // 01:30 BST (00:30 UTC) and 01:30 GMT (01:30 UTC) on 31 October 2027: only the first.
    expect(next(daily, '2027-10-30T12:00:00Z', 'Europe/London')).toBe('2027-10-31T00:30:00.000Z');
    expect(next(daily, '2027-10-31T00:30:00Z', 'Europe/London')).toBe('2027-11-01T01:30:00.000Z');
    // New York, 7 November 2027: 01:30 EDT = 05:30 UTC, then 01:30 EST on the 8th = 06:30 UTC.
    expect(next(daily, '2027-11-07T05:30:00Z', 'America/New_York')).toBe('2027-11-08T06:30:00.000Z');
  });

  it('weekdays skip the weekend; half-hour zones keep their offset', () => {
    expect(next({ every: 'weekdays', at: '09:00' }, '2027-03-26T16:00:00Z', 'Europe/London')).toBe('2027-03-29T08:00:00.000Z');
    expect(next({ every: 'monday', at: '09:00' }, '2027-03-26T16:00:00Z', 'Asia/Kolkata')).toBe('2027-03-29T03:30:00.000Z');
  });
});

describe('which scheduled run is due', () => {
  const zone = 'Europe/London';

  it('is due from its instant until it has run, then not again', () => {
    const last = at('2027-03-19T15:00:00Z');
    expect(dueRun(friday15, last, at('2027-03-26T14:59:59Z'), zone)).toBeUndefined();
    expect(dueRun(friday15, last, at('2027-03-26T15:00:00Z'), zone)?.toISOString()).toBe('2027-03-26T15:00:00.000Z');
    expect(dueRun(friday15, last, at('2027-03-26T15:00:30Z'), zone)?.toISOString()).toBe('2027-03-26T15:00:00.000Z');
    expect(dueRun(friday15, at('2027-03-26T15:00:30Z'), at('2027-03-26T15:01:00Z'), zone)).toBeUndefined();
  });

  it('after four weeks of downtime, one catch-up run for the latest missed instant, not four', () => {
    const last = at('2027-03-26T15:00:00Z');
    const now = at('2027-04-23T16:00:00Z');
    const due = dueRun(friday15, last, now, zone);
    expect(due?.toISOString()).toBe('2027-04-23T14:00:00.000Z');
    expect(dueRun(friday15, due, now, zone)).toBeUndefined();
  });

  it('a schedule that never ran takes an instant of the last hour, not an older one', () => {
    expect(dueRun(friday15, undefined, at('2027-03-26T15:30:00Z'), zone)?.toISOString()).toBe('2027-03-26T15:00:00.000Z');
    expect(dueRun(friday15, undefined, at('2027-03-26T17:00:00Z'), zone)).toBeUndefined();
  });
});
