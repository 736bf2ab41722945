import { useState } from 'react';
import { programPath } from '../api/client';
import type { Decision, Item, Page, Tagged } from '../api/types';
import { useResource } from '../api/use-resource';
import { StateBadge } from '../components/badges';
import { Dialog } from '../components/dialog';
import { Empty, Loaded } from '../components/feedback';
import { PageHead } from '../components/page-head';
import { itemHref } from '../nav';
import { useProgram } from '../program-context';
import { Link } from '../router';
import { useToast } from '../toasts';
import { DecisionForm } from './decisions/decision-form';
import { OutcomeForm } from './decisions/outcome-form';
import { dayLabel } from './status-report/report-types';
import './decisions.css';

const today = () => new Date().toISOString().slice(0, 10);

/** "in 12 days", "today", "3 days overdue" from two YYYY-MM-DD days. */
function daysWords(day: string, now: string): string {
  const n = Math.round((Date.parse(day) - Date.parse(now)) / 86_400_000);
  if (n === 0) return 'today';
  if (n > 0) return `in ${n} ${n === 1 ? 'day' : 'days'}`;
  return `${-n} ${n === -1 ? 'day' : 'days'} overdue`;
}

/** Open decisions first, the most urgent need-by first; then the decided ones, newest first. */
function ordered(list: Tagged<Decision>[]): Tagged<Decision>[] {
  const open = list
    .filter((d) => d.value.status === 'open')
    .sort((a, b) => (a.value.needBy ?? '9999').localeCompare(b.value.needBy ?? '9999'));
  const rest = list
    .filter((d) => d.value.status !== 'open')
    .sort((a, b) => (b.value.decidedOn ?? '').localeCompare(a.value.decidedOn ?? ''));
  return [...open, ...rest];
}

/** The decisions the program waits on, and the ones made: create one, record its outcome. */
export function DecisionsScreen() {
  const { id, version, canEdit } = useProgram();
  const decisions = useResource<Page<'decisions', Decision>>(programPath(id, 'decisions'), { perPage: 1000 }, version);
  const items = useResource<Page<'items', Item>>(programPath(id, 'items'), { perPage: 1000 }, version);
  const [creating, setCreating] = useState(false);
  const [deciding, setDeciding] = useState<Tagged<Decision> | undefined>();
  const toast = useToast();
  const titles = new Map((items.value?.items ?? []).map((t) => [t.value.id, t.value.title]));
  const now = today();

  return (
    <div className="page dc">
      <PageHead
        title="Decisions"
        sub="What leadership must decide, by when, and what waits on it."
        actions={
          canEdit ? (
            <button type="button" className="btn primary" onClick={() => setCreating(true)}>
              New decision
            </button>
          ) : null
        }
      />
      <Loaded resource={decisions} label="Loading decisions…">
        {(page) => {
          const list = ordered(page.decisions);
          const open = list.filter((d) => d.value.status === 'open');
          const overdue = open.filter((d) => d.value.needBy && d.value.needBy < now);
          return (
            <>
              <div className="dc-stats">
                <div className="card stat">
                  <span className="label">Open</span>
                  <span className="value">{open.length}</span>
                </div>
                <div className="card stat">
                  <span className="label">Overdue</span>
                  <span className={`value ${overdue.length ? 'dc-red' : ''}`}>{overdue.length}</span>
                </div>
                <div className="card stat">
                  <span className="label">Decided</span>
                  <span className="value">{list.length - open.length}</span>
                </div>
              </div>
              {list.length === 0 ? (
                <Empty>No decisions yet. Record one when the program needs a call from leadership.</Empty>
              ) : (
                <ul className="dc-list" aria-label="Decisions">
                  {list.map((t) => {
                    const d = t.value;
                    const late = d.status === 'open' && d.needBy !== undefined && d.needBy < now;
                    const chosen = d.options.find((o) => o.id === d.outcome);
                    return (
                      <li key={d.id} className={`card dc-item ${d.status} ${late ? 'late' : ''}`}>
                        <div className="dc-head">
                          <div className="dc-title">
                            <h3>{d.title}</h3>
                            <span className="faint mono">{d.id}</span>
                          </div>
                          <div className="row">
                            {late ? <span className="badge red">Overdue</span> : null}
                            <StateBadge value={d.status} />
                          </div>
                        </div>
                        {d.context ? <p className="dc-context muted">{d.context}</p> : null}
                        {d.options.length > 0 ? (
                          <ol className="dc-options">
                            {d.options.map((o) => (
                              <li key={o.id} className={o.id === d.outcome ? 'chosen' : ''}>
                                {o.id === d.outcome ? <span aria-hidden="true">✓ </span> : null}
                                {o.title}
                                {o.id === d.outcome ? <span className="faint"> (chosen)</span> : null}
                              </li>
                            ))}
                          </ol>
                        ) : null}
                        {d.items.length > 0 ? (
                          <div className="dc-items">
                            Affects{' '}
                            {d.items.map((i, n) => (
                              <span key={i}>
                                {n > 0 ? ', ' : ''}
                                <Link href={itemHref(id, i)}>{titles.get(i) ?? i}</Link>
                              </span>
                            ))}
                          </div>
                        ) : null}
                        <div className="dc-meta">
                          {d.status === 'open' ? (
                            <span className={late ? 'dc-red' : ''}>
                              Needed by <strong>{d.needBy ? dayLabel(d.needBy) : 'no date set'}</strong>
                              {d.needBy ? <span className="faint"> · {daysWords(d.needBy, now)}</span> : null}
                            </span>
                          ) : (
                            <span>
                              Decided{d.decidedOn ? ` on ${dayLabel(d.decidedOn)}` : ''}
                              {d.decidedBy ? ` by ${d.decidedBy}` : ''}: <strong>{chosen?.title ?? d.outcome ?? '—'}</strong>
                            </span>
                          )}
                          {canEdit && d.status === 'open' ? (
                            <button type="button" className="btn small dc-decide" onClick={() => setDeciding(t)}>
                              Record outcome
                            </button>
                          ) : null}
                        </div>
                      </li>
                    );
                  })}
                </ul>
              )}
            </>
          );
        }}
      </Loaded>
      <Dialog open={creating} title="New decision" onClose={() => setCreating(false)}>
        <DecisionForm
          programId={id}
          existing={new Set((decisions.value?.decisions ?? []).map((d) => d.value.id))}
          titles={titles}
          onSaved={(d) => {
            setCreating(false);
            toast(`Decision "${d.value.title}" recorded`);
            decisions.reload();
          }}
          onCancel={() => setCreating(false)}
        />
      </Dialog>
      <Dialog open={deciding !== undefined} title="Record the outcome" onClose={() => setDeciding(undefined)}>
        {deciding ? (
          <OutcomeForm
            programId={id}
            decision={deciding}
            onSaved={() => {
              setDeciding(undefined);
              toast('Outcome recorded');
              decisions.reload();
            }}
            onCancel={() => setDeciding(undefined)}
          />
        ) : null}
      </Dialog>
    </div>
  );
}
