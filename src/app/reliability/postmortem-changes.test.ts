import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, readValid } from '../../../test/support/programs.js';
import { openFreshStore } from '../../../test/support/stores.js';
import type { ProgramId } from '../../domain/ids.js';
import type { ProgramStore } from '../../store/program-store.js';
import { programFunnel } from './funnel-view.js';
import { logTimeline, openIncident, resolveIncident } from './incident-changes.js';
import { createPostmortem, setActionItemState } from './postmortem-changes.js';
import { draftPostmortem } from './postmortem-draft.js';
import { postmortemList, postmortemView } from './postmortem-view.js';

const ID = 'identity-platform' as ProgramId;
const meta = { actor: 'sam', at: new Date('2026-11-16T12:00:00Z'), source: 'test' };
let store: ProgramStore;

const read = async () => {
  const m = await store.readProgram(ID);
  if (!m) throw new Error('program missing');
  return m;
};

beforeAll(async () => {
  store = await openFreshStore('pglite');
  await store.saveProgram(readValid(fixture('reliability/identity-platform.yaml')), meta);
  await openIncident(
    store,
    ID,
    {
      title: 'Token validation failures',
      severity: 'SEV1',
      startedAt: '2026-11-16T09:04:00Z',
      services: ['identity-api'],
      impact: { description: 'Sign-in failed for 20 % of users.', customers: 41000 },
    },
    meta,
  );
  await logTimeline(store, ID, 'inc-102', { kind: 'detected', text: 'Alert fired', at: '2026-11-16T09:04:00Z' }, meta);
});
afterAll(() => store.close());

describe('post-mortems on a stored program', () => {
  it('drafts the blameless template from the incident: id, summary line, impact and timeline copied', async () => {
    await resolveIncident(store, ID, 'inc-102', { at: '2026-11-16T10:40:00Z', text: 'Error rate normal' }, meta);
    const model = await read();
    const inc = model.incidents.find((i) => i.id === 'inc-102');
    if (!inc) throw new Error('no inc-102');
    const draft = draftPostmortem(model, inc);
    expect(draft.id).toBe('pm-102');
    expect(draft.summary).toBe(
      'SEV1 incident "Token validation failures" on identity-api, opened 2026-11-16 09:04 UTC. It was resolved after 96 minutes.',
    );
    expect(draft.impact).toBe('Sign-in failed for 20 % of users. About 41,000 customers were affected.');
    expect(draft.timeline.map((e) => e.kind)).toEqual(['detected', 'status-change', 'resolved']);
    expect(draft.actionItems).toEqual([]);
    // inc-101 already has pm-101: the next draft for it takes pm-101-2.
    const old = model.incidents.find((i) => i.id === 'inc-101');
    expect(old && draftPostmortem(model, old).id).toBe('pm-101-2');
  });

  it('saving it turns its action items into level-1/2 work items in the same change set; their state flows back', async () => {
    const model = await read();
    const inc = model.incidents.find((i) => i.id === 'inc-102');
    if (!inc) throw new Error('no inc-102');
    const before = (await store.versionOf(ID)) ?? 0;
    const saved = await createPostmortem(
      store,
      ID,
      {
        ...draftPostmortem(model, inc),
        contributingFactors: ['The key cache never expired entries after a rotation.'],
        actionItems: [
          { id: 'jwks-refresh', title: 'Refresh the JWKS cache on rotation', ownerTeam: 'identity', due: '2026-11-18', level: 1 },
          { id: 'alert-burn', title: 'Page on fast burn of the identity SLO', ownerTeam: 'sre', due: '2026-12-01', level: 2 },
        ],
      },
      meta,
    );
    expect(saved.ok).toBe(true);
    expect((await store.versionOf(ID)) ?? 0).toBe(before + 1);
    const after = await read();
    const items = after.items.filter((i) => i.tags.includes('inc-102'));
    expect(items.map((i) => [i.id, i.priority, i.team, i.deadline, i.state, i.tags])).toEqual([
      ['pm-102-jwks-refresh', 1, 'identity', '2026-11-18', 'not-started', ['postmortem', 'inc-102']],
      ['pm-102-alert-burn', 2, 'sre', '2026-12-01', 'not-started', ['postmortem', 'inc-102']],
    ]);

    // On the 19th (UTC, the program's zone) the level-1 action item due the 18th is overdue.
    const view = postmortemView(after, 'pm-102', new Date('2026-11-19T09:00:00Z'));
    expect(view?.openActionItems).toBe(2);
    expect(view?.actionItems.map((a) => [a.id, a.item, a.itemState, a.overdue])).toEqual([
      ['jwks-refresh', 'pm-102-jwks-refresh', 'not-started', true],
      ['alert-burn', 'pm-102-alert-burn', 'not-started', false],
    ]);
    expect(view?.markdown).toContain(
      '| Refresh the JWKS cache on rotation | identity | 2026-11-18 (overdue) | 1 Stability | open | pm-102-jwks-refresh |',
    );
    expect(view?.incident).toEqual({ id: 'inc-102', title: 'Token validation failures', severity: 'SEV1' });
    expect(programFunnel(after, new Date('2026-11-19T09:00:00Z'), []).reasons.map((r) => r.kind)).toEqual(['overdue-action-item']);

    const done = await setActionItemState(store, ID, 'pm-102', 'jwks-refresh', 'done', meta);
    expect(done.ok).toBe(true);
    const finished = await read();
    expect(finished.items.find((i) => i.id === 'pm-102-jwks-refresh')?.state).toBe('done');
    const list = postmortemList(finished, new Date('2026-11-19T09:00:00Z')).find((p) => p.id === 'pm-102');
    expect(list?.openActionItems).toBe(1);
    expect(list?.open.map((a) => a.id)).toEqual(['alert-burn']);
    expect(programFunnel(finished, new Date('2026-11-19T09:00:00Z'), []).level1Broken).toBe(false);
  });

  it('an unknown action item or a post-mortem of an unknown incident is refused with the field at fault', async () => {
    const wrong = await setActionItemState(store, ID, 'pm-102', 'nope', 'done', meta);
    expect(!wrong.ok && wrong.error.kind === 'invalid' && wrong.error.errors[0]?.message).toBe(
      'post-mortem pm-102 has no action item "nope"; its action items: jwks-refresh, alert-burn',
    );
    const orphan = await createPostmortem(store, ID, { id: 'pm-x', incident: 'inc-999', summary: 'x' }, meta);
    expect(!orphan.ok && orphan.error.kind).toBe('invalid');
  });
});
