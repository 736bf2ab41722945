import { beforeEach, describe, expect, it } from 'vitest';
import { fixture, readValid, smallProgram } from '../../test/support/programs.js';
import type { ItemId, ProgramId } from '../domain/ids.js';
import type { ProgramModel } from '../domain/program-model.js';
import type { ProgramStore } from './program-store.js';

const meta = (minute: number, actor = 'priya') => ({ actor, at: new Date(Date.UTC(2027, 0, 4, 9, minute)), source: 'test' });

/** What every ProgramStore must do, whatever database is under it. Run by each driver's test file. */
export function programStoreContract(open: () => Promise<ProgramStore>) {
  let store: ProgramStore;
  let model: ProgramModel;
  beforeEach(async () => {
    store = await open();
    model = smallProgram();
    return () => store.close();
  });

  describe('saving a program', () => {
    it('stores every entity and reads the same model back', async () => {
      const result = await store.saveProgram(model, meta(0));
      expect(result.created).toBe(true);
      expect(result.version).toBe(1);
      expect(result.changes.every((c) => c.op === 'create')).toBe(true);
      expect(result.changes).toHaveLength(1 + 3 + 2 + 7 + 6 + 1 + 1);
      expect(await store.readProgram(model.program.id)).toEqual(model);
    });

    it('stores services, SLOs, incidents and post-mortems, with their history', async () => {
      const reliable = readValid(fixture('reliability/identity-platform.yaml'));
      const result = await store.saveProgram(reliable, meta(0));
      const kinds = new Set(result.changes.map((c) => c.entity));
      for (const kind of ['service', 'slo', 'incident', 'postmortem'] as const) expect(kinds).toContain(kind);
      expect(await store.readProgram(reliable.program.id)).toEqual(reliable);
      const resolved = {
        ...reliable,
        incidents: reliable.incidents.map((i) => ({ ...i, title: `${i.title} (edited)` })),
        services: reliable.services.filter((s) => s.id !== 'search'),
      };
      const edit = await store.saveProgram(resolved, meta(5, 'sam'));
      expect(edit.changes.map((c) => `${c.op} ${c.entity} ${c.id}`)).toEqual(['delete service search', 'update incident inc-101']);
      const history = await store.history(reliable.program.id);
      expect(history[0]?.changes.map((c) => `${c.op} ${c.entity} ${c.id}`).sort()).toEqual([
        'delete service search',
        'update incident inc-101',
      ]);
    });

    it('stores capacity resources, migrations, the cost policy and debt, with their history', async () => {
      const infra = readValid(fixture('infra/platform-efficiency.yaml'));
      const result = await store.saveProgram(infra, meta(0));
      const kinds = new Set(result.changes.map((c) => c.entity));
      for (const kind of ['capacity', 'migration'] as const) expect(kinds).toContain(kind);
      expect(await store.readProgram(infra.program.id)).toEqual(infra);
      const moved = {
        ...infra,
        migrations: infra.migrations.map((m) => ({
          ...m,
          services: m.services.map((s) => (s.service === 'search' ? { ...s, done: { inventory: '2026-11-16' } } : s)),
        })),
        capacity: infra.capacity.filter((c) => c.id !== 'ledger-storage'),
      } as ProgramModel;
      const edit = await store.saveProgram(moved, meta(5, 'sam'));
      expect(edit.changes.map((c) => `${c.op} ${c.entity} ${c.id}`)).toEqual([
        'delete capacity ledger-storage',
        'update migration dc-exit',
      ]);
      expect(await store.readProgram(infra.program.id)).toEqual(moved);
    });

    it('changes nothing when the same model is saved again', async () => {
      await store.saveProgram(model, meta(0));
      const again = await store.saveProgram(structuredClone(model), meta(5));
      expect(again.changes).toEqual([]);
      expect(again.changeSetId).toBeUndefined();
      expect(again.version).toBe(1);
      expect(await store.history(model.program.id)).toHaveLength(1);
    });

    it('records only the differences of an edit, each with before and after', async () => {
      await store.saveProgram(model, meta(0));
      const edited: ProgramModel = {
        ...model,
        items: [
          ...model.items.map((i) => (i.id === 'net-1' ? { ...i, estimate: { optimistic: 3, likely: 4, pessimistic: 8 } } : i)),
          {
            id: 'net-3' as ItemId,
            title: 'Decommission old routers',
            kind: 'task',
            effort: 1,
            state: 'not-started',
            tags: [],
            links: [],
            stakeholders: [],
          },
        ],
        dependencies: model.dependencies.filter((d) => !(d.from === 'sre-1' && d.to === 'sre-2')),
      };
      const result = await store.saveProgram(edited, meta(10, 'tomas'));
      expect(result.version).toBe(2);
      expect(result.changes.map((c) => `${c.op} ${c.entity} ${c.id}`)).toEqual([
        'update item net-1',
        'create item net-3',
        'delete dependency sre-1->sre-2',
      ]);

      const [latest, first] = await store.history(model.program.id);
      expect(first?.changes).toHaveLength(21);
      expect(latest).toMatchObject({ actor: 'tomas', version: 2, source: 'test' });
      expect(latest?.at.toISOString()).toBe('2027-01-04T09:10:00.000Z');
      const update = latest?.changes.find((c) => c.op === 'update');
      expect(update?.before).toMatchObject({ estimate: { optimistic: 2, likely: 3, pessimistic: 6 } });
      expect(update?.after).toMatchObject({ estimate: { optimistic: 3, likely: 4, pessimistic: 8 } });
      expect(latest?.changes.find((c) => c.op === 'delete')?.after).toBeUndefined();
      expect(await store.readProgram(model.program.id)).toEqual(edited);
    });

    it('keeps a new order without recording it as a change', async () => {
      await store.saveProgram(model, meta(0));
      const reordered = { ...model, teams: [...model.teams].reverse() };
      const result = await store.saveProgram(reordered, meta(1));
      expect(result.changes).toEqual([]);
      expect((await store.readProgram(model.program.id))?.teams.map((t) => t.id)).toEqual(['procurement', 'sre', 'network']);
      expect(await store.history(model.program.id)).toHaveLength(1);
    });

    it('writes nothing at all when any part of a save fails', async () => {
      await store.saveProgram(model, meta(0));
      // Bypasses validation on purpose: the database's own check (capacity > 0) must abort the whole save.
      const broken = {
        ...model,
        items: model.items.map((i) => (i.id === 'net-2' ? { ...i, title: 'renamed' } : i)),
        teams: model.teams.map((t) => (t.id === 'sre' ? { ...t, capacity: 0 } : t)),
      };
      await expect(store.saveProgram(broken, meta(1))).rejects.toThrow();
      expect(await store.readProgram(model.program.id)).toEqual(model);
      expect(await store.history(model.program.id)).toHaveLength(1);
      expect((await store.listPrograms())[0]?.version).toBe(1);
    });
  });

  describe('reading', () => {
    it('lists programs with their counts', async () => {
      await store.saveProgram(model, meta(0));
      await store.saveProgram({ ...model, program: { ...model.program, id: 'copy' as ProgramId, name: 'A copy' } }, meta(1));
      const listed = await store.listPrograms();
      expect(listed.map((p) => [p.id, p.teams, p.items, p.milestones, p.dependencies, p.version])).toEqual([
        ['copy', 3, 6, 1, 6, 1],
        ['edge-refresh', 3, 6, 1, 6, 1],
      ]);
      expect(listed[0]?.updatedAt.toISOString()).toBe('2027-01-04T09:01:00.000Z');
    });

    it('keeps programs apart', async () => {
      await store.saveProgram(model, meta(0));
      const other = {
        ...model,
        program: { ...model.program, id: 'other' as ProgramId },
        teams: model.teams.slice(0, 1),
        items: [],
        dependencies: [],
        risks: [],
        decisions: [],
      };
      await store.saveProgram(other, meta(1));
      expect(await store.readProgram(model.program.id)).toEqual(model);
      expect((await store.readProgram('other' as ProgramId))?.teams).toHaveLength(1);
      expect(await store.readProgram('missing' as ProgramId)).toBeUndefined();
    });

    it('filters history to one item, newest first, and limits it', async () => {
      await store.saveProgram(model, meta(0));
      for (let n = 1; n <= 3; n++) {
        const items = model.items.map((i) => (i.id === 'sre-1' ? { ...i, percentComplete: 25 + n * 20 } : i));
        await store.saveProgram({ ...model, items }, meta(n));
      }
      const sets = await store.history(model.program.id, { entity: 'item', entityId: 'sre-1' });
      expect(sets.map((s) => s.version)).toEqual([4, 3, 2, 1]);
      expect(sets.every((s) => s.changes.every((c) => c.id === 'sre-1'))).toBe(true);
      expect((await store.history(model.program.id, { limit: 2 })).map((s) => s.version)).toEqual([4, 3]);
    });

    it('tells when each item last changed', async () => {
      await store.saveProgram(model, meta(0));
      const items = model.items.map((i) => (i.id === 'sre-1' ? { ...i, percentComplete: 60 } : i));
      await store.saveProgram({ ...model, items }, meta(30));
      const last = await store.itemsLastChanged(model.program.id);
      expect(last.size).toBe(model.items.length);
      expect(last.get('sre-1')).toEqual(meta(30).at);
      expect(last.get(model.items.find((i) => i.id !== 'sre-1')?.id as string)).toEqual(meta(0).at);
    });
  });
}

