import type { AvailabilityTable as Table } from '../../api/types';
import { useResource } from '../../api/use-resource';
import { Loaded } from '../../components/feedback';
import { objectiveText, secondsText } from './slo-format';

const NINES = [99, 99.5, 99.9, 99.95, 99.99, 99.999];

/** Nines → allowed downtime per year, quarter, month, week and day; the SLO's own objective highlighted. */
export function AvailabilityTable({ objective }: { objective: number }) {
  const nines = [...new Set([...NINES, objective])].sort((a, b) => a - b);
  const table = useResource<Table>('/api/availability', { nines: nines.join(',') });
  return (
    <Loaded resource={table} label="Computing allowed downtime…">
      {(t) => (
        <table className="data slo-availability" aria-label="Allowed downtime">
          <thead>
            <tr>
              <th>Availability</th>
              <th className="num">Per year</th>
              <th className="num">Per quarter</th>
              <th className="num">Per month</th>
              <th className="num">Per week</th>
              <th className="num">Per day</th>
            </tr>
          </thead>
          <tbody>
            {t.rows.map((r) => (
              <tr key={r.percent} aria-current={r.percent === objective ? 'true' : undefined}>
                <td>
                  {objectiveText(r.percent)}
                  {r.percent === objective ? <span className="badge accent slo-this">this SLO</span> : null}
                </td>
                <td className="num">{secondsText(r.year)}</td>
                <td className="num">{secondsText(r.quarter)}</td>
                <td className="num">{secondsText(r.month)}</td>
                <td className="num">{secondsText(r.week)}</td>
                <td className="num">{secondsText(r.day)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Loaded>
  );
}
