import { type FormEvent, useState } from 'react';
import { type ApiProblem, api, programPath } from '../../api/client';
import { Dialog } from '../../components/dialog';
import { ProblemBanner } from '../../components/feedback';
import { errorFor, Field } from '../../components/field';
import type { Finding } from './risk-types';

/** Asks why, then records the verdict on a finding. Dismissing needs a reason; acknowledging suggests one. */
export function ReviewDialog({
  programId,
  finding,
  verdict,
  onClose,
  onDone,
}: {
  programId: string;
  finding: Finding | undefined;
  verdict: 'acknowledged' | 'dismissed';
  onClose: () => void;
  onDone: (finding: Finding) => void;
}) {
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<ApiProblem | undefined>();
  const [busy, setBusy] = useState(false);
  const dismissing = verdict === 'dismissed';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!finding) return;
    setBusy(true);
    setProblem(undefined);
    const text = reason.trim() === '' && !dismissing ? 'Acknowledged; being handled' : reason;
    const result = await api.put(programPath(programId, 'findings', finding.key, 'review'), { verdict, reason: text });
    setBusy(false);
    if (!result.ok) {
      setProblem(result.problem);
      return;
    }
    setReason('');
    onDone(finding);
  };
  const error = errorFor(problem, 'reason');
  return (
    <Dialog open={finding !== undefined} title={dismissing ? 'Dismiss this risk' : 'Acknowledge this risk'} onClose={onClose}>
      {finding ? (
        <form className="stack rk-review" onSubmit={submit} noValidate>
          <p className="rk-review-what">
            <strong>{finding.title}</strong>
            <span className="faint mono"> {finding.key}</span>
          </p>
          <p className="muted">
            {dismissing
              ? 'Dismissed risks move to the Dismissed section and out of reports. Say why, so others can judge it later.'
              : 'Acknowledged risks stay listed, marked as seen, with your note.'}
          </p>
          {problem && !error ? <ProblemBanner problem={problem} /> : null}
          <Field label={dismissing ? 'Reason (required)' : 'Note (optional)'} error={error} full>
            <textarea
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              placeholder={dismissing ? 'e.g. Accepted by the steering group on 3 March' : 'e.g. Owner is on it; revisit Friday'}
              aria-invalid={error ? true : undefined}
            />
          </Field>
          <div className="row" style={{ justifyContent: 'flex-end' }}>
            <button type="button" className="btn" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className={`btn ${dismissing ? 'danger' : 'primary'}`} disabled={busy}>
              {busy ? <span className="spinner" /> : null}
              {dismissing ? 'Dismiss risk' : 'Acknowledge'}
            </button>
          </div>
        </form>
      ) : null}
    </Dialog>
  );
}
