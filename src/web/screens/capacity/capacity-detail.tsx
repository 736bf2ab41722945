import { useState } from 'react';
import { type ApiProblem, api, programPath } from '../../api/client';
import { RagBadge } from '../../components/badges';
import { formatDate } from '../../components/charts/scales';
import { ProblemBanner } from '../../components/feedback';
import { itemHref } from '../../nav';
import { Link, setQueryParam } from '../../router';
import { useToast } from '../../toasts';
import { CapacityChart } from './capacity-chart';
import { amount, type CapacityDetail, type FitView, share } from './capacity-types';
import { UsageUpload } from './usage-upload';

const shift = (n: number | null) => (n === null ? '—' : n === 0 ? 'same' : `${Math.abs(n)} days ${n < 0 ? 'earlier' : 'later'}`);

function FitRow({ fit, unit, used }: { fit: FitView | null; unit: string; used: boolean }) {
  if (!fit) return null;
  const trend =
    fit.kind === 'exponential'
      ? `${fit.perMonth >= 0 ? '+' : ''}${fit.perMonth.toFixed(1)}% a month`
      : `${fit.perMonth >= 0 ? '+' : ''}${amount(fit.perMonth)} ${unit} a month`;
  return (
    <tr>
      <td>
        {fit.kind === 'linear' ? 'Linear' : 'Exponential'}
        {used ? <span className="badge accent cap-used">projects</span> : null}
      </td>
      <td className="num">{fit.r2.toFixed(3)}</td>
      <td className="num">{`${amount(fit.rmse)} ${unit}`}</td>
      <td className="num">{fit.samples}</td>
      <td>{trend}</td>
    </tr>
  );
}

