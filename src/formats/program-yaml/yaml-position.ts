import type { Document, LineCounter, Node } from 'yaml';
import { yamlLibrary } from './lazy-libraries.js';

export interface Position {
  readonly line: number;
  readonly column: number;
}

/**
 * Where `path` is in the document. With `key`, the position of the last segment's key (for an
 * unknown field) rather than its value. A path that runs past what the file has (a missing
 * required field) resolves to the deepest node that exists.
 */
export function positionOf(doc: Document, lines: LineCounter, path: readonly PropertyKey[], options: { key?: boolean } = {}): Position {
  const { isMap, isPair, isScalar, isSeq } = yamlLibrary();
  let node: unknown = doc.contents;
  let offset = rangeStart(node) ?? 0;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) break;
      if (last && options.key) {
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
