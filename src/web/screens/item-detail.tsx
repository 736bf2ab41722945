import { useState } from 'react';
import { programPath } from '../api/client';
import { type ChangeSet, type Forecast, ITEM_KINDS, ITEM_STATES, type Item, type Page, type Plan, type Tagged } from '../api/types';
import { useResource } from '../api/use-resource';
import { StateBadge } from '../components/badges';
import { EntityForm, type FieldSpec } from '../components/entity-form';
import { Loaded, ProblemBanner } from '../components/feedback';
import { PageHead } from '../components/page-head';
import { itemHref, programHref } from '../nav';
import { useProgram } from '../program-context';
import { Link } from '../router';
import { useToast } from '../toasts';
import { TrackerActivityPanel } from './integrations/tracker-activity';
import { ItemDependencies } from './item-detail/item-dependencies';
import { ItemHistory } from './item-detail/item-history';
import { dayLabel } from './status-report/report-types';
import './item-detail.css';

const FIELDS: readonly FieldSpec[] = [
  { name: 'title', label: 'Title', type: 'text', full: true },
  { name: 'kind', label: 'Kind', type: 'select', options: ITEM_KINDS },
  { name: 'state', label: 'State', type: 'select', options: ITEM_STATES },
  { name: 'team', label: 'Team', type: 'text' },
  { name: 'workstream', label: 'Workstream', type: 'text' },
  { name: 'assignee', label: 'Assignee', type: 'text' },
  { name: 'priority', label: 'Priority', type: 'number', hint: '1 (most urgent) to 4' },
  { name: 'estimate', label: 'Estimate (working days)', type: 'estimate', hint: 'one number, or optimistic/likely/pessimistic: 3/5/10' },
  { name: 'remaining', label: 'Remaining (working days)', type: 'number' },
  { name: 'percentComplete', label: 'Percent complete', type: 'number', hint: '0 to 100' },
  { name: 'startNoEarlierThan', label: 'Start no earlier than', type: 'date' },
  { name: 'deadline', label: 'Deadline', type: 'date' },
  { name: 'target', label: 'Target (milestones)', type: 'date' },
  { name: 'tags', label: 'Tags', type: 'list', hint: 'comma-separated' },
  { name: 'description', label: 'Description', type: 'textarea' },
];

/** One piece of work: its fields, where the plan puts it, what it waits on and what waits on it, and who changed what. */
export function ItemDetailScreen({ itemId }: { itemId: string }) {
  const { id, version, canEdit } = useProgram();
  const item = useResource<Tagged<Item>>(programPath(id, 'items', itemId), undefined, version);
  const plan = useResource<Plan>(programPath(id, 'plan'), undefined, version);
  const history = useResource<{ changeSets: ChangeSet[] }>(
    programPath(id, 'history'),
    { entity: 'item', entityId: itemId, limit: 100 },
    version,
  );
  const items = useResource<Page<'items', Item>>(programPath(id, 'items'), { perPage: 1000 }, version);
  const isMilestone = item.value?.value.kind === 'milestone';
  // Only a milestone has a forecast of its own; the forecast runs Monte Carlo trials, so it is asked for only then.
  const forecast = useResource<Forecast>(isMilestone ? programPath(id, 'forecast') : undefined, undefined, version);
  const odds = forecast.value?.milestones.find((m) => m.id === itemId);
  const [editing, setEditing] = useState(false);
  const toast = useToast();
  const planned = plan.value?.items.find((p) => p.id === itemId);
  const titles = new Map((items.value?.items ?? []).map((t) => [t.value.id, t.value.title]));

  return (
    <div className="page it">
      <Loaded resource={item} label="Loading the item…">
        {({ value: i, etag }) => (
          <>
            <div className="it-crumbs faint">
              <Link href={programHref(id, 'roadmap')}>Roadmap</Link> / <span className="mono">{i.id}</span>
            </div>
            <PageHead
              title={i.title}
              sub={
                <span className="row it-badges">
                  <StateBadge value={i.state} />
                  <span className="badge">{i.kind}</span>
                  {planned?.critical ? <span className="badge red">critical path</span> : null}
                  {i.team ? <span className="muted">Team {i.team}</span> : null}
                  {i.assignee ? <span className="muted">· {i.assignee}</span> : null}
                </span>
              }
              actions={
                canEdit && !editing ? (
                  <button type="button" className="btn primary" onClick={() => setEditing(true)}>
                    Edit
                  </button>
                ) : null
              }
            />
            <div className="it-layout">
              <div className="stack it-main">
                {editing ? (
                  <section className="card" aria-label="Edit item">
                    <h2>Edit</h2>
                    <EntityForm<Item>
                      fields={FIELDS}
                      path={programPath(id, 'items', itemId)}
                      current={{ etag: etag ?? '', value: i }}
                      onSaved={() => {
                        setEditing(false);
                        toast('Saved');
                        item.reload();
                        history.reload();
                      }}
                      onCancel={() => setEditing(false)}
                    />
                  </section>
                ) : (
                  <ItemFields item={i} programId={id} />
                )}
                <section className="card" aria-labelledby="it-plan">
                  <h2 id="it-plan">In the plan</h2>
                  {plan.state === 'error' && !plan.value ? <ProblemBanner problem={plan.problem} onRetry={plan.reload} /> : null}
                  {planned ? (
                    <dl className="it-plan">
                      <Fact label="Start">{dayLabel(String(planned.start))}</Fact>
                      <Fact label="Finish">{dayLabel(String(planned.finish))}</Fact>
                      <Fact label="Latest finish">{dayLabel(String(planned.lateFinish))}</Fact>
                      <Fact label="Total float">
                        <span className={planned.totalFloat <= 0 ? 'it-zero' : ''}>{round(planned.totalFloat)} working days</span>
                      </Fact>
                      <Fact label="Free float">{round(planned.freeFloat)} working days</Fact>
                      <Fact label="Critical">{planned.critical ? 'Yes: a slip here moves the finish' : 'No'}</Fact>
                      {odds ? (
                        <>
                          <Fact label="Likely (P50)">{dayLabel(odds.p50)}</Fact>
                          <Fact label="80 % sure (P80)">{dayLabel(odds.p80)}</Fact>
                          <Fact label="Chance on time">
                            {odds.probabilityOnTime === null ? 'no target' : `${Math.round(odds.probabilityOnTime * 100)} %`}
                          </Fact>
                        </>
                      ) : null}
                    </dl>
                  ) : plan.value ? (
                    <p className="muted">Not in the plan (done or cancelled work is not scheduled).</p>
                  ) : (
                    <div className="row muted">
                      <span className="spinner" /> Planning…
                    </div>
                  )}
                </section>
                <ItemDependencies programId={id} itemId={itemId} titles={titles} canEdit={canEdit} version={version} />
              </div>
              <section className="card it-history" aria-labelledby="it-history">
                <h2 id="it-history">History</h2>
                {history.state === 'error' && !history.value ? <ProblemBanner problem={history.problem} onRetry={history.reload} /> : null}
                {history.value ? <ItemHistory sets={history.value.changeSets} /> : <span className="spinner" />}
              </section>
              {i.source ? <TrackerActivityPanel programId={id} itemId={itemId} source={i.source} version={version} /> : null}
            </div>
          </>
        )}
      </Loaded>
    </div>
  );
}

