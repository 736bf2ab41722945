import { useState } from 'react';
import type { ApiProblem } from '../api/client';
import { programPath, request } from '../api/client';
import { useResource } from '../api/use-resource';
import { Empty, Loaded, ProblemBanner } from '../components/feedback';
import { PageHead } from '../components/page-head';
import { useProgram } from '../program-context';
import { setQueryParam, useLocation } from '../router';
import { useToast } from '../toasts';
import { DailyCostChart, MonthlyTrendChart, money, slot, UNALLOCATED } from './cost/cost-charts';
import type { CostResponse, CostViewBody, TeamCost } from './cost/types';
import './cost.css';

const pct = (x: number) => `${Math.round(x * 100)} %`;

/** Upload buttons for a FOCUS export and a resource inventory (editors). */
function Uploads({ onDone }: { onDone: () => void }) {
  const { id } = useProgram();
  const toast = useToast();
  const [problem, setProblem] = useState<ApiProblem | undefined>();
  const [busy, setBusy] = useState<string | undefined>();
  const upload = async (what: 'focus' | 'inventory', file: File | undefined) => {
    if (!file) return;
    setBusy(what);
    setProblem(undefined);
    const done = await request<{ rows?: number; resources?: number }>('PUT', programPath(id, 'cost', what), {
      text: file,
      contentType: 'text/csv',
      query: { file: file.name },
    });
    setBusy(undefined);
    if (!done.ok) setProblem(done.problem);
    else {
      toast(
        what === 'focus'
          ? `Imported ${done.value.rows ?? 0} cost rows from ${file.name}`
          : `Inventory: ${done.value.resources ?? 0} resources from ${file.name}`,
      );
      onDone();
    }
  };
  return (
    <div className="stack">
      <div className="row cost-uploads">
        <label className="btn small">
          {busy === 'focus' ? 'Importing…' : 'Import FOCUS CSV'}
          <input type="file" accept=".csv,text/csv" hidden onChange={(e) => upload('focus', e.target.files?.[0])} />
        </label>
        <label className="btn small ghost">
          {busy === 'inventory' ? 'Reading…' : 'Upload inventory CSV'}
          <input type="file" accept=".csv,text/csv" hidden onChange={(e) => upload('inventory', e.target.files?.[0])} />
        </label>
      </div>
      {problem && <ProblemBanner problem={problem} />}
    </div>
  );
}

function BudgetBar({ t, currency }: { t: TeamCost; currency: string }) {
  if (t.budgetMonth === undefined || t.budgetMonth <= 0) return <span className="cost-muted">no budget</span>;
  const actual = Math.max(0, t.monthToDate / t.budgetMonth);
  const forecast = Math.max(0, t.forecastMonth / t.budgetMonth);
  const over = forecast > 1;
  const scale = Math.max(1, forecast);
  return (
    <div
      className="cost-budgetbar"
      title={`${money(t.monthToDate, currency)} spent, ${money(t.forecastMonth, currency)} forecast of ${money(t.budgetMonth, currency)}`}
    >
      <div className={`cost-budgetbar-forecast${over ? ' over' : ''}`} style={{ width: `${(forecast / scale) * 100}%` }} />
      <div className={`cost-budgetbar-actual${over ? ' over' : ''}`} style={{ width: `${(actual / scale) * 100}%` }} />
      <div className="cost-budgetbar-budget" style={{ left: `${(1 / scale) * 100}%` }} />
    </div>
  );
}

