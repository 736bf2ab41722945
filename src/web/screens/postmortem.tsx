import { useState } from 'react';
import { programPath } from '../api/client';
import type { Incident, Page, Postmortem, PostmortemView, Tagged, Team } from '../api/types';
import { useResource } from '../api/use-resource';
import { StateBadge } from '../components/badges';
import { Dialog } from '../components/dialog';
import { Loaded } from '../components/feedback';
import { itemHref, programHref } from '../nav';
import { useProgram } from '../program-context';
import { Link } from '../router';
import { useToast } from '../toasts';
import { SeverityBadge, utcClock, utcTime } from './incidents/incident-words';
import { ActionItemForm } from './postmortem/action-item-form';
import { PostmortemSection } from './postmortem/postmortem-section';
import './incidents.css';
import './postmortem.css';

type ActionRow = PostmortemView['actionItems'][number];

const today = () => new Date().toISOString().slice(0, 10);

/** The rows the server computes; from the post-mortem alone when its view is not available. */
function rowsOf(pm: Postmortem, view: PostmortemView | undefined): ActionRow[] {
  if (view) return view.actionItems;
  return pm.actionItems.map((a) => ({
    ...a,
    item: `${pm.id}-${a.id}`,
    itemState: null,
    overdue: (a.state === 'open' || a.state === 'in-progress') && a.due < today(),
  }));
}

const finished = (state: string) => state === 'done' || state === 'cancelled';

