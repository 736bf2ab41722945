import { describe, expect, it } from 'vitest';
import { type Incident, incidentSchema, postmortemSchema } from '../../domain/incident.js';
import { type WorkItem, workItemSchema } from '../../domain/work-item.js';
import { draftExecutiveUpdate } from './executive-update.js';
import { computeFunnel } from './funnel.js';
import { incidentDurations } from './incident-metrics.js';
import { actionItemsToWorkItems, openActionItems } from './postmortem-actions.js';
import { changeStatus } from './status-transitions.js';
import { updateDue } from './update-cadence.js';

const t = (hm: string) => new Date(`2027-03-15T${hm}:00Z`);
const must = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

describe('an incident from page to post-mortem, and the funnel around it', () => {
  const roadmap: WorkItem[] = [
    workItemSchema.parse({ id: 'eu-region', title: 'Second EU region', priority: 4, state: 'in-progress', team: 'platform' }),
    workItemSchema.parse({ id: 'slo-alerts', title: 'Burn-rate alerts', priority: 2, state: 'in-progress' }),
  ];

  it('flags level-4 work while the SEV1 is open or its action items are overdue, and clears when fixed', () => {
    // 09:00 the SEV1 is opened; impact began at 08:55.
    let inc: Incident = incidentSchema.parse({
      id: 'inc-7',
      title: 'Sign-in fails for all users',
      severity: 'SEV1',
      startedAt: '2027-03-15T09:00:00Z',
      impactStartedAt: '2027-03-15T08:55:00Z',
      roles: { incidentCommander: 'ana', communicationsLead: 'ben', opsLead: 'chen', scribe: 'dee' },
      services: ['identity'],
      timeline: [{ at: '2027-03-15T09:00:00Z', kind: 'detected', text: 'Sign-in error rate alert' }],
    });
    const during = computeFunnel({ incidents: [inc], exhaustedBudgets: [], items: roadmap, now: t('09:10') });
    expect(during.flagged.map((f) => [f.item, f.reasons.map((r) => r.kind)])).toEqual([['eu-region', ['open-major-incident']]]);
    expect(during.inProgress).toEqual({ 1: 0, 2: 1, 3: 0, 4: 1, none: 0 });

    inc = { ...inc, timeline: [...inc.timeline, { at: '2027-03-15T09:04:00Z', kind: 'acknowledged', text: 'Ana leads', author: 'ana' }] };
    inc = must(changeStatus(inc, { to: 'identified', at: t('09:20'), author: 'ana', reason: 'expired signing key' }));
    // No update since the start at 09:00: at 09:45 the 30-minute SEV1 update is 15 minutes late.
    expect(updateDue(inc, t('09:45'))).toMatchObject({ overdue: true, overdueMinutes: 15 });
    inc = { ...inc, updates: [{ at: '2027-03-15T09:46:00Z', audience: 'executives', text: draftExecutiveUpdate(inc, t('09:46')) }] };
    expect(updateDue(inc, t('09:50')).overdue).toBe(false);
    expect(inc.updates[0]?.text).toContain('By 2027-03-15 10:16 UTC');

    inc = {
      ...inc,
      timeline: [
        ...inc.timeline,
        { at: '2027-03-15T10:00:00Z', kind: 'mitigated', text: 'Key rotated' },
        { at: '2027-03-15T10:30:00Z', kind: 'resolved', text: 'Rotation automated for the night' },
      ],
    };
    inc = must(changeStatus(inc, { to: 'resolved', at: t('10:30') }));
    expect(incidentDurations(inc)).toMatchObject({ timeToDetect: 5, timeToAcknowledge: 9, timeToMitigate: 65, timeToResolve: 95 });

    const pm = postmortemSchema.parse({
      id: 'pm-7',
      incident: inc.id,
      summary: 'A signing key expired; nothing warned us.',
      impact: 'All sign-ins failed for 65 minutes.',
      timeline: inc.timeline,
      contributingFactors: ['Key expiry was not monitored'],
      wentWell: ['Paged within five minutes'],
      wentPoorly: ['First update was late'],
      gotLucky: ['It happened in working hours'],
      actionItems: [
        { id: 'a1', title: 'Alert 14 days before key expiry', ownerTeam: 'identity', due: '2027-03-22', level: 1 },
        { id: 'a2', title: 'Runbook for key rotation', ownerTeam: 'identity', due: '2027-04-15', level: 2 },
      ],
    });
    const actions = must(actionItemsToWorkItems(pm));
    expect(actions.filter((a) => a.priority === 1).map((a) => a.id)).toEqual(['pm-7-a1']);
    const items = [...roadmap, ...actions];

    // Resolved, action items not yet due: level 1 holds, the level-4 work may go on.
    const after = computeFunnel({ incidents: [inc], exhaustedBudgets: [], items, now: new Date('2027-03-16T09:00:00Z') });
    expect(after).toMatchObject({ level1Broken: false, flagged: [] });

    // 2027-03-25: a1 is three days late.
    const late = computeFunnel({ incidents: [inc], exhaustedBudgets: [], items, now: new Date('2027-03-25T09:00:00Z') });
    expect(late.flagged.map((f) => [f.item, f.reasons.map((r) => r.message)])).toEqual([
      ['eu-region', ['level-1 post-mortem action item pm-7-a1 "Alert 14 days before key expiry" was due 2027-03-22, 3 days ago']],
    ]);

    // The identity team ships a1: the flag clears, and the post-mortem lists only a2.
    const donePm = { ...pm, actionItems: pm.actionItems.map((a) => (a.id === 'a1' ? { ...a, state: 'done' as const } : a)) };
    const fixed = computeFunnel({
      incidents: [inc],
      exhaustedBudgets: [],
      items: [...roadmap, ...must(actionItemsToWorkItems(donePm))],
      now: new Date('2027-03-25T09:00:00Z'),
    });
    expect(fixed).toMatchObject({ level1Broken: false, flagged: [] });
    expect(openActionItems(donePm).map((a) => a.id)).toEqual(['a2']);
  });
});
