import { type FormEvent, useState } from 'react';
import { type ApiProblem, api } from '../api/client';
import type { Tagged } from '../api/types';
import { ProblemBanner } from './feedback';
import { errorFor, Field } from './field';

/**
 * One editable field of an entity. `list` is a comma-separated list of strings; `number` may be fractional;
 * `estimate` is working days, either one number or optimistic/likely/pessimistic written `3/5/10`.
 */
export interface FieldSpec {
  /** The field; a dotted name (`impact.days`) is a field of a nested object. */
  readonly name: string;
  readonly label: string;
  readonly type: 'text' | 'textarea' | 'number' | 'date' | 'select' | 'list' | 'estimate';
  readonly options?: readonly string[];
  readonly full?: boolean;
  readonly hint?: string;
  /** Shown only when creating (ids cannot change afterwards). */
  readonly createOnly?: boolean;
}

type Draft = Record<string, string>;

const toText = (v: unknown): string => {
  if (v === undefined || v === null) return '';
  if (Array.isArray(v)) return v.join(', ');
  if (typeof v === 'object' && 'likely' in v) {
    const e = v as { optimistic: unknown; likely: unknown; pessimistic: unknown };
    return `${e.optimistic}/${e.likely}/${e.pessimistic}`;
  }
  return String(v);
};

/** `5` → 5; `3/5/10` → three points; anything else goes as typed, so the server names what is wrong. */
function estimateOf(t: string): unknown {
  const parts = t.split('/').map((p) => p.trim());
  if (parts.length === 1) return Number.isFinite(Number(t)) ? Number(t) : t;
  if (parts.length !== 3 || parts.some((p) => p === '' || !Number.isFinite(Number(p)))) return t;
  const [optimistic, likely, pessimistic] = parts.map(Number);
  return { optimistic, likely, pessimistic };
}

function fromText(spec: FieldSpec, text: string): unknown {
  const t = text.trim();
  if (t === '') return undefined;
  if (spec.type === 'number') return Number(t);
  if (spec.type === 'estimate') return estimateOf(t);
  if (spec.type === 'list')
    return t
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  return t;
}

/** The value at a dotted name: `impact.days` reads `value.impact.days`. */
function valueAt(value: Record<string, unknown> | undefined, name: string): unknown {
  let at: unknown = value;
  for (const key of name.split('.')) at = typeof at === 'object' && at !== null ? (at as Record<string, unknown>)[key] : undefined;
  return at;
}

/** Sets a dotted name in `target`, making the nested objects on the way (a merge patch nests the same way). */
function setAt(target: Record<string, unknown>, name: string, v: unknown): void {
  const keys = name.split('.');
  let at = target;
  for (const key of keys.slice(0, -1)) {
    if (typeof at[key] !== 'object' || at[key] === null) at[key] = {};
    at = at[key] as Record<string, unknown>;
  }
  at[keys[keys.length - 1] as string] = v;
}

function draftOf(fields: readonly FieldSpec[], value: Record<string, unknown> | undefined): Draft {
  return Object.fromEntries(fields.map((f) => [f.name, toText(valueAt(value, f.name))]));
}

/**
 * Creates (POST) or edits (PATCH with If-Match) one entity. An edit sends only the fields that
 * changed, as a JSON merge patch (a cleared field is null, so it is removed). The server's field
 * errors appear under their fields. On a 409 the current version is shown beside the change, and
 * the user chooses: take theirs, or re-apply theirs + mine with the new ETag; nothing is lost silently.
 */
