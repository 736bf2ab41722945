import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Integrations } from '../domain/integration.js';
import { readIntegrationsYaml } from '../formats/integrations-yaml/read-integrations.js';
import type { CliIo } from './cli-io.js';
import { EXIT } from './exit-codes.js';
import { renderFileProblems } from './render/file-problems.js';

/**
 * Reads the integrations file for `sync` and `publish`: the document, or the exit code after
 * saying what is wrong (a missing file names the sections it needs, problems come with lines).
 */
export async function readIntegrationsFile(io: CliIo, file: string, sections: string): Promise<Integrations | number> {
  const path = resolve(io.cwd, file);
  if (!existsSync(path)) {
    return usageError(
      io,
      `${file} does not exist. Write it with a ${sections} section (see docs/integrations.md), or pass --config <file>`,
    );
  }
  const read = readIntegrationsYaml(await readFile(path, 'utf8'), file);
  if (!read.ok) {
    io.err(renderFileProblems(read.error, io.errStyle));
    return EXIT.invalid;
  }
  return read.value.value;
}

/** Says what is wrong with the command line; returns the usage exit code. */
export function usageError(io: CliIo, message: string): number {
  io.err(`${io.errStyle.red('error')}: ${message}`);
  return EXIT.usage;
}
