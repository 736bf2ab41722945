import type { Style } from './style.js';

/** A problem in another tool's file (catalog, OpenSLO, CSV): where, what, and how to fix it. */
export interface FileProblemLike {
  readonly code: string;
  readonly message: string;
  readonly hint?: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** `file:line:column error[code]: message`, then `  hint: …`; one block per problem. */
export function renderFileProblems(problems: readonly FileProblemLike[], s: Style, severity: 'error' | 'warning' = 'error'): string {
  const color = severity === 'error' ? s.red : s.yellow;
  return problems
    .map((p) => {
      const head = `${s.bold(`${p.file}:${p.line}:${p.column}`)} ${color(`${severity}[${p.code}]`)}: ${p.message}`;
      return p.hint ? `${head}\n  ${s.cyan('hint:')} ${p.hint}` : head;
    })
    .join('\n');
}
