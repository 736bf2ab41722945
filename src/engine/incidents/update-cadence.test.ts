import { describe, expect, it } from 'vitest';
import { incidentSchema, withSeverityOverrides } from '../../domain/incident.js';
import { updateDue } from './update-cadence.js';

const at = (hm: string) => Date.parse(`2027-03-15T${hm}:00Z`);
const sev1 = incidentSchema.parse({
  id: 'inc-9',
  title: 'Login down',
  severity: 'SEV1',
  startedAt: '2027-03-15T09:00:00Z',
  updates: [{ at: '2027-03-15T09:20:00Z', audience: 'executives', text: 'We are on it.' }],
  timeline: [{ at: '2027-03-15T09:40:00Z', kind: 'update-sent', text: 'status page' }],
});

describe('updateDue', () => {
  it('is due one cadence after the last update, whichever list it is in', () => {
    // Last update 09:40 (timeline), SEV1 every 30 min → due 10:10.
    const before = updateDue(sev1, at('10:10'));
    expect(before).toMatchObject({ cadenceMinutes: 30, dueAt: at('10:10'), overdue: false, overdueMinutes: 0 });
    expect(updateDue(sev1, at('10:25'))).toMatchObject({ overdue: true, overdueMinutes: 15 });
  });

  it('counts from the start when no update was sent', () => {
    const quiet = { ...sev1, severity: 'SEV2' as const, updates: [], timeline: [] };
    // 09:00 + 60 min = 10:00; at 10:45 it is 45 min late.
    expect(updateDue(quiet, new Date(at('10:45')))).toMatchObject({ dueAt: at('10:00'), overdueMinutes: 45 });
  });

  it('is never due for SEV4 by default, nor for a resolved incident', () => {
    expect(updateDue({ ...sev1, severity: 'SEV4' }, at('23:00'))).toMatchObject({ dueAt: null, overdue: false });
    expect(updateDue({ ...sev1, status: 'resolved' }, at('23:00'))).toMatchObject({ dueAt: null, overdue: false });
  });

  it('follows the program’s own cadence when it overrides the default', () => {
    const defs = withSeverityOverrides([{ severity: 'SEV1', description: 'All hands', updateCadenceMinutes: 15 }]);
    expect(updateDue(sev1, at('10:00'), defs)).toMatchObject({ dueAt: at('09:55'), overdueMinutes: 5 });
    expect(defs.SEV2.updateCadenceMinutes).toBe(60);
  });
});
