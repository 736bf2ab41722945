import { type FormEvent, useState } from 'react';
import { type ApiProblem, api, programPath } from '../../api/client';
import type { Decision, Tagged } from '../../api/types';
import { ProblemBanner } from '../../components/feedback';
import { errorFor, Field } from '../../components/field';
import { useSession } from '../../session';

const OTHER = '__other';

/** Records what was decided: one of the options (or a sentence), by the signed-in user, today. */
export function OutcomeForm({
  programId,
  decision,
  onSaved,
  onCancel,
}: {
  programId: string;
  decision: Tagged<Decision>;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { user } = useSession();
  const d = decision.value;
  const [choice, setChoice] = useState(d.options[0]?.id ?? OTHER);
  const [other, setOther] = useState('');
  const [decidedOn, setDecidedOn] = useState(new Date().toISOString().slice(0, 10));
  const [problem, setProblem] = useState<ApiProblem | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const outcome = choice === OTHER ? other.trim() : choice;
    if (!outcome) {
      setProblem({
        status: 0,
        title: 'Nothing chosen',
        detail: '',
        errors: [{ field: 'outcome', message: 'choose an option or write the outcome' }],
        body: {},
      });
      return;
    }
    setBusy(true);
    setProblem(undefined);
    const r = await api.patch(
      programPath(programId, 'decisions', d.id),
      { status: 'decided', outcome, decidedBy: user?.login, decidedOn },
      decision.etag,
    );
    setBusy(false);
    if (!r.ok) return setProblem(r.problem);
    onSaved();
  };

  const outcomeError = errorFor(problem, 'outcome');
  return (
    <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
      <p className="muted" style={{ margin: 0 }}>
        <strong>{d.title}</strong>
      </p>
      {problem && problem.errors.length === 0 ? <ProblemBanner problem={problem} /> : null}
      <fieldset className="dc-choices">
        <legend>Decided</legend>
        {d.options.map((o) => (
          <label key={o.id} className={`dc-choice ${choice === o.id ? 'on' : ''}`}>
            <input type="radio" name="outcome" value={o.id} checked={choice === o.id} onChange={() => setChoice(o.id)} />
            <span>{o.title}</span>
          </label>
        ))}
        <label className={`dc-choice ${choice === OTHER ? 'on' : ''}`}>
          <input type="radio" name="outcome" value={OTHER} checked={choice === OTHER} onChange={() => setChoice(OTHER)} />
          <span>Something else</span>
        </label>
        {choice === OTHER ? (
          <input aria-label="Outcome in words" value={other} onChange={(e) => setOther(e.target.value)} placeholder="What was decided" />
        ) : null}
        {outcomeError ? (
          <span className="field-error" role="alert">
            {outcomeError}
          </span>
        ) : null}
      </fieldset>
      <div className="form-grid">
        <Field label="Decided by">
          <input value={user?.login ?? ''} readOnly />
        </Field>
        <Field label="Decided on" error={errorFor(problem, 'decidedOn')}>
          <input type="date" value={decidedOn} onChange={(e) => setDecidedOn(e.target.value)} />
        </Field>
      </div>
      <div className="row" style={{ justifyContent: 'flex-end' }}>
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="btn primary" disabled={busy}>
          {busy ? <span className="spinner" /> : null} Record outcome
        </button>
      </div>
    </form>
  );
}
