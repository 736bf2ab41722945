import { type FormEvent, type Ref, useState } from 'react';
import { type ApiProblem, api, programPath } from '../../api/client';
import type { StakeholderUpdate } from '../../api/types';
import { ProblemBanner } from '../../components/feedback';
import { errorFor, Field } from '../../components/field';
import { utcTime } from './incident-words';

const AUDIENCES = ['executives', 'customers', 'support', '#incident-room'];

/** Stakeholder updates sent, newest first, and the form to post the next one. */
export function UpdatesCard({
  programId,
  incidentId,
  updates,
  due,
  draft,
  canEdit,
  onPosted,
  textRef,
}: {
  programId: string;
  incidentId: string;
  updates: readonly StakeholderUpdate[];
  /** "Next update due 14:35 UTC", or why none is due. */
  due: string | undefined;
  draft: string | undefined;
  canEdit: boolean;
  onPosted: () => void;
  /** The update's text box, focused from the overdue banner. */
  textRef?: Ref<HTMLTextAreaElement>;
}) {
  const [audience, setAudience] = useState('executives');
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<ApiProblem | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setProblem(undefined);
    const r = await api.post(programPath(programId, 'incidents', incidentId, 'updates'), { audience: audience.trim(), text: text.trim() });
    setBusy(false);
    if (!r.ok) return setProblem(r.problem);
    setText('');
    onPosted();
  };

  const newest = [...updates].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <section className="card inc-updates" aria-labelledby="inc-updates-h">
      <div className="inc-card-head">
        <h2 id="inc-updates-h">Stakeholder updates</h2>
        {due ? <span className="faint">{due}</span> : null}
      </div>
      {newest.length === 0 ? <p className="faint">No update sent yet.</p> : null}
      <ul className="inc-update-list" aria-label="Updates sent">
        {newest.map((u) => (
          <li key={`${u.at}:${u.audience}`}>
            <div className="inc-update-meta">
              <span className="badge">{u.audience}</span>
              <span className="faint">
                {utcTime(u.at)}
                {u.author ? ` · ${u.author}` : ''}
              </span>
            </div>
            <p>{u.text}</p>
          </li>
        ))}
      </ul>
      {canEdit ? (
        <form className="stack inc-post" onSubmit={(e) => void submit(e)} aria-label="Post an update">
          {problem && !errorFor(problem, 'text') && !errorFor(problem, 'audience') ? <ProblemBanner problem={problem} /> : null}
          <div className="inc-post-row">
            <Field label="Audience" error={errorFor(problem, 'audience')}>
              <input list="inc-audiences" value={audience} onChange={(e) => setAudience(e.target.value)} />
            </Field>
            <datalist id="inc-audiences">
              {AUDIENCES.map((a) => (
                <option key={a} value={a} />
              ))}
            </datalist>
            {draft ? (
              <button type="button" className="btn small ghost" onClick={() => setText(draft)}>
                Start from the drafted executive update
              </button>
            ) : null}
          </div>
          <Field label="Update" error={errorFor(problem, 'text')}>
            <textarea
              ref={textRef}
              value={text}
              onChange={(e) => setText(e.target.value)}
              placeholder="What customers feel, what we are doing, when the next update comes"
            />
          </Field>
          <div className="row" style={{ justifyContent: 'flex-end' }}>
            <button type="submit" className="btn primary" disabled={busy || text.trim() === ''}>
              {busy ? <span className="spinner" /> : null}
              Post update
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
