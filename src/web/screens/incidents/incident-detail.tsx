import { useRef, useState } from 'react';
import { type ApiProblem, api, programPath } from '../../api/client';
import { type Incident, type IncidentView, type Page, type Postmortem, SEVERITIES, type Service, type Tagged } from '../../api/types';
import { useResource } from '../../api/use-resource';
import { Dialog } from '../../components/dialog';
import { EntityForm, type FieldSpec } from '../../components/entity-form';
import { Loaded, ProblemBanner } from '../../components/feedback';
import { programHref } from '../../nav';
import { useProgram } from '../../program-context';
import { Link, navigate } from '../../router';
import { useToast } from '../../toasts';
import { durationWords, isOpen, ROLE_LABELS, SeverityBadge, StatusBadge, severityDefinitions, utcTime } from './incident-words';
import { StatusStepper } from './status-stepper';
import { TimelineCard } from './timeline-card';
import { UpdatesCard } from './updates-card';
import '../incidents.css';

const EDIT_FIELDS: readonly FieldSpec[] = [
  { name: 'title', label: 'Title', type: 'text', full: true },
  { name: 'severity', label: 'Severity', type: 'select', options: SEVERITIES },
  { name: 'impactStartedAt', label: 'Impact started (ISO, UTC)', type: 'text', hint: 'e.g. 2027-03-15T09:30:00Z' },
  { name: 'roles.incidentCommander', label: ROLE_LABELS.incidentCommander, type: 'text' },
  { name: 'roles.communicationsLead', label: ROLE_LABELS.communicationsLead, type: 'text' },
  { name: 'roles.opsLead', label: ROLE_LABELS.opsLead, type: 'text' },
  { name: 'roles.scribe', label: ROLE_LABELS.scribe, type: 'text' },
  { name: 'services', label: 'Services (ids, comma-separated)', type: 'list', full: true },
  { name: 'impact.description', label: 'Impact', type: 'textarea', hint: 'What customers felt, in a sentence' },
  { name: 'impact.customers', label: 'Customers affected', type: 'number' },
  { name: 'impact.revenue', label: 'Revenue lost', type: 'number' },
];

const METRICS = [
  { key: 'timeToDetectMs', short: 'TTD', label: 'Time to detect', missing: 'needs the impact start and a detected entry' },
  { key: 'timeToAcknowledgeMs', short: 'TTA', label: 'Time to acknowledge', missing: 'log an acknowledged entry' },
  { key: 'timeToMitigateMs', short: 'TTM', label: 'Time to mitigate', missing: 'log a mitigated entry' },
  { key: 'timeToResolveMs', short: 'TTR', label: 'Time to resolve', missing: 'log a resolved entry' },
] as const;

