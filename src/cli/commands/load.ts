import { type LoadPhase, loadProgram } from '../../app/load-program.js';
import type { ProgramId } from '../../domain/ids.js';
import { READABLE_ID } from '../../domain/ids.js';
import type { SaveResult } from '../../store/program-store.js';
import type { CliIo } from '../cli-io.js';
import { EXIT } from '../exit-codes.js';
import { renderProblems } from '../render/problems.js';
import { defaultActor, describeStore, withStore } from '../with-store.js';
import { readSource } from './read-source.js';

export async function loadCommand(
  io: CliIo,
  file: string,
  options: { program?: string; json?: boolean; verbose?: boolean },
): Promise<number> {
  if (options.program !== undefined && !READABLE_ID.test(options.program)) {
    io.err(`${io.errStyle.red('error')}: --program "${options.program}" is not a valid id (letters, digits, ".", "_", "-")`);
    return EXIT.usage;
  }
  const source = await readSource(io, file);
  if ('error' in source) {
    io.err(`${io.errStyle.red('error')}: ${source.error}`);
    return EXIT.usage;
  }
  return withStore(io, `throughline load ${file}`, async (store, config) => {
    const result = await loadProgram(store, {
      text: source.text,
      file,
      ...(options.program !== undefined ? { programId: options.program as ProgramId } : {}),
      actor: defaultActor(io),
      at: io.now(),
      ...(options.verbose ? { onPhase: (p: LoadPhase) => io.err(io.errStyle.dim(describePhase(p))) } : {}),
    });
    if (!result.ok) {
      if (options.json) io.out(JSON.stringify({ loaded: false, file, problems: result.error.problems }, null, 2));
      else io.err(`${renderProblems(result.error.problems, io.errStyle)}\nNothing was loaded.`);
      return EXIT.invalid;
    }
    if (options.json) io.out(JSON.stringify(loadReport(result.value), null, 2));
    else io.out(describeLoad(io, result.value, describeStore(config)));
    return EXIT.ok;
  });
}

export function loadReport(r: SaveResult) {
  const count = (op: string) => r.changes.filter((c) => c.op === op).length;
  return {
    loaded: true,
    program: r.programId,
    created: r.created,
    version: r.version,
    changeSet: r.changeSetId ?? null,
    changes: { created: count('create'), updated: count('update'), deleted: count('delete') },
  };
}

function describeLoad(io: CliIo, r: SaveResult, where: string): string {
  const rep = loadReport(r);
  if (r.changes.length === 0)
    return `${io.style.green('✓')} program "${r.programId}" is already up to date in the ${where}; nothing changed`;
  const verb = r.created ? 'created' : 'updated';
  return (
    `${io.style.green('✓')} ${verb} program "${r.programId}" (version ${r.version}) in the ${where}: ` +
    `${rep.changes.created} created, ${rep.changes.updated} updated, ${rep.changes.deleted} deleted`
  );
}

function describePhase(p: LoadPhase): string {
  if (p.phase === 'parsed') return `read ${p.items} items and milestones, ${p.dependencies} dependencies`;
  if (p.phase === 'saving') return 'saving (one transaction)…';
  return `saved: ${p.changes} changes`;
}
