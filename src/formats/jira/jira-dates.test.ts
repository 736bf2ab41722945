import { describe, expect, it } from 'vitest';
import { calendarDay, csvDate, isoDateTime, utcDay } from './jira-dates.js';

describe('Jira dates', () => {
  it('rewrites REST date-times with a colon offset and keeps the offset', () => {
    expect(isoDateTime('2015-11-21T07:14:01.643-0500')).toBe('2015-11-21T07:14:01.643-05:00');
    expect(isoDateTime('2022-07-15T09:19:44.990+0000')).toBe('2022-07-15T09:19:44.990+00:00');
    expect(isoDateTime('2015-04-11T15:22:00.000+10:00')).toBe('2015-04-11T15:22:00.000+10:00');
    expect(isoDateTime('2027-01-18T08:00Z')).toBe('2027-01-18T08:00:00Z');
    expect(isoDateTime('2027-01-18T08:00:00')).toBe('2027-01-18T08:00:00Z');
    for (const bad of ['2027-02-29T00:00:00Z', '2027-13-01T00:00:00Z', '2027-01-01T24:00:00Z', '21/Nov/15', '', '2027-01-01']) {
      expect(isoDateTime(bad), bad).toBeUndefined();
    }
    expect(isoDateTime('2028-02-29T00:00:00Z')).toBe('2028-02-29T00:00:00Z');
    // Jira's exact REST shape takes a faster path with the same checks.
    expect(isoDateTime('2028-02-29T23:59:59.999+1400')).toBe('2028-02-29T23:59:59.999+14:00');
    for (const bad of [
      '2027-02-29T07:14:01.643-0500',
      '2015-11-21T24:14:01.643-0500',
      '2015-11-21T07:60:01.643-0500',
      '2015-11-21T07:14:01.643-1960',
    ]) {
      expect(isoDateTime(bad), bad).toBeUndefined();
    }
  });

  it('gives the UTC day of a date-time, and calendar days of due and release dates', () => {
    expect(utcDay('2027-02-01T22:00:00.000-0500')).toBe('2027-02-02');
    expect(utcDay('2027-02-01')).toBe('2027-02-01');
    expect(calendarDay('2027-02-26')).toBe('2027-02-26');
    expect(calendarDay('2027-02-26T00:00:00.000+0100')).toBe('2027-02-26');
    expect(calendarDay('26/Feb/27')).toBeUndefined();
  });

  it("reads the CSV export's dates (dd/MMM/yy h:mm a), as UTC since the export names no zone", () => {
    expect(csvDate('21/Nov/15 7:14 AM')).toEqual({ day: '2015-11-21', iso: '2015-11-21T07:14:00Z' });
    expect(csvDate('21/Nov/15 12:05 AM')).toEqual({ day: '2015-11-21', iso: '2015-11-21T00:05:00Z' });
    expect(csvDate('21/Nov/15 12:05 PM')).toEqual({ day: '2015-11-21', iso: '2015-11-21T12:05:00Z' });
    expect(csvDate('1/Dec/2026 17:30')).toEqual({ day: '2026-12-01', iso: '2026-12-01T17:30:00Z' });
    expect(csvDate('26/Feb/27')).toEqual({ day: '2027-02-26', iso: '2027-02-26T00:00:00Z' });
    expect(csvDate('2027-02-26')).toEqual({ day: '2027-02-26', iso: '2027-02-26T00:00:00Z' });
    for (const bad of ['30/Feb/27', '21/Foo/15 7:14 AM', '21/Nov/15 13:14 PM', 'tomorrow']) expect(csvDate(bad), bad).toBeUndefined();
  });
});
