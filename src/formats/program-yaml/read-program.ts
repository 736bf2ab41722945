import type { Document } from 'yaml';
import type { ProgramModel } from '../../domain/program-model.js';
import { err, ok, type Result } from '../../domain/result.js';
import type { SourceProblem } from '../source-problem.js';
import { interpretProgram } from './interpret-program.js';
import { jsYamlLibrary, yamlLibrary } from './lazy-libraries.js';
import { positionOf } from './yaml-position.js';

/**
 * Reads a program file. Every problem in the file is reported, each with its line and column:
 * YAML syntax, shape (one bad entry does not hide the others), references, estimates and cycles.
 *
 * Two parsers, on purpose (docs/adr/0005-two-yaml-parsers.md): js-yaml reads a valid file about
 * 8× faster; only when something is wrong is the file parsed again with `yaml`, whose syntax tree
 * knows where every value is.
 */
export function readProgramYaml(text: string, file: string): Result<ProgramModel, SourceProblem[]> {
  let fast: unknown;
  try {
    // JSON is YAML too; JSON.parse reads it ~10× faster than any YAML parser (generated programs).
    // CORE_SCHEMA: dates stay strings, as in YAML 1.2; duplicate keys throw.
    if (/^\s*\{/.test(text)) fast = JSON.parse(text);
    else {
      const jsyaml = jsYamlLibrary();
      fast = jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA, filename: file });
    }
  } catch {
    return readWithPositions(text, file);
  }
  const { model } = interpretProgram(fast);
  return model ? ok(model) : readWithPositions(text, file);
}

/**
 * The slow path: parse with positions, interpret again, pin each problem to its line and column.
 * Its verdict is final, so a corner of YAML the two parsers disagree on never rejects a valid file.
 */
function readWithPositions(text: string, file: string): Result<ProgramModel, SourceProblem[]> {
  const { LineCounter, parseAllDocuments } = yamlLibrary();
  const lines = new LineCounter();
  const documents = parseAllDocuments(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const sourceLines = text.split(/\r?\n/);
  const pin = (p: Omit<SourceProblem, 'file' | 'excerpt'>): SourceProblem => {
    const excerpt = sourceLines[p.line - 1];
    return { ...p, file, ...(excerpt !== undefined ? { excerpt } : {}) };
  };

  if (!Array.isArray(documents) || documents.length === 0) {
    return err([
      pin({ code: 'schema', message: 'the file is empty', hint: 'run "throughline init" for a starter file', line: 1, column: 1 }),
    ]);
  }
  const syntax = documents
    .flatMap((d) => d.errors)
    .map((e) => {
      const { line, col } = lines.linePos(e.pos[0]);
      return pin({ code: 'yaml-syntax', message: e.message.split('\n')[0] ?? e.message, line, column: col });
    });
  if (documents.length > 1) {
    const { line, col } = lines.linePos(documents[1]?.range[0] ?? 0);
    syntax.push(
      pin({
        code: 'yaml-syntax',
        message: 'the file holds more than one YAML document',
        hint: 'keep one program per file; remove the "---" separator',
        line,
        column: col,
      }),
    );
  }
  if (syntax.length > 0) return err(syntax);

  const doc = documents[0] as Document;
  const { model, issues } = interpretProgram(doc.toJS({ maxAliasCount: 1000 }));
  if (model) return ok(model);
  const problems = issues.map((issue) => {
    const { line, column } = positionOf(doc, lines, issue.path, issue.atKey ? { key: true } : {});
    return pin({ code: issue.code, message: issue.message, ...(issue.hint ? { hint: issue.hint } : {}), line, column });
  });
  return err(problems.sort((a, b) => a.line - b.line || a.column - b.column));
}
