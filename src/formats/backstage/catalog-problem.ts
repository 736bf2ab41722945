/**
 * What can be wrong in a Backstage catalog, pinned to the file and line it is on. Same shape as
 * formats/source-problem.ts, with codes of its own (the program file's ProblemCode is not about
 * catalogs) and a severity: warnings let the import go on, errors stop it.
 */
export type CatalogProblemCode =
  | 'missing-file'
  | 'missing-location-target'
  | 'remote-not-fetched'
  | 'yaml-syntax'
  | 'schema'
  | 'unknown-kind'
  | 'non-standard-field'
  | 'duplicate-entity'
  | 'bad-ref'
  | 'unresolved-ref'
  | 'wrong-ref-kind'
  | 'bad-tier'
  | 'missing-definition-file';

export interface CatalogProblem {
  readonly code: CatalogProblemCode;
  readonly severity: 'error' | 'warning';
  readonly message: string;
  /** How to fix it. */
  readonly hint?: string;
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based, in characters. */
  readonly column: number;
  /** For a reference: the ref as written. */
  readonly ref?: string;
}
