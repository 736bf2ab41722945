import type { ProgramId } from '../domain/ids.js';
import type { ProgramModel } from '../domain/program-model.js';
import { err, ok, type Result } from '../domain/result.js';
import { readProgramYaml } from '../formats/program-yaml/read-program.js';
import type { SourceProblem } from '../formats/source-problem.js';
import type { ChangeMeta, ProgramStore, SaveResult } from '../store/program-store.js';

export type LoadError = { kind: 'invalid'; problems: readonly SourceProblem[] };

export interface LoadRequest {
  readonly text: string;
  readonly file: string;
  /** Load under this id instead of the file's `program.id`. */
  readonly programId?: ProgramId;
  readonly actor: string;
  readonly at: Date;
  /** Told as each phase starts, for progress on large files. */
  readonly onPhase?: (phase: LoadPhase) => void;
}

export type LoadPhase =
  | { phase: 'parsed'; items: number; dependencies: number }
  | { phase: 'saving' }
  | { phase: 'saved'; changes: number };

/**
 * Upserts a program file into the store. A file with any problem changes nothing; a valid one is
 * saved in one transaction, recording only what differs from what is stored.
 */
export async function loadProgram(store: ProgramStore, request: LoadRequest): Promise<Result<SaveResult, LoadError>> {
  const read = readProgramYaml(request.text, request.file);
  if (!read.ok) return err({ kind: 'invalid', problems: read.error });
  const model = withProgramId(read.value, request.programId);
  request.onPhase?.({ phase: 'parsed', items: model.items.length, dependencies: model.dependencies.length });
  request.onPhase?.({ phase: 'saving' });
  const saved = await saveReadProgram(store, model, request);
  request.onPhase?.({ phase: 'saved', changes: saved.changes.length });
  return ok(saved);
}

/** Saves a program already read from `file`, attributed as a load of that file. */
export function saveReadProgram(
  store: ProgramStore,
  model: ProgramModel,
  from: { readonly file: string; readonly actor: string; readonly at: Date },
): Promise<SaveResult> {
  const meta: ChangeMeta = { actor: from.actor, at: from.at, source: `load ${from.file}` };
  return store.saveProgram(model, meta);
}

function withProgramId(model: ProgramModel, id: ProgramId | undefined): ProgramModel {
  return id === undefined ? model : { ...model, program: { ...model.program, id } };
}
