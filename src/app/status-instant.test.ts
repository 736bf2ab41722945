import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../domain/calendar-date.js';
import { statusInstant } from './status-instant.js';

describe('the instant a status date is judged at', () => {
  it('is the last millisecond of the day in the program zone', () => {
    expect(new Date(statusInstant('2027-03-01' as CalendarDate, 'UTC')).toISOString()).toBe('2027-03-01T23:59:59.999Z');
    // New York is UTC−5 in March before the 14th: the day ends at 05:00 UTC the next day.
    expect(new Date(statusInstant('2027-03-01' as CalendarDate, 'America/New_York')).toISOString()).toBe('2027-03-02T04:59:59.999Z');
    // The day after the spring change (2027-03-14) ends at UTC−4.
    expect(new Date(statusInstant('2027-03-14' as CalendarDate, 'America/New_York')).toISOString()).toBe('2027-03-15T03:59:59.999Z');
  });

  it('is the clock when the clock is on that day, so a report for today describes now', () => {
    const now = new Date('2027-03-01T10:15:00Z');
    expect(statusInstant('2027-03-01' as CalendarDate, 'UTC', now)).toBe(now.getTime());
    expect(new Date(statusInstant('2027-02-27' as CalendarDate, 'UTC', now)).toISOString()).toBe('2027-02-27T23:59:59.999Z');
    // A status date ahead of the clock (planning ahead) is judged at its end too.
    expect(new Date(statusInstant('2027-03-05' as CalendarDate, 'UTC', now)).toISOString()).toBe('2027-03-05T23:59:59.999Z');
    // 03:15 UTC on 1 March is still 28 February in New York.
    const lateEvening = new Date('2027-03-01T03:15:00Z');
    expect(new Date(statusInstant('2027-03-01' as CalendarDate, 'America/New_York', lateEvening)).toISOString()).toBe(
      '2027-03-02T04:59:59.999Z',
    );
    expect(statusInstant('2027-02-28' as CalendarDate, 'America/New_York', lateEvening)).toBe(lateEvening.getTime());
  });
});
