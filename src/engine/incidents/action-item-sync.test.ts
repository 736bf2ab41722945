import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../domain/canonical-json.js';
import { ACTION_ITEM_STATES, postmortemSchema } from '../../domain/incident.js';
import { programSchema } from '../../domain/program.js';
import type { ProgramModel } from '../../domain/program-model.js';
import { ITEM_STATES, workItemSchema } from '../../domain/work-item.js';
import { syncActionItems } from './action-item-sync.js';

const program = programSchema.parse({ id: 'p', name: 'P', start: '2027-01-04', target: '2027-06-30' });
const pm = (actions: Record<string, unknown>[]) =>
  postmortemSchema.parse({
    id: 'pm-7',
    incident: 'inc-7',
    summary: 'The pool kept the old primary',
    actionItems: actions.map((a) => ({ title: `Action ${a.id}`, ownerTeam: 'sre', due: '2027-03-01', level: 1, ...a })),
  });
const model = (postmortems: ReturnType<typeof pm>[], items: Record<string, unknown>[] = []): ProgramModel => ({
  program,
  teams: [],
  workstreams: [],
  items: items.map((i) => workItemSchema.parse({ title: String(i.id), ...i })),
  dependencies: [],
  risks: [],
  decisions: [],
  services: [],
  slos: [],
  incidents: [],
  postmortems,
  capacity: [],
  migrations: [],
});

describe('syncActionItems', () => {
  it('creates a level-1/2 work item per action item, owned, due and tagged', () => {
    const synced = syncActionItems(model([pm([{ id: 'dns' }, { id: 'runbook', level: 2, ownerTeam: 'ops', due: '2027-03-15' }])]), 'items');
    expect(synced.items.map((i) => [i.id, i.team, i.deadline, i.priority, i.state, i.tags])).toEqual([
      ['pm-7-dns', 'sre', '2027-03-01', 1, 'not-started', ['postmortem', 'inc-7']],
      ['pm-7-runbook', 'ops', '2027-03-15', 2, 'not-started', ['postmortem', 'inc-7']],
    ]);
  });

  it('keeps what the TPM wrote on an existing tracked item, and its progress when items win', () => {
    const synced = syncActionItems(
      model(
        [pm([{ id: 'dns', title: 'Honour DNS TTL' }])],
        [{ id: 'pm-7-dns', title: 'old title', estimate: 3, assignee: 'Jo', state: 'done', tags: ['pool'] }],
      ),
      'items',
    );
    const [item] = synced.items;
    expect(item).toMatchObject({ id: 'pm-7-dns', title: 'Honour DNS TTL', estimate: 3, assignee: 'Jo', state: 'done', priority: 1 });
    expect(item?.tags).toEqual(['pool', 'postmortem', 'inc-7']);
    expect(synced.postmortems[0]?.actionItems[0]?.state).toBe('done');
  });

  it('lets the post-mortem win when it was the one edited, but keeps a blocked item blocked while the action is open', () => {
    const edited = syncActionItems(model([pm([{ id: 'dns', state: 'done' }])], [{ id: 'pm-7-dns', state: 'in-progress' }]), 'postmortems');
    expect(edited.items[0]?.state).toBe('done');
    const blocked = syncActionItems(model([pm([{ id: 'dns', state: 'open' }])], [{ id: 'pm-7-dns', state: 'blocked' }]), 'postmortems');
    expect(blocked.items[0]?.state).toBe('blocked');
  });

  it('returns a model without post-mortems as it is', () => {
    const m = model([], [{ id: 'a' }]);
    expect(syncActionItems(m, 'items')).toBe(m);
  });

  it('is idempotent, and leaves action and item states agreeing, whichever side wins', () => {
    const action = fc.record({ id: fc.constantFrom('a', 'b', 'c'), state: fc.constantFrom(...ACTION_ITEM_STATES) });
    fc.assert(
      fc.property(
        fc.uniqueArray(action, { selector: (a) => a.id, maxLength: 3 }),
        fc.array(fc.record({ id: fc.constantFrom('pm-7-a', 'pm-7-b', 'other'), state: fc.constantFrom(...ITEM_STATES) }), { maxLength: 3 }),
        fc.constantFrom('items' as const, 'postmortems' as const),
        (actions, items, prefer) => {
          const uniqueItems = [...new Map(items.map((i) => [i.id, i])).values()];
          const once = syncActionItems(model([pm(actions)], uniqueItems), prefer);
          const twice = syncActionItems(once, prefer);
          expect(canonicalJson(twice)).toBe(canonicalJson(once));
          const open = (s: string) => s === 'open' || s === 'in-progress';
          for (const a of once.postmortems[0]?.actionItems ?? []) {
            const tracked = once.items.find((i) => i.id === `pm-7-${a.id}`);
            expect(tracked).toBeDefined();
            const itemOpen = tracked?.state !== 'done' && tracked?.state !== 'cancelled';
            expect(itemOpen).toBe(open(a.state));
          }
        },
      ),
    );
  });
});
