import type { Locator } from './program-model.js';

/** Stable ids of everything a program can get wrong; tests and tools match on these, not on wording. */
export type ProblemCode =
  | 'yaml-syntax'
  | 'unsupported-version'
  | 'schema'
  | 'unknown-field'
  | 'bad-date'
  | 'duplicate-id'
  | 'unknown-team'
  | 'unknown-workstream'
  | 'unknown-item'
  | 'bad-parent'
  | 'self-dependency'
  | 'duplicate-dependency'
  | 'dependency-cycle'
  | 'negative-estimate'
  | 'impossible-estimate'
  | 'conflicting-progress'
  | 'date-order'
  | 'misplaced-field'
  | 'unknown-service'
  | 'unknown-api'
  | 'duplicate-api'
  | 'unknown-incident'
  | 'unknown-step'
  | 'step-order';

/** One thing wrong with a program, in words a TPM can act on. */
export interface ModelProblem {
  readonly code: ProblemCode;
  readonly message: string;
  /** How to fix it. */
  readonly hint?: string;
  readonly at: Locator;
  /** For a reference that does not resolve: the id it names. */
  readonly ref?: string;
}
