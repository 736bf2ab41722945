import { describe, expect, it } from 'vitest';
import { postmortemSchema } from '../../domain/incident.js';
import { actionItemsToWorkItems, openActionItems } from './postmortem-actions.js';

const pm = postmortemSchema.parse({
  id: 'pm-42',
  incident: 'inc-42',
  summary: 'A connection leak exhausted the payments database pool.',
  actionItems: [
    { id: 'a1', title: 'Alert on pool saturation', ownerTeam: 'payments', due: '2027-03-29', level: 1 },
    { id: 'a2', title: 'Load test checkout', ownerTeam: 'sre', due: '2027-04-30', level: 2, state: 'in-progress' },
    { id: 'a3', title: 'Patch driver CVE', ownerTeam: 'payments', due: '2027-03-20', level: 1, state: 'done', tags: ['security-patch'] },
    { id: 'a4', title: 'Dropped idea', ownerTeam: 'sre', due: '2027-03-20', level: 2, state: 'cancelled' },
  ],
});

describe('actionItemsToWorkItems', () => {
  it('makes one tracked work item per action item', () => {
    const r = actionItemsToWorkItems(pm);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.value.map((w) => [w.id, w.team, w.deadline, w.priority, w.state])).toEqual([
      ['pm-42-a1', 'payments', '2027-03-29', 1, 'not-started'],
      ['pm-42-a2', 'sre', '2027-04-30', 2, 'in-progress'],
      ['pm-42-a3', 'payments', '2027-03-20', 1, 'done'],
      ['pm-42-a4', 'sre', '2027-03-20', 2, 'cancelled'],
    ]);
    expect(r.value[0]?.tags).toEqual(['postmortem', 'inc-42']);
    expect(r.value[2]?.tags).toEqual(['postmortem', 'inc-42', 'security-patch']);
  });

  it('reports an id too long once derived, naming the action item', () => {
    const first = pm.actionItems[0];
    if (first === undefined) throw new Error('fixture has action items');
    const long = { ...pm, actionItems: [{ ...first, id: 'x'.repeat(60) }] };
    const r = actionItemsToWorkItems(long);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error[0]?.message).toMatch(/^action item x{60} of post-mortem pm-42: id:/);
  });
});

describe('openActionItems', () => {
  it('lists action items until they are done or cancelled', () => {
    expect(openActionItems(pm).map((a) => a.id)).toEqual(['a1', 'a2']);
    expect(openActionItems({ ...pm, actionItems: pm.actionItems.map((a) => ({ ...a, state: 'done' as const })) })).toEqual([]);
  });
});
