import { describe, expect, it } from 'vitest';
import { INCIDENT_STATUSES, incidentSchema } from '../../domain/incident.js';
import { changeStatus, checkStatusChange } from './status-transitions.js';

describe('checkStatusChange', () => {
  it('allows every forward move, skipping included', () => {
    for (const [i, from] of INCIDENT_STATUSES.entries()) {
      for (const to of INCIDENT_STATUSES.slice(i + 1)) expect(checkStatusChange(from, to)).toEqual({ ok: true, value: to });
    }
  });

  it('refuses staying put and going back, with what to do instead', () => {
    const same = checkStatusChange('identified', 'identified');
    expect(!same.ok && same.error.code).toBe('same-status');
    expect(!same.ok && same.error.hint).toContain('monitoring, resolved');
    const back = checkStatusChange('monitoring', 'identified');
    expect(!back.ok && back.error.code).toBe('backward-move');
    const resolvedBack = checkStatusChange('resolved', 'monitoring', 'flapping');
    expect(!resolvedBack.ok && resolvedBack.error.code).toBe('backward-move');
  });

  it('reopens a resolved incident only with a reason', () => {
    expect(checkStatusChange('resolved', 'investigating', 'errors are back').ok).toBe(true);
    const bare = checkStatusChange('resolved', 'investigating', '  ');
    expect(!bare.ok && bare.error.code).toBe('reopen-needs-reason');
    expect(checkStatusChange('resolved', 'investigating').ok).toBe(false);
  });
});

describe('changeStatus', () => {
  it('records the change on the timeline', () => {
    const inc = incidentSchema.parse({ id: 'i', title: 't', severity: 'SEV3', startedAt: '2027-01-01T00:00:00Z' });
    const r = changeStatus(inc, { to: 'identified', at: new Date('2027-01-01T00:20:00Z'), author: 'ana', reason: 'bad config' });
    expect(r.ok && r.value.status).toBe('identified');
    expect(r.ok && r.value.timeline).toEqual([
      { at: '2027-01-01T00:20:00.000Z', kind: 'status-change', text: 'investigating → identified: bad config', author: 'ana' },
    ]);
    expect(inc.timeline).toEqual([]);
  });
});
