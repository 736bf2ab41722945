import type { Document } from 'yaml';
import { LineCounter, parseAllDocuments } from 'yaml';
import { positionOf } from '../program-yaml/yaml-position.js';
import type { OpenSloProblem, PathSegment } from './openslo-problem.js';

/** One file to read: its name (for problems) and its text (YAML, multi-document YAML or JSON). */
export interface OpenSloSource {
  readonly file: string;
  readonly text: string;
}

/** One OpenSLO object as found in a file, with what it takes to pin a problem to its line. */
export interface LocatedObject {
  readonly file: string;
  /** 0-based position among the file's objects, across documents (oslo's "at index N"). */
  readonly index: number;
  readonly value: unknown;
  /** Locates a path inside this object (relative to the object, e.g. `['spec', 'service']`). */
  readonly at: (path: readonly PathSegment[], options?: { key?: boolean }) => { line: number; column: number };
}

/**
 * Splits files into objects. A document holds one object or a list of them (go-sdk's decode
 * fixtures: single object, sequence, two documents); JSON is YAML 1.2, so the same parser reads it.
 * `yaml` rather than js-yaml because problems need line and column.
 */
export function parseDocuments(source: OpenSloSource): { objects: LocatedObject[]; problems: OpenSloProblem[] } {
  const lines = new LineCounter();
  const documents = parseAllDocuments(source.text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const problems: OpenSloProblem[] = [];
  const objects: LocatedObject[] = [];
  const docs: Document[] = Array.isArray(documents) ? documents : [];
  for (const doc of docs) {
    if (doc.errors.length > 0) {
      for (const e of doc.errors) {
        const { line, col } = lines.linePos(e.pos[0]);
        problems.push({
          code: 'yaml-syntax',
          message: e.message.split('\n')[0] ?? e.message,
          hint: 'fix the YAML syntax first; indentation and unclosed quotes are the usual causes',
          file: source.file,
          line,
          column: col,
          path: '',
        });
      }
      continue;
    }
    const contents: unknown = doc.toJS({ maxAliasCount: 100 });
    if (contents === null || contents === undefined) continue;
    const items: { value: unknown; prefix: PathSegment[] }[] = Array.isArray(contents)
      ? contents.map((value, i) => ({ value, prefix: [i] }))
      : [{ value: contents, prefix: [] }];
    for (const { value, prefix } of items) {
      objects.push({
        file: source.file,
        index: objects.length,
        value,
        at: (path, options) => positionOf(doc, lines, [...prefix, ...path], options),
      });
    }
  }
  return { objects, problems };
}
