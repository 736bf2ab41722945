import { programPath } from '../../api/client';
import type { IncidentMetrics } from '../../api/types';
import { useResource } from '../../api/use-resource';
import { programHref } from '../../nav';
import { Link } from '../../router';
import { durationWords, SeverityBadge } from './incident-words';

/**
 * The program's reliability record over all its incidents: counts and mean time to resolve per
 * severity, the services hit most, and the error budget each incident burned. Hidden when the
 * server cannot compute it (the list above still stands on its own).
 */
export function IncidentMetricsPanel({
  programId,
  version,
  serviceName,
  titleOf,
}: {
  programId: string;
  version: number;
  serviceName: ReadonlyMap<string, string>;
  titleOf: ReadonlyMap<string, string>;
}) {
  const metrics = useResource<IncidentMetrics>(programPath(programId, 'incidents', 'metrics'), undefined, version);
  const m = metrics.value;
  if (!m || m.count === 0) return null;
  const services = m.byService.slice(0, 8);
  const burned = [...m.budgetConsumed].sort((a, b) => b.fraction - a.fraction);
  return (
    <section className="inc-record" aria-labelledby="inc-record-h">
      <h2 id="inc-record-h">Reliability record</h2>
      <div className="grid cols-3">
        <div className="card">
          <h3>By severity</h3>
          <table className="data inc-mini" aria-label="Record by severity">
            <thead>
              <tr>
                <th>Severity</th>
                <th className="num">Incidents</th>
                <th className="num">Open</th>
                <th className="num" title="Mean time to resolve, from impact start">
                  MTTR
                </th>
              </tr>
            </thead>
            <tbody>
              {m.bySeverity
                .filter((s) => s.count > 0)
                .map((s) => (
                  <tr key={s.severity}>
                    <td>
                      <SeverityBadge severity={s.severity} />
                    </td>
                    <td className="num">{s.count}</td>
                    <td className={`num ${s.open > 0 ? 'inc-red' : ''}`}>{s.open}</td>
                    <td className="num">{s.mttrMs === null ? '—' : durationWords(s.mttrMs)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
        <div className="card">
          <h3>Services hit most</h3>
          <table className="data inc-mini" aria-label="Record by service">
            <thead>
              <tr>
                <th>Service</th>
                <th className="num">Incidents</th>
                <th className="num">Open</th>
              </tr>
            </thead>
            <tbody>
              {services.map((s) => (
                <tr key={s.service}>
                  <td>{serviceName.get(s.service) ?? s.service}</td>
                  <td className="num">{s.count}</td>
                  <td className={`num ${s.open > 0 ? 'inc-red' : ''}`}>{s.open}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="card">
          <h3>Error budget burned</h3>
          {burned.length === 0 ? (
            <p className="faint inc-fine">No incident touched a service with an SLO.</p>
          ) : (
            <ul className="inc-burn" aria-label="Error budget burned per incident">
              {burned.map((b) => (
                <li key={`${b.incident}:${b.slo}`}>
                  <Link href={programHref(programId, `incidents/${encodeURIComponent(b.incident)}`)}>
                    {titleOf.get(b.incident) ?? b.incident}
                  </Link>
                  <div className="inc-burn-row">
                    <span className="mono faint">{b.slo}</span>
                    <span className={b.fraction >= 1 ? 'inc-red' : ''}>
                      <strong>{Math.round(b.fraction * 100)} %</strong> of the budget
                      <span className="faint">
                        {' '}
                        ({Math.round(b.consumed).toLocaleString('en')} {b.unit === 'events' ? 'bad events' : 'min'}
                        {b.ongoing ? ', still burning' : ''})
                      </span>
                    </span>
                  </div>
                  <div className="inc-burn-bar" aria-hidden="true">
                    <span className={b.fraction >= 1 ? 'over' : ''} style={{ width: `${Math.min(100, b.fraction * 100)}%` }} />
                  </div>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
}
