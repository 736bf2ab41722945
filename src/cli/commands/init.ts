import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { starterProgramYaml } from '../../formats/program-yaml/starter.js';
import type { CliIo } from '../cli-io.js';
import { EXIT } from '../exit-codes.js';
import { PACKAGE_ROOT } from './package-root.js';

export async function initCommand(io: CliIo, file: string, options: { force?: boolean; json?: boolean }): Promise<number> {
  const path = resolve(io.cwd, file);
  if (existsSync(path) && !options.force) {
    io.err(`${io.errStyle.red('error')}: ${file} already exists; pass --force to overwrite it`);
    return EXIT.usage;
  }
  const schema = join(PACKAGE_ROOT, 'schema', 'program.schema.json');
  const id =
    basename(file)
      .replace(/\.ya?ml$/i, '')
      .replace(/[^A-Za-z0-9._-]/g, '-')
      .replace(/^[^A-Za-z0-9]+/, '') || 'my-program';
  const text = starterProgramYaml({
    id,
    start: io.now().toISOString().slice(0, 10),
    ...(existsSync(schema) ? { schemaPath: relative(dirname(path), schema) } : {}),
  });
  await writeFile(path, text, 'utf8');
  if (options.json) io.out(JSON.stringify({ written: file, program: id }, null, 2));
  else io.out(`${io.style.green('✓')} wrote ${file}. Edit it, then: throughline validate ${file} && throughline load ${file}`);
  return EXIT.ok;
}
