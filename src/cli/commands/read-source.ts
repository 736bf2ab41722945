import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CliIo } from '../cli-io.js';

/** The file's text, or a message saying why it cannot be read. */
export async function readSource(io: CliIo, file: string): Promise<{ text: string } | { error: string }> {
  try {
    return { text: await readFile(resolve(io.cwd, file), 'utf8') };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (e as Error).message;
    return { error: `cannot read ${file}: ${why}` };
  }
}
