import { useState } from 'react';
import { api, programPath } from '../api/client';
import { useResource } from '../api/use-resource';
import { RagBadge } from '../components/badges';
import { Empty, Loaded, ProblemBanner } from '../components/feedback';
import { PageHead } from '../components/page-head';
import { itemHref } from '../nav';
import { useProgram } from '../program-context';
import { Link, setQueryParam, useLocation } from '../router';
import { useToast } from '../toasts';
import { BurnDownChart } from './migrations/burn-down-chart';
import { RecordStepDialog, type StepToRecord } from './migrations/record-step';
import type { GenerateResult, MigrationList, MigrationView, TeamOutlook } from './migrations/types';
import './migrations.css';

const pct = (x: number) => `${Math.round(x * 100)} %`;
const day = (d: string | null) =>
  d === null
    ? 'beyond 10 years'
    : new Date(`${d}T00:00:00Z`).toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });

const REASON: Record<string, string> = {
  behind: '15+ points behind the overall pace',
  late: 'own P80 after the target',
  stalled: 'nothing finished in the history window',
};
const RAG_WORDS: Record<string, string> = { green: 'On track', amber: 'At risk', red: 'Late' };

/**
 * Migrations, for a TPM and the executives who read: how far along, team by team, and when it
 * will really finish. One migration at a time (?m=): the verdict and forecast, the burn-down with
 * its forecast fan, team progress with laggards named, the services × steps grid, next steps.
 */
export function MigrationsScreen() {
  const { id, version } = useProgram();
  const { query } = useLocation();
  const wanted = query.get('m');
  const asOf = query.get('asOf') ?? undefined;
  const list = useResource<MigrationList>(programPath(id, 'migration-views'), { asOf }, version);
  return (
    <div className="page mg">
      <Loaded resource={list} label="Forecasting the migrations…">
        {(l) => {
          if (l.migrations.length === 0)
            return (
              <>
                <PageHead title="Migrations" />
                <Empty>This program has no migrations. Add one under migrations: in the program file (docs/migrations-and-debt.md).</Empty>
              </>
            );
          const current = l.migrations.find((m) => m.id === wanted) ?? l.migrations[0];
          if (!current) return null;
          return (
            <>
              <PageHead
                title="Migrations"
                sub={`Status on ${day(l.asOf)}: steps finished per service, and when the last one will be, from the pace so far.`}
                actions={
                  <>
                    {l.migrations.length > 1 ? (
                      <fieldset className="seg" aria-label="Migration">
                        {l.migrations.map((m) => (
                          <button key={m.id} type="button" aria-pressed={m.id === current.id} onClick={() => setQueryParam('m', m.id)}>
                            {m.title}
                          </button>
                        ))}
                      </fieldset>
                    ) : null}
                    <label className="mg-asof">
                      As of
                      <input type="date" value={asOf ?? l.asOf} onChange={(e) => setQueryParam('asOf', e.target.value || undefined)} />
                    </label>
                  </>
                }
              />
              <MigrationDetail migrationId={current.id} asOf={l.asOf} />
            </>
          );
        }}
      </Loaded>
    </div>
  );
}

function MigrationDetail({ migrationId, asOf }: { migrationId: string; asOf: string }) {
  const { id, version, canEdit } = useProgram();
  const view = useResource<MigrationView>(programPath(id, 'migrations', migrationId, 'view'), { asOf }, version);
  return (
    <Loaded resource={view} label="Forecasting…">
      {(v) => (
        <div className="stack">
          <Verdict view={v} canEdit={canEdit} />
          <div className="grid cols-2 mg-top">
            <section className="card" aria-labelledby="mg-burn-h">
              <h2 id="mg-burn-h">Burn-down and forecast</h2>
              <BurnDownChart view={v} />
            </section>
            <section className="card" aria-labelledby="mg-teams-h">
              <h2 id="mg-teams-h">Progress per team</h2>
              <TeamBars teams={v.teams} />
            </section>
          </div>
          <Grid view={v} />
          <NextSteps view={v} />
        </div>
      )}
    </Loaded>
  );
}