const round = (days: number) => Math.round(days * 10) / 10;

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function estimateText(e: Item['estimate']): string {
  if (e === undefined) return '—';
  if (typeof e === 'number') return `${e} working days`;
  return `${e.optimistic} / ${e.likely} / ${e.pessimistic} working days (optimistic / likely / pessimistic)`;
}

function ItemFields({ item: i, programId }: { item: Item; programId: string }) {
  const rows: [string, React.ReactNode][] = [
    ['Workstream', i.workstream ?? '—'],
    ['Estimate', estimateText(i.estimate)],
    ['Remaining', i.remaining !== undefined ? `${i.remaining} working days` : '—'],
    [
      'Progress',
      i.percentComplete !== undefined ? (
        <span key="progress" className="row">
          <span className="it-bar" style={{ ['--pct' as string]: `${i.percentComplete}%` }} /> {i.percentComplete} %
        </span>
      ) : (
        '—'
      ),
    ],
    ['Priority', i.priority ?? '—'],
    ['Start no earlier than', dayLabel(i.startNoEarlierThan)],
    ['Deadline', dayLabel(i.deadline)],
    ['Target', dayLabel(i.target)],
    [
      'Tags',
      i.tags.length
        ? i.tags.map((t) => (
            <span key={t} className="badge it-tag">
              {t}
            </span>
          ))
        : '—',
    ],
  ];
  // Shown only when set: most items have none of these.
  if (i.parent)
    rows.push([
      'Parent',
      <Link key="parent" href={itemHref(programId, i.parent)}>
        {i.parent}
      </Link>,
    ]);
  if (i.vendor) rows.push(['Vendor', i.vendor]);
  if (i.orderedOn) rows.push(['Ordered on', dayLabel(i.orderedOn)]);
  if (i.stakeholders.length) rows.push(['Stakeholders', i.stakeholders.join(', ')]);
  if (i.links.length)
    rows.push([
      'Links',
      i.links.map((l) =>
        'jira' in l ? (
          <span key={l.jira} className="badge it-tag mono">
            {l.jira}
          </span>
        ) : (
          <a key={l.url} href={l.url} target="_blank" rel="noreferrer" className="it-tag">
            {l.title ?? l.url}
          </a>
        ),
      ),
    ]);
  return (
    <section className="card" aria-label="Fields">
      <dl className="it-fields">
        {rows.map(([k, v]) => (
          <Fact key={k} label={k}>
            {v}
          </Fact>
        ))}
      </dl>
      {i.description ? <p className="it-desc">{i.description}</p> : null}
    </section>
  );
}
