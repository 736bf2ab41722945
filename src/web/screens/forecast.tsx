import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { programPath } from '../api/client';
import type { Forecast, Item } from '../api/types';
import { useAllPages } from '../api/use-all-pages';
import { useResource } from '../api/use-resource';
import { formatDate, percent } from '../components/charts/scales';
import { useElapsed } from '../components/charts/use-elapsed';
import { ProblemBanner } from '../components/feedback';
import { PageHead } from '../components/page-head';
import { itemHref } from '../nav';
import { useProgram } from '../program-context';
import { setQueryParam, useLocation } from '../router';
import { cdfOf, endOfDay, probabilityBy } from './forecast/distribution';
import { ForecastChart } from './forecast/forecast-chart';
import { chanceTone, FINISH, type MilestoneRow, MilestonesTable, milestoneRows } from './forecast/milestones-table';
import { RankingBars } from './forecast/ranking-bars';
import '../components/charts/charts.css';
import './forecast.css';

const TRIAL_CHOICES = [1000, 5000, 20000] as const;
const DEFAULT_TRIALS = 5000;
const TOP = 15;
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

export function ForecastScreen() {
  const { id, version, detail } = useProgram();
  const { query } = useLocation();
  const trials = Number(query.get('trials') ?? DEFAULT_TRIALS) || DEFAULT_TRIALS;
  const seed = Number(query.get('seed') ?? 1) || 1;
  const level = query.get('level') === 'true';
  const forecast = useResource<Forecast>(programPath(id, 'forecast'), { trials, seed, level }, version);
  const items = useAllPages<Item>(programPath(id, 'items'), 'items', version);
  const [seedDraft, setSeedDraft] = useState(String(seed));
  useEffect(() => setSeedDraft(String(seed)), [seed]);
  const [selected, setSelected] = useState<string | undefined>();
  const running = forecast.state === 'loading';
  const elapsed = useElapsed(running);

  const titles = useMemo(() => new Map((items.value ?? []).map((t) => [t.value.id, t.value.title])), [items.value]);
  const titleOf = (itemId: string) => titles.get(itemId) ?? itemId;
  const f = forecast.value;
  const programTarget = detail?.program.target;

  const rows: MilestoneRow[] = useMemo(() => {
    if (!f) return [];
    const finishCurve = f.curves?.find((c) => c.id === FINISH);
    const onTime = programTarget && finishCurve ? probabilityBy(cdfOf(finishCurve.points), endOfDay(programTarget)) : null;
    return milestoneRows(
      f,
      (m) => titles.get(m) ?? m,
      (m) => itemHref(id, m),
      {
        id: FINISH,
        title: 'Program finish',
        target: programTarget ?? null,
        p50: f.finish.p50,
        p80: f.finish.p80,
        p95: f.finish.p95,
        onTime,
      },
    );
  }, [f, titles, id, programTarget]);

  const chosen = rows.find((r) => r.id === selected) ?? rows.find((r) => r.id === FINISH);
  const curve = f?.curves?.find((c) => c.id === chosen?.id);
  const finishRow = rows.find((r) => r.id === FINISH);
  const workdayNames = detail?.program.calendar.workdays.join(',') ?? 'mon,tue,wed,thu,fri';
  const workdays = useMemo(() => new Set(workdayNames.split(',').map((d) => WEEKDAYS.indexOf(d))), [workdayNames]);

  const applySeed = (e?: FormEvent) => {
    e?.preventDefault();
    const n = Number.parseInt(seedDraft, 10);
    if (Number.isInteger(n) && n !== seed) setQueryParam('seed', String(n));
  };

  const controls = (
    <form className="fc-controls" onSubmit={applySeed}>
      <fieldset className="seg" aria-label="Trials">
        {TRIAL_CHOICES.map((n) => (
          <button key={n} type="button" aria-pressed={trials === n} onClick={() => setQueryParam('trials', String(n))}>
            {n.toLocaleString('en-US')} trials
          </button>
        ))}
      </fieldset>
      <label className="fc-seed">
        <span>Seed</span>
        <input type="number" value={seedDraft} onChange={(e) => setSeedDraft(e.target.value)} onBlur={() => applySeed()} />
      </label>
      <label className="fc-check">
        <input type="checkbox" checked={level} onChange={(e) => setQueryParam('level', e.target.checked ? 'true' : undefined)} />
        Levelled
      </label>
    </form>
  );

  return (
    <div className="page fc-page">
      <PageHead
        title="Forecast"
        sub={
          f ? (
            <>
              Monte Carlo over {f.distribution.toUpperCase()} three-point estimates · {f.trials.toLocaleString('en-US')} trials · seed{' '}
              {f.seed} · {f.levelled ? 'levelled by team capacity' : 'unlevelled'}
            </>
          ) : (
            'Monte Carlo simulation of every estimate'
          )
        }
        actions={controls}
      />
      <div className="fc-status" aria-live="polite">
        {running ? (
          <div className="fc-running">
            <div className="progress" role="progressbar" aria-label="Running the forecast" />
            <span className="muted num">
              Running {trials.toLocaleString('en-US')} trials{level ? ', levelled' : ''}… {elapsed.toFixed(1)} s
            </span>
          </div>
        ) : null}
      </div>
      {forecast.state === 'error' ? <ProblemBanner problem={forecast.problem} onRetry={forecast.reload} /> : null}
      {!f ? null : (
        <div className={`stack fc-body${running ? ' stale' : ''}`} aria-busy={running}>
          <div className="grid cols-4">
            <Stat label="Finish P50" value={formatDate(f.finish.p50)} />
            <Stat label="Finish P80" value={formatDate(f.finish.p80)} />
            <Stat label="Finish P95" value={formatDate(f.finish.p95)} />
            <div className="card stat">
              <span className="label">On time by {programTarget ? formatDate(programTarget, false) : 'the target'}</span>
              <span className={`value fc-chance ${finishRow?.onTime != null ? chanceTone(finishRow.onTime) : ''}`}>
                {finishRow?.onTime != null ? percent(finishRow.onTime) : '—'}
              </span>
            </div>
          </div>
          <section className="card" aria-label="Distribution">
            <div className="fc-chart-head">
              <div>
                <h2>{chosen?.title ?? 'Program finish'}</h2>
                <div className="muted fc-chart-sub">
                  Cumulative chance of being done by each date, and how the {f.trials.toLocaleString('en-US')} trials spread
                </div>
              </div>
              <label className="fc-pick">
                <span>Milestone</span>
                <select value={chosen?.id ?? FINISH} onChange={(e) => setSelected(e.target.value)}>
                  {rows.map((r) => (
                    <option key={r.id} value={r.id}>
                      {r.title}
                    </option>
                  ))}
                </select>
              </label>
            </div>
            {curve && chosen ? (
              <ForecastChart
                title={chosen.title}
                points={curve.points}
                target={chosen.target}
                p50={chosen.p50}
                p80={chosen.p80}
                workdays={workdays}
              />
            ) : (
              <div className="empty">No curve for this milestone in this run.</div>
            )}
            <div className="chart-legend fc-legend">
              <span>
                <span className="line-swatch fc-l-curve" />
                Cumulative probability
              </span>
              <span>
                <span className="swatch fc-l-bar" />
                Trials finishing per period
              </span>
              <span>
                <span className="line-swatch fc-l-p" />
                P50 / P80
              </span>
              <span>
                <span className="line-swatch fc-l-target" />
                Target
              </span>
            </div>
          </section>
          <section className="card" aria-labelledby="fc-ms">
            <h2 id="fc-ms">Milestones</h2>
            <MilestonesTable rows={rows} selected={chosen?.id ?? FINISH} onSelect={setSelected} />
          </section>
          <div className="grid cols-2">
            <section className="card" aria-labelledby="fc-crit">
              <h2 id="fc-crit">Criticality</h2>
              <p className="muted fc-note">Share of trials in which the item was on the critical path (top {TOP}).</p>
              <RankingBars
                label="Criticality index"
                tone="critical"
                rows={f.criticality.slice(0, TOP).map((c) => ({
                  id: c.id,
                  title: titleOf(c.id),
                  href: itemHref(id, c.id),
                  share: c.index,
                  value: percent(c.index),
                }))}
              />
            </section>
            <section className="card" aria-labelledby="fc-sens">
              <h2 id="fc-sens">Sensitivity</h2>
              <p className="muted fc-note">How strongly the item's duration moves the finish (correlation, top {TOP}).</p>
              <RankingBars
                label="Sensitivity"
                tone="accent"
                rows={f.sensitivity.slice(0, TOP).map((s) => ({
                  id: s.id,
                  title: titleOf(s.id),
                  href: itemHref(id, s.id),
                  share: Math.abs(s.score),
                  value: s.score.toFixed(2),
                }))}
              />
            </section>
          </div>
        </div>
      )}
    </div>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className="card stat">
      <span className="label">{label}</span>
      <span className="value">{value}</span>
    </div>
  );
}
