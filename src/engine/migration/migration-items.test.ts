import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../domain/calendar-date.js';
import { canonicalJson } from '../../domain/canonical-json.js';
import { migrationSchema } from '../../domain/migration.js';
import { ITEM_STATES, type WorkItem, workItemSchema } from '../../domain/work-item.js';
import { syncMigrationItems } from './migration-item-sync.js';
import { itemsToGenerate, migrationItemId, migrationWorkItems } from './migration-items.js';

const today = '2027-03-01' as CalendarDate;
const migration = migrationSchema.parse({
  id: 'dc-exit',
  title: 'Leave the data centre',
  services: [
    { service: 'checkout-api', done: { inventory: '2027-01-05', 'dual-run': '2027-01-20' } },
    { service: 'ledger', team: 'data', done: {} },
  ],
});
const owners = new Map([['checkout-api', 'web']]);

describe('migrationWorkItems', () => {
  it('makes one item per service and step, owned, tagged, done as the step is, chained finish-to-start', () => {
    const g = migrationWorkItems(migration, owners);
    expect(g.items.slice(0, 4).map((i) => [i.id, i.title, i.team, i.state, i.services, i.tags])).toEqual([
      ['dc-exit-checkout-api-inventory', 'Inventory checkout-api', 'web', 'done', ['checkout-api'], ['migration', 'dc-exit']],
      ['dc-exit-checkout-api-dual-run', 'Dual-run checkout-api', 'web', 'done', ['checkout-api'], ['migration', 'dc-exit']],
      ['dc-exit-checkout-api-cutover', 'Cutover checkout-api', 'web', 'not-started', ['checkout-api'], ['migration', 'dc-exit']],
      ['dc-exit-checkout-api-decommission', 'Decommission checkout-api', 'web', 'not-started', ['checkout-api'], ['migration', 'dc-exit']],
    ]);
    expect(g.items[4]?.team).toBe('data');
    expect(g.dependencies.map((x) => `${x.from}->${x.to} ${x.type}`)).toEqual([
      'dc-exit-checkout-api-inventory->dc-exit-checkout-api-dual-run FS',
      'dc-exit-checkout-api-dual-run->dc-exit-checkout-api-cutover FS',
      'dc-exit-checkout-api-cutover->dc-exit-checkout-api-decommission FS',
      'dc-exit-ledger-inventory->dc-exit-ledger-dual-run FS',
      'dc-exit-ledger-dual-run->dc-exit-ledger-cutover FS',
      'dc-exit-ledger-cutover->dc-exit-ledger-decommission FS',
    ]);
  });

  it('reports an id too long instead of making it, and adds only what is missing when run again', () => {
    const long = migrationSchema.parse({ ...migration, id: 'a'.repeat(40), services: [{ service: 'b'.repeat(20) }] });
    const g = migrationWorkItems(long, owners);
    expect(g.items.filter((i) => i.id.endsWith('inventory'))).toHaveLength(0);
    expect(g.problems.map((p) => p.step)).toContain('decommission');
    expect(g.problems[0]?.hint).toMatch(/64-character/);
    const first = itemsToGenerate(migration, owners, [], []);
    expect(first.items).toHaveLength(8);
    const again = itemsToGenerate(migration, owners, first.items, first.dependencies);
    expect(again.items).toHaveLength(0);
    expect(again.dependencies).toHaveLength(0);
    expect(again.existing).toHaveLength(8);
  });
});

const generated = () => migrationWorkItems(migration, owners).items as WorkItem[];
const withState = (items: WorkItem[], id: string, state: WorkItem['state']) => items.map((i) => (i.id === id ? { ...i, state } : i));
const id = (service: string, step: string) => migrationItemId(migration, service, step);

describe('syncMigrationItems', () => {
  it('gives a step the day its item was set done, and earlier steps without a date the same day', () => {
    const items = withState(generated(), id('ledger', 'dual-run'), 'done');
    const synced = syncMigrationItems({ migrations: [migration], items }, 'items', today);
    expect(synced.migrations[0]?.services[1]?.done).toEqual({ inventory: today, 'dual-run': today });
    expect(synced.items.find((i) => i.id === id('ledger', 'inventory'))?.state).toBe('done');
  });

  it('marks the item done when the migration records its step, and reopens it when the date is removed', () => {
    const recorded = migrationSchema.parse({
      ...migration,
      services: [migration.services[0], { service: 'ledger', team: 'data', done: { inventory: '2027-02-02' } }],
    });
    const synced = syncMigrationItems({ migrations: [recorded], items: generated() }, 'migrations', today);
    expect(synced.items.find((i) => i.id === id('ledger', 'inventory'))?.state).toBe('done');
    const undone = migrationSchema.parse({
      ...migration,
      services: [{ service: 'checkout-api', done: { inventory: '2027-01-05' } }, migration.services[1]],
    });
    const back = syncMigrationItems({ migrations: [undone], items: generated() }, 'migrations', today);
    expect(back.items.find((i) => i.id === id('checkout-api', 'dual-run'))?.state).toBe('in-progress');
  });

  it('removes the dates of a reopened step and the steps after it when items win', () => {
    const items = withState(generated(), id('checkout-api', 'dual-run'), 'in-progress');
    const synced = syncMigrationItems({ migrations: [migration], items }, 'items', today);
    expect(synced.migrations[0]?.services[0]?.done).toEqual({ inventory: '2027-01-05' });
  });

  it('leaves the model as it is when both sides agree or no item was generated', () => {
    const agreed = { migrations: [migration], items: generated() };
    expect(syncMigrationItems(agreed, 'items', today)).toBe(agreed);
    const none = { migrations: [migration], items: [] as WorkItem[] };
    expect(syncMigrationItems(none, 'items', today)).toBe(none);
  });

  it('is idempotent, makes items and steps agree, and keeps the done map a prefix of the steps', () => {
    const steps = migration.steps;
    const prefix = fc
      .integer({ min: 0, max: steps.length })
      .map((n) => Object.fromEntries(steps.slice(0, n).map((s, k) => [s, `2027-01-0${k + 1}`])));
    fc.assert(
      fc.property(
        prefix,
        fc.array(fc.constantFrom(...ITEM_STATES), { minLength: steps.length, maxLength: steps.length }),
        fc.array(fc.boolean(), { minLength: steps.length, maxLength: steps.length }),
        fc.constantFrom('items' as const, 'migrations' as const),
        (done, states, present, prefer) => {
          const m = migrationSchema.parse({ id: 'm', title: 'M', services: [{ service: 's', done }] });
          const items = steps.flatMap((step, k) =>
            present[k] ? [workItemSchema.parse({ id: `m-s-${step}`, title: step, state: states[k] })] : [],
          );
          const once = syncMigrationItems({ migrations: [m], items }, prefer, today);
          const twice = syncMigrationItems(once, prefer, today);
          expect(canonicalJson(twice)).toBe(canonicalJson(once));
          const finalDone = once.migrations[0]?.services[0]?.done ?? {};
          for (const item of once.items) {
            if (item.state === 'cancelled') continue;
            const step = item.id.slice('m-s-'.length);
            expect(item.state === 'done').toBe(finalDone[step] !== undefined);
          }
          const k = steps.filter((s) => finalDone[s] !== undefined).length;
          expect(steps.slice(0, k).every((s) => finalDone[s] !== undefined)).toBe(true);
        },
      ),
    );
  });
});
