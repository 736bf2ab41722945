import type { SloStatus } from '../../api/types';
import { programHref } from '../../nav';
import { Link } from '../../router';
import {
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

/** The share of the budget left, 0..1 (an overspend shows as an empty bar). */
export const leftShare = (s: SloStatus) =>
  s.budget && s.budget.total > 0 ? Math.max(0, Math.min(1, s.budget.remaining / s.budget.total)) : 0;

export function BudgetBar({ slo }: { slo: SloStatus }) {
  const share = leftShare(slo);
  // The bar tells how much is left, in the colours of the state badge (under a quarter is low); the alert has its own line.
  const tone = share <= 0 ? 'red' : share < 0.25 ? 'amber' : 'green';
  return (
    // The figures are written beside the bar ("X of Y left"); the bar repeats them for the eye only.
    <div className="slo-bar" aria-hidden="true" data-share={share.toFixed(4)}>
      <div className={`slo-bar-fill ${tone}`} style={{ width: `${share * 100}%` }} />
    </div>
  );
}

/**
 * The Workbook rule that fires (the most severe) and what it measured, in words:
 * `Page: 14.4× over 1 h / 5 min` and `burning 16.9× and 200×`.
 */
export function firingText(slo: SloStatus): { rule: string; measured: string } | undefined {
  const fired = (slo.budget?.rules ?? []).filter((r) => r.fires);
  const rule = fired.find((r) => r.severity === 'page') ?? fired[0];
  if (!rule) return undefined;
  return {
    rule: `${rule.severity === 'page' ? 'Page' : 'Ticket'}: ${rule.burnRate}× over ${windowsText(rule.longWindowMs, rule.shortWindowMs)}`,
    measured: `burning ${burnText(rule.longBurnRate)} and ${burnText(rule.shortBurnRate)}`,
  };
}

/** One SLO at a glance: objective and window, attained SLI, budget left, burn, time to exhaustion, alert. */
export function SloCard({
  programId,
  slo,
  serviceName,
  onOpen,
}: {
  programId: string;
  slo: SloStatus;
  serviceName: string;
  onOpen: () => void;
}) {
  const state = sloState(slo);
  const b = slo.budget;
  const firing = firingText(slo);
  const met = b?.attainedSli !== null && b?.attainedSli !== undefined ? b.attainedSli * 100 >= slo.objective : undefined;
  return (
    <article className={`card slo-card ${state}`} aria-label={slo.name} data-slo={slo.id} data-state={state}>
      <header className="slo-card-head">
        <div>
          <h3>
            <button type="button" className="slo-open" onClick={onOpen}>
              {slo.name}
            </button>
          </h3>
          <div className="faint slo-sub">
            <ServiceLink programId={programId} service={slo.service} name={serviceName} /> · {windowText(slo)} · {slo.budgeting}
          </div>
        </div>
        <span className={`badge ${STATE_TONE[state]}`} data-testid="slo-state">
          {state !== 'nodata' ? <span className="dot" /> : null}
          {STATE_LABEL[state]}
        </span>
      </header>
      {b ? (
        <>
          <div className="slo-figures">
            <div className="stat">
              <span className="label">Objective</span>
              <span className="value">{objectiveText(slo.objective)}</span>
            </div>
            <div className="stat">
              <span className="label">Attained</span>
              <span className={`value ${met === false ? 'slo-miss' : ''}`} data-testid="slo-attained">
                {b.attainedSli === null ? '—' : sliText(b.attainedSli)}
              </span>
            </div>
            <div className="stat">
              <span className="label" title="Over the window so far: 1× spends the budget exactly by the window's end">
                Burn (window)
              </span>
              <span className="value" data-testid="slo-burn">
                {burnText(b.burnRate)}
              </span>
            </div>
            <div className="stat">
              <span className="label">Exhausted in</span>
              <span className="value" data-testid="slo-exhaustion">
                {b.remaining <= 0 ? 'now' : b.timeToExhaustionMs === null ? 'not burning' : durationText(b.timeToExhaustionMs)}
              </span>
            </div>
          </div>
          <div className="slo-budget">
            <div className="slo-budget-label">
              <span>Error budget</span>
              <span className="num" data-testid="slo-budget-left">
                {budgetLeftText(slo)}
              </span>
            </div>
            <BudgetBar slo={slo} />
          </div>
          <div className={`slo-alert ${firing ? (b.alert === 'page' ? 'page' : 'ticket') : ''}`} data-testid="slo-alert">
            {firing ? (
              <>
                <strong>{firing.rule}</strong> <span>· {firing.measured}</span>
              </>
            ) : (
              <span className="faint">No burn-rate alert firing (page 14.4× / 6×, ticket 1×)</span>
            )}
          </div>
        </>
      ) : (
        <div className="slo-nodata">
          <p>
            <strong>No data yet.</strong>
            {slo.data && slo.notComputed ? ` ${slo.notComputed}` : ''}
          </p>
          <p className="muted">
            {slo.allowedDowntimeSeconds !== null
              ? `Objective ${objectiveText(slo.objective)} allows ${secondsText(slo.allowedDowntimeSeconds)} of downtime per window. `
              : ''}
            Open the SLO to upload an SLI CSV (<code>timestamp,good,total</code> or <code>timestamp,value</code>) or pull it from
            Prometheus.
          </p>
        </div>
      )}
      <footer className="slo-card-foot">
        <span className="faint">
          {slo.data
            ? `${slo.data.samples.toLocaleString('en-US')} samples from ${slo.data.source === 'csv' ? 'CSV' : 'Prometheus'}`
            : 'No SLI data'}
        </span>
        <button type="button" className="btn small" onClick={onOpen} aria-label={`Open ${slo.name}`}>
          Details
        </button>
      </footer>
    </article>
  );
}

/** The SLO's service, opening its blast radius: who is hurt when this SLO is missed. */
export function ServiceLink({ programId, service, name }: { programId: string; service: string; name: string }) {
  return (
    <Link href={`${programHref(programId, 'services')}?change=${encodeURIComponent(service)}`} title={`Blast radius of ${name}`}>
      {name}
    </Link>
  );
}
