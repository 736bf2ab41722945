import { type FormEvent, useState } from 'react';
import { type ApiProblem, api, programPath } from '../../api/client';
import type { TimelineEntry, TimelineKind } from '../../api/types';
import { ProblemBanner } from '../../components/feedback';
import { errorFor, Field } from '../../components/field';
import { utcClock } from './incident-words';

/** Kinds a person logs; status changes are written by the status buttons. */
const LOGGED: readonly TimelineKind[] = ['note', 'detected', 'acknowledged', 'mitigated', 'resolved', 'update-sent'];

const KIND_LABEL: Record<TimelineKind, string> = {
  detected: 'Detected',
  acknowledged: 'Acknowledged',
  mitigated: 'Mitigated',
  resolved: 'Resolved',
  note: 'Note',
  'status-change': 'Status',
  'update-sent': 'Update sent',
};

/** Entries in time order, grouped by UTC day; the order logged breaks ties. */
function byDay(entries: readonly TimelineEntry[]): [string, TimelineEntry[]][] {
  const sorted = entries
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.at.localeCompare(b.e.at) || a.i - b.i)
    .map(({ e }) => e);
  const days = new Map<string, TimelineEntry[]>();
  for (const e of sorted) {
    const day = new Date(e.at).toISOString().slice(0, 10);
    days.set(day, [...(days.get(day) ?? []), e]);
  }
  return [...days];
}

/** What happened when, as the scribe writes it; milestones (detected … resolved) drive the metrics. */
export function TimelineCard({
  programId,
  incidentId,
  entries,
  canEdit,
  onLogged,
}: {
  programId: string;
  incidentId: string;
  entries: readonly TimelineEntry[];
  canEdit: boolean;
  onLogged: () => void;
}) {
  const [kind, setKind] = useState<TimelineKind>('note');
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<ApiProblem | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setProblem(undefined);
    const r = await api.post(programPath(programId, 'incidents', incidentId, 'timeline'), { kind, text: text.trim() });
    setBusy(false);
    if (!r.ok) return setProblem(r.problem);
    setText('');
    setKind('note');
    onLogged();
  };

  return (
    <section className="card inc-timeline" aria-labelledby="inc-timeline-h">
      <h2 id="inc-timeline-h">Timeline</h2>
      {entries.length === 0 ? <p className="faint">Nothing logged yet.</p> : null}
      {byDay(entries).map(([day, list]) => (
        <div key={day} className="inc-day">
          <div className="inc-day-head">{day} (UTC)</div>
          <ol className="inc-entries" aria-label={`Timeline ${day}`}>
            {list.map((e, n) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: entries have no id; the order within a day is stable.
              <li key={n} className={`inc-entry k-${e.kind}`}>
                <time dateTime={e.at} className="mono">
                  {utcClock(e.at)}
                </time>
                <span className="inc-kind">{KIND_LABEL[e.kind]}</span>
                <span className="inc-entry-text">
                  {e.text || <span className="faint">—</span>}
                  {e.author ? <span className="faint"> · {e.author}</span> : null}
                </span>
              </li>
            ))}
          </ol>
        </div>
      ))}
      {canEdit ? (
        <form className="inc-log" onSubmit={(e) => void submit(e)} aria-label="Log a timeline entry">
          {problem && !errorFor(problem, 'text') && !errorFor(problem, 'kind') ? <ProblemBanner problem={problem} /> : null}
          <div className="inc-log-row">
            <Field label="Kind" error={errorFor(problem, 'kind')}>
              <select value={kind} onChange={(e) => setKind(e.target.value as TimelineKind)}>
                {LOGGED.map((k) => (
                  <option key={k} value={k}>
                    {KIND_LABEL[k]}
                  </option>
                ))}
              </select>
            </Field>
            <Field label="Entry" error={errorFor(problem, 'text')}>
              <input value={text} onChange={(e) => setText(e.target.value)} placeholder="What happened, in a sentence" />
            </Field>
            <button type="submit" className="btn" disabled={busy || text.trim() === ''}>
              {busy ? <span className="spinner" /> : null}
              Log entry
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
