import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyProgram } from '../../../test/support/programs.js';
import type { CalendarDate } from '../../domain/calendar-date.js';
import { canonicalJson } from '../../domain/canonical-json.js';
import type { ExternalBatch, ExternalWork, SyncedField } from '../../domain/external-work.js';
import type { ItemId, TeamId, WorkstreamId } from '../../domain/ids.js';
import type { ProgramModel } from '../../domain/program-model.js';
import type { WorkItem } from '../../domain/work-item.js';
import { buildGraph, topologicalOrder } from '../graph.js';
import { mergeExternal } from './merge-external.js';

const TODAY = '2027-03-01' as CalendarDate;
const OWNED: SyncedField[] = ['title', 'kind', 'team', 'assignee', 'workstream', 'estimate', 'state', 'deadline', 'tags'];
const id = (s: string) => s as ItemId;

const program = (items: WorkItem[] = [], extra: Partial<ProgramModel> = {}): ProgramModel => emptyProgram({ items, ...extra });

function work(key: string, fields: ExternalWork['fields'], updated = '2027-02-01T10:00:00.000Z'): ExternalWork {
  return { key, id: id(key), url: `https://acme.atlassian.net/browse/${key}`, updated, fields };
}

function batch(works: ExternalWork[], rest: Partial<ExternalBatch> = {}): ExternalBatch {
  return { system: 'jira', works, dependencies: [], teams: [], workstreams: [], activity: [], ...rest };
}

