import type { ProgramId } from '../../domain/ids.js';
import type { ProgramModel } from '../../domain/program-model.js';
import type { ProgramService } from '../../domain/program-service.js';
import { err, ok, type Result } from '../../domain/result.js';
import { validateModel } from '../../engine/validate-model.js';
import type { CatalogProblem } from '../../formats/backstage/catalog-problem.js';
import type { BackstageImport, BackstageImportFailure, ReadFile } from '../../formats/backstage/read-backstage-catalog.js';
import { readBackstageCatalog } from '../../formats/backstage/read-backstage-catalog.js';
import { toProgramServices } from '../../formats/backstage/to-program-services.js';
import type { ProgramStore, SaveResult } from '../../store/program-store.js';

/**
 * Imports a Backstage catalog into a stored program: its components and resources replace the
 * program's services of the same id, other services stay, owner groups become teams (created
 * when the program has none of that id). One change set, under the program's row lock; a catalog
 * or a resulting program with any problem changes nothing.
 */

/** A warning or problem of the import: from the catalog files (with file:line:column) or from the conversion. */
export interface CatalogImportNote {
  readonly code: string;
  readonly message: string;
  readonly hint?: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly ref?: string;
}

export type CatalogImportError =
  | { readonly kind: 'no-program' }
  /** The catalog files cannot be read: each problem at its file, line and column. */
  | { readonly kind: 'unreadable'; readonly problems: readonly CatalogProblem[]; readonly warnings: readonly CatalogProblem[] }
  /** The catalog reads, but the program it would make breaks a rule. */
  | { readonly kind: 'invalid'; readonly problems: readonly CatalogImportNote[] };

export interface CatalogImportResult {
  readonly saved: SaveResult;
  /** Services and resources the catalog brought (added or replaced). */
  readonly services: number;
  readonly added: readonly string[];
  readonly replaced: readonly string[];
  readonly teamsCreated: readonly string[];
  readonly warnings: readonly CatalogImportNote[];
}

export interface CatalogImportRequest {
  readonly programId: ProgramId;
  /** How the catalog is named in the history: `import catalog-info.yaml`. */
  readonly label: string;
  readonly actor: string;
  readonly at: Date;
  /** Backstage group name → program team id. */
  readonly teamFor?: Readonly<Record<string, string>>;
}

/** Reads the catalog from its root files through `readFile`, then imports it. */
export async function importBackstageFiles(
  store: ProgramStore,
  roots: readonly string[],
  readFile: ReadFile,
  request: CatalogImportRequest,
): Promise<Result<CatalogImportResult, CatalogImportError>> {
  const read = readBackstageCatalog(roots, readFile);
  if (!read.ok) return err(unreadable(read.error));
  return importBackstageCatalog(store, read.value, request);
}

const unreadable = (f: BackstageImportFailure): CatalogImportError => ({ kind: 'unreadable', problems: f.problems, warnings: f.warnings });

export async function importBackstageCatalog(
  store: ProgramStore,
  read: BackstageImport,
  request: CatalogImportRequest,
): Promise<Result<CatalogImportResult, CatalogImportError>> {
  let outcome: Omit<CatalogImportResult, 'saved'> | undefined;
  const done = await store.editProgram<CatalogImportNote[]>(
    request.programId,
    (model) => {
      const merged = mergeCatalog(model, read, request.teamFor);
      if (!merged.ok) return { error: merged.error };
      outcome = merged.value.outcome;
      return { model: merged.value.model };
    },
    { actor: request.actor, at: request.at, source: `import ${request.label}` },
  );
  if ('missing' in done) return err({ kind: 'no-program' });
  if ('error' in done) return err({ kind: 'invalid', problems: done.error });
  return ok({ saved: done.saved, ...(outcome as Omit<CatalogImportResult, 'saved'>) });
}

/** The program with the catalog's services in it (pure; exported for tests). */
export function mergeCatalog(
  model: ProgramModel,
  read: BackstageImport,
  teamFor: Readonly<Record<string, string>> | undefined,
): Result<{ model: ProgramModel; outcome: Omit<CatalogImportResult, 'saved'> }, CatalogImportNote[]> {
  const converted = toProgramServices(read.catalog, { teams: model.teams, ...(teamFor ? { teamFor } : {}) });
  if (converted.problems.length > 0) return err([...converted.problems]);
  const warnings: CatalogImportNote[] = [...read.warnings.map(fromCatalogProblem), ...converted.notes];

  const incoming = new Map(converted.services.map((s) => [s.id as string, s]));
  const replaced = model.services.filter((s) => incoming.has(s.id)).map((s) => s.id as string);
  const kept = model.services.map((s) => incoming.get(s.id) ?? s);
  const added = converted.services.filter((s) => !replaced.includes(s.id));
  let services: ProgramService[] = [...kept, ...added];

  // Backstage lets a component consume an API nobody in the catalog provides; a program cannot.
  const provided = new Set(services.flatMap((s) => s.provides));
  services = services.map((s) => {
    if (!incoming.has(s.id)) return s;
    const missing = s.consumes.filter((a) => !provided.has(a));
    if (missing.length === 0) return s;
    warnings.push({
      code: 'consumed-api-without-provider',
      message: `${s.id} consumes ${missing.join(', ')}, which no service provides; left out of its consumes`,
      hint: 'import the providing component too, or add the API to the provides: of the service that serves it',
      ref: s.id,
    });
    return { ...s, consumes: s.consumes.filter((a) => provided.has(a)) };
  });

  const next: ProgramModel = { ...model, teams: [...model.teams, ...converted.teamsCreated], services };
  const problems = validateModel(next);
  if (problems.length > 0)
    return err(
      problems.map((p) => ({
        code: p.code,
        message: p.message,
        ...(p.hint !== undefined ? { hint: p.hint } : {}),
        ...(p.ref !== undefined ? { ref: p.ref } : {}),
      })),
    );
  return ok({
    model: next,
    outcome: {
      services: converted.services.length,
      added: added.map((s) => s.id),
      replaced,
      teamsCreated: converted.teamsCreated.map((t) => t.id),
      warnings,
    },
  });
}

const fromCatalogProblem = (p: CatalogProblem): CatalogImportNote => ({
  code: p.code,
  message: p.message,
  ...(p.hint !== undefined ? { hint: p.hint } : {}),
  file: p.file,
  line: p.line,
  column: p.column,
  ...(p.ref !== undefined ? { ref: p.ref } : {}),
});