/** One incident as its commander runs it: status, overdue updates, timeline, roles, metrics, the exec update. */
export function IncidentDetailScreen({ incidentId }: { incidentId: string }) {
  const { id, version, canEdit } = useProgram();
  const entity = useResource<Tagged<Incident>>(programPath(id, 'incidents', incidentId), undefined, version);
  const view = useResource<IncidentView>(programPath(id, 'incidents', incidentId, 'view'), undefined, version);
  const services = useResource<Page<'services', Service>>(programPath(id, 'services'), { perPage: 1000 }, version);
  const postmortems = useResource<Page<'postmortems', Postmortem>>(programPath(id, 'postmortems'), { incident: incidentId }, version);
  const [editing, setEditing] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | undefined>();
  const [writing, setWriting] = useState(false);
  const updateText = useRef<HTMLTextAreaElement>(null);
  const toast = useToast();
  const reload = () => {
    entity.reload();
    view.reload();
  };
  const serviceName = new Map((services.value?.services ?? []).map((t) => [t.value.id, t.value.name ?? t.value.id]));
  // The last computed view stays while a newer one loads (useResource keeps it).
  const computed = view.value;

  const writePostmortem = async () => {
    setWriting(true);
    setProblem(undefined);
    const draft = await api.get<{ value: Postmortem }>(programPath(id, 'incidents', incidentId, 'postmortem-draft'));
    if (!draft.ok) {
      setWriting(false);
      return setProblem(draft.problem);
    }
    const saved = await api.post<Tagged<Postmortem>>(programPath(id, 'postmortems'), draft.value.value);
    setWriting(false);
    if (!saved.ok) return setProblem(saved.problem);
    toast('Post-mortem drafted from the incident');
    navigate(programHref(id, `postmortems/${encodeURIComponent(saved.value.value.id)}`));
  };

  return (
    <div className="page inc inc-detail">
      <Link href={programHref(id, 'incidents')} className="inc-back">
        ← Incidents
      </Link>
      <Loaded resource={entity} label="Loading the incident…">
        {(tagged) => {
          const inc = tagged.value;
          const definition = computed?.severity ?? severityDefinitions(undefined)[inc.severity];
          const overdue = computed?.updateOverdueMinutes ?? null;
          const cadence = definition.updateCadenceMinutes;
          const resolvedEntry = inc.timeline.find((e) => e.kind === 'resolved');
          const lasted = (isOpen(inc) || !resolvedEntry ? Date.now() : Date.parse(resolvedEntry.at)) - Date.parse(inc.startedAt);
          const existing = postmortems.value?.postmortems ?? [];
          const due = !isOpen(inc)
            ? 'Resolved: no further updates due'
            : cadence === null
              ? `${inc.severity}: no scheduled updates`
              : computed?.nextUpdateDue
                ? `Every ${cadence} min · ${overdue !== null && overdue > 0 ? 'was due' : 'next due'} ${utcTime(computed.nextUpdateDue)}`
                : `Every ${cadence} min`;
          return (
            <>
              <div className="page-head inc-head">
                <div>
                  <div className="row inc-head-badges">
                    <SeverityBadge severity={inc.severity} />
                    <StatusBadge status={inc.status} />
                    <span className="faint mono">{inc.id}</span>
                  </div>
                  <h1>{inc.title}</h1>
                  <div className="sub">
                    Declared {utcTime(inc.startedAt)}
                    {lasted < 0
                      ? '' // declared after the clock (a program written ahead of time): no duration yet
                      : isOpen(inc)
                        ? ` · open for ${durationWords(lasted)}`
                        : resolvedEntry
                          ? ` · lasted ${durationWords(lasted)}`
                          : ' · resolved'}
                  </div>
                </div>
                <div className="toolbar">
                  {canEdit ? (
                    <button type="button" className="btn" onClick={() => setEditing(true)}>
                      Edit details
                    </button>
                  ) : null}
                  {existing.map((pm) => (
                    <Link key={pm.value.id} className="btn" href={programHref(id, `postmortems/${encodeURIComponent(pm.value.id)}`)}>
                      Open post-mortem
                    </Link>
                  ))}
                  {canEdit && existing.length === 0 ? (
                    <button
                      type="button"
                      className={`btn ${isOpen(inc) ? '' : 'primary'}`}
                      disabled={writing}
                      onClick={() => void writePostmortem()}
                      title="Drafts the blameless template from this incident: summary, impact and timeline"
                    >
                      {writing ? <span className="spinner" /> : null}
                      Write post-mortem
                    </button>
                  ) : null}
                </div>
              </div>
              {problem ? <ProblemBanner problem={problem} /> : null}
              {overdue !== null && overdue > 0 && cadence !== null ? (
                <div className="inc-overdue" role="alert">
                  <strong>Stakeholder update overdue.</strong>
                  <span>
                    {inc.severity} updates every {cadence} min — last update {Math.round(cadence + overdue)} min ago.
                  </span>
                  {canEdit ? (
                    <button type="button" className="btn small" onClick={() => updateText.current?.focus()}>
                      Post an update
                    </button>
                  ) : null}
                </div>
              ) : null}
              {view.state === 'error' && view.value === undefined ? (
                <p className="notice inc-note">
                  Computed figures (metrics, update cadence, executive update) are unavailable: {view.problem.title}
                  {view.problem.detail ? ` — ${view.problem.detail}` : ''}.
                </p>
              ) : null}
              <StatusStepper
                programId={id}
                incidentId={inc.id}
                status={inc.status}
                nextStatuses={computed?.nextStatuses}
                canEdit={canEdit}
                onChanged={(to) => {
                  toast(`Incident ${to}`);
                  reload();
                }}
              />
              <div className="inc-layout">
                <div className="inc-main">
                  <TimelineCard programId={id} incidentId={inc.id} entries={inc.timeline} canEdit={canEdit} onLogged={reload} />
                  <UpdatesCard
                    programId={id}
                    incidentId={inc.id}
                    updates={inc.updates}
                    due={due}
                    draft={computed?.executiveUpdate}
                    canEdit={canEdit && isOpen(inc)}
                    onPosted={() => {
                      toast('Update posted');
                      reload();
                    }}
                    textRef={updateText}
                  />
                  {computed ? <ExecutiveUpdate text={computed.executiveUpdate} /> : null}
                </div>
                <aside className="inc-side">
                  <section className="card" aria-labelledby="inc-metrics-h">
                    <h2 id="inc-metrics-h">Response times</h2>
                    <div className="inc-metric-grid">
                      {METRICS.map((m) => {
                        const v = computed?.metrics[m.key] ?? null;
                        return (
                          <div key={m.key} className="inc-metric" title={m.label}>
                            <span className="inc-metric-k">{m.short}</span>
                            <span className={`inc-metric-v ${v === null ? 'faint' : ''}`}>{v === null ? '—' : durationWords(v)}</span>
                            <span className="inc-metric-l">{v === null ? m.missing : m.label.toLowerCase()}</span>
                          </div>
                        );
                      })}
                    </div>
                    <p className="faint inc-fine">Measured from when impact started, else from detection.</p>
                  </section>
                  <section className="card" aria-labelledby="inc-roles-h">
                    <h2 id="inc-roles-h">Roles</h2>
                    <dl className="inc-kv">
                      {(Object.keys(ROLE_LABELS) as (keyof typeof ROLE_LABELS)[]).map((r) => (
                        <div key={r}>
                          <dt>{ROLE_LABELS[r]}</dt>
                          <dd>{inc.roles[r] ?? <span className="faint">unassigned</span>}</dd>
                        </div>
                      ))}
                    </dl>
                  </section>
                  <section className="card" aria-labelledby="inc-impact-h">
                    <h2 id="inc-impact-h">Impact</h2>
                    {inc.impact ? (
                      <>
                        <p className="inc-impact">{inc.impact.description}</p>
                        <div className="row inc-impact-figures">
                          {inc.impact.customers !== undefined ? (
                            <span>
                              <strong className="num">{inc.impact.customers.toLocaleString('en')}</strong> customers
                            </span>
                          ) : null}
                          {inc.impact.revenue !== undefined ? (
                            <span>
                              <strong className="num">{inc.impact.revenue.toLocaleString('en')}</strong> revenue lost
                            </span>
                          ) : null}
                        </div>
                      </>
                    ) : (
                      <p className="faint">Not measured yet.</p>
                    )}
                    {inc.impactStartedAt ? <p className="faint inc-fine">Impact started {utcTime(inc.impactStartedAt)}</p> : null}
                    <h3 className="inc-sub-h">Affected services</h3>
                    {inc.services.length === 0 ? (
                      <p className="faint">None named.</p>
                    ) : (
                      <ul className="inc-chips">
                        {inc.services.map((s) => (
                          <li key={s}>{serviceName.get(s) ?? s}</li>
                        ))}
                      </ul>
                    )}
                  </section>
                  <section className="card" aria-labelledby="inc-sevdef-h">
                    <h2 id="inc-sevdef-h">What {inc.severity} means here</h2>
                    <p className="muted inc-fine">{definition.description}</p>
                  </section>
                </aside>
              </div>
              <Dialog open={editing} title="Edit incident" onClose={() => setEditing(false)}>
                <EntityForm<Incident>
                  fields={EDIT_FIELDS}
                  path={programPath(id, 'incidents', inc.id)}
                  current={tagged}
                  onSaved={() => {
                    setEditing(false);
                    toast('Incident saved');
                    reload();
                  }}
                  onCancel={() => setEditing(false)}
                />
              </Dialog>
            </>
          );
        }}
      </Loaded>
    </div>
  );
}

/** The drafted executive update: plain words, ready to paste into email or chat. */
function ExecutiveUpdate({ text }: { text: string }) {
  const toast = useToast();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      toast('Executive update copied');
    } catch {
      toast('Copy is blocked here: select the text and copy it');
    }
  };
  return (
    <section className="card inc-exec" aria-labelledby="inc-exec-h">
      <div className="inc-card-head">
        <h2 id="inc-exec-h">Executive update (draft)</h2>
        <button type="button" className="btn small" onClick={() => void copy()}>
          Copy
        </button>
      </div>
      <pre className="inc-exec-text" data-testid="executive-update">
        {text}
      </pre>
    </section>
  );
}
