import { describe, expect, it } from 'vitest';
import { calendarDateSchema, daysBetween, describeBadDate, isCalendarDate } from './calendar-date.js';

describe('calendar dates', () => {
  it.each(['2027-01-01', '2028-02-29', '2027-12-31'])('accepts %s', (d) => expect(isCalendarDate(d)).toBe(true));
  it.each(['2027-02-29', '2027-04-31', '2027-13-01', '2027-00-10', '2027-1-5', '27-01-01', '2027-01-01T00:00'])('rejects %s', (d) =>
    expect(isCalendarDate(d)).toBe(false),
  );

  it('says whether the shape or the day is wrong', () => {
    expect(describeBadDate('next week')).toBe('"next week" is not a date; write it as YYYY-MM-DD, e.g. 2027-03-15');
    expect(describeBadDate('2027-02-30')).toBe('"2027-02-30" is not a day of the calendar; check the month and day');
  });

  it('tags a bad date so readers can report it as bad-date', () => {
    const result = calendarDateSchema.safeParse('2027-02-30');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ code: 'custom', params: { code: 'bad-date' } });
  });

  it('counts days across a leap day and backwards', () => {
    expect(daysBetween(isDate('2028-02-28'), isDate('2028-03-01'))).toBe(2);
    expect(daysBetween(isDate('2027-03-01'), isDate('2027-02-28'))).toBe(-1);
  });
});

function isDate(s: string) {
  if (!isCalendarDate(s)) throw new Error(s);
  return s;
}
