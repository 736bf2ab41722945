import { itemHref } from '../../nav';
import { Link } from '../../router';
import { dateLabel, daysBetween } from './dates';
import type { Comparison, TeamPeak } from './scenario-types';

/** +12 d in red (later), −5 d in green (earlier), "same" muted. Calendar days. */
export function Delta({ from, to }: { from: string | null; to: string | null }) {
  const d = daysBetween(from, to);
  if (d === undefined) return <span className="faint">—</span>;
  if (d === 0) return <span className="sc-delta same">same</span>;
  return (
    <span className={`sc-delta ${d > 0 ? 'later' : 'earlier'}`} title={`${Math.abs(d)} calendar days ${d > 0 ? 'later' : 'earlier'}`}>
      {d > 0 ? `+${d}` : `−${-d}`} d
    </span>
  );
}

function Headline({ label, live, scenario }: { label: string; live: string | null; scenario: string | null }) {
  return (
    <div className="card stat sc-headline">
      <span className="label">{label}</span>
      <div className="sc-headline-dates">
        <span className="sc-live">{dateLabel(live)}</span>
        <span className="sc-arrow" aria-hidden="true">
          →
        </span>
        <span className="sc-scen">{dateLabel(scenario)}</span>
      </div>
      <Delta from={live} to={scenario} />
    </div>
  );
}

const peak = (p: TeamPeak) => (p.week ? `${Math.round(p.load * 10) / 10} / ${Math.round(p.capacity * 10) / 10} pd · wk ${p.week}` : '—');

/** Live plan and scenario side by side: finish, P50/P80, each milestone, the critical chain, team peaks. */
export function ComparisonView({ programId, comparison: c }: { programId: string; comparison: Comparison }) {
  const forecast = c.forecast !== null;
  const changedTeams = c.teamLoad.filter(
    (t) => t.live.load !== t.scenario.load || t.live.capacity !== t.scenario.capacity || t.live.weeksOver !== t.scenario.weeksOver,
  );
  return (
    <div className="stack sc-compare">
      <div className="sc-headlines">
        <Headline label="Finish (plan)" live={c.finish.live} scenario={c.finish.scenario} />
        {forecast ? <Headline label="Finish P50" live={c.finish.liveP50} scenario={c.finish.scenarioP50} /> : null}
        {forecast ? <Headline label="Finish P80" live={c.finish.liveP80} scenario={c.finish.scenarioP80} /> : null}
      </div>
      <table className="data sc-milestones" aria-label="Milestones, live and with the scenario">
        <thead>
          <tr>
            <th>Milestone</th>
            <th>Target</th>
            <th>Live</th>
            <th>Scenario</th>
            <th>Δ</th>
            {forecast ? (
              <>
                <th>Live P80</th>
                <th>Scenario P80</th>
                <th>Δ P80</th>
              </>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {c.milestones.map((m) => {
            const late = (d: string | null) => m.target !== null && d !== null && d.slice(0, 10) > m.target;
            return (
              <tr key={m.id}>
                <td>
                  <Link href={itemHref(programId, m.id)}>{m.title}</Link>
                  <div className="faint mono">{m.id}</div>
                </td>
                <td className="sc-date">{dateLabel(m.target)}</td>
                <td className={`sc-date ${late(m.live) ? 'sc-late' : ''}`}>{dateLabel(m.live)}</td>
                <td className={`sc-date ${late(m.scenario) ? 'sc-late' : ''}`}>{dateLabel(m.scenario)}</td>
                <td>
                  <Delta from={m.live} to={m.scenario} />
                </td>
                {forecast ? (
                  <>
                    <td className={`sc-date ${late(m.liveP80) ? 'sc-late' : ''}`}>{dateLabel(m.liveP80)}</td>
                    <td className={`sc-date ${late(m.scenarioP80) ? 'sc-late' : ''}`}>{dateLabel(m.scenarioP80)}</td>
                    <td>
                      <Delta from={m.liveP80} to={m.scenarioP80} />
                    </td>
                  </>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="sc-foot-grid">
        <div>
          <h3>Chain that sets the end date</h3>
          {c.criticalPath.joins.length === 0 && c.criticalPath.leaves.length === 0 ? (
            <p className="muted">Unchanged.</p>
          ) : (
            <ul className="sc-chain">
              {c.criticalPath.joins.map((id) => (
                <li key={`j-${id}`} className="joins">
                  <span aria-hidden="true">+</span> <Link href={itemHref(programId, id)}>{id}</Link> joins
                </li>
              ))}
              {c.criticalPath.leaves.map((id) => (
                <li key={`l-${id}`} className="leaves">
                  <span aria-hidden="true">−</span> <Link href={itemHref(programId, id)}>{id}</Link> leaves
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <h3>Team peaks</h3>
          {changedTeams.length === 0 ? (
            <p className="muted">No team's load changes.</p>
          ) : (
            <table className="data" aria-label="Team peaks, live and with the scenario">
              <thead>
                <tr>
                  <th>Team</th>
                  <th>Busiest week, live</th>
                  <th className="num">Weeks over</th>
                  <th>With the scenario</th>
                  <th className="num">Weeks over</th>
                </tr>
              </thead>
              <tbody>
                {changedTeams.map((t) => (
                  <tr key={t.team}>
                    <td>{t.name}</td>
                    <td className="sc-date">{peak(t.live)}</td>
                    <td className="num">{t.live.weeksOver}</td>
                    <td className="sc-date">{peak(t.scenario)}</td>
                    <td
                      className={`num ${t.scenario.weeksOver > t.live.weeksOver ? 'sc-late' : t.scenario.weeksOver < t.live.weeksOver ? 'sc-better' : ''}`}
                    >
                      {t.scenario.weeksOver}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      </div>
      <p className="faint sc-note">
        Δ in calendar days; later in red, earlier in green.{' '}
        {forecast ? `P50/P80 from ${c.forecast?.trials.toLocaleString()} trials per side, same seed.` : 'No forecast run.'}
        {c.asOf ? ` Status date ${c.asOf}.` : ''}
      </p>
    </div>
  );
}