/** One resource: figures, the chart with what-if toggles, fit quality, what-ifs side by side, the order. */
export function CapacityDetailView({
  programId,
  detail,
  canEdit,
  onChanged,
}: {
  programId: string;
  detail: CapacityDetail;
  canEdit: boolean;
  onChanged: () => void;
}) {
  const toast = useToast();
  const [whatIf, setWhatIf] = useState<number | undefined>();
  const [problem, setProblem] = useState<ApiProblem | undefined>();
  const [busy, setBusy] = useState(false);
  const p = detail.plan;
  const u = detail.unit;
  const order = async () => {
    setBusy(true);
    setProblem(undefined);
    const r = await api.post<{ value: { id: string; title: string } }>(programPath(programId, 'capacity', detail.id, 'order'), {
      months: detail.months,
      asOf: detail.today,
    });
    setBusy(false);
    if (!r.ok) return setProblem(r.problem);
    toast(`Created ${r.value.value.id}: ${r.value.value.title}`);
    onChanged();
  };
  return (
    <div className="stack cap-detail">
      <div className="row cap-detail-head">
        <button type="button" className="btn ghost small" onClick={() => setQueryParam('resource', undefined)}>
          ← All resources
        </button>
      </div>
      <div className="page-head">
        <div>
          <h1>{detail.name}</h1>
          <div className="sub">
            {[
              detail.team ? `team ${detail.team}` : '',
              detail.vendor ?? '',
              detail.services.length ? `runs ${detail.services.join(', ')}` : '',
            ]
              .filter(Boolean)
              .join(' · ')}
          </div>
        </div>
        <div className="toolbar">
          <RagBadge rag={detail.rag} />
        </div>
      </div>
      <p className="cap-headline big">{detail.headline}</p>
      {p ? (
        <div className="grid cols-4">
          <div className="card stat">
            <div className="label">Used / usable</div>
            <div className="value">{`${amount(p.current.value)} / ${amount(p.usable)}`}</div>
            <div className="faint">{`${u}, ${share(p.usableShare)} of usable; ${p.binding === 'redundancy' ? 'N+k' : 'max utilisation'} holds`}</div>
          </div>
          <div className="card stat">
            <div className="label">Headroom runs out</div>
            <div className="value">{p.runOut ? formatDate(p.runOut) : 'not in 5 years'}</div>
            <div className="faint">
              {p.daysUntilRunOut === null ? '' : p.daysUntilRunOut < 0 ? `${-p.daysUntilRunOut} days ago` : `in ${p.daysUntilRunOut} days`}
            </div>
          </div>
          <div className={`card stat ${p.late ? 'cap-late' : ''}`}>
            <div className="label">Order by</div>
            <div className="value">{p.orderBy ? formatDate(p.orderBy) : '—'}</div>
            <div className="faint">
              {p.workingDaysUntilOrderBy === null
                ? `lead ${p.leadDays} + margin ${p.marginDays} working days`
                : p.late
                  ? `${-p.workingDaysUntilOrderBy} working days late`
                  : `${p.workingDaysUntilOrderBy} working days left (lead ${p.leadDays} + margin ${p.marginDays})`}
            </div>
          </div>
          <div className="card stat">
            <div className="label">{`Order for ${detail.months} months`}</div>
            <div className="value">{`${amount(p.order.quantity)} ${u}`}</div>
            <div className="faint">
              {`in service ${formatDate(p.order.arrival)}, covers to ${formatDate(p.order.coverUntil)}${p.order.runsOutAgain ? `, runs out again ${formatDate(p.order.runsOutAgain)}` : ''}`}
            </div>
          </div>
        </div>
      ) : (
        <div className="notice">{detail.problem}</div>
      )}
      {p ? (
        <section className="card">
          <div className="row cap-chart-head">
            <h2>Demand and capacity</h2>
            <fieldset className="seg" aria-label="What if">
              <button type="button" aria-pressed={whatIf === undefined} onClick={() => setWhatIf(undefined)}>
                Plan
              </button>
              {detail.whatIfs.map((w, i) => (
                <button type="button" key={w.label} aria-pressed={whatIf === i} onClick={() => setWhatIf(i)}>
                  {w.label}
                </button>
              ))}
            </fieldset>
          </div>
          <CapacityChart detail={detail} whatIf={whatIf} />
        </section>
      ) : null}
      <div className="grid cols-2">
        <section className="card">
          <h2>What if</h2>
          <table className="data">
            <thead>
              <tr>
                <th>Change</th>
                <th>Runs out</th>
                <th>Order by</th>
                <th>Moves</th>
                <th className="num">Order</th>
              </tr>
            </thead>
            <tbody>
              {p ? (
                <tr>
                  <td>As planned</td>
                  <td>{p.runOut ? formatDate(p.runOut) : '—'}</td>
                  <td>{p.orderBy ? formatDate(p.orderBy) : '—'}</td>
                  <td>—</td>
                  <td className="num">{`${amount(p.order.quantity)} ${u}`}</td>
                </tr>
              ) : null}
              {detail.whatIfs.map((w) => (
                <tr key={w.label}>
                  <td>{w.label}</td>
                  <td>{w.runOut ? formatDate(w.runOut) : '—'}</td>
                  <td className={w.late ? 'cap-late-text' : ''}>
                    {w.orderBy ? `${formatDate(w.orderBy)}${w.late ? ' (late)' : ''}` : '—'}
                  </td>
                  <td>{shift(w.orderByShift)}</td>
                  <td className="num">{`${amount(w.quantity)} ${u}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section className="card">
          <h2>Fit of the usage history</h2>
          {detail.fits.linear || detail.fits.exponential ? (
            <table className="data">
              <thead>
                <tr>
                  <th>Fit</th>
                  <th className="num">R²</th>
                  <th className="num">RMSE</th>
                  <th className="num">Samples</th>
                  <th>Trend</th>
                </tr>
              </thead>
              <tbody>
                <FitRow fit={detail.fits.linear} unit={u} used={p?.model === 'linear-fit'} />
                <FitRow fit={detail.fits.exponential} unit={u} used={p?.model === 'exponential-fit'} />
              </tbody>
            </table>
          ) : (
            <p className="faint">No usage history yet: upload a CSV (timestamp,value) to see how well a trend fits.</p>
          )}
          <p className="faint">
            {p?.model === 'compound'
              ? `Demand grows ${p.growth?.percent ?? 0}% a ${p.growth?.per ?? 'month'} from ${amount(p.current.value)} ${u} on ${formatDate(p.current.date)}, compounding on calendar periods.`
              : 'Least squares on the values (linear) or their logarithms (exponential); R² and RMSE are measured on the values for both.'}
          </p>
        </section>
      </div>
      <section className="card">
        <h2>Order</h2>
        {detail.orderItem ? (
          <p>
            Ordered as <Link href={itemHref(programId, detail.orderItem.id)}>{detail.orderItem.title}</Link> ({detail.orderItem.state}
            {detail.orderItem.orderedOn ? `, placed ${formatDate(detail.orderItem.orderedOn)}` : ', not placed yet'}
            {detail.orderItem.deadline ? `, needed by ${formatDate(detail.orderItem.deadline)}` : ''}).
          </p>
        ) : p && p.order.quantity > 0 ? (
          <div className="row cap-order">
            <p>
              {`Creates a procurement item for ${amount(p.order.quantity)} ${u}: may start ${p.orderBy ? formatDate(p.orderBy) : 'now'}, needed by ${p.runOut ? formatDate(p.runOut) : '—'}, lead ${p.leadDays + p.marginDays} working days; the risk rules then watch it.`}
            </p>
            {canEdit ? (
              <button type="button" className="btn primary" disabled={busy} onClick={order}>
                {busy ? 'Ordering…' : `Order ${amount(p.order.quantity)} ${u}`}
              </button>
            ) : null}
          </div>
        ) : (
          <p className="faint">Nothing to order: the usable capacity covers the projected demand.</p>
        )}
        {problem ? <ProblemBanner problem={problem} /> : null}
      </section>
      {canEdit ? <UsageUpload programId={programId} resource={detail} onStored={onChanged} /> : null}
    </div>
  );
}
