import type { z } from 'zod';

/** One problem at one field of a request or an edit: `field` is a dotted path. */
export interface FieldError {
  readonly field: string;
  readonly message: string;
}

/** zod issues as field errors: `estimate.likely: expected a number`; unknown keys at the first of them. */
export function fieldErrors(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.map((issue) => {
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    if (issue.code === 'unrecognized_keys') {
      return {
        field: [...path, issue.keys[0] ?? ''].join('.'),
        message: `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`,
      };
    }
    return { field: path.join('.') || '(body)', message: issue.message };
  });
}
