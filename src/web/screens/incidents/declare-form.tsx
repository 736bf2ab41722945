import { type FormEvent, useState } from 'react';
import { type ApiProblem, api, programPath } from '../../api/client';
import { type Incident, SEVERITIES, type Service, type Severity, type SeverityDefinition, type Tagged } from '../../api/types';
import { ProblemBanner } from '../../components/feedback';
import { errorFor, Field } from '../../components/field';

/**
 * Declaring is the first minute of a response: title, severity (with the program's own definition
 * beside each, so the commander picks by words, not by number), services and who commands.
 * The incident opens as investigating, now, with a `detected` entry on its timeline.
 */
export function DeclareForm({
  programId,
  services,
  definitions,
  commander,
  onSaved,
  onCancel,
}: {
  programId: string;
  services: readonly Service[];
  definitions: Record<Severity, SeverityDefinition>;
  commander: string;
  onSaved: (saved: Tagged<Incident>) => void;
  onCancel: () => void;
}) {
  const [title, setTitle] = useState('');
  const [severity, setSeverity] = useState<Severity>('SEV2');
  const [chosen, setChosen] = useState<string[]>([]);
  const [ic, setIc] = useState(commander);
  const [problem, setProblem] = useState<ApiProblem | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setProblem(undefined);
    // The server numbers it in the program's own series and logs who declared it, at its clock.
    const body = { title: title.trim(), severity, services: chosen, ...(ic.trim() ? { incidentCommander: ic.trim() } : {}) };
    const saved = await api.post<Tagged<Incident>>(programPath(programId, 'incidents', 'declare'), body);
    setBusy(false);
    if (saved.ok) onSaved(saved.value);
    else setProblem(saved.problem);
  };

  const toggle = (id: string) => setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]));
  const unmapped = problem && !['title', 'severity', 'services', 'incidentCommander'].some((f) => errorFor(problem, f));
  return (
    <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
      {problem && unmapped ? <ProblemBanner problem={problem} /> : null}
      <Field label="What is happening" error={errorFor(problem, 'title')} full>
        <input
          value={title}
          onChange={(e) => {
            setTitle(e.target.value);
            setProblem(undefined);
          }}
          placeholder="e.g. Checkout returns 502 for EU customers"
        />
      </Field>
      <fieldset className="inc-sev-pick">
        <legend>Severity</legend>
        {SEVERITIES.map((s) => {
          const d = definitions[s];
          return (
            <label key={s} className={severity === s ? 'chosen' : ''}>
              <input type="radio" name="severity" value={s} checked={severity === s} onChange={() => setSeverity(s)} aria-label={s} />
              <span className={`inc-sev inc-${s.toLowerCase()}`}>{s}</span>
              <span className="inc-sev-def">
                {d.description}
                <span className="faint">
                  {' '}
                  {d.updateCadenceMinutes === null ? 'No scheduled updates.' : `Stakeholder updates every ${d.updateCadenceMinutes} min.`}
                </span>
              </span>
            </label>
          );
        })}
        {errorFor(problem, 'severity') ? <span className="field-error">{errorFor(problem, 'severity')}</span> : null}
      </fieldset>
      <fieldset className="inc-svc-pick">
        <legend>Affected services</legend>
        {services.length === 0 ? <span className="faint">This program lists no services.</span> : null}
        {services.map((s) => (
          <label key={s.id} className="inc-chip-check">
            <input type="checkbox" checked={chosen.includes(s.id)} onChange={() => toggle(s.id)} />
            {s.name ?? s.id}
          </label>
        ))}
        {errorFor(problem, 'services') ? <span className="field-error">{errorFor(problem, 'services')}</span> : null}
      </fieldset>
      <Field label="Incident commander" error={errorFor(problem, 'incidentCommander')}>
        <input value={ic} onChange={(e) => setIc(e.target.value)} />
      </Field>
      <div className="row" style={{ justifyContent: 'flex-end' }}>
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="btn primary" disabled={busy}>
          {busy ? <span className="spinner" /> : null}
          Declare {severity}
        </button>
      </div>
    </form>
  );
}