describe('merging a tracker batch into a program', () => {
  it('creates items with their source, teams, workstreams and the links between them', () => {
    const b = batch(
      [
        work('NET-1', {
          title: 'Build the VPC',
          team: 'network' as TeamId,
          workstream: 'NET-10' as WorkstreamId,
          estimate: 3,
          state: 'in-progress',
          tags: ['vpc'],
        }),
        work('NET-2', { title: 'Move DNS', team: 'network' as TeamId, state: 'not-started', tags: [] }),
      ],
      {
        teams: [{ id: 'network' as TeamId, name: 'Network' }],
        workstreams: [{ id: 'NET-10' as WorkstreamId, name: 'Landing zone' }],
        dependencies: [
          { from: id('NET-1'), to: id('NET-2'), type: 'FS', link: 'Blocks' },
          { from: id('NET-2'), to: id('OTHER-9'), type: 'FS', link: 'Blocks' },
        ],
      },
    );
    const { model, summary } = mergeExternal(program(), b, { today: TODAY, owned: OWNED });
    expect(summary).toMatchObject({ created: ['NET-1', 'NET-2'], updated: [], unchanged: 0, dependencies: { added: 1, removed: 0 } });
    expect(summary.teamsCreated).toEqual(['network']);
    expect(summary.workstreamsCreated).toEqual(['NET-10']);
    expect(model.items[0]).toEqual({
      id: 'NET-1',
      title: 'Build the VPC',
      kind: 'task',
      effort: 1,
      state: 'in-progress',
      tags: ['vpc'],
      links: [{ jira: 'NET-1' }],
      stakeholders: [],
      team: 'network',
      workstream: 'NET-10',
      estimate: 3,
      source: { system: 'jira', key: 'NET-1', url: 'https://acme.atlassian.net/browse/NET-1', updated: '2027-02-01T10:00:00.000Z' },
    });
    // The link to an issue outside the program is left out.
    expect(model.dependencies).toEqual([
      { from: 'NET-1', to: 'NET-2', type: 'FS', lag: 0, state: 'accepted', note: 'Blocks (jira)', source: 'jira' },
    ]);
    expect(model.teams).toEqual([{ id: 'network', name: 'Network', capacity: 1, exceptions: [] }]);
  });

  it('sets only the owned fields; local fields and a three-point estimate survive; a cleared field is cleared', () => {
    const first = mergeExternal(
      program(),
      batch([work('NET-1', { title: 'A', estimate: 3, deadline: '2027-04-01' as CalendarDate, state: 'not-started', tags: [] })]),
      {
        today: TODAY,
        owned: OWNED,
      },
    ).model;
    const local: ProgramModel = {
      ...first,
      items: first.items.map((i) => ({
        ...i,
        estimate: { optimistic: 2, likely: 4, pessimistic: 9 },
        priority: 1 as const,
        description: 'our notes',
      })),
    };
    const { model, summary } = mergeExternal(
      local,
      batch([work('NET-1', { title: 'A renamed', estimate: 5, state: 'in-progress', tags: [] }, '2027-02-02T00:00:00.000Z')]),
      {
        today: TODAY,
        owned: OWNED,
      },
    );
    expect(summary.updated).toEqual(['NET-1']);
    const item = model.items[0];
    expect(item).toMatchObject({
      title: 'A renamed',
      state: 'in-progress',
      estimate: { optimistic: 2, likely: 4, pessimistic: 9 },
      priority: 1,
      description: 'our notes',
    });
    expect(item?.deadline).toBeUndefined();
    expect(item?.source?.updated).toBe('2027-02-02T00:00:00.000Z');
  });

  it('marks items gone from the selection removed and cancelled, and brings them back', () => {
    const b = batch([
      work('NET-1', { title: 'A', state: 'in-progress', tags: [] }),
      work('NET-2', { title: 'B', state: 'not-started', tags: [] }),
    ]);
    const first = mergeExternal(program(), b, { today: TODAY, owned: OWNED }).model;
    const gone = mergeExternal(first, batch([]), { today: TODAY, owned: OWNED, present: new Set(['NET-1']) });
    expect(gone.summary.removed).toEqual(['NET-2']);
    expect(gone.model.items[1]).toMatchObject({ state: 'cancelled', source: { removed: TODAY } });
    // Once removed, it is not removed again.
    expect(mergeExternal(gone.model, batch([]), { today: TODAY, owned: OWNED, present: new Set(['NET-1']) }).summary.removed).toEqual([]);
    const back = mergeExternal(gone.model, batch([work('NET-2', { title: 'B', state: 'in-progress', tags: [] })]), {
      today: TODAY,
      owned: OWNED,
    });
    expect(back.summary.restored).toEqual(['NET-2']);
    expect(back.model.items[1]?.state).toBe('in-progress');
    expect(back.model.items[1]?.source?.removed).toBeUndefined();
  });

  it("replaces only the tracker's links of fetched items, keeping the program's own and their negotiated state", () => {
    const works = ['NET-1', 'NET-2', 'NET-3'].map((k) => work(k, { title: k, state: 'not-started', tags: [] }));
    const first = mergeExternal(
      program(),
      batch(works, {
        dependencies: [
          { from: id('NET-1'), to: id('NET-2'), type: 'FS', link: 'Blocks' },
          { from: id('NET-2'), to: id('NET-3'), type: 'FS', link: 'Blocks' },
        ],
      }),
      { today: TODAY, owned: OWNED },
    ).model;
    const local: ProgramModel = {
      ...first,
      dependencies: [
        ...first.dependencies.map((d) => (d.to === 'NET-2' ? { ...d, state: 'at-risk' as const } : d)),
        { from: id('NET-1'), to: id('NET-3'), type: 'SS', lag: 0, state: 'requested' },
      ],
    };
    // NET-2 was fetched again: its link to NET-3 is gone in the tracker, the one from NET-1 stays.
    const { model, summary } = mergeExternal(
      local,
      batch([work('NET-2', { title: 'NET-2', state: 'not-started', tags: [] })], {
        dependencies: [{ from: id('NET-1'), to: id('NET-2'), type: 'FS', link: 'Blocks' }],
      }),
      { today: TODAY, owned: OWNED },
    );
    expect(summary.dependencies).toEqual({ added: 0, removed: 1 });
    expect(model.dependencies.map((d) => `${d.from}->${d.to} ${d.state}`)).toEqual(['NET-1->NET-2 at-risk', 'NET-1->NET-3 requested']);
  });

  it('leaves out the tracker link that closes a cycle, says which and why, and does so the same way every time', () => {
    const works = ['NET-1', 'NET-2', 'NET-3'].map((k) => work(k, { title: k, state: 'not-started', tags: [] }));
    const links = [
      { from: id('NET-1'), to: id('NET-2'), type: 'FS' as const, link: 'Blocks' },
      { from: id('NET-2'), to: id('NET-3'), type: 'FS' as const, link: 'Blocks' },
      { from: id('NET-3'), to: id('NET-1'), type: 'FS' as const, link: 'Blocks' },
    ];
    const once = mergeExternal(program(), batch(works, { dependencies: links }), { today: TODAY, owned: OWNED });
    expect(once.summary.cycleLinksSkipped).toEqual([{ from: 'NET-3', to: 'NET-1', cycle: ['NET-1', 'NET-2', 'NET-3', 'NET-1'] }]);
    expect(once.model.dependencies.map((d) => `${d.from}->${d.to}`)).toEqual(['NET-1->NET-2', 'NET-2->NET-3']);
    expect(once.summary.dependencies).toEqual({ added: 2, removed: 0 });
    const twice = mergeExternal(once.model, batch(works, { dependencies: links }), { today: TODAY, owned: OWNED });
    expect(twice.model.dependencies).toEqual(once.model.dependencies);
    expect(twice.summary.dependencies).toEqual({ added: 0, removed: 0 });
    expect(twice.summary.cycleLinksSkipped).toHaveLength(1);
  });

  it('keeps the links into a release milestone from issues an incremental fetch did not bring', () => {
    const release = work('NET fixVersion 1.0', { title: '1.0', kind: 'milestone', state: 'not-started', tags: [] });
    const first = mergeExternal(
      program(),
      batch(
        [
          release,
          work('NET-1', { title: 'A', state: 'not-started', tags: [] }),
          work('NET-2', { title: 'B', state: 'not-started', tags: [] }),
        ],
        {
          dependencies: [
            { from: id('NET-1'), to: release.id, type: 'FS', link: 'Fix version' },
            { from: id('NET-2'), to: release.id, type: 'FS', link: 'Fix version' },
          ],
        },
      ),
      { today: TODAY, owned: OWNED },
    ).model;
    // Only NET-1 changed; the milestone comes along with it.
    const { model, summary } = mergeExternal(
      first,
      batch([release, work('NET-1', { title: 'A2', state: 'not-started', tags: [] })], {
        dependencies: [{ from: id('NET-1'), to: release.id, type: 'FS', link: 'Fix version' }],
      }),
      { today: TODAY, owned: OWNED },
    );
    expect(summary.dependencies).toEqual({ added: 0, removed: 0 });
    expect(model.dependencies.map((d) => d.from)).toEqual(['NET-1', 'NET-2']);
  });

  it('counts an item whose epic is outside the program as unchanged when nothing changed', () => {
    const b = batch([work('NET-1', { title: 'A', state: 'not-started', tags: [], parent: id('EPIC-9') })]);
    const options = { today: TODAY, owned: [...OWNED, 'parent' as const] };
    const first = mergeExternal(program(), b, options);
    expect(first.model.items[0]?.parent).toBeUndefined();
    const again = mergeExternal(first.model, b, options);
    expect(again.summary).toMatchObject({ updated: [], unchanged: 1 });
    expect(again.model.items[0]).toBe(first.model.items[0]);
  });

  it('drops a parent or workstream the program does not have', () => {
    const { model } = mergeExternal(
      program(),
      batch([work('NET-1', { title: 'A', state: 'not-started', tags: [], workstream: 'NET-99' as WorkstreamId })]),
      {
        today: TODAY,
        owned: [...OWNED, 'parent'],
      },
    );
    expect(model.items[0]?.workstream).toBeUndefined();
  });
});

