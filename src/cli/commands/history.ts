import type { ProgramId } from '../../domain/ids.js';
import type { CliIo } from '../cli-io.js';
import { EXIT } from '../exit-codes.js';
import { renderActivity, renderHistory } from '../render/history.js';
import { withStore } from '../with-store.js';
import { notFound } from './show.js';

export async function historyCommand(
  io: CliIo,
  program: string,
  options: { json?: boolean; limit?: number; item?: string },
): Promise<number> {
  return withStore(io, `throughline history ${program}`, async (store) => {
    if (!(await store.readProgram(program as ProgramId))) return notFound(io, store, program);
    const sets = await store.history(program as ProgramId, {
      ...(options.limit !== undefined ? { limit: options.limit } : {}),
      ...(options.item !== undefined ? { entity: 'item' as const, entityId: options.item } : {}),
    });
    // An item synced from a tracker also has the tracker's own history (Jira's changelog).
    const activity =
      options.item !== undefined ? await store.integrations.activity(program as ProgramId, options.item, options.limit ?? 50) : [];
    if (options.json) {
      const changes = sets.map((s) => ({ ...s, at: s.at.toISOString() }));
      io.out(JSON.stringify(options.item !== undefined ? { changes, tracker: activity } : changes, null, 2));
    } else io.out([renderHistory(sets, io.style), ...(activity.length > 0 ? [renderActivity(activity, io.style)] : [])].join('\n\n'));
    return EXIT.ok;
  });
}
