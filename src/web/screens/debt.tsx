import { programPath } from '../api/client';
import { useResource } from '../api/use-resource';
import { StateBadge } from '../components/badges';
import { Empty, Loaded } from '../components/feedback';
import { PageHead } from '../components/page-head';
import { itemHref, programHref } from '../nav';
import { useProgram } from '../program-context';
import { Link, setQueryParam, useLocation } from '../router';
import type { DebtRegister, DebtRow } from './debt/types';
import './debt.css';

const CAUSE: Record<string, string> = {
  'no-time': 'No time',
  'no-budget': 'No budget',
  'no-owner': 'No owner',
  'no-knowledge': 'No knowledge',
};
const hours = (h: number) => (h === 0 ? '0 h' : h < 10 ? `${h.toFixed(1)} h` : `${Math.round(h)} h`);
const age = (days: number | null) =>
  days === null ? '' : days >= 365 ? `${(days / 365).toFixed(1)} years` : `${Math.round(days / 30)} months`;

/**
 * The tech-debt register: what sits on the list, why, and what it costs each month. Ranked by
 * interest (toil + incident hours), filterable by cause (?cause=), with each item's plan or the
 * lack of one, and links to the item and its incidents.
 */
export function DebtScreen() {
  const { id, version } = useProgram();
  const { query } = useLocation();
  const cause = query.get('cause') ?? undefined;
  const register = useResource<DebtRegister>(programPath(id, 'debt'), undefined, version);
  return (
    <div className="page debt">
      <Loaded resource={register} label="Ranking the debt…">
        {(r) => {
          const rows = cause === undefined ? r.open : r.open.filter((d) => d.cause === cause);
          const max = Math.max(1e-9, ...r.open.map((d) => d.interestPerMonth));
          return (
            <>
              <PageHead
                title="Tech debt"
                sub={
                  r.totals.items === 0
                    ? 'No open debt.'
                    : `${r.totals.items} open items cost ${hours(r.totals.interestPerMonth)} a month in toil and incidents.`
                }
              />
              {r.totals.items === 0 ? (
                <Empty>No work item is marked as debt. Give an item debt: with its cause, toil hours a month and linked incidents.</Empty>
              ) : (
                <div className="stack">
                  <section className="card">
                    <div className="grid cols-4">
                      <div className="stat">
                        <span className="label">Interest a month</span>
                        <span className="value">{hours(r.totals.interestPerMonth)}</span>
                      </div>
                      <div className="stat">
                        <span className="label">Toil a month</span>
                        <span className="value">{hours(r.totals.toilHoursPerMonth)}</span>
                      </div>
                      <div className="stat">
                        <span className="label">{`Incidents a month (last ${r.windowDays} days)`}</span>
                        <span className="value">{hours(r.totals.incidentHoursPerMonth)}</span>
                      </div>
                      <div className="stat">
                        <span className="label">Without a plan</span>
                        <span
                          className={`value${r.totals.unplanned > 0 ? ' debt-warn' : ''}`}
                        >{`${r.totals.unplanned} of ${r.totals.items}`}</span>
                      </div>
                    </div>
                    <p className="debt-how">Interest = toil hours a month + incident hours a month; {r.incidentCost}.</p>
                  </section>
                  <section className="card" aria-labelledby="debt-causes-h">
                    <h2 id="debt-causes-h">By cause</h2>
                    <fieldset className="seg" aria-label="Cause">
                      <button type="button" aria-pressed={cause === undefined} onClick={() => setQueryParam('cause', undefined)}>
                        {`All (${r.totals.items})`}
                      </button>
                      {r.byCause.map((g) => (
                        <button key={g.key} type="button" aria-pressed={cause === g.key} onClick={() => setQueryParam('cause', g.key)}>
                          {`${CAUSE[g.key] ?? g.key} (${g.items}) · ${hours(g.interestPerMonth)}`}
                        </button>
                      ))}
                    </fieldset>
                  </section>
                  <section className="card" aria-labelledby="debt-list-h">
                    <h2 id="debt-list-h">Ranked by interest</h2>
                    <p className="debt-legend">
                      <span className="debt-key debt-bar-toil" /> toil <span className="debt-key debt-bar-inc" /> incidents
                    </p>
                    {rows.length === 0 ? (
                      <Empty>No open debt with this cause.</Empty>
                    ) : (
                      <table className="data debt-table">
                        <thead>
                          <tr>
                            <th scope="col">#</th>
                            <th scope="col">Debt</th>
                            <th scope="col">Cause</th>
                            <th scope="col">Interest a month</th>
                            <th scope="col">Incidents</th>
                            <th scope="col">Affects</th>
                            <th scope="col">Plan</th>
                          </tr>
                        </thead>
                        <tbody>
                          {rows.map((d) => (
                            <Row key={d.id} d={d} max={max} programId={id} />
                          ))}
                        </tbody>
                      </table>
                    )}
                  </section>
                  {r.closed.length > 0 ? (
                    <p className="debt-how">
                      Paid off or written off:{' '}
                      {r.closed.map((d, k) => (
                        <span key={d.id}>
                          {k > 0 ? ', ' : ''}
                          <Link href={itemHref(id, d.id)}>{d.title}</Link>
                        </span>
                      ))}
                    </p>
                  ) : null}
                </div>
              )}
            </>
          );
        }}
      </Loaded>
    </div>
  );
}

function Row({ d, max, programId }: { d: DebtRow; max: number; programId: string }) {
  const toil = (d.toilHoursPerMonth / max) * 100;
  const inc = (d.incidentHoursPerMonth / max) * 100;
  return (
    <tr>
      <td className="debt-rank">{d.rank}</td>
      <td>
        <Link href={itemHref(programId, d.id)}>{d.title}</Link>
        <span className="debt-sub">{[d.id, d.since ? `since ${d.since} (${age(d.ageDays)})` : ''].filter(Boolean).join(' · ')}</span>
      </td>
      <td>{CAUSE[d.cause] ?? d.cause}</td>
      <td className="debt-interest">
        <span className="debt-figure">{hours(d.interestPerMonth)}</span>
        <span
          className="debt-bar"
          role="img"
          aria-label={`${hours(d.toilHoursPerMonth)} toil, ${hours(d.incidentHoursPerMonth)} incidents`}
        >
          <span className="debt-bar-toil" style={{ width: `${toil}%` }} />
          <span className="debt-bar-inc" style={{ width: `${inc}%` }} />
        </span>
      </td>
      <td>
        {d.incidents.length === 0
          ? '—'
          : d.incidents.map((i, k) => (
              <span key={i.id}>
                {k > 0 ? ', ' : ''}
                {i.known ? (
                  <Link href={programHref(programId, `incidents/${encodeURIComponent(i.id)}`)} title={i.title}>
                    {i.id}
                  </Link>
                ) : (
                  `${i.id} (unknown)`
                )}
                {i.known && i.inWindow ? ` ${hours(i.hours)}` : i.known ? ' (outside the window)' : ''}
              </span>
            ))}
      </td>
      <td>{d.services.join(', ') || '—'}</td>
      <td>
        {d.planned ? (
          <span className="debt-plan">
            <StateBadge value={d.state} /> {d.team ?? ''}
          </span>
        ) : (
          <span className="badge amber">no plan</span>
        )}
      </td>
    </tr>
  );
}
