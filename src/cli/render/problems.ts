import type { SourceProblem } from '../../formats/source-problem.js';
import type { Style } from './style.js';

/** Compiler-style: `file:line:col error[code]: message`, the line with a caret, and the fix. */
export function renderProblems(problems: readonly SourceProblem[], s: Style): string {
  const blocks = problems.map((p) => {
    const head = `${s.bold(`${p.file}:${p.line}:${p.column}`)} ${s.red(`error[${p.code}]`)}: ${p.message}`;
    const lines = [head];
    if (p.excerpt !== undefined) {
      const gutter = String(p.line);
      lines.push(`  ${s.dim(`${gutter} |`)} ${p.excerpt}`);
      lines.push(`  ${' '.repeat(gutter.length)} ${s.dim('|')} ${' '.repeat(Math.max(0, p.column - 1))}${s.red('^')}`);
    }
    if (p.hint) lines.push(`  ${s.cyan('hint:')} ${p.hint}`);
    return lines.join('\n');
  });
  const n = problems.length;
  return `${blocks.join('\n\n')}\n\n${s.red(`${n} problem${n === 1 ? '' : 's'}`)} in ${problems[0]?.file ?? 'the file'}`;
}
