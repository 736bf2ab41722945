import { type ReactNode, useState } from 'react';
import { type ApiProblem, api, programPath } from '../../api/client';
import type { Postmortem, Tagged } from '../../api/types';
import { ProblemBanner } from '../../components/feedback';
import { errorFor } from '../../components/field';

type TextField = 'summary' | 'impact';
type ListField = 'contributingFactors' | 'wentWell' | 'wentPoorly' | 'gotLucky';

/**
 * One section of the template, read as prose or a bullet list, edited in place: a text box (one
 * entry per line for lists) saved as a merge patch of that field with If-Match, so an edit made
 * meanwhile by someone else is refused (409) rather than overwritten.
 */
export function PostmortemSection({
  programId,
  tagged,
  field,
  title,
  kind,
  empty,
  placeholder,
  canEdit,
  onSaved,
  children,
}: {
  programId: string;
  tagged: Tagged<Postmortem>;
  field: TextField | ListField;
  title: string;
  kind: 'text' | 'list';
  empty: string;
  placeholder: string;
  canEdit: boolean;
  onSaved: () => void;
  children?: ReactNode;
}) {
  const value = tagged.value[field];
  const asText = Array.isArray(value) ? value.join('\n') : value;
  const [draft, setDraft] = useState<string | undefined>();
  const [problem, setProblem] = useState<ApiProblem | undefined>();
  const [busy, setBusy] = useState(false);

  const save = async () => {
    if (draft === undefined) return;
    setBusy(true);
    setProblem(undefined);
    const next =
      kind === 'list'
        ? draft
            .split('\n')
            .map((l) => l.replace(/^\s*[-*•]\s*/, '').trim())
            .filter(Boolean)
        : draft.trim();
    const r = await api.patch(programPath(programId, 'postmortems', tagged.value.id), { [field]: next }, tagged.etag);
    setBusy(false);
    if (!r.ok) return setProblem(r.problem);
    setDraft(undefined);
    onSaved();
  };

  const id = `pm-${field}`;
  return (
    <section className="card pm-section" aria-labelledby={`${id}-h`}>
      <div className="pm-section-head">
        <h2 id={`${id}-h`}>{title}</h2>
        {canEdit && draft === undefined ? (
          <button type="button" className="btn ghost small" onClick={() => setDraft(asText)} aria-label={`Edit ${title}`}>
            Edit
          </button>
        ) : null}
      </div>
      {draft !== undefined ? (
        <div className="stack">
          {problem?.status === 409 ? (
            <div className="problem" role="alert">
              <strong>Changed by someone else.</strong> This post-mortem was saved by another person since you opened it. Copy your text,
              reload, and apply it again.
            </div>
          ) : problem && !errorFor(problem, field) ? (
            <ProblemBanner problem={problem} />
          ) : null}
          <textarea
            aria-label={title}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            placeholder={placeholder}
            rows={kind === 'list' ? 5 : 4}
          />
          {errorFor(problem, field) ? <span className="field-error">{errorFor(problem, field)}</span> : null}
          {kind === 'list' ? <span className="faint pm-fine">One entry per line.</span> : null}
          <div className="row" style={{ justifyContent: 'flex-end' }}>
            <button type="button" className="btn" onClick={() => setDraft(undefined)}>
              Cancel
            </button>
            <button type="button" className="btn primary" disabled={busy} onClick={() => void save()}>
              {busy ? <span className="spinner" /> : null}
              Save {title.toLowerCase()}
            </button>
          </div>
        </div>
      ) : Array.isArray(value) ? (
        value.length === 0 ? (
          <p className="faint pm-empty">{empty}</p>
        ) : (
          <ul className="pm-bullets">
            {value.map((v) => (
              <li key={v}>{v}</li>
            ))}
          </ul>
        )
      ) : value.trim() === '' ? (
        <p className="faint pm-empty">{empty}</p>
      ) : (
        <p className="pm-prose">{value}</p>
      )}
      {children}
    </section>
  );
}