/** Baselines, reviews and snapshots: what every store keeps beside the model. */
export function insightStoreContract(open: () => Promise<ProgramStore>) {
  let store: ProgramStore;
  let model: ProgramModel;
  beforeEach(async () => {
    store = await open();
    model = smallProgram();
    await store.saveProgram(model, meta(0));
    return () => store.close();
  });
  const id = () => model.program.id;

  it('keeps baselines by name, never overwriting one', async () => {
    const baseline = {
      name: 'q1',
      createdAt: meta(5).at,
      actor: 'priya',
      version: 1,
      model,
      plan: { finish: '2027-04-30T18:00', items: { 'net-1': { start: '2027-01-04T09:00', finish: '2027-01-08T18:00' } } },
    };
    expect(await store.insights.saveBaseline(id(), baseline)).toBe(true);
    expect(await store.insights.saveBaseline(id(), { ...baseline, actor: 'someone else' })).toBe(false);
    expect(await store.insights.readBaseline(id(), 'q1')).toEqual(baseline);
    expect(await store.insights.listBaselines(id())).toEqual([{ name: 'q1', createdAt: meta(5).at, actor: 'priya', version: 1 }]);
    expect(await store.insights.readBaseline(id(), 'q2')).toBeUndefined();
  });

  it('keeps the latest verdict on each detected risk, with its reason', async () => {
    await store.insights.reviewFinding(id(), {
      key: 'item-unowned:a',
      verdict: 'acknowledged',
      reason: 'owner named Monday',
      actor: 'priya',
      at: meta(1).at,
    });
    await store.insights.reviewFinding(id(), {
      key: 'item-unowned:a',
      verdict: 'dismissed',
      reason: 'a placeholder',
      actor: 'tom',
      at: meta(2).at,
    });
    expect(await store.insights.findingReviews(id())).toEqual([
      { key: 'item-unowned:a', verdict: 'dismissed', reason: 'a placeholder', actor: 'tom', at: meta(2).at },
    ]);
  });

  it('keeps one status snapshot per status date, oldest first', async () => {
    await store.insights.saveStatusSnapshot(id(), { asOf: '2027-02-12', takenAt: meta(1).at, version: 1, summary: { rag: 'green' } });
    await store.insights.saveStatusSnapshot(id(), { asOf: '2027-02-05', takenAt: meta(2).at, version: 1, summary: { rag: 'amber' } });
    await store.insights.saveStatusSnapshot(id(), { asOf: '2027-02-12', takenAt: meta(3).at, version: 1, summary: { rag: 'red' } });
    const snaps = await store.insights.statusSnapshots(id());
    expect(snaps.map((x) => [x.asOf, (x.summary as { rag: string }).rag])).toEqual([
      ['2027-02-05', 'amber'],
      ['2027-02-12', 'red'],
    ]);
  });

  it('keeps scenarios by name until they are thrown away', async () => {
    const scenario = {
      name: 'hire',
      createdAt: meta(3).at,
      actor: 'priya',
      baseVersion: 1,
      body: { scenario: 'hire', changes: [{ 'remove-item': 'sre-1' }] },
    };
    expect(await store.insights.saveScenario(id(), scenario)).toBe(true);
    expect(await store.insights.saveScenario(id(), scenario)).toBe(false);
    expect(await store.insights.readScenario(id(), 'hire')).toEqual(scenario);
    expect((await store.insights.listScenarios(id())).map((x) => x.name)).toEqual(['hire']);
    expect(await store.insights.deleteScenario(id(), 'hire')).toBe(true);
    expect(await store.insights.deleteScenario(id(), 'hire')).toBe(false);
    expect(await store.insights.listScenarios(id())).toEqual([]);
  });
}