const keyArb = fc.integer({ min: 1, max: 12 }).map((n) => `NET-${n}`);
const workArb = fc.record({
  key: keyArb,
  title: fc.constantFrom('Plan', 'Build', 'Ship'),
  estimate: fc.option(fc.integer({ min: 1, max: 10 }), { nil: undefined }),
  state: fc.constantFrom('not-started' as const, 'in-progress' as const, 'done' as const),
  team: fc.option(fc.constantFrom('net', 'db'), { nil: undefined }),
});
const batchArb = fc
  .record({
    works: fc.uniqueArray(workArb, { selector: (w) => w.key, maxLength: 8 }),
    links: fc.array(fc.tuple(keyArb, keyArb), { maxLength: 8 }),
  })
  .map(
    ({ works, links }): ExternalBatch =>
      batch(
        works.map((w) =>
          work(w.key, {
            title: w.title,
            state: w.state,
            tags: [],
            ...(w.estimate ? { estimate: w.estimate } : {}),
            ...(w.team ? { team: w.team as TeamId } : {}),
          }),
        ),
        {
          teams: [
            { id: 'net' as TeamId, name: 'Net' },
            { id: 'db' as TeamId, name: 'DB' },
          ],
          dependencies: links.map(([from, to]) => ({ from: id(from), to: id(to), type: 'FS' as const, link: 'Blocks' })),
        },
      ),
  );

