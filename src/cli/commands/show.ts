import { summarizeProgram } from '../../app/program-summary.js';
import type { ProgramId } from '../../domain/ids.js';
import type { ProgramStore } from '../../store/program-store.js';
import type { CliIo } from '../cli-io.js';
import { EXIT } from '../exit-codes.js';
import { renderSummary } from '../render/summary.js';
import { withStore } from '../with-store.js';

export async function showCommand(io: CliIo, program: string, options: { json?: boolean }): Promise<number> {
  return withStore(io, `throughline show ${program}`, (store) => showProgram(io, store, program, options));
}

export async function showProgram(io: CliIo, store: ProgramStore, program: string, options: { json?: boolean }): Promise<number> {
  const model = await store.readProgram(program as ProgramId);
  if (!model) return notFound(io, store, program);
  const summary = summarizeProgram(model);
  io.out(options.json ? JSON.stringify(summary, null, 2) : renderSummary(summary, io.style));
  return EXIT.ok;
}

export async function notFound(io: CliIo, store: ProgramStore, program: string): Promise<number> {
  const known = (await store.listPrograms()).map((p) => p.id);
  io.err(
    `${io.errStyle.red('error')}: no program "${program}". ` +
      (known.length > 0 ? `Known programs: ${known.join(', ')}.` : 'No program is loaded yet; run: throughline load FILE'),
  );
  return EXIT.notFound;
}
