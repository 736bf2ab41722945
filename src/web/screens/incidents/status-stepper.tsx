import { useState } from 'react';
import { type ApiProblem, api, programPath } from '../../api/client';
import { INCIDENT_STATUSES, type IncidentStatus } from '../../api/types';
import { ProblemBanner } from '../../components/feedback';

const HINT: Record<IncidentStatus, string> = {
  investigating: 'Looking for the cause',
  identified: 'Cause known, fix under way',
  monitoring: 'Fix in place, watching',
  resolved: 'Over for customers',
};

/**
 * Where the response stands, as four steps. Only the moves the server allows (`nextStatuses`) are
 * offered; reopening a resolved incident asks why, as the server requires.
 */
export function StatusStepper({
  programId,
  incidentId,
  status,
  nextStatuses,
  canEdit,
  onChanged,
}: {
  programId: string;
  incidentId: string;
  status: IncidentStatus;
  /** Undefined when the server could not say (then no move is offered). */
  nextStatuses: readonly IncidentStatus[] | undefined;
  canEdit: boolean;
  onChanged: (to: IncidentStatus) => void;
}) {
  const [problem, setProblem] = useState<ApiProblem | undefined>();
  const [busy, setBusy] = useState<IncidentStatus | undefined>();
  const [reopening, setReopening] = useState(false);
  const [reason, setReason] = useState('');
  const at = INCIDENT_STATUSES.indexOf(status);

  const move = async (to: IncidentStatus, text?: string) => {
    setBusy(to);
    setProblem(undefined);
    const r = await api.put(programPath(programId, 'incidents', incidentId, 'status'), { status: to, ...(text ? { text } : {}) });
    setBusy(undefined);
    if (!r.ok) return setProblem(r.problem);
    setReopening(false);
    setReason('');
    onChanged(to);
  };

  const forward = (nextStatuses ?? []).filter((s) => INCIDENT_STATUSES.indexOf(s) > at);
  const canReopen = status === 'resolved' && (nextStatuses ?? []).includes('investigating');
  return (
    <section className="card inc-status" aria-label="Status">
      <ol className="inc-stepper">
        {INCIDENT_STATUSES.map((s, n) => (
          <li key={s} className={n < at ? 'done' : n === at ? 'current' : 'todo'} aria-current={n === at ? 'step' : undefined}>
            <span className="inc-step-dot" aria-hidden="true">
              {n < at || (n === at && s === 'resolved') ? '✓' : n + 1}
            </span>
            <span className="inc-step-name">{s}</span>
            <span className="inc-step-hint">{HINT[s]}</span>
          </li>
        ))}
      </ol>
      {canEdit && (forward.length > 0 || canReopen) ? (
        <div className="inc-moves">
          {forward.map((s, n) => (
            <button
              key={s}
              type="button"
              className={`btn ${n === 0 ? 'primary' : ''} small`}
              disabled={busy !== undefined}
              onClick={() => void move(s)}
            >
              {busy === s ? <span className="spinner" /> : null}
              {s === 'resolved' ? 'Resolve' : `Move to ${s}`}
            </button>
          ))}
          {canReopen && !reopening ? (
            <button type="button" className="btn small" onClick={() => setReopening(true)}>
              Reopen…
            </button>
          ) : null}
          {reopening ? (
            <form
              className="row inc-reopen"
              onSubmit={(e) => {
                e.preventDefault();
                void move('investigating', reason);
              }}
            >
              <input
                aria-label="Why reopen"
                placeholder="Why is it back? e.g. errors returned after the rollback"
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
              <button type="submit" className="btn small primary" disabled={busy !== undefined}>
                Reopen as investigating
              </button>
            </form>
          ) : null}
        </div>
      ) : null}
      {nextStatuses === undefined && canEdit ? (
        <p className="faint inc-note">Status moves are not available from this server yet.</p>
      ) : null}
      {problem ? <ProblemBanner problem={problem} /> : null}
    </section>
  );
}