describe('merge invariants', () => {
  it('is idempotent: the same batch again changes nothing', () => {
    fc.assert(
      fc.property(batchArb, batchArb, fc.boolean(), (a, b, withPresent) => {
        const start = mergeExternal(program(), a, { today: TODAY, owned: OWNED }).model;
        const options = { today: TODAY, owned: OWNED, ...(withPresent ? { present: new Set(b.works.map((w) => w.key)) } : {}) };
        const once = mergeExternal(start, b, options);
        const twice = mergeExternal(once.model, b, options);
        expect(canonicalJson(twice.model)).toBe(canonicalJson(once.model));
        expect(twice.summary.created).toEqual([]);
        expect(twice.summary.updated).toEqual([]);
        expect(twice.summary.removed).toEqual([]);
        expect(twice.summary.dependencies).toEqual({ added: 0, removed: 0 });
        // The tracker's links never leave a cycle behind: the plan can always be computed.
        const at = new Map(twice.model.items.map((item, i) => [item.id as string, i]));
        const graph = buildGraph(
          twice.model.items.length,
          Int32Array.from(twice.model.dependencies, (d) => at.get(d.from) ?? 0),
          Int32Array.from(twice.model.dependencies, (d) => at.get(d.to) ?? 0),
        );
        expect(topologicalOrder(graph)).toBeDefined();
      }),
      { numRuns: 200 },
    );
  });

  it("never touches the program's own items, links, or local fields of synced items", () => {
    fc.assert(
      fc.property(batchArb, batchArb, (a, b) => {
        const synced = mergeExternal(program(), a, { today: TODAY, owned: OWNED }).model;
        const own: WorkItem = {
          id: id('local-1'),
          title: 'Ours',
          kind: 'task',
          effort: 2,
          state: 'blocked',
          tags: ['x'],
          links: [],
          stakeholders: [],
          priority: 1,
        };
        const withLocal: ProgramModel = {
          ...synced,
          items: [...synced.items.map((i) => ({ ...i, vendor: 'kept' })), own],
          dependencies: [
            ...synced.dependencies,
            { from: id('local-1'), to: id('NET-1'), type: 'SS' as const, lag: 1, state: 'requested' as const },
          ].filter((d) => d.to !== 'NET-1' || synced.items.some((i) => i.id === 'NET-1')),
        };
        const merged = mergeExternal(withLocal, b, { today: TODAY, owned: OWNED, present: new Set(b.works.map((w) => w.key)) }).model;
        expect(merged.items.find((i) => i.id === 'local-1')).toEqual(own);
        for (const d of withLocal.dependencies.filter((x) => x.source === undefined)) expect(merged.dependencies).toContainEqual(d);
        for (const i of merged.items) if (i.source) expect(i.vendor === 'kept' || !withLocal.items.some((w) => w.id === i.id)).toBe(true);
        // Every synced item that is not in the selection is marked removed.
        for (const i of merged.items) if (i.source && !b.works.some((w) => w.key === i.source?.key)) expect(i.source.removed).toBe(TODAY);
      }),
      { numRuns: 200 },
    );
  });
});
