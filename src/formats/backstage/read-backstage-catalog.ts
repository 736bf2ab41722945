import { posix } from 'node:path';
import { err, ok, type Result } from '../../domain/result.js';
import type { EntityRef, ServiceCatalog } from '../../domain/service.js';
import { buildCatalog } from './build-catalog.js';
import type { CatalogProblem } from './catalog-problem.js';
import { parseFile } from './parse-catalog-file.js';
import type { Parsed, Report } from './parsed-entity.js';
import { isRemote } from './remote-target.js';
import { resolveRelations } from './resolve-relations.js';

/**
 * Reads a Backstage catalog from `catalog-info.yaml`-style files: multi-document YAML, Location
 * targets followed relative to the file that names them. The reader does no I/O: `readFile(path)`
 * answers a file's text, or undefined when there is none. Remote targets and remote API definitions
 * (`https://…`) are recorded, never fetched.
 */
export type ReadFile = (path: string) => string | undefined;

export interface BackstageImport {
  readonly catalog: ServiceCatalog;
  /** Every file read, in the order reached (paths normalized, as given to readFile). */
  readonly files: readonly string[];
  /** Documents per kind as written in the files (Component, API, Environment…). */
  readonly countsByKind: Readonly<Record<string, number>>;
  /** Relation refs that resolved (owner, system, providesApis…, one per list entry). */
  readonly resolvedRelations: number;
  readonly warnings: readonly CatalogProblem[];
}

export interface BackstageImportFailure {
  readonly problems: readonly CatalogProblem[];
  readonly warnings: readonly CatalogProblem[];
}

export function readBackstageCatalog(roots: readonly string[], readFile: ReadFile): Result<BackstageImport, BackstageImportFailure> {
  const problems: CatalogProblem[] = [];
  const warnings: CatalogProblem[] = [];
  const report: Report = (severity, p) => (severity === 'error' ? problems : warnings).push({ ...p, severity });

  const files: string[] = [];
  const seen = new Set<string>();
  const entities: Parsed[] = [];
  const countsByKind: Record<string, number> = {};
  type Pending = { path: string; from?: { file: string; line: number; column: number; target: string } };
  const queue: Pending[] = roots.map((r) => ({ path: posix.normalize(r) }));

  for (let q = 0; q < queue.length; q++) {
    const { path, from } = queue[q] as Pending;
    if (seen.has(path)) continue;
    seen.add(path);
    const text = readFile(path);
    if (text === undefined) {
      if (from)
        report('warning', {
          code: 'missing-location-target',
          message: `Location target ${from.target} (${path}) does not exist; the import goes on without it`,
          hint: 'fix the path in the Location, or remove the target',
          file: from.file,
          line: from.line,
          column: from.column,
          ref: from.target,
        });
      else report('error', { code: 'missing-file', message: `catalog file ${path} does not exist`, file: path, line: 1, column: 1 });
      continue;
    }
    files.push(path);
    for (const entity of parseFile(path, text, report)) {
      countsByKind[entity.kind] = (countsByKind[entity.kind] ?? 0) + 1;
      entities.push(entity);
      if (entity.coreKind !== 'location') continue;
      const targets = (entity.spec.targets as string[] | undefined) ?? [entity.spec.target as string];
      const field = entity.spec.targets !== undefined ? 'targets' : 'target';
      targets.forEach((target, i) => {
        const at = entity.at(field === 'targets' ? ['spec', 'targets', i] : ['spec', 'target']);
        if (isRemote(target)) {
          report('warning', {
            code: 'remote-not-fetched',
            message: `Location target ${target} is remote and is not fetched`,
            hint: 'check the file out next to the catalog and point the target at it',
            file: path,
            ...at,
            ref: target,
          });
          return;
        }
        const resolved = posix.normalize(posix.join(posix.dirname(path), target));
        queue.push({ path: resolved, from: { file: path, ...at, target } });
      });
    }
  }

  const byRef = new Map<EntityRef, Parsed>();
  for (const e of entities) {
    const first = byRef.get(e.ref);
    if (first) {
      report('error', {
        code: 'duplicate-entity',
        message: `${e.ref} is defined twice: here and in ${first.file}:${first.at([]).line}`,
        hint: 'keep one definition, or give one of them another name or namespace',
        file: e.file,
        ...e.at(['metadata', 'name']),
        ref: e.ref,
      });
    } else byRef.set(e.ref, e);
  }

  const { resolved, resolvedRelations } = resolveRelations(entities, byRef, report);

  const catalog = buildCatalog(entities, resolved, readFile, report);
  if (problems.length > 0) return err({ problems, warnings });
  return ok({ catalog, files, countsByKind, resolvedRelations, warnings });
}
