import { type FormEvent, useState } from 'react';
import { type ApiProblem, api, programPath } from '../../api/client';
import type { ActionItem, Postmortem, Tagged, Team } from '../../api/types';
import { ProblemBanner } from '../../components/feedback';
import { errorFor, Field } from '../../components/field';

/** A short id from the title, unique within the post-mortem: "Honour DNS TTL" → "honour-dns-ttl". */
function actionIdFor(title: string, taken: readonly string[]): string {
  const base =
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .split('-')
      .slice(0, 4)
      .join('-') || 'action';
  let id = base;
  for (let n = 2; taken.includes(id); n++) id = `${base}-${n}`;
  return id;
}

/**
 * Adds an action item: a tracked work item follows from it (owner team, due date = deadline,
 * level = funnel priority). Saved as a merge patch of the whole list with If-Match.
 */
export function ActionItemForm({
  programId,
  tagged,
  teams,
  onSaved,
  onCancel,
}: {
  programId: string;
  tagged: Tagged<Postmortem>;
  teams: readonly Team[];
  onSaved: () => void;
  onCancel: () => void;
}) {
  const [title, setTitle] = useState('');
  const [ownerTeam, setOwnerTeam] = useState(teams[0]?.id ?? '');
  const [due, setDue] = useState('');
  const [level, setLevel] = useState<1 | 2>(1);
  const [problem, setProblem] = useState<ApiProblem | undefined>();
  const [busy, setBusy] = useState(false);
  const at = tagged.value.actionItems.length;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setProblem(undefined);
    const action: ActionItem = {
      id: actionIdFor(
        title,
        tagged.value.actionItems.map((a) => a.id),
      ),
      title: title.trim(),
      ownerTeam,
      due,
      level,
      state: 'open',
      tags: [],
    };
    const r = await api.patch(
      programPath(programId, 'postmortems', tagged.value.id),
      { actionItems: [...tagged.value.actionItems, action] },
      tagged.etag,
    );
    setBusy(false);
    if (!r.ok) return setProblem(r.problem);
    onSaved();
  };
  // The server names the new entry's fields as actionItems.<index>.<field>.
  const err = (f: string) => errorFor(problem, `actionItems.${at}.${f}`);
  const mapped = problem && ['title', 'ownerTeam', 'due', 'level'].some((f) => err(f));
  return (
    <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
      {problem?.status === 409 ? (
        <div className="problem" role="alert">
          <strong>Changed by someone else.</strong> The post-mortem was saved by another person since you opened it; close this, and add the
          action item again on the current version.
        </div>
      ) : problem && !mapped ? (
        <ProblemBanner problem={problem} />
      ) : null}
      <div className="form-grid">
        <Field label="Action" error={err('title')} full>
          <input value={title} onChange={(e) => setTitle(e.target.value)} placeholder="e.g. Alert on connection-pool errors" />
        </Field>
        <Field label="Owner team" error={err('ownerTeam')}>
          <select value={ownerTeam} onChange={(e) => setOwnerTeam(e.target.value)}>
            {teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Due" error={err('due')}>
          <input type="date" value={due} onChange={(e) => setDue(e.target.value)} />
        </Field>
        <fieldset className="pm-level-pick full">
          <legend>Funnel level</legend>
          <label>
            <input type="radio" name="level" checked={level === 1} onChange={() => setLevel(1)} /> 1 Stability
            <span className="faint"> — prevents a repeat; outranks all other work</span>
          </label>
          <label>
            <input type="radio" name="level" checked={level === 2} onChange={() => setLevel(2)} /> 2 Reliability
            <span className="faint"> — monitoring, SLOs, tech debt</span>
          </label>
          {err('level') ? <span className="field-error">{err('level')}</span> : null}
        </fieldset>
      </div>
      <div className="row" style={{ justifyContent: 'flex-end' }}>
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="btn primary" disabled={busy}>
          {busy ? <span className="spinner" /> : null}
          Add action item
        </button>
      </div>
    </form>
  );
}
