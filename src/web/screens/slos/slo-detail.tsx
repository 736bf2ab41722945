import { programPath } from '../../api/client';
import type { ProgramSlo, SloSeries, SloStatus, Tagged } from '../../api/types';
import { useResource } from '../../api/use-resource';
import { Loaded } from '../../components/feedback';
import { programHref } from '../../nav';
import { Link } from '../../router';
import { AvailabilityTable } from './availability-table';
import { SeriesChart } from './series-chart';
import { SliData } from './sli-data';
import { BudgetBar, firingText, leftShare, ServiceLink } from './slo-card';
import {
  amountText,
  budgetLeftText,
  burnText,
  durationText,
  objectiveText,
  STATE_LABEL,
  STATE_TONE,
  secondsText,
  sliText,
  sloState,
  windowsText,
  windowText,
} from './slo-format';

const OPS: Record<string, string> = { lt: '<', lte: '≤', gt: '>', gte: '≥' };
/** A threshold indicator's test, `≤ 0.3`; undefined for a ratio. */
function goodWhen(def: ProgramSlo | undefined): string | undefined {
  if (!def || !('threshold' in def.indicator)) return undefined;
  const t = def.indicator.threshold;
  return `${OPS[t.op] ?? t.op} ${t.value}`;
}

/** One SLO in full: figures, the budget burndown and burn rate over the window, the alert rules, data, and the nines. */
export function SloDetail({
  programId,
  version,
  slo,
  serviceName,
  canEdit,
  at,
  onStored,
}: {
  programId: string;
  version: number;
  slo: SloStatus;
  serviceName: string;
  canEdit: boolean;
  at: string | undefined;
  onStored: () => void;
}) {
  const entity = useResource<Tagged<ProgramSlo>>(programPath(programId, 'slos', slo.id), undefined, version);
  const series = useResource<SloSeries>(
    slo.budget ? programPath(programId, 'slos', slo.id, 'series') : undefined,
    { points: 500, ...(at ? { at } : {}) },
    `${version}:${slo.data?.to ?? ''}:${slo.data?.samples ?? 0}`,
  );
  const state = sloState(slo);
  const b = slo.budget;
  const def = entity.value?.value;
  const ratio = def ? 'ratio' in def.indicator : slo.unit === 'events';
  const firing = firingText(slo);
  const unit = slo.unit;
  const share = leftShare(slo);
  return (
    <div className="stack slo-detail">
      <div>
        <Link href={programHref(programId, 'slos')} className="slo-back">
          ← All SLOs
        </Link>
      </div>
      <div className="page-head">
        <div>
          <h1>{slo.name}</h1>
          <div className="sub">
            <ServiceLink programId={programId} service={slo.service} name={serviceName} /> · objective {objectiveText(slo.objective)} ·{' '}
            {windowText(slo)} · {slo.budgeting}
            {def?.description ? <div className="faint">{def.description}</div> : null}
          </div>
        </div>
        <span className={`badge ${STATE_TONE[state]} slo-state-big`} data-testid="slo-state">
          {state !== 'nodata' ? <span className="dot" /> : null}
          {STATE_LABEL[state]}
        </span>
      </div>

      {b ? (
        <section className="card slo-summary" aria-label="Error budget">
          <div className="slo-figures">
            <div className="stat">
              <span className="label">Attained SLI</span>
              <span className="value" data-testid="slo-attained">
                {b.attainedSli === null ? '—' : sliText(b.attainedSli)}
              </span>
            </div>
            <div className="stat">
              <span className="label">Budget consumed</span>
              <span className="value">{b.total > 0 ? `${Math.round((b.consumed / b.total) * 100)}%` : '—'}</span>
              <span className="faint slo-small">
                {amountText(b.consumed, unit)} of {amountText(b.total, unit)}
              </span>
            </div>
            <div className="stat">
              <span className="label">Burn rate</span>
              <span className="value">{burnText(b.burnRate)}</span>
              <span className="faint slo-small">1× spends the budget exactly over the window</span>
            </div>
            <div className="stat">
              <span className="label">Exhausted in</span>
              <span className="value">
                {b.remaining <= 0 ? 'now' : b.timeToExhaustionMs === null ? 'not burning' : durationText(b.timeToExhaustionMs)}
              </span>
              <span className="faint slo-small">at the current burn</span>
            </div>
          </div>
          <div className="slo-budget">
            <div className="slo-budget-label">
              <span>Error budget remaining</span>
              <span className="num" data-testid="slo-budget-left">
                {budgetLeftText(slo)}
              </span>
            </div>
            <BudgetBar slo={slo} />
          </div>
          <div className={`slo-alert ${firing ? (b.alert === 'page' ? 'page' : 'ticket') : ''}`}>
            {firing ? (
              <>
                <strong>{firing.rule} — firing</strong> <span>· {firing.measured} over those windows</span>
              </>
            ) : (
              <span className="faint">No burn-rate alert firing.</span>
            )}
          </div>
        </section>
      ) : (
        <section className="card slo-nodata" aria-label="Error budget">
          <p>
            <strong>No data yet.</strong>
            {slo.data && slo.notComputed ? ` ${slo.notComputed}` : ''}
          </p>
          <p className="muted">
            {slo.allowedDowntimeSeconds !== null
              ? `Objective ${objectiveText(slo.objective)} over ${windowText(slo)} allows ${secondsText(slo.allowedDowntimeSeconds)} of bad time. `
              : ''}
            {canEdit
              ? 'Upload an SLI CSV below, or refresh from Prometheus if the SLO has a source, to see its budget, burn rate and alerts.'
              : 'An editor can upload an SLI CSV or pull it from Prometheus; its budget, burn rate and alerts then show here.'}
          </p>
        </section>
      )}

      {b ? (
        <section className="card" aria-labelledby="slo-charts-title">
          <h2 id="slo-charts-title">Over the window</h2>
          <Loaded resource={series} label="Reading the series…">
            {(s) =>
              s.points.length === 0 ? (
                <p className="muted">No samples in the window.</p>
              ) : (
                <div className="slo-charts">
                  <div>
                    <h3 className="slo-chart-title">Error budget remaining</h3>
                    <SeriesChart
                      label="Error budget remaining"
                      points={s.points.map((p) => {
                        // Each point's own budget: an event budget grows with the traffic seen so far.
                        const budget = p.remaining + p.consumed;
                        return {
                          t: p.t,
                          v: budget > 0 ? p.remaining / budget : null,
                          note: `${amountText(p.remaining, unit)} of ${amountText(budget, unit)}`,
                        };
                      })}
                      format={(v) => `${Math.round(v * 100)}%`}
                      thresholds={[{ value: 0, label: 'spent', tone: 'red' }]}
                      tone={share <= 0 ? 'red' : share < 0.25 ? 'amber' : 'green'}
                      fill
                      floorZero
                      ceiling={1}
                    />
                  </div>
                  <div>
                    <h3 className="slo-chart-title" title="1× spends the budget exactly by the window's end">
                      Burn rate over the window so far
                    </h3>
                    <SeriesChart
                      label="Burn rate"
                      points={s.points.map((p) => ({ t: p.t, v: p.burnRate }))}
                      format={(v) => `${Number(v.toFixed(2))}×`}
                      thresholds={[{ value: 1, label: '1×', tone: 'amber' }]}
                      tone="accent"
                    />
                  </div>
                </div>
              )
            }
          </Loaded>
        </section>
      ) : null}

      {b && b.rules.length > 0 ? (
        <section className="card" aria-labelledby="slo-rules-title">
          <h2 id="slo-rules-title">Burn-rate alerts (SRE Workbook, multi-window)</h2>
          <table className="data" aria-label="Burn-rate alert rules">
            <thead>
              <tr>
                <th>Rule</th>
                <th>Action</th>
                <th className="num">Threshold</th>
                <th className="num">Windows (long / short)</th>
                <th className="num">Burn over long</th>
                <th className="num">Burn over short</th>
                <th>State</th>
              </tr>
            </thead>
            <tbody>
              {b.rules.map((r) => (
                <tr key={r.name} data-rule={r.name}>
                  <td className="mono">{r.name}</td>
                  <td>{r.severity === 'page' ? 'Page' : 'Ticket'}</td>
                  <td className="num">{r.burnRate}×</td>
                  <td className="num">{windowsText(r.longWindowMs, r.shortWindowMs)}</td>
                  <td className="num">{burnText(r.longBurnRate)}</td>
                  <td className="num">{burnText(r.shortBurnRate)}</td>
                  <td>
                    {r.fires ? (
                      <span className={`badge ${r.severity === 'page' ? 'red' : 'amber'}`}>firing</span>
                    ) : (
                      <span className="faint">quiet</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="faint slo-note">
            A rule fires when the burn rate is over its threshold in both windows: the long one proves it matters, the short one that it is
            still happening.
          </p>
        </section>
      ) : null}

      {canEdit ? (
        <SliData
          programId={programId}
          slo={slo}
          ratio={ratio}
          source={def?.source?.prometheus}
          goodWhen={goodWhen(def)}
          at={at}
          onStored={onStored}
        />
      ) : null}

      <section className="card" aria-labelledby="slo-nines-title">
        <h2 id="slo-nines-title">Allowed downtime by availability</h2>
        <AvailabilityTable objective={slo.objective} />
      </section>
    </div>
  );
}