/** A blameless post-mortem in the template's order, with its action items tracked as level-1/2 work. */
export function PostmortemScreen({ postmortemId }: { postmortemId: string }) {
  const { id, version, canEdit } = useProgram();
  const entity = useResource<Tagged<Postmortem>>(programPath(id, 'postmortems', postmortemId), undefined, version);
  const view = useResource<PostmortemView>(programPath(id, 'postmortems', postmortemId, 'view'), undefined, version);
  const incidentId = entity.value?.value.incident;
  const incident = useResource<Tagged<Incident>>(incidentId ? programPath(id, 'incidents', incidentId) : undefined, undefined, version);
  const teams = useResource<Page<'teams', Team>>(programPath(id, 'teams'), { perPage: 1000 }, version);
  const [adding, setAdding] = useState(false);
  const toast = useToast();
  const reload = () => {
    entity.reload();
    view.reload();
  };
  const teamName = new Map((teams.value?.teams ?? []).map((t) => [t.value.id, t.value.name]));
  const computed = view.value;

  const copyMarkdown = async (markdown: string) => {
    try {
      await navigator.clipboard.writeText(markdown);
      toast('Post-mortem copied as Markdown');
    } catch {
      toast('Copy is blocked here: use your browser’s copy on the page instead');
    }
  };

  return (
    <div className="page pm">
      <Loaded resource={entity} label="Loading the post-mortem…">
        {(tagged) => {
          const pm = tagged.value;
          const inc = incident.value?.value ?? computed?.incident ?? undefined;
          const rows = rowsOf(pm, computed);
          const open = computed?.openActionItems ?? rows.filter((r) => !finished(r.state)).length;
          const section = (
            field: 'summary' | 'impact' | 'contributingFactors' | 'wentWell' | 'wentPoorly' | 'gotLucky',
            title: string,
            kind: 'text' | 'list',
            empty: string,
            placeholder: string,
          ) => (
            <PostmortemSection
              programId={id}
              tagged={tagged}
              field={field}
              title={title}
              kind={kind}
              empty={empty}
              placeholder={placeholder}
              canEdit={canEdit}
              onSaved={() => {
                toast(`${title} saved`);
                reload();
              }}
            />
          );
          return (
            <>
              <Link href={programHref(id, `incidents/${encodeURIComponent(pm.incident)}`)} className="inc-back">
                ← Incident {pm.incident}
              </Link>
              <div className="page-head pm-head">
                <div>
                  <div className="row">
                    {inc ? <SeverityBadge severity={inc.severity} /> : null}
                    <span className="faint mono">{pm.id}</span>
                    <span className={`badge ${open > 0 ? 'amber' : 'green'}`}>
                      {open > 0 ? `${open} open action item${open === 1 ? '' : 's'}` : 'All action items closed'}
                    </span>
                  </div>
                  <h1>Post-mortem: {inc?.title ?? pm.incident}</h1>
                  <div className="sub">Blameless: we name systems and conditions, not people.</div>
                </div>
                <div className="toolbar">
                  {computed ? (
                    <button type="button" className="btn" onClick={() => void copyMarkdown(computed.markdown)}>
                      Copy as Markdown
                    </button>
                  ) : null}
                </div>
              </div>
              <div className="pm-body">
                {section('summary', 'Summary', 'text', 'No summary yet.', 'What happened and why, in two or three sentences')}
                {section('impact', 'Impact', 'text', 'Impact not written yet.', 'Who was affected, how badly, for how long')}
                <section className="card pm-section" aria-labelledby="pm-timeline-h">
                  <div className="pm-section-head">
                    <h2 id="pm-timeline-h">Timeline</h2>
                    <span className="faint pm-fine">copied from the incident</span>
                  </div>
                  {pm.timeline.length === 0 ? (
                    <p className="faint pm-empty">No timeline.</p>
                  ) : (
                    <table className="data pm-timeline">
                      <tbody>
                        {pm.timeline.map((e, n) => (
                          // biome-ignore lint/suspicious/noArrayIndexKey: timeline entries have no id; the list is read-only here.
                          <tr key={n}>
                            <td className="mono pm-when" title={utcTime(e.at)}>
                              {e.at.slice(0, 10)} {utcClock(e.at)}
                            </td>
                            <td className="pm-kind">{e.kind}</td>
                            <td>{e.text}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  )}
                </section>
                {section(
                  'contributingFactors',
                  'Contributing factors',
                  'list',
                  'None written yet.',
                  'Systems and conditions, one per line',
                )}
                <div className="pm-pair">
                  {section('wentWell', 'What went well', 'list', 'Nothing written yet.', 'One per line')}
                  {section('wentPoorly', 'What went poorly', 'list', 'Nothing written yet.', 'One per line')}
                </div>
                {section(
                  'gotLucky',
                  'Where we got lucky',
                  'list',
                  'Nothing written yet.',
                  'Luck is a risk we have not fixed: one per line',
                )}
                <section className="card pm-section" aria-labelledby="pm-actions-h">
                  <div className="pm-section-head">
                    <h2 id="pm-actions-h">Action items</h2>
                    {canEdit ? (
                      <button type="button" className="btn small" onClick={() => setAdding(true)}>
                        Add action item
                      </button>
                    ) : null}
                  </div>
                  {rows.length === 0 ? (
                    <p className="faint pm-empty">
                      No action items yet. Each one becomes tracked level-1 or level-2 work for its owner team.
                    </p>
                  ) : (
                    <table className="data pm-actions" aria-label="Action items">
                      <thead>
                        <tr>
                          <th>Action</th>
                          <th>Owner</th>
                          <th>Due</th>
                          <th>Level</th>
                          <th>Tracked item</th>
                        </tr>
                      </thead>
                      <tbody>
                        {rows.map((a) => (
                          <tr key={a.id} className={finished(a.state) ? 'pm-closed' : ''}>
                            <td>{a.title}</td>
                            <td>{teamName.get(a.ownerTeam) ?? a.ownerTeam}</td>
                            <td className={a.overdue ? 'pm-overdue' : 'pm-due'}>
                              {a.due}
                              {a.overdue ? <span className="badge red">overdue</span> : null}
                            </td>
                            <td>
                              <span className={`pm-level l${a.level}`}>
                                L{a.level} {a.level === 1 ? 'Stability' : 'Reliability'}
                              </span>
                            </td>
                            <td>
                              <Link href={itemHref(id, a.item)} className="mono pm-item">
                                {a.item}
                              </Link>{' '}
                              <StateBadge value={a.itemState ?? a.state} />
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  )}
                </section>
              </div>
              <Dialog open={adding} title="Add action item" onClose={() => setAdding(false)}>
                <ActionItemForm
                  programId={id}
                  tagged={tagged}
                  teams={(teams.value?.teams ?? []).map((t) => t.value)}
                  onSaved={() => {
                    setAdding(false);
                    toast('Action item added and tracked');
                    reload();
                  }}
                  onCancel={() => setAdding(false)}
                />
              </Dialog>
            </>
          );
        }}
      </Loaded>
    </div>
  );
}
