import { describe, expect, it } from 'vitest';
import { fixture, readValid } from '../../../test/support/programs.js';
import { openFreshStore } from '../../../test/support/stores.js';
import type { ProgramId } from '../../domain/ids.js';
import { exhaustedBudgets, programFunnel, storedProgramFunnel } from './funnel-view.js';
import { storeSliCsv } from './slo-data.js';

const model = readValid(fixture('reliability/identity-platform.yaml'));

describe('programFunnel', () => {
  it('on the 26th: the security patch due the 20th and the action item due the 24th break level 1, so eu-region is flagged', () => {
    const f = programFunnel(model, new Date('2026-11-26T10:00:00Z'), []);
    expect(f.level1Broken).toBe(true);
    expect(f.reasons.map((r) => r.message)).toEqual([
      'level-1 security patch token-rotation "Rotate signing keys monthly" was due 2026-11-20, 6 days ago',
      'level-1 post-mortem action item pm-101-dns-ttl "Honour DNS TTL in the identity connection pool" was due 2026-11-24, 2 days ago',
    ]);
    expect(f.flagged.map((x) => [x.item, x.team, x.reasons.length])).toEqual([['eu-region', 'platform', 2]]);
    expect(f.levels.map((l) => [l.level, l.name, l.inProgress, l.items.map((i) => i.id)])).toEqual([
      [1, 'Stability', 0, []],
      [2, 'Reliability', 1, ['users-db-schema']],
      [3, 'Efficiency', 0, []],
      [4, 'Scale', 1, ['eu-region']],
    ]);
    expect(f.unlevelled).toBe(0);
  });

  it('before any deadline passes, level 1 holds and nothing is flagged; an exhausted budget breaks it', () => {
    const calm = programFunnel(model, new Date('2026-11-19T23:59:00Z'), []);
    expect(calm.level1Broken).toBe(false);
    expect(calm.flagged).toEqual([]);
    const burnt = programFunnel(model, new Date('2026-11-19T23:59:00Z'), ['identity-availability']);
    expect(burnt.reasons).toEqual([
      {
        kind: 'exhausted-error-budget',
        slo: 'identity-availability',
        message: 'SLO identity-availability has used all of its error budget',
      },
    ]);
    expect(burnt.flagged.map((x) => x.item)).toEqual(['eu-region']);
  });
});

describe('storedProgramFunnel', () => {
  it('reads exhausted error budgets from the stored SLI data: 100 bad of 2000 events is far over the 0.1 % budget of 2 events', async () => {
    const store = await openFreshStore('pglite');
    try {
      const id = 'identity-platform' as ProgramId;
      const meta = { actor: 'test', at: new Date('2026-11-16T00:00:00Z') };
      await store.saveProgram(model, { ...meta, source: 'test' });
      const at = new Date('2026-11-16T10:00:00Z');
      // No data yet: no budget is known to be exhausted.
      expect(await exhaustedBudgets(store, id, model, at)).toEqual([]);
      const csv = 'timestamp,good,total\n2026-11-16T09:00:00Z,990,1000\n2026-11-16T09:01:00Z,910,1000\n';
      const saved = await storeSliCsv(store, id, model, 'identity-availability', { file: 'sli.csv', text: csv }, meta);
      expect(saved.ok).toBe(true);
      const f = await storedProgramFunnel(store, id, model, at);
      expect(f.reasons.map((r) => r.kind)).toEqual(['exhausted-error-budget']);
      expect(f.flagged.map((x) => x.item)).toEqual(['eu-region']);
    } finally {
      await store.close();
    }
  });
});
