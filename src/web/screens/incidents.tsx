import { useState } from 'react';
import { programPath } from '../api/client';
import { type Incident, type Page, type Postmortem, SEVERITIES, type Service, type SeverityDefinition, type Tagged } from '../api/types';
import { useResource } from '../api/use-resource';
import { Dialog } from '../components/dialog';
import { Empty, Loaded } from '../components/feedback';
import { PageHead } from '../components/page-head';
import { programHref } from '../nav';
import { useProgram } from '../program-context';
import { Link, navigate, setQueryParam, useLocation } from '../router';
import { useSession } from '../session';
import { useToast } from '../toasts';
import { DeclareForm } from './incidents/declare-form';
import { IncidentMetricsPanel } from './incidents/incident-metrics-panel';
import { durationWords, isOpen, SeverityBadge, StatusBadge, severityDefinitions, utcStamp } from './incidents/incident-words';
import './incidents.css';

const SEV_RANK = { SEV1: 0, SEV2: 1, SEV3: 2, SEV4: 3 } as const;

/** Open incidents first, the most severe and then the newest first; resolved ones after, newest first. */
function ordered(list: Tagged<Incident>[]): Incident[] {
  const all = list.map((t) => t.value);
  const open = all.filter(isOpen).sort((a, b) => SEV_RANK[a.severity] - SEV_RANK[b.severity] || b.startedAt.localeCompare(a.startedAt));
  const closed = all.filter((i) => !isOpen(i)).sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  return [...open, ...closed];
}

/** The last stakeholder update (an update or an update-sent entry), else the declaration; epoch ms. */
const lastUpdateAt = (i: Incident) =>
  Math.max(
    Date.parse(i.startedAt),
    ...i.updates.map((u) => Date.parse(u.at)),
    ...i.timeline.filter((e) => e.kind === 'update-sent').map((e) => Date.parse(e.at)),
  );

/** When the incident was resolved (its first `resolved` entry), for the duration of a closed one. */
const resolvedAt = (i: Incident) => i.timeline.find((e) => e.kind === 'resolved')?.at;

