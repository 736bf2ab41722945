import type { CliIo } from '../cli-io.js';
import { EXIT } from '../exit-codes.js';
import { table } from '../render/table.js';
import { describeStore, withStore } from '../with-store.js';

export async function programsCommand(io: CliIo, options: { json?: boolean }): Promise<number> {
  return withStore(io, 'throughline programs', async (store, config) => {
    const programs = await store.listPrograms();
    if (options.json) {
      io.out(
        JSON.stringify(
          programs.map((p) => ({ ...p, updatedAt: p.updatedAt.toISOString() })),
          null,
          2,
        ),
      );
      return EXIT.ok;
    }
    if (programs.length === 0) {
      io.out(`No programs in the ${describeStore(config)}. Load one with: throughline load FILE`);
      return EXIT.ok;
    }
    io.out(
      table(
        ['PROGRAM', 'NAME', 'TEAMS', 'ITEMS', 'MILESTONES', 'DEPS', 'VERSION', 'UPDATED'],
        programs.map((p) => [
          p.id,
          p.name,
          String(p.teams),
          String(p.items),
          String(p.milestones),
          String(p.dependencies),
          String(p.version),
          `${p.updatedAt.toISOString().slice(0, 16).replace('T', ' ')}Z`,
        ]),
        [2, 3, 4, 5, 6],
      ),
    );
    return EXIT.ok;
  });
}
