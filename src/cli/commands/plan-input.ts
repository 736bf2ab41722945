import { gunzipSync } from 'node:zlib';
import type { ProgramModel } from '../../domain/program-model.js';
import type { RcpspInstance } from '../../engine/rcpsp/instance.js';
import { readProgramYaml } from '../../formats/program-yaml/read-program.js';
import { readPsplib } from '../../formats/psplib/read-psplib.js';
import type { CliIo } from '../cli-io.js';
import { renderProblems } from '../render/problems.js';
import { readSource } from './read-source.js';

export type PlanInput = { kind: 'program'; model: ProgramModel } | { kind: 'rcpsp'; instance: RcpspInstance };

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
    return { error: `${file}: MS Project XML is read by the MSPDI reader, which plan does not use yet; convert it or use a program file` };
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