function Verdict({ view: v, canEdit }: { view: MigrationView; canEdit: boolean }) {
  const { id } = useProgram();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Parameters<typeof ProblemBanner>[0]['problem'] | null>(null);
  const o = v.progress.overall;
  const f = v.forecast;
  const cells = v.steps.length * v.grid.length;
  const generate = async () => {
    setBusy(true);
    const done = await api.post<GenerateResult>(programPath(id, 'migrations', v.id, 'generate'));
    setBusy(false);
    if (!done.ok) return setProblem(done.problem);
    setProblem(null);
    toast(
      done.value.added.length === 0
        ? 'Every work item already exists'
        : `Added ${done.value.added.length} work items and ${done.value.links} links`,
    );
  };
  return (
    <section className="card mg-verdict" aria-labelledby="mg-title">
      <div className="mg-verdict-head">
        <div>
          <h2 id="mg-title">{v.title}</h2>
          {v.description ? <p className="mg-desc">{v.description}</p> : null}
        </div>
        <div className="row">
          {v.rag ? <RagBadge rag={v.rag} /> : null}
          {canEdit && v.generatedItems < cells ? (
            <button type="button" className="btn" disabled={busy} onClick={generate}>
              {v.generatedItems === 0 ? `Generate ${cells} work items` : `Generate the ${cells - v.generatedItems} missing items`}
            </button>
          ) : null}
        </div>
      </div>
      {problem ? <ProblemBanner problem={problem} /> : null}
      <div
        className="mg-progress"
        role="progressbar"
        aria-label="Steps done"
        aria-valuenow={Math.round(o.share * 100)}
        aria-valuemin={0}
        aria-valuemax={100}
      >
        <span style={{ width: `${o.share * 100}%` }} />
      </div>
      <div className="grid cols-4 mg-stats">
        <div className="stat">
          <span className="label">Steps done</span>
          <span className="value">
            {pct(o.share)} <small>{`${o.stepsDone} of ${o.steps}`}</small>
          </span>
        </div>
        <div className="stat">
          <span className="label">Services migrated</span>
          <span className="value">{`${o.servicesDone} of ${o.services}`}</span>
        </div>
        <div className="stat">
          <span className="label">Forecast finish (P50 / P80)</span>
          <span className="value">{f ? `${day(f.p50)} / ${day(f.p80)}` : o.stepsDone === o.steps ? 'Done' : '—'}</span>
        </div>
        <div className="stat">
          <span className="label">{v.target ? `Chance by the target, ${day(v.target)}` : 'Target'}</span>
          <span className="value">{f?.probabilityByTarget != null ? pct(f.probabilityByTarget) : v.target ? '—' : 'none set'}</span>
        </div>
      </div>
      <p className="mg-why">
        {v.rag ? <strong>{RAG_WORDS[v.rag]}. </strong> : null}
        {f
          ? `${f.remaining} steps left at ${f.meanThroughput.toFixed(1)} a week (the last ${f.history.length} weeks: ${f.history.join(', ')}); ${v.trials.toLocaleString('en-US')} trials resampling that history.`
          : v.forecastProblem
            ? `${v.forecastProblem.message}; ${v.forecastProblem.hint}.`
            : 'Every step is done.'}
        {v.laggards.length > 0 ? ` Laggards: ${v.laggards.join(', ')}.` : ''}
        {(() => {
          const late = v.teams.filter((t) => t.reasons.includes('late'));
          if (late.length === 0) return null;
          const slowest = late.reduce((a, b) => ((a.p80 ?? '9999') >= (b.p80 ?? '9999') ? a : b));
          return ` The forecast pools every team's pace; at its own pace ${slowest.team} finishes by ${day(slowest.p80)} (P80), after the target.`;
        })()}
      </p>
    </section>
  );
}

function TeamBars({ teams }: { teams: TeamOutlook[] }) {
  return (
    <ul className="mg-teams">
      {teams.map((t) => (
        <li key={t.team} className={t.reasons.length > 0 ? 'mg-lagging' : undefined}>
          <div className="mg-team-line">
            <span className="mg-team">{t.team}</span>
            <span className="mg-team-figs">
              {`${t.stepsDone}/${t.steps} steps · ${t.servicesDone}/${t.services} services`}
              {t.remaining === 0 ? ' · done' : ` · own P80 ${day(t.p80)}`}
            </span>
          </div>
          <div
            className="mg-bar"
            role="progressbar"
            aria-label={`${t.team} steps done`}
            aria-valuenow={Math.round(t.share * 100)}
            aria-valuemin={0}
            aria-valuemax={100}
          >
            <span style={{ width: `${t.share * 100}%` }} />
          </div>
          {t.reasons.length > 0 ? <p className="mg-reasons">Laggard: {t.reasons.map((r) => REASON[r] ?? r).join('; ')}</p> : null}
        </li>
      ))}
    </ul>
  );
}

function Grid({ view: v }: { view: MigrationView }) {
  const { id, canEdit } = useProgram();
  const [recording, setRecording] = useState<StepToRecord | null>(null);
  return (
    <section className="card" aria-labelledby="mg-grid-h">
      <h2 id="mg-grid-h">Services × steps</h2>
      <RecordStepDialog target={recording} onClose={() => setRecording(null)} />
      <div className="mg-grid-wrap">
        <table className="data mg-table">
          <thead>
            <tr>
              <th scope="col">Service</th>
              <th scope="col">Team</th>
              {v.steps.map((s, k) => (
                <th key={s} scope="col">
                  {s}
                  <span className="mg-col-count">{`${v.progress.columns[k]?.done ?? 0}/${v.grid.length}`}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {v.grid.map((row) => (
              <tr key={row.service}>
                <th scope="row">
                  <span className="mg-svc">{row.name}</span>
                  {row.note ? <span className="mg-note">{row.note}</span> : null}
                </th>
                <td>{row.team}</td>
                {row.cells.map((c) => {
                  const state = c.done ? 'done' : c.step === row.next ? 'next' : 'todo';
                  const label = c.done ? `done ${c.done}` : state === 'next' ? 'next' : '';
                  return (
                    <td key={c.step} className={`mg-cell mg-${state}`} aria-label={`${row.service} ${c.step}: ${label || 'not started'}`}>
                      {c.item ? <Link href={itemHref(id, c.item.id)}>{label || 'to do'}</Link> : label}
                      {state === 'next' && canEdit ? (
                        <button
                          type="button"
                          className="btn ghost small mg-record"
                          aria-label={`Record ${c.step} of ${row.service} as done`}
                          onClick={() => setRecording({ migration: v.id, service: row.service, step: c.step, day: v.asOf })}
                        >
                          ✓
                        </button>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function NextSteps({ view: v }: { view: MigrationView }) {
  const { id } = useProgram();
  if (v.nextSteps.length === 0) return null;
  return (
    <section className="card" aria-labelledby="mg-next-h">
      <h2 id="mg-next-h">Next steps per team</h2>
      <ul className="mg-nextsteps">
        {v.nextSteps.map((t) => (
          <li key={t.team}>
            <span className="mg-team">{t.team}</span>
            {t.steps.map((s, k) => (
              <span key={s.service}>
                {k > 0 ? ', ' : ' '}
                {s.item ? <Link href={itemHref(id, s.item)}>{`${s.step} ${s.service}`}</Link> : `${s.step} ${s.service}`}
              </span>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
