import { useMemo, useState } from 'react';
import { programPath } from '../api/client';
import type { Item, Page, Plan, Tagged, Team } from '../api/types';
import { useAllPages } from '../api/use-all-pages';
import { useResource } from '../api/use-resource';
import { formatDate, percent } from '../components/charts/scales';
import { useElapsed } from '../components/charts/use-elapsed';
import { Dialog } from '../components/dialog';
import { EntityForm, type FieldSpec } from '../components/entity-form';
import { Loading, ProblemBanner } from '../components/feedback';
import { PageHead } from '../components/page-head';
import { useProgram } from '../program-context';
import { setQueryParam, useLocation } from '../router';
import { useToast } from '../toasts';
import { LoadHeatmap, loadBand } from './teams/load-heatmap';
import { type TeamWeek, unlevelledLoad, WorkCalendar } from './teams/team-load';
import '../components/charts/charts.css';
import './teams.css';

const TEAM_FIELDS: readonly FieldSpec[] = [
  { name: 'name', label: 'Name', type: 'text', full: true },
  { name: 'lead', label: 'Lead', type: 'text' },
  { name: 'capacity', label: 'Capacity (people)', type: 'number' },
  { name: 'wipLimit', label: 'WIP limit (items in progress)', type: 'number' },
];

type Mode = 'levelled' | 'demand';

