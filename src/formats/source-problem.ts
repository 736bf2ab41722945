import type { ProblemCode } from '../domain/problem.js';

/** A problem pinned to a place in a file a person wrote: what is wrong, where, and how to fix it. */
export interface SourceProblem {
  readonly code: ProblemCode;
  readonly message: string;
  readonly hint?: string;
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based, in characters. */
  readonly column: number;
  /** The source line the problem is on, for a caret display. */
  readonly excerpt?: string;
}
