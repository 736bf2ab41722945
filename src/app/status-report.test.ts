import { describe, expect, it } from 'vitest';
import { ragOf } from './status-report.js';

describe('status (RAG) of a forecast against its target', () => {
  it('is green when 80 % sure, amber when only likely, red when more likely late than not', () => {
    expect(ragOf('2027-06-11', '2027-06-01T17:00', '2027-06-11T17:00')).toBe('green');
    expect(ragOf('2027-06-11', '2027-06-11T17:00', '2027-06-14T10:00')).toBe('amber');
    expect(ragOf('2027-06-11', '2027-06-14T10:00', '2027-06-20T10:00')).toBe('red');
    expect(ragOf(null, '2027-06-14T10:00', '2027-06-20T10:00')).toBeNull();
  });
});
