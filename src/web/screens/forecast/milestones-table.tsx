import type { Forecast } from '../../api/types';
import { formatDate, percent } from '../../components/charts/scales';
import { Link } from '../../router';

export interface MilestoneRow {
  readonly id: string;
  readonly title: string;
  readonly href?: string;
  readonly target: string | null;
  readonly p50: string;
  readonly p80: string;
  readonly p95: string;
  readonly onTime: number | null;
}

export const FINISH = '(finish)';

/** A chance of meeting a date as a tone: likely (≥ 80 %), a coin toss (≥ 50 %), else unlikely. */
export const chanceTone = (p: number) => (p >= 0.8 ? 'green' : p >= 0.5 ? 'amber' : 'red');

export function milestoneRows(
  forecast: Forecast,
  titleOf: (id: string) => string,
  hrefOf: (id: string) => string,
  finish: MilestoneRow,
): MilestoneRow[] {
  const rows = forecast.milestones.map((m) => ({
    id: m.id,
    title: titleOf(m.id),
    href: hrefOf(m.id),
    target: m.target,
    p50: m.p50,
    p80: m.p80,
    p95: m.p95,
    onTime: m.probabilityOnTime,
  }));
  return [...rows, finish];
}

/** Target and forecast dates per milestone; a row selects the chart above. */
export function MilestonesTable({
  rows,
  selected,
  onSelect,
}: {
  rows: readonly MilestoneRow[];
  selected: string;
  onSelect: (id: string) => void;
}) {
  return (
    <table className="data fc-table" aria-label="Milestones forecast">
      <thead>
        <tr>
          <th>Milestone</th>
          <th className="num">Target</th>
          <th className="num">P50</th>
          <th className="num">P80</th>
          <th className="num">P95</th>
          <th className="num">Chance on time</th>
          <th aria-label="Chart" />
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const late = (at: string) => (r.target !== null && at.slice(0, 10) > r.target ? 'late' : '');
          return (
            <tr key={r.id} aria-selected={r.id === selected} className={r.id === selected ? 'selected' : ''}>
              <td>
                <div className="fc-ms-name">
                  {r.href ? <Link href={r.href}>{r.title}</Link> : <strong>{r.title}</strong>}
                  {r.id === FINISH ? null : <span className="faint mono">{r.id}</span>}
                </div>
              </td>
              <td className="num">{r.target ? formatDate(r.target) : <span className="faint">—</span>}</td>
              <td className={`num ${late(r.p50)}`}>{formatDate(r.p50)}</td>
              <td className={`num ${late(r.p80)}`}>{formatDate(r.p80)}</td>
              <td className={`num ${late(r.p95)}`}>{formatDate(r.p95)}</td>
              <td className="num">
                {r.onTime === null ? (
                  <span className="faint">no target</span>
                ) : (
                  <span className={`badge ${chanceTone(r.onTime)}`}>{percent(r.onTime)}</span>
                )}
              </td>
              <td className="num">
                <button
                  type="button"
                  className="btn ghost small"
                  aria-pressed={r.id === selected}
                  aria-label={`Chart of ${r.title}`}
                  onClick={() => onSelect(r.id)}
                >
                  Chart
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
