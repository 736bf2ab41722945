import type { ProgramId } from '../../domain/ids.js';
import type { CliIo } from '../cli-io.js';
import { EXIT } from '../exit-codes.js';
import { renderHistory } from '../render/history.js';
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
    io.out(
      options.json
        ? JSON.stringify(
            sets.map((s) => ({ ...s, at: s.at.toISOString() })),
            null,
            2,
          )
        : renderHistory(sets, io.style),
    );
    return EXIT.ok;
  });
}
