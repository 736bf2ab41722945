import type { ExternalBatch, SyncedField } from '../../domain/external-work.js';
import { ok } from '../../domain/result.js';
import type { WorkSource } from './work-source.js';

/**
 * A tracker export already read (Jira's CSV export): the file is the whole selection, so every
 * sync from it is a full one, and issues missing from it are removed.
 */
export function batchSource(batch: ExternalBatch, owned: readonly SyncedField[], describe: string): WorkSource {
  return {
    system: batch.system,
    owned,
    describe,
    test: async () => ok({ account: 'offline', detail: `${batch.works.length} issues in ${describe}` }),
    fetch: async (_since, progress, limit) => {
      progress({ phase: 'fetching', done: batch.works.length, total: batch.works.length });
      return ok(limit === undefined ? batch : { ...batch, works: batch.works.slice(0, limit) });
    },
    keys: async () => ok(new Set(batch.works.map((w) => w.key))),
  };
}
