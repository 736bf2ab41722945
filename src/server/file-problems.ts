import { importProblemSchema } from './api-schemas.js';
import { problem } from './problem.js';
import type { Reply } from './route.js';

/** A problem in an uploaded file, at its line and column. */
export interface FileProblemAt {
  readonly file: string;
  readonly code: string;
  readonly message: string;
  readonly hint?: string | undefined;
  readonly line: number;
  readonly column: number;
}

/**
 * 422 for an uploaded file with problems: each one as a field error on the body (for forms) and with
 * its position (for editors); nothing was changed.
 */
export function fileProblemsReply(code: string, title: string, file: string, problems: readonly FileProblemAt[]): Reply {
  return problem(422, code, title, `${problems.length} problem(s) in ${file}; nothing was changed`, {
    errors: problems.map((p) => ({
      field: 'body',
      message: `${p.file}:${p.line}:${p.column}: ${p.message}${p.hint ? ` (${p.hint})` : ''}`,
    })),
    problems: problems.map((p) =>
      importProblemSchema.parse({ code: p.code, message: p.message, hint: p.hint, line: p.line, column: p.column }),
    ),
  });
}

/** A problem in an uploaded CSV of samples, at its line and column, and the column's field when known. */
export interface CsvProblemAt extends FileProblemAt {
  readonly field?: string | undefined;
}

/**
 * 422 for uploaded samples (SLI or usage CSV) with problems: field errors say line and column in
 * words (forms show them under the upload), positions for editors; nothing was stored.
 */
export function csvProblemsReply(code: string, title: string, problems: readonly CsvProblemAt[]): Reply {
  return problem(422, code, title, `${problems.length} problem(s) in ${problems[0]?.file ?? 'the file'}; nothing was stored`, {
    errors: problems.map((p) => ({
      field: p.field ?? 'body',
      message: `line ${p.line}, column ${p.column}: ${p.message}${p.hint ? ` (${p.hint})` : ''}`,
    })),
    problems: problems.map((p) =>
      importProblemSchema.parse({ code: p.code, message: p.message, hint: p.hint, line: p.line, column: p.column }),
    ),
  });
}
