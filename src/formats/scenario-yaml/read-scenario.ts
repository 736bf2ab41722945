import { LineCounter, parseDocument } from 'yaml';
import { err, ok, type Result } from '../../domain/result.js';
import { type Scenario, scenarioSchema } from '../../domain/scenario.js';
import { positionOf } from '../program-yaml/yaml-position.js';
import { describeIssues } from '../program-yaml/zod-issues.js';
import type { SourceProblem } from '../source-problem.js';

/** A scenario file read, with a way to point at one of its changes (for problems found later). */
export interface ReadScenario {
  readonly scenario: Scenario;
  readonly at: (change: number) => { line: number; column: number; excerpt?: string };
}

/**
 * Reads a scenario file (YAML): `scenario: NAME`, an optional `description`, and `changes`.
 * Every problem is pinned to its line and column.
 */
export function readScenarioYaml(text: string, file: string): Result<ReadScenario, SourceProblem[]> {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const sourceLines = text.split(/\r?\n/);
  const excerpt = (line: number) => sourceLines[line - 1];
  const pin = (p: { code: SourceProblem['code']; message: string; hint?: string; line: number; column: number }): SourceProblem => {
    const e = excerpt(p.line);
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
  const parsed = scenarioSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    return err(
      describeIssues(parsed.error.issues, () => []).map((issue) => {
        const { line, column } = positionOf(doc, lines, issue.path, issue.atKey ? { key: true } : {});
        return pin({ code: issue.code, message: issue.message, ...(issue.hint ? { hint: issue.hint } : {}), line, column });
      }),
    );
  }
  return ok({
    scenario: parsed.data,
    at: (change) => {
      const { line, column } = positionOf(doc, lines, ['changes', change]);
      const e = excerpt(line);
      return { line, column, ...(e !== undefined ? { excerpt: e } : {}) };
    },
  });
}
