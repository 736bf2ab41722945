import type { ReactNode } from 'react';
import type { ApiProblem } from '../api/client';

/** The message for `field` (a dotted path as the server names it, e.g. `estimate.likely`), if any. */
export function errorFor(problem: ApiProblem | undefined, field: string): string | undefined {
  if (!problem) return undefined;
  const hits = problem.errors.filter((e) => e.field === field || e.field.startsWith(`${field}.`) || e.field.endsWith(`.${field}`));
  return hits.length ? hits.map((e) => e.message).join('; ') : undefined;
}

/** A labelled control with its error underneath, tied by aria-describedby for screen readers. */
export function Field({
  label,
  error,
  children,
  full,
  hint,
}: {
  label: string;
  error?: string | undefined;
  children: ReactNode;
  full?: boolean;
  hint?: string;
}) {
  const cls = ['field', error ? 'invalid' : '', full ? 'full' : ''].filter(Boolean).join(' ');
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control is the child.
    <label className={cls}>
      <span>{label}</span>
      {children}
      {error ? (
        <span className="field-error" role="alert">
          {error}
        </span>
      ) : hint ? (
        <span className="faint" style={{ fontSize: 12 }}>
          {hint}
        </span>
      ) : null}
    </label>
  );
}
