import type { Document, LineCounter, Node } from 'yaml';
import { isMap, isPair, isScalar, isSeq } from 'yaml';

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

/**
 * Line and column of `path` in the document. With `key`, the last segment's key (an unknown field)
 * rather than its value. A path past what the file has resolves to the deepest node that exists.
 */
export function positionOf(
  doc: Document,
  lines: LineCounter,
  path: readonly PathSegment[],
  options: { key?: boolean } = {},
): { line: number; column: number } {
  let node: unknown = doc.contents;
  let offset = rangeStart(node) ?? 0;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) break;
      if (i === path.length - 1 && options.key) {
        offset = rangeStart(pair.key) ?? offset;
        break;
      }
      node = pair.value;
      offset = rangeStart(node) ?? rangeStart(pair.key) ?? offset;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (item === undefined) break;
      node = item;
      offset = rangeStart(node) ?? offset;
    } else break;
  }
  const { line, col } = lines.linePos(offset);
  return { line, column: col };
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? range[0] : undefined;
}
