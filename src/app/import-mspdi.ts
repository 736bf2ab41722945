import { err, ok, type Result } from '../domain/result.js';
import { validateModel } from '../engine/validate-model.js';
import { type MspdiProgram, mspdiProgram, programIdFromFile } from '../formats/mspdi/mspdi-program.js';
import type { MspdiProblem } from '../formats/mspdi/mspdi-project.js';
import { readMspdi } from '../formats/mspdi/read-mspdi.js';

/** What is wrong with an MS Project file as a program: MSPDI problems, or the converted program's rules. */
export interface MspdiImportProblem {
  readonly code: string;
  readonly message: string;
  readonly hint?: string;
  readonly line?: number;
  /** `Task UID 12`, `Calendar UID 1`… */
  readonly subject?: string;
}

/**
 * Reads an MS Project XML (MSPDI) file as a program (see `mspdiProgram` for the mapping), checked
 * by the same rules as a program file. The program id comes from the file name unless given.
 */
export function readMspdiProgram(
  text: string,
  file: string,
  programId = programIdFromFile(file),
): Result<MspdiProgram, MspdiImportProblem[]> {
  const read = readMspdi(text, file);
  if (!read.ok) return err(read.error.map(fromMspdi));
  const converted = mspdiProgram(read.value, { programId });
  if (!converted.ok) return err(converted.error.map(fromMspdi));
  const { model } = converted.value;
  const problems = validateModel(model);
  if (problems.length > 0) {
    return err(
      problems.map((p) => {
        const item = p.at.entity === 'item' ? model.items[p.at.index] : undefined;
        const subject = item ? `Task UID ${item.id.slice(1)}` : undefined;
        return {
          code: p.code,
          message: subject ? `${subject} (${item?.title}): ${p.message}` : p.message,
          ...(p.hint !== undefined ? { hint: p.hint } : {}),
          ...(subject !== undefined ? { subject } : {}),
        };
      }),
    );
  }
  return ok(converted.value);
}

const fromMspdi = (p: MspdiProblem): MspdiImportProblem => ({
  code: p.code,
  message: p.message,
  ...(p.hint !== undefined ? { hint: p.hint } : {}),
  ...(p.line !== undefined ? { line: p.line } : {}),
  ...(p.subject !== undefined ? { subject: p.subject } : {}),
});
