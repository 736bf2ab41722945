import { describe, expect, it } from 'vitest';
import { incidentSchema } from './incident.js';

describe('incidentSchema', () => {
  it('says which field is wrong and how to write it', () => {
    const r = incidentSchema.safeParse({ id: 'inc 1', title: '', severity: 'SEV5', startedAt: '2027-03-15 09:00' });
    expect(r.success).toBe(false);
    const byField = Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
    expect(byField.id).toMatch(/incident id uses letters/);
    expect(byField.title).toBe('an incident needs a title');
    expect(byField.severity).toBe('severity is one of SEV1, SEV2, SEV3, SEV4');
    expect(byField.startedAt).toBe('expected a date-time with its zone, e.g. 2027-03-15T09:30:00Z');
  });
});
