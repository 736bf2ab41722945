import type { ReactNode } from 'react';
import type { ApiProblem } from '../api/client';
import type { Resource } from '../api/use-resource';

/** The server's problem in its own words; field errors are listed when no field shows them. */
export function ProblemBanner({ problem, onRetry }: { problem: ApiProblem; onRetry?: () => void }) {
  return (
    <div className="problem" role="alert">
      <strong>{problem.title}</strong>
      {problem.detail ? <span> — {problem.detail}</span> : null}
      {problem.errors.length > 0 ? (
        <ul>
          {problem.errors.map((e) => (
            <li key={`${e.field}:${e.message}`}>
              <code>{e.field}</code>: {e.message}
            </li>
          ))}
        </ul>
      ) : null}
      {onRetry ? (
        <div style={{ marginTop: 8 }}>
          <button type="button" className="btn small" onClick={onRetry}>
            Retry
          </button>
        </div>
      ) : null}
    </div>
  );
}

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="stack" aria-busy="true" style={{ padding: 24 }}>
      <div className="row muted">
        <span className="spinner" /> {label}
      </div>
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="empty">{children}</div>;
}

/**
 * Renders a resource: the spinner first, the problem with a retry, else `children(value)`;
 * a thin progress bar shows while a newer value loads over the old one.
 */
export function Loaded<T>({ resource, label, children }: { resource: Resource<T>; label?: string; children: (value: T) => ReactNode }) {
  if (resource.state === 'error' && resource.value === undefined)
    return <ProblemBanner problem={resource.problem} onRetry={resource.reload} />;
  if (resource.value === undefined) return <Loading {...(label ? { label } : {})} />;
  return (
    <>
      {resource.state === 'loading' ? <div className="progress" role="progressbar" aria-label="Updating" /> : null}
      {resource.state === 'error' ? <ProblemBanner problem={resource.problem} onRetry={resource.reload} /> : null}
      {children(resource.value)}
    </>
  );
}