function TeamTable({ v }: { v: CostViewBody }) {
  const s = v.summary;
  const keys = [...s.teams.map((t) => t.team), UNALLOCATED];
  const row = (t: TeamCost, label?: string) => {
    const over = (t.varianceMonth ?? 0) > 0;
    return (
      <tr key={t.team} className={t.team === UNALLOCATED ? 'cost-unallocated' : undefined}>
        <th scope="row">
          <span className={`cost-swatch cost-fill-${slot(keys, t.team)}`} aria-hidden="true" />
          {label ?? t.team}
        </th>
        <td className="num">{money(t.monthToDate, v.currency)}</td>
        <td className="num">{t.budgetMonth === undefined ? '—' : money(t.budgetMonth, v.currency)}</td>
        <td className={`num${over ? ' cost-over' : ''}`}>{money(t.forecastMonth, v.currency)}</td>
        <td>
          <BudgetBar t={t} currency={v.currency} />
        </td>
        <td className={`num${over ? ' cost-over' : ''}`}>
          {t.varianceMonth === undefined ? '—' : `${t.varianceMonth > 0 ? '+' : ''}${money(t.varianceMonth, v.currency)}`}
        </td>
        <td className="num">{money(t.forecastQuarter, v.currency)}</td>
      </tr>
    );
  };
  return (
    <table className="data cost-teams">
      <caption className="cost-caption">
        {s.month}, day {s.daysElapsed} of {s.daysInMonth} ({v.metric}, {v.currency})
      </caption>
      <thead>
        <tr>
          <th scope="col">Team</th>
          <th scope="col" className="num">
            Month to date
          </th>
          <th scope="col" className="num">
            Budget
          </th>
          <th scope="col" className="num">
            Forecast {s.month}
          </th>
          <th scope="col">Spent / forecast vs budget</th>
          <th scope="col" className="num">
            Over (+) / under
          </th>
          <th scope="col" className="num">
            Forecast {s.quarter}
          </th>
        </tr>
      </thead>
      <tbody>
        {s.teams.map((t) => row(t))}
        {row(s.unallocated, 'Unallocated')}
      </tbody>
      <tfoot>{row({ ...s.total, team: 'total' }, 'Total')}</tfoot>
    </table>
  );
}

function Legend({ v }: { v: CostViewBody }) {
  const keys = [...v.summary.teams.map((t) => t.team), UNALLOCATED];
  return (
    <ul className="cost-legend">
      {keys.map((k) => (
        <li key={k}>
          <span className={`cost-swatch cost-fill-${slot(keys, k)}`} aria-hidden="true" />
          {k === UNALLOCATED ? 'Unallocated' : k}
        </li>
      ))}
    </ul>
  );
}

