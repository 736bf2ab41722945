/** Stable ids of what an OpenSLO file can get wrong; tests match on these, not on wording. */
export type OpenSloProblemCode =
  | 'yaml-syntax'
  | 'unsupported-version'
  | 'unknown-kind'
  | 'unknown-field'
  | 'schema'
  | 'missing-reference'
  | 'forbidden-field'
  | 'missing-field'
  | 'bad-duration'
  | 'bad-time-zone'
  | 'bad-time-window'
  | 'suspicious-window'
  | 'duplicate-name';

/** One problem (or warning) pinned to its place: file, 1-based line and column, and the field path inside its object. */
export interface OpenSloProblem {
  readonly code: OpenSloProblemCode;
  readonly message: string;
  readonly hint?: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** The field inside the object, go-sdk style: `spec.objectives[0].op`; empty for the object itself. */
  readonly path: string;
  /** Which object: its kind, name and index in the file, e.g. `SLO 'web-availability' (#0)`. */
  readonly object?: string;
}

export type PathSegment = string | number;

/** `['spec', 'objectives', 0, 'op']` → `spec.objectives[0].op`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out;
}
