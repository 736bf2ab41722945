import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ProgramId } from '../../domain/ids.js';
import type { ProgramModel } from '../../domain/program-model.js';
import type { ProgramStore } from '../../store/program-store.js';
import type { CliIo } from '../cli-io.js';
import { EXIT } from '../exit-codes.js';
import { withStore } from '../with-store.js';
import { readPlanInput } from './plan-input.js';
import { notFound } from './show.js';

/** Where a program came from: a file (no history), or the store (with its history at hand). */
export type ProgramTarget = { kind: 'file'; model: ProgramModel } | { kind: 'stored'; model: ProgramModel; store: ProgramStore };

/**
 * Runs `run` on a program named on the command line: a program file when a file of that name
 * exists, otherwise the stored program with that id. The store stays open while `run` runs.
 */
export async function withProgramTarget(
  io: CliIo,
  target: string,
  command: string,
  run: (program: ProgramTarget) => Promise<number>,
): Promise<number> {
  if (existsSync(resolve(io.cwd, target)) || /\.(ya?ml|json)$/i.test(target)) {
    const input = await readPlanInput(io, target);
    if ('error' in input) {
      io.err(input.error);
      return EXIT.invalid;
    }
    if (input.kind !== 'program') {
      io.err(`${io.errStyle.red('error')}: ${target} is not a program file; this command needs teams, items and milestones`);
      return EXIT.usage;
    }
    return run({ kind: 'file', model: input.model });
  }
  return withStore(io, command, async (store) => {
    const model = await store.readProgram(target as ProgramId);
    if (!model) return notFound(io, store, target);
    return run({ kind: 'stored', model, store });
  });
}
