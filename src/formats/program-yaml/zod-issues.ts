import type { z } from 'zod';
import type { ProblemCode } from '../../domain/problem.js';
import { closest } from '../../domain/suggest.js';

/** A schema issue, in words a person can act on. */
export interface DescribedIssue {
  readonly code: ProblemCode;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly hint?: string;
  /** Point at the key rather than the value (unknown fields). */
  readonly atKey?: boolean;
}

/**
 * Turns zod issues into problems. `knownKeys` gives, for an object at a path, the fields it may
 * have, so a misspelt field gets a "did you mean".
 */
export function describeIssues(
  issues: readonly z.core.$ZodIssue[],
  knownKeys: (path: readonly PropertyKey[]) => readonly string[],
): DescribedIssue[] {
  const out: DescribedIssue[] = [];
  for (const issue of issues) {
    const path = issue.path;
    const field = fieldName(path);
    switch (issue.code) {
      case 'unrecognized_keys': {
        const allowed = knownKeys(path);
        for (const key of issue.keys) {
          const near = closest(key, allowed);
          out.push({
            code: 'unknown-field',
            path: [...path, key],
            atKey: true,
            message: typeof path[path.length - 1] === 'string' ? `unknown field "${key}" in ${field}` : `unknown field "${key}"`,
            hint: near ? `did you mean "${near}"?` : `allowed fields: ${allowed.join(', ')}`,
          });
        }
        break;
      }
      case 'invalid_type':
        out.push({
          code: 'schema',
          path,
          message:
            issue.input === undefined
              ? `missing required field "${field}"`
              : issue.message.startsWith('Invalid input')
                ? `${field ? `"${field}" ` : ''}should be ${article(issue.expected)}, not ${describeValue(issue.input)}`
                : issue.message,
          ...(issue.input === undefined
            ? { hint: `add ${field}: … here` }
            : issue.expected === 'string' && (typeof issue.input === 'number' || typeof issue.input === 'boolean')
              ? { hint: `quote it: ${field}: "${String(issue.input)}"` }
              : {}),
        });
        break;
      case 'custom': {
        const code = (issue.params as { code?: ProblemCode } | undefined)?.code ?? 'schema';
        out.push({ code, path, message: issue.message });
        break;
      }
      default:
        out.push({
          code: 'schema',
          path,
          message: field ? `${field}: ${issue.message}` : issue.message,
        });
    }
  }
  return out;
}

function fieldName(path: readonly PropertyKey[]): string {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return String(path[i]);
  return '';
}

function article(expected: string): string {
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function describeValue(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}
