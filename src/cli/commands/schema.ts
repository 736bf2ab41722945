import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { programJsonSchema } from '../../formats/program-yaml/document-schema.js';
import type { CliIo } from '../cli-io.js';
import { EXIT } from '../exit-codes.js';

export async function schemaCommand(io: CliIo, options: { out?: string }): Promise<number> {
  const text = `${JSON.stringify(programJsonSchema(), null, 2)}\n`;
  if (options.out === undefined) {
    io.out(text.trimEnd());
    return EXIT.ok;
  }
  await writeFile(resolve(io.cwd, options.out), text, 'utf8');
  io.out(`${io.style.green('✓')} wrote ${options.out}`);
  return EXIT.ok;
}
