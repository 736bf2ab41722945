import { describe, expect, it } from 'vitest';
import { spanText } from './reliability-rules.js';

const MIN = 60_000;

describe('spans of time in words', () => {
  it('minutes under an hour, hours and minutes under two days, then days and hours', () => {
    expect(spanText(0)).toBe('0 minutes');
    expect(spanText(MIN)).toBe('1 minute');
    expect(spanText(45 * MIN + 20_000)).toBe('45 minutes');
    expect(spanText(60 * MIN)).toBe('1 h');
    expect(spanText(200 * MIN)).toBe('3 h 20 min');
    expect(spanText(47 * 60 * MIN)).toBe('47 h');
    expect(spanText(52 * 60 * MIN)).toBe('2 days 4 h');
    expect(spanText(72 * 60 * MIN)).toBe('3 days');
  });
});
