import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadServiceCatalog } from '../../app/service-catalog.js';
import type { ProgramId } from '../../domain/ids.js';
import type { ProgramModel } from '../../domain/program-model.js';
import type { BackstageImport } from '../../formats/backstage/read-backstage-catalog.js';
import { readProgramYaml } from '../../formats/program-yaml/read-program.js';
import type { CliIo } from '../cli-io.js';
import { EXIT } from '../exit-codes.js';
import { renderFileProblems } from '../render/file-problems.js';
import { renderProblems } from '../render/problems.js';
import { withStore } from '../with-store.js';
import { readSource } from './read-source.js';
import { notFound } from './show.js';

/** Reads the catalog from disk; warnings go to stderr; problems are printed and answer an exit code. */
export function readCatalogOrReport(io: CliIo, files: readonly string[], json: boolean): BackstageImport | number {
  const readFile = (path: string): string | undefined => {
    try {
      return readFileSync(resolve(io.cwd, path), 'utf8');
    } catch {
      return undefined;
    }
  };
  const result = loadServiceCatalog(files, readFile);
  const warnings = result.ok ? result.value.warnings : result.error.warnings;
  if (warnings.length > 0 && !json) io.err(renderFileProblems(warnings, io.errStyle, 'warning'));
  if (!result.ok) {
    const missingRoot = result.error.problems.every((p) => p.code === 'missing-file');
    if (json) io.out(JSON.stringify({ files, problems: result.error.problems, warnings }, null, 2));
    else io.err(renderFileProblems(result.error.problems, io.errStyle));
    return missingRoot ? EXIT.usage : EXIT.invalid;
  }
  return result.value;
}

/**
 * What `services` and `blast-radius` were given: a program file (YAML or JSON with `throughline:`),
 * a Backstage catalog file (any other file, or a file name that does not exist), or else the id of
 * a stored program.
 */
export function catalogTarget(io: CliIo, arg: string): 'program-file' | 'backstage' | 'stored' {
  const path = resolve(io.cwd, arg);
  if (existsSync(path) && statSync(path).isFile()) {
    const head = readFileSync(path, 'utf8').slice(0, 64 * 1024);
    return /^\s*\{?\s*"?throughline"?\s*:/m.test(head) ? 'program-file' : 'backstage';
  }
  return /\.(ya?ml|json)$/i.test(arg) || arg.includes('/') ? 'backstage' : 'stored';
}

/** Runs `run` on a program file or a stored program; problems and unknown ids are reported here. */
export async function withCatalogProgram(
  io: CliIo,
  arg: string,
  kind: 'program-file' | 'stored',
  command: string,
  run: (model: ProgramModel, version: number | null) => Promise<number>,
): Promise<number> {
  if (kind === 'program-file') {
    const source = await readSource(io, arg);
    if ('error' in source) {
      io.err(`${io.errStyle.red('error')}: ${source.error}`);
      return EXIT.usage;
    }
    const read = readProgramYaml(source.text, arg);
    if (!read.ok) {
      io.err(renderProblems(read.error, io.errStyle));
      return EXIT.invalid;
    }
    return run(read.value, null);
  }
  return withStore(io, command, async (store) => {
    const at = await store.readVersioned(arg as ProgramId);
    if (!at) return notFound(io, store, arg);
    return run(at.model, at.version);
  });
}
