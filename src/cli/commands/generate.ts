import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { generateProgram } from '../../engine/generate/generate-program.js';
import { createRandom } from '../../engine/rcpsp/random.js';
import { writeProgram } from '../../formats/program-yaml/write-program.js';
import type { CliIo } from '../cli-io.js';
import { EXIT } from '../exit-codes.js';

export async function generateCommand(
  io: CliIo,
  options: { items: number; teams: number; seed?: number; out?: string; json?: boolean },
): Promise<number> {
  const model = generateProgram({ items: options.items, teams: options.teams }, createRandom(options.seed ?? 1));
  const format = options.out?.endsWith('.json') ? 'json' : 'yaml';
  const text = writeProgram(model, format);
  if (options.out === undefined) {
    io.out(text.trimEnd());
    return EXIT.ok;
  }
  await writeFile(resolve(io.cwd, options.out), text, 'utf8');
  const summary = { written: options.out, items: model.items.length, dependencies: model.dependencies.length, teams: model.teams.length };
  io.out(
    options.json
      ? JSON.stringify(summary)
      : `${io.style.green('✓')} wrote ${options.out}: ${summary.items} items, ${summary.dependencies} dependencies, ${summary.teams} teams`,
  );
  return EXIT.ok;
}