export function EntityForm<T extends object>({
  fields,
  path,
  current,
  onSaved,
  onCancel,
  submitLabel,
}: {
  fields: readonly FieldSpec[];
  /** The collection (create) or the entity (edit). */
  path: string;
  /** The entity as read, with its ETag; absent to create. */
  current?: Tagged<T> | undefined;
  onSaved: (saved: Tagged<T>) => void;
  onCancel?: () => void;
  submitLabel?: string;
}) {
  const creating = current === undefined;
  const shown = fields.filter((f) => creating || !f.createOnly);
  const [base, setBase] = useState<Tagged<T> | undefined>(current);
  const [draft, setDraft] = useState<Draft>(() => draftOf(shown, current?.value as Record<string, unknown>));
  const [problem, setProblem] = useState<ApiProblem | undefined>();
  const [conflict, setConflict] = useState<{ etag: string; value: Record<string, unknown> } | undefined>();
  const [busy, setBusy] = useState(false);

  const changedFields = (): FieldSpec[] => {
    const before = draftOf(shown, base?.value as Record<string, unknown>);
    return shown.filter((f) => draft[f.name] !== before[f.name]);
  };
  const patchOf = (): Record<string, unknown> => {
    const patch: Record<string, unknown> = {};
    for (const f of changedFields()) setAt(patch, f.name, fromText(f, draft[f.name] ?? '') ?? null);
    return patch;
  };
  const createBody = (): Record<string, unknown> => {
    const body: Record<string, unknown> = {};
    for (const f of shown) {
      const v = fromText(f, draft[f.name] ?? '');
      if (v !== undefined) setAt(body, f.name, v);
    }
    return body;
  };

  const save = async (etag: string | undefined) => {
    setBusy(true);
    setProblem(undefined);
    const result = creating ? await api.post<Tagged<T>>(path, createBody()) : await api.patch<Tagged<T>>(path, patchOf(), etag ?? '');
    setBusy(false);
    if (result.ok) {
      setConflict(undefined);
      onSaved(result.value);
      return;
    }
    const body = result.problem.body;
    if (result.problem.status === 409 && typeof body.currentEtag === 'string') {
      setConflict({ etag: body.currentEtag, value: (body.current ?? {}) as Record<string, unknown> });
      return;
    }
    setProblem(result.problem);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save(base?.etag);
  };

  const takeTheirs = () => {
    if (!conflict) return;
    setBase({ etag: conflict.etag, value: conflict.value as T });
    setDraft(draftOf(shown, conflict.value));
    setConflict(undefined);
  };
  const applyMine = () => {
    if (!conflict) return;
    setBase({ etag: conflict.etag, value: conflict.value as T });
    void save(conflict.etag);
  };

  const changed = creating || changedFields().length > 0;
  const unmapped = problem?.errors.some((e) => !shown.some((f) => errorFor({ ...problem, errors: [e] }, f.name)));
  return (
    <form onSubmit={submit} className="stack" noValidate>
      {conflict ? (
        <div className="problem" role="alert">
          <strong>Changed by someone else.</strong> Since you opened it, this was saved by another person. Their version:
          <table className="data" style={{ margin: '8px 0' }}>
            <thead>
              <tr>
                <th>Field</th>
                <th>Theirs</th>
                <th>Yours</th>
              </tr>
            </thead>
            <tbody>
              {changedFields().map((f) => (
                <tr key={f.name}>
                  <td>{f.label}</td>
                  <td>{toText(valueAt(conflict.value, f.name)) || '—'}</td>
                  <td>{draft[f.name] || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="row">
            <button type="button" className="btn small" onClick={takeTheirs}>
              Keep theirs
            </button>
            <button type="button" className="btn small primary" onClick={applyMine}>
              Apply my changes on top of theirs
            </button>
          </div>
        </div>
      ) : null}
      {problem && (unmapped || problem.errors.length === 0) ? <ProblemBanner problem={problem} /> : null}
      <div className="form-grid">
        {shown.map((f) => {
          const error = errorFor(problem, f.name);
          const value = draft[f.name] ?? '';
          const set = (v: string) => setDraft((d) => ({ ...d, [f.name]: v }));
          const id = `field-${f.name}`;
          return (
            <Field key={f.name} label={f.label} error={error} full={f.full || f.type === 'textarea'} {...(f.hint ? { hint: f.hint } : {})}>
              {f.type === 'select' ? (
                <select id={id} name={f.name} value={value} onChange={(e) => set(e.target.value)}>
                  <option value="">—</option>
                  {(f.options ?? []).map((o) => (
                    <option key={o} value={o}>
                      {o}
                    </option>
                  ))}
                </select>
              ) : f.type === 'textarea' ? (
                <textarea id={id} name={f.name} value={value} onChange={(e) => set(e.target.value)} />
              ) : (
                <input
                  id={id}
                  name={f.name}
                  type={f.type === 'number' ? 'number' : f.type === 'date' ? 'date' : 'text'}
                  step={f.type === 'number' ? 'any' : undefined}
                  value={value}
                  onChange={(e) => set(e.target.value)}
                  aria-invalid={error ? true : undefined}
                />
              )}
            </Field>
          );
        })}
      </div>
      <div className="row" style={{ justifyContent: 'flex-end' }}>
        {onCancel ? (
          <button type="button" className="btn" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
        <button type="submit" className="btn primary" disabled={busy || !changed}>
          {busy ? <span className="spinner" /> : null}
          {submitLabel ?? (creating ? 'Create' : 'Save')}
        </button>
      </div>
    </form>
  );
}