export function TeamsScreen() {
  const { id, version, detail, canEdit } = useProgram();
  const { query } = useLocation();
  const mode: Mode = query.get('load') === 'demand' ? 'demand' : 'levelled';
  const toast = useToast();
  const teams = useResource<Page<'teams', Team>>(programPath(id, 'teams'), { perPage: 1000 }, version);
  const levelled = useResource<Plan>(programPath(id, 'plan'), { level: 'true' }, version);
  const plain = useResource<Plan>(mode === 'demand' ? programPath(id, 'plan') : undefined, undefined, version);
  const items = useAllPages<Item>(programPath(id, 'items'), 'items', mode === 'demand' ? version : -1);
  const [editing, setEditing] = useState<Tagged<Team> | undefined>();
  const levelling = levelled.state === 'loading';
  const elapsed = useElapsed(levelling);

  const teamList = useMemo(() => (teams.value?.teams ?? []).map((t) => t.value), [teams.value]);
  const calendar = useMemo(() => (detail ? new WorkCalendar(detail.program.calendar) : undefined), [detail]);
  const demand = useMemo<TeamWeek[] | undefined>(
    () =>
      mode === 'demand' && plain.value && items.value && calendar
        ? unlevelledLoad(
            items.value.map((i) => i.value),
            plain.value.items,
            teamList,
            calendar,
          )
        : undefined,
    [mode, plain.value, items.value, teamList, calendar],
  );
  const cells = mode === 'demand' ? demand : levelled.value?.levelling?.teamLoad;
  const peakOf = useMemo(() => {
    const peaks = new Map<string, number>();
    for (const c of cells ?? []) {
      const r = c.capacity > 0 ? c.load / c.capacity : c.load > 0 ? 2 : 0;
      peaks.set(c.team, Math.max(peaks.get(c.team) ?? 0, r));
    }
    return peaks;
  }, [cells]);
  const summary = new Map((detail?.summary.teams ?? []).map((t) => [t.id, t]));
  const exceptions = teamList.flatMap((t) => t.exceptions.map((e) => ({ team: t, ...e })));
  const overloaded = [...peakOf.values()].filter((p) => p > 1).length;

  return (
    <div className="page tm-page">
      <PageHead
        title="Teams"
        sub={`${teamList.length} teams · ${teamList.reduce((s, t) => s + t.capacity, 0)} people · ${exceptions.length} capacity exceptions`}
      />
      <section className="card tm-load" aria-labelledby="tm-load-title">
        <div className="tm-load-head">
          <div>
            <h2 id="tm-load-title">Weekly load</h2>
            <p className="muted tm-note">
              {mode === 'levelled'
                ? 'Work per week once the plan is levelled by team capacity, against that capacity (person-days).'
                : 'Demand of the capacity-blind plan: each open item needs its effort over its earliest dates (person-days).'}
              {cells ? (overloaded > 0 ? ` ${overloaded} teams over capacity in some week.` : ' No team over capacity.') : ''}
            </p>
          </div>
          <fieldset className="seg" aria-label="Load shown">
            <button type="button" aria-pressed={mode === 'levelled'} onClick={() => setQueryParam('load', undefined)}>
              Levelled load
            </button>
            <button type="button" aria-pressed={mode === 'demand'} onClick={() => setQueryParam('load', 'demand')}>
              Unlevelled demand
            </button>
          </fieldset>
        </div>
        {mode === 'levelled' && levelling ? (
          <div className="tm-running" aria-live="polite">
            <div className="progress" role="progressbar" aria-label="Levelling the plan" />
            <span className="muted num">Levelling the plan by team capacity… {elapsed.toFixed(1)} s</span>
          </div>
        ) : null}
        {mode === 'levelled' && levelled.state === 'error' ? <ProblemBanner problem={levelled.problem} onRetry={levelled.reload} /> : null}
        {cells && teamList.length > 0 ? (
          <div className={levelling && mode === 'levelled' ? 'tm-stale' : ''}>
            <LoadHeatmap
              cells={cells}
              teams={teamList}
              label={mode === 'levelled' ? 'Levelled weekly load by team' : 'Unlevelled weekly demand by team'}
            />
            <div className="chart-legend tm-legend">
              <span>
                <span className="swatch tm-sw calm" />
                Under 80%
              </span>
              <span>
                <span className="swatch tm-sw busy" />
                80–100%
              </span>
              <span>
                <span className="swatch tm-sw over" />
                Over capacity
              </span>
              <span>
                <span className="swatch tm-sw idle" />
                No work
              </span>
              <span>
                <span className="swatch tm-sw exc" />
                Capacity exception that week
              </span>
            </div>
          </div>
        ) : mode === 'demand' || !levelling ? (
          <Loading label="Reading the plan…" />
        ) : null}
      </section>

      <section className="card" aria-labelledby="tm-teams-title">
        <h2 id="tm-teams-title">Teams</h2>
        {teams.state === 'error' ? <ProblemBanner problem={teams.problem} onRetry={teams.reload} /> : null}
        <table className="data tm-table" aria-label="Teams">
          <thead>
            <tr>
              <th>Team</th>
              <th>Lead</th>
              <th className="num">Capacity</th>
              <th className="num">WIP limit</th>
              <th className="num">Open items</th>
              <th className="num">Remaining days</th>
              <th className="num">Peak load</th>
              {canEdit ? <th aria-label="Actions" /> : null}
            </tr>
          </thead>
          <tbody>
            {(teams.value?.teams ?? []).map((tagged) => {
              const t = tagged.value;
              const s = summary.get(t.id);
              const peak = peakOf.get(t.id);
              return (
                <tr key={t.id}>
                  <td>
                    <div className="tm-team">
                      <strong>{t.name}</strong>
                      <span className="faint mono">{t.id}</span>
                    </div>
                  </td>
                  <td>{t.lead ?? <span className="faint">—</span>}</td>
                  <td className="num">{t.capacity}</td>
                  <td className="num">{t.wipLimit ?? <span className="faint">—</span>}</td>
                  <td className="num">{s?.openItems ?? '—'}</td>
                  <td className="num">{s ? Math.round(s.remainingDays) : '—'}</td>
                  <td className="num">
                    {peak === undefined ? (
                      <span className="faint">—</span>
                    ) : (
                      <span className={`badge ${{ over: 'red', busy: 'amber', calm: '', idle: '' }[loadBand(peak, 1)]}`}>
                        {percent(peak)}
                      </span>
                    )}
                  </td>
                  {canEdit ? (
                    <td className="num">
                      <button type="button" className="btn small" onClick={() => setEditing(tagged)} aria-label={`Edit ${t.name}`}>
                        Edit
                      </button>
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>

      {exceptions.length > 0 ? (
        <section className="card" aria-labelledby="tm-exc-title">
          <h2 id="tm-exc-title">Capacity exceptions</h2>
          <table className="data" aria-label="Capacity exceptions">
            <thead>
              <tr>
                <th>Team</th>
                <th>From</th>
                <th>To</th>
                <th className="num">Capacity</th>
                <th>Reason</th>
              </tr>
            </thead>
            <tbody>
              {exceptions
                .sort((a, b) => a.from.localeCompare(b.from))
                .map((e) => (
                  <tr key={`${e.team.id}:${e.from}`}>
                    <td>{e.team.name}</td>
                    <td className="num">{formatDate(e.from)}</td>
                    <td className="num">{formatDate(e.to ?? e.from)}</td>
                    <td className="num">
                      {e.capacity} <span className="faint">of {e.team.capacity}</span>
                    </td>
                    <td>{e.reason ?? <span className="faint">—</span>}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </section>
      ) : null}

      <Dialog open={editing !== undefined} title={`Edit ${editing?.value.name ?? 'team'}`} onClose={() => setEditing(undefined)}>
        {editing ? (
          <EntityForm<Team>
            key={editing.etag}
            fields={TEAM_FIELDS}
            path={programPath(id, 'teams', editing.value.id)}
            current={editing}
            onCancel={() => setEditing(undefined)}
            onSaved={(saved) => {
              setEditing(undefined);
              toast(`Saved ${saved.value.name}`);
              teams.reload();
            }}
          />
        ) : null}
      </Dialog>
    </div>
  );
}