/** The program's incidents: what is on fire now, then what burned before; declare a new one. */
export function IncidentsScreen() {
  const { id, version, canEdit } = useProgram();
  const { user } = useSession();
  const { query } = useLocation();
  const show = query.get('show') ?? 'all';
  const severity = query.get('severity') ?? '';
  const service = query.get('service') ?? '';
  const incidents = useResource<Page<'incidents', Incident>>(programPath(id, 'incidents'), { perPage: 1000 }, version);
  const services = useResource<Page<'services', Service>>(programPath(id, 'services'), { perPage: 1000 }, version);
  const postmortems = useResource<Page<'postmortems', Postmortem>>(programPath(id, 'postmortems'), { perPage: 1000 }, version);
  const reviewOf = new Map((postmortems.value?.postmortems ?? []).map((t) => [t.value.incident, t.value]));
  const [declaring, setDeclaring] = useState(false);
  const toast = useToast();
  const serviceList = (services.value?.services ?? []).map((t) => t.value);
  const serviceName = new Map(serviceList.map((s) => [s.id, s.name ?? s.id]));
  const severities = useResource<{ severities: SeverityDefinition[] }>(programPath(id, 'incidents', 'severities'), undefined, version);
  const definitions = severityDefinitions(severities.value?.severities);
  const now = Date.now();
  /** Past its severity's update cadence; the incident page says by how much. */
  const late = (i: Incident) => {
    const cadence = definitions[i.severity].updateCadenceMinutes;
    return isOpen(i) && cadence !== null && now - lastUpdateAt(i) > cadence * 60_000;
  };

  return (
    <div className="page inc">
      <PageHead
        title="Incidents"
        sub="What is on fire, who is on it, and whether stakeholders are hearing about it."
        actions={
          canEdit ? (
            <button type="button" className="btn primary" onClick={() => setDeclaring(true)}>
              Declare incident
            </button>
          ) : null
        }
      />
      <Loaded resource={incidents} label="Loading incidents…">
        {(page) => {
          const all = ordered(page.incidents);
          const open = all.filter(isOpen);
          const shown = all.filter(
            (i) =>
              (show === 'all' || (show === 'open' ? isOpen(i) : !isOpen(i))) &&
              (severity === '' || i.severity === severity) &&
              (service === '' || i.services.includes(service)),
          );
          return (
            <>
              <div className="inc-stats">
                <div className={`card stat ${open.length ? 'inc-stat-hot' : ''}`}>
                  <span className="label">Open</span>
                  <span className="value">{open.length}</span>
                </div>
                {(['SEV1', 'SEV2'] as const).map((s) => {
                  const n = open.filter((i) => i.severity === s).length;
                  return (
                    <div key={s} className="card stat">
                      <span className="label">Open {s}</span>
                      <span className={`value ${n ? 'inc-red' : ''}`}>{n}</span>
                    </div>
                  );
                })}
                <div className="card stat">
                  <span className="label">Resolved</span>
                  <span className="value">{all.length - open.length}</span>
                </div>
              </div>
              <div className="inc-filters toolbar">
                <fieldset className="seg" aria-label="Show">
                  {(['all', 'open', 'resolved'] as const).map((s) => (
                    <button
                      key={s}
                      type="button"
                      aria-pressed={show === s}
                      onClick={() => setQueryParam('show', s === 'all' ? undefined : s)}
                    >
                      {s === 'all' ? 'All' : s === 'open' ? 'Open' : 'Resolved'}
                    </button>
                  ))}
                </fieldset>
                <select aria-label="Severity" value={severity} onChange={(e) => setQueryParam('severity', e.target.value || undefined)}>
                  <option value="">Any severity</option>
                  {SEVERITIES.map((s) => (
                    <option key={s} value={s}>
                      {s}
                    </option>
                  ))}
                </select>
                <select aria-label="Service" value={service} onChange={(e) => setQueryParam('service', e.target.value || undefined)}>
                  <option value="">Any service</option>
                  {serviceList.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name ?? s.id}
                    </option>
                  ))}
                </select>
                <span className="faint">
                  {shown.length} of {all.length}
                </span>
              </div>
              {all.length === 0 ? (
                <Empty>
                  No incidents recorded. When something breaks, declare one here so the response has a commander and a timeline.
                </Empty>
              ) : shown.length === 0 ? (
                <Empty>No incident matches these filters.</Empty>
              ) : (
                <table className="data inc-table" aria-label="Incidents">
                  <thead>
                    <tr>
                      <th>Severity</th>
                      <th>Incident</th>
                      <th>Status</th>
                      <th>Services</th>
                      <th>Started (UTC)</th>
                      <th className="num">Duration</th>
                      <th>Commander</th>
                      <th>Post-mortem</th>
                    </tr>
                  </thead>
                  <tbody>
                    {shown.map((i) => {
                      const end = resolvedAt(i);
                      const lasted = (end && !isOpen(i) ? Date.parse(end) : now) - Date.parse(i.startedAt);
                      return (
                        <tr key={i.id} className={isOpen(i) ? 'inc-open' : 'inc-closed'}>
                          <td>
                            <SeverityBadge severity={i.severity} />
                          </td>
                          <td>
                            <Link href={programHref(id, `incidents/${encodeURIComponent(i.id)}`)} className="inc-title">
                              {i.title}
                            </Link>
                            <div className="faint mono inc-id">{i.id}</div>
                          </td>
                          <td>
                            <div className="inc-status-cell">
                              <StatusBadge status={i.status} />
                              {late(i) ? <span className="inc-late">update overdue</span> : null}
                            </div>
                          </td>
                          <td className="inc-services">
                            {i.services.map((s) => serviceName.get(s) ?? s).join(', ') || <span className="faint">—</span>}
                          </td>
                          <td className="muted inc-nowrap">
                            {utcStamp(i.startedAt).slice(0, 10)}
                            <div className="faint">{utcStamp(i.startedAt).slice(11)}</div>
                          </td>
                          <td className="num inc-nowrap">
                            {lasted < 0 ? (
                              // Declared after the clock (a program written ahead of time): no duration yet.
                              <span className="faint">—</span>
                            ) : isOpen(i) ? (
                              <strong>{durationWords(lasted)}</strong>
                            ) : end ? (
                              durationWords(lasted)
                            ) : (
                              <span className="faint">—</span>
                            )}
                          </td>
                          <td>{i.roles.incidentCommander ?? <span className="faint">unassigned</span>}</td>
                          <td>
                            <Review programId={id} incident={i} postmortem={reviewOf.get(i.id)} />
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              )}
            </>
          );
        }}
      </Loaded>
      <IncidentMetricsPanel
        programId={id}
        version={version}
        serviceName={serviceName}
        titleOf={new Map((incidents.value?.incidents ?? []).map((t) => [t.value.id, t.value.title]))}
      />
      <Dialog open={declaring} title="Declare incident" onClose={() => setDeclaring(false)}>
        <DeclareForm
          programId={id}
          services={serviceList}
          definitions={definitions}
          commander={user?.name ?? ''}
          onSaved={(saved) => {
            setDeclaring(false);
            toast(`${saved.value.severity} declared: ${saved.value.title}`);
            navigate(programHref(id, `incidents/${encodeURIComponent(saved.value.id)}`));
          }}
          onCancel={() => setDeclaring(false)}
        />
      </Dialog>
    </div>
  );
}

/** The post-mortem of an incident and its open action items; a resolved SEV1/SEV2 without one is a gap. */
function Review({ programId, incident, postmortem }: { programId: string; incident: Incident; postmortem: Postmortem | undefined }) {
  if (!postmortem) {
    const owed = !isOpen(incident) && (incident.severity === 'SEV1' || incident.severity === 'SEV2');
    return owed ? <span className="badge amber">missing</span> : <span className="faint">—</span>;
  }
  const open = postmortem.actionItems.filter((a) => a.state === 'open' || a.state === 'in-progress').length;
  return (
    <Link href={programHref(programId, `postmortems/${encodeURIComponent(postmortem.id)}`)}>
      {open > 0 ? `${open} open action${open === 1 ? '' : 's'}` : 'all actions closed'}
    </Link>
  );
}
