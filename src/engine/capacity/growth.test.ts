import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../domain/calendar-date.js';
import { addMonths, growthFactor, periodsBetween } from './growth.js';

const d = (s: string) => s as CalendarDate;

describe('calendar growth periods', () => {
  it('counts a calendar month as one period whatever its length', () => {
    expect(periodsBetween(d('2027-02-01'), d('2027-03-01'), 'month')).toBe(1);
    expect(periodsBetween(d('2027-01-31'), d('2027-02-28'), 'month')).toBe(1);
    expect(periodsBetween(d('2027-01-15'), d('2028-01-15'), 'month')).toBe(12);
    expect(periodsBetween(d('2027-01-15'), d('2028-01-15'), 'quarter')).toBe(4);
    expect(periodsBetween(d('2027-01-15'), d('2028-01-15'), 'year')).toBe(1);
  });

  it('spreads a month over its days: 14 days into a 28-day February is half a month', () => {
    expect(periodsBetween(d('2027-02-01'), d('2027-02-15'), 'month')).toBe(0.5);
    expect(periodsBetween(d('2027-01-01'), d('2027-04-16'), 'month')).toBe(3.5);
    expect(periodsBetween(d('2027-01-01'), d('2027-03-16'), 'month')).toBe(2 + 15 / 31);
  });

  it('counts days and weeks as fixed lengths, and backwards as negative', () => {
    expect(periodsBetween(d('2027-01-01'), d('2027-01-15'), 'week')).toBe(2);
    expect(periodsBetween(d('2027-01-01'), d('2027-01-15'), 'day')).toBe(14);
    expect(periodsBetween(d('2027-03-01'), d('2027-02-01'), 'month')).toBe(-1);
  });

  it('grows exactly by the rate on each boundary: 20 % a month for 3 months is 1.728', () => {
    expect(growthFactor(20, 'month', d('2027-01-10'), d('2027-04-10'))).toBeCloseTo(1.728, 12);
    expect(growthFactor(-10, 'year', d('2027-01-10'), d('2029-01-10'))).toBeCloseTo(0.81, 12);
  });

  it('clamps month ends without drifting', () => {
    expect(addMonths(d('2027-01-31'), 1)).toBe('2027-02-28');
    expect(addMonths(d('2027-01-31'), 2)).toBe('2027-03-31');
    expect(addMonths(d('2027-11-30'), 3)).toBe('2028-02-29');
    expect(addMonths(d('2027-03-15'), -3)).toBe('2026-12-15');
  });
});