function Waste({ v }: { v: CostViewBody }) {
  const w = v.waste;
  if (!w)
    return (
      <Empty>
        No resource inventory yet. Upload one (resource_id, type, state, attached_to, last_used, size_gb, created) to find unattached
        volumes, idle instances and old snapshots.
      </Empty>
    );
  return (
    <div className="stack">
      <ul className="cost-shares">
        {w.shares.map((s) => (
          <li key={s.kind}>
            <div className="cost-share-text">
              <strong>{pct(s.share)}</strong> of {s.category.toLowerCase()} spend is on {s.sentence.split(' is on ')[1]}:{' '}
              {money(s.spend, v.currency)} of {money(s.categorySpend, v.currency)}
            </div>
            <div className="cost-sharebar" aria-hidden="true">
              <div style={{ width: `${Math.min(100, s.share * 100)}%` }} />
            </div>
          </li>
        ))}
        {w.shares.length === 0 && <li>No waste found among {w.resources} resources.</li>}
      </ul>
      {w.findings.length > 0 && (
        <table className="data">
          <caption className="cost-caption">
            Spend {w.windowStart} to {w.windowEnd}, largest first
          </caption>
          <thead>
            <tr>
              <th scope="col">Resource</th>
              <th scope="col">Type</th>
              <th scope="col">Finding</th>
              <th scope="col">Why</th>
              <th scope="col" className="num">
                Spend, 30 days
              </th>
            </tr>
          </thead>
          <tbody>
            {w.findings.slice(0, 15).map((f) => (
              <tr key={f.id}>
                <td className="cost-mono">{f.id}</td>
                <td>{f.type}</td>
                <td>{f.kind.replace('-', ' ')}</td>
                <td>{f.reason}</td>
                <td className="num">{money(f.spend, v.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function Anomalies({ v }: { v: CostViewBody }) {
  const items = v.anomalies.items;
  return (
    <div className="stack">
      {items.length === 0 ? (
        <p>No anomalies in the 30 days to {v.summary.asOf}.</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Where</th>
              <th scope="col" className="num">
                Cost
              </th>
              <th scope="col" className="num">
                Usual
              </th>
              <th scope="col" className="num">
                Change
              </th>
            </tr>
          </thead>
          <tbody>
            {items.slice(0, 10).map((a) => (
              <tr key={`${a.key}-${a.day}`}>
                <td>{a.day}</td>
                <td>{a.key}</td>
                <td className="num">{money(a.actual, v.currency)}</td>
                <td className="num">{money(a.expected, v.currency)}</td>
                <td className={`num ${a.direction === 'spike' ? 'cost-over' : 'cost-under'}`}>
                  {a.impact > 0 ? '+' : ''}
                  {money(a.impact, v.currency)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="cost-muted">Method: {v.anomalies.method}.</p>
    </div>
  );
}

/**
 * Cloud cost from the program's FOCUS exports: per team the month to date, budget, forecast to
 * month and quarter end; the monthly trend as stacked bars; daily cost with anomalies; waste with
 * its share of spend. Unallocated cost has its own line and colour everywhere.
 */
export function CostScreen() {
  const { id, version, canEdit } = useProgram();
  const { query } = useLocation();
  const month = query.get('month') ?? undefined;
  const [uploaded, setUploaded] = useState(0);
  const cost = useResource<CostResponse>(programPath(id, 'cost'), month ? { month } : undefined, `${version}-${uploaded}`);
  return (
    <div className="page cost">
      <Loaded resource={cost} label="Adding up the bill…">
        {({ view: v }) => {
          if (!v) {
            return (
              <>
                <PageHead
                  title="Cloud cost"
                  sub="No cost data yet."
                  actions={canEdit ? <Uploads onDone={() => setUploaded((n) => n + 1)} /> : undefined}
                />
                <Empty>
                  Import a FOCUS 1.x CSV export of the bill (AWS Data Exports, Azure Cost Management, Google Cloud FOCUS view), or run{' '}
                  <code>throughline cost import {id} focus.csv</code>.
                </Empty>
              </>
            );
          }
          const s = v.summary;
          const over = s.teams.filter((t) => (t.varianceMonth ?? 0) > 0);
          const unallocatedShare = s.total.monthToDate !== 0 ? s.unallocated.monthToDate / s.total.monthToDate : 0;
          return (
            <>
              <PageHead
                title="Cloud cost"
                sub={
                  <>
                    {money(s.total.monthToDate, v.currency)} month to date; forecast {money(s.total.forecastMonth, v.currency)} for{' '}
                    {s.month}
                    {s.total.budgetMonth !== undefined ? ` against ${money(s.total.budgetMonth, v.currency)} budgeted` : ''}.{' '}
                    {over.length > 0 ? (
                      <span className="cost-over">
                        {over.length} team{over.length === 1 ? '' : 's'} forecast over budget.
                      </span>
                    ) : (
                      'No team is forecast over budget.'
                    )}{' '}
                    Unallocated {money(s.unallocated.monthToDate, v.currency)} ({pct(unallocatedShare)}).
                  </>
                }
                actions={
                  <div className="row">
                    <fieldset className="seg" aria-label="Month">
                      {s.months.slice(-4).map((m) => (
                        <button
                          key={m}
                          type="button"
                          aria-pressed={m === s.month}
                          onClick={() => setQueryParam('month', m === s.months[s.months.length - 1] ? undefined : m)}
                        >
                          {m}
                        </button>
                      ))}
                    </fieldset>
                    {canEdit && <Uploads onDone={() => setUploaded((n) => n + 1)} />}
                  </div>
                }
              />
              {v.unknownTagValues.length > 0 && (
                <div className="notice" role="note">
                  Tag values that name no team leave cost unallocated:{' '}
                  {v.unknownTagValues
                    .slice(0, 4)
                    .map((u) => `${u.tag}=${u.value} (${money(u.cost, v.currency)})`)
                    .join(', ')}
                  . Map them in the program's cost allocation rules.
                </div>
              )}
              <section className="card" aria-labelledby="cost-teams">
                <h2 id="cost-teams">Budget against actual, per team</h2>
                <TeamTable v={v} />
                <p className="cost-muted">Forecast: {s.method}.</p>
              </section>
              <div className="grid cols-2">
                <section className="card" aria-labelledby="cost-trend">
                  <h2 id="cost-trend">Monthly cost per team</h2>
                  <MonthlyTrendChart view={v} />
                  <Legend v={v} />
                </section>
                <section className="card" aria-labelledby="cost-daily">
                  <h2 id="cost-daily">Daily cost and anomalies</h2>
                  <DailyCostChart view={v} />
                </section>
              </div>
              <section className="card" aria-labelledby="cost-anomalies">
                <h2 id="cost-anomalies">Anomalies, last 30 days</h2>
                <Anomalies v={v} />
              </section>
              <section className="card" aria-labelledby="cost-waste">
                <h2 id="cost-waste">Waste</h2>
                <Waste v={v} />
              </section>
            </>
          );
        }}
      </Loaded>
    </div>
  );
}
