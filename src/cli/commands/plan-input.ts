import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { ProgramModel } from '../../domain/program-model.js';
import type { RcpspInstance } from '../../engine/rcpsp/instance.js';
import type { MspdiProblem, MspdiProject } from '../../formats/mspdi/mspdi-project.js';
import { readMspdi } from '../../formats/mspdi/read-mspdi.js';
import { readProgramYaml } from '../../formats/program-yaml/read-program.js';
import { readPsplib } from '../../formats/psplib/read-psplib.js';
import type { CliIo } from '../cli-io.js';
import { renderProblems } from '../render/problems.js';
import { readSource } from './read-source.js';

export type PlanInput =
  | { kind: 'program'; model: ProgramModel }
  | { kind: 'rcpsp'; instance: RcpspInstance }
  | { kind: 'mspdi'; project: MspdiProject };

/** Reads what `plan` and `forecast` accept: a program file, or a PSPLIB `.sm` instance. */
export async function readPlanInput(io: CliIo, file: string): Promise<PlanInput | { error: string }> {
  if (/\.sm$/i.test(file)) {
    const source = await readSource(io, file);
    if ('error' in source) return source;
    const read = readPsplib(source.text);
    if (!read.ok) return { error: read.error.map((p) => `${file}:${p.line}: ${p.message}`).join('\n') };
    return { kind: 'rcpsp', instance: read.value };
  }
  if (/\.xml(\.gz)?$/i.test(file)) {
    let bytes: Buffer;
    try {
      bytes = await readFile(resolve(io.cwd, file));
    } catch (e) {
      return { error: `cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}` };
    }
    let text: string;
    try {
      text = textOf(bytes, file);
    } catch {
      return { error: `${file}: not a valid gzip file; save the MS Project XML uncompressed, or gzip it again` };
    }
    const read = readMspdi(text, file);
    if (!read.ok) return { error: read.error.map(describeMspdiProblem).join('\n') };
    return { kind: 'mspdi', project: read.value };
  }
  const source = await readSource(io, file);
  if ('error' in source) return source;
  const read = readProgramYaml(source.text, file);
  if (!read.ok) return { error: renderProblems(read.error, io.errStyle) };
  return { kind: 'program', model: read.value };
}

/** Gunzips `.gz` input; the readers take text. */
export function textOf(bytes: Buffer, file: string): string {
  return (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
}

export function describeMspdiProblem(p: MspdiProblem): string {
  const where = `${p.file}${p.line !== undefined ? `:${p.line}` : ''}`;
  return `${where}: ${p.subject ? `${p.subject}: ` : ''}${p.message}${p.hint ? `\n  hint: ${p.hint}` : ''}`;
}
