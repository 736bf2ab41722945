import { type Document, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { err, ok, type Result } from '../domain/result.js';
import { positionOf } from './program-yaml/yaml-position.js';
import { describeIssues } from './program-yaml/zod-issues.js';
import type { SourceProblem } from './source-problem.js';

/** A small YAML document read against a zod schema, with a way to point at any path in it. */
export interface ReadYaml<T> {
  readonly value: T;
  readonly at: (path: readonly PropertyKey[]) => { line: number; column: number; excerpt?: string };
}

/**
 * Reads a hand-written YAML file (scenario, integrations) against a schema: syntax errors and
 * schema problems are each pinned to their line and column, with the source line for a caret.
 */
export function readYamlAgainst<S extends z.ZodType>(
  text: string,
  file: string,
  schema: S,
): Result<ReadYaml<z.output<S>>, SourceProblem[]> {
  const lines = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const sourceLines = text.split(/\r?\n/);
  const pin = (p: { code: SourceProblem['code']; message: string; hint?: string; line: number; column: number }): SourceProblem => {
    const e = sourceLines[p.line - 1];
    return { ...p, file, ...(e !== undefined ? { excerpt: e } : {}) };
  };
  if (doc.errors.length > 0) {
    return err(
      doc.errors.map((e) => {
        const { line, col } = lines.linePos(e.pos[0]);
        return pin({ code: 'yaml-syntax', message: e.message.split('\n')[0] ?? e.message, line, column: col });
      }),
    );
  }
  const parsed = schema.safeParse(doc.toJS() ?? {});
  if (!parsed.success) {
    return err(
      describeIssues(parsed.error.issues, () => []).map((issue) => {
        const { line, column } = positionOf(doc, lines, issue.path, issue.atKey ? { key: true } : {});
        return pin({ code: issue.code, message: issue.message, ...(issue.hint ? { hint: issue.hint } : {}), line, column });
      }),
    );
  }
  return ok({
    value: parsed.data,
    at: (path) => {
      const { line, column } = positionOf(doc, lines, path);
      const e = sourceLines[line - 1];
      return { line, column, ...(e !== undefined ? { excerpt: e } : {}) };
    },
  });
}
