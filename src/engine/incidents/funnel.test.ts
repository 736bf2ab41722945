import { describe, expect, it } from 'vitest';
import { incidentSchema } from '../../domain/incident.js';
import { workItemSchema } from '../../domain/work-item.js';
import { computeFunnel, dayIn } from './funnel.js';

const item = (o: Record<string, unknown>) => workItemSchema.parse({ title: String(o.id), ...o });
const incident = (o: Record<string, unknown>) =>
  incidentSchema.parse({ title: 'Something broke', startedAt: '2027-03-15T09:00:00Z', ...o });

const items = [
  item({ id: 'patch-openssl', priority: 1, tags: ['security-patch'], deadline: '2027-03-10', state: 'in-progress' }),
  item({ id: 'pm-1-a1', priority: 1, tags: ['postmortem', 'inc-1'], deadline: '2027-03-14' }),
  item({ id: 'dr-drill', priority: 1, deadline: '2027-03-01' }),
  item({ id: 'slo-dash', priority: 2, state: 'in-progress' }),
  item({ id: 'finops', priority: 3, state: 'in-progress' }),
  item({ id: 'multi-region', priority: 4, state: 'in-progress' }),
  item({ id: 'capacity', priority: 4, state: 'not-started' }),
  item({ id: 'untriaged', state: 'in-progress' }),
];
const now = new Date('2027-03-15T12:00:00Z');

describe('computeFunnel', () => {
  it('lists every reason level 1 is broken, with its evidence', () => {
    const f = computeFunnel({
      incidents: [
        incident({ id: 'inc-1', severity: 'SEV2', status: 'monitoring' }),
        incident({ id: 'inc-2', severity: 'SEV1', status: 'resolved' }),
        incident({ id: 'inc-3', severity: 'SEV3' }),
      ],
      exhaustedBudgets: ['checkout-availability', 'checkout-availability'],
      items,
      now,
    });
    expect(f.level1Broken).toBe(true);
    expect(f.reasons.map((r) => r.message)).toEqual([
      'SEV2 incident inc-1 "Something broke" is open (monitoring)',
      'SLO checkout-availability has used all of its error budget',
      'level-1 security patch patch-openssl "patch-openssl" was due 2027-03-10, 5 days ago',
      'level-1 post-mortem action item pm-1-a1 "pm-1-a1" was due 2027-03-14, 1 day ago',
    ]);
    // dr-drill is level 1 and late, but neither a post-mortem action item nor a security patch.
    expect(f.flagged).toEqual([{ item: 'multi-region', title: 'multi-region', reasons: f.reasons }]);
    expect(f.inProgress).toEqual({ 1: 1, 2: 1, 3: 1, 4: 1, none: 1 });
  });

  it('holds nothing against level 4 when level 1 is sound', () => {
    const f = computeFunnel({ incidents: [], exhaustedBudgets: [], items: items.slice(3), now });
    expect(f).toMatchObject({ level1Broken: false, reasons: [], flagged: [] });
    expect(f.inProgress[4]).toBe(1);
  });

  it('counts a deadline as met until its day ends in the program’s zone', () => {
    const due = [item({ id: 'p', priority: 1, tags: ['security-patch'], deadline: '2027-03-15' })];
    const late = new Date('2027-03-16T03:00:00Z');
    expect(computeFunnel({ incidents: [], exhaustedBudgets: [], items: due, now: late }).level1Broken).toBe(true);
    // 03:00 UTC on the 16th is still the 15th in New York.
    expect(dayIn(late, 'America/New_York')).toBe('2027-03-15');
    expect(computeFunnel({ incidents: [], exhaustedBudgets: [], items: due, now: late, timeZone: 'America/New_York' }).level1Broken).toBe(
      false,
    );
  });
});
