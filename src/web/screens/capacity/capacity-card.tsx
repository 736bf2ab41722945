import { RagBadge } from '../../components/badges';
import { formatDate } from '../../components/charts/scales';
import { amount, type CapacityResourceView, share } from './capacity-types';

const daysLeft = (n: number | null) => (n === null ? '—' : n < 0 ? `${-n} late` : `${n}`);

/** One resource at a glance: RAG, what to do, run-out, order-by, working days left, and how full it is. */
export function CapacityCard({ resource, onOpen }: { resource: CapacityResourceView; onOpen: () => void }) {
  const p = resource.plan;
  const fill = p ? Math.min(1, p.current.value / p.installed) : 0;
  const usableMark = p ? Math.min(1, p.usable / p.installed) : 0;
  return (
    <article className={`card cap-card ${resource.rag}`} aria-label={resource.name} data-resource={resource.id} data-rag={resource.rag}>
      <header className="cap-card-head">
        <div>
          <h3>
            <button type="button" className="cap-open" onClick={onOpen}>
              {resource.name}
            </button>
          </h3>
          <div className="faint cap-sub">{[resource.team, resource.vendor, resource.unit].filter(Boolean).join(' · ')}</div>
        </div>
        <RagBadge rag={resource.rag} />
      </header>
      <p className="cap-headline">{resource.headline}</p>
      {p ? (
        <>
          <dl className="cap-stats">
            <div>
              <dt>Runs out</dt>
              <dd>{p.runOut ? formatDate(p.runOut) : 'not in 5 years'}</dd>
            </div>
            <div>
              <dt>Order by</dt>
              <dd className={p.late ? 'late' : ''}>{p.orderBy ? formatDate(p.orderBy) : '—'}</dd>
            </div>
            <div>
              <dt>Working days left</dt>
              <dd className={p.late ? 'late' : ''}>{daysLeft(p.workingDaysUntilOrderBy)}</dd>
            </div>
            <div>
              <dt>Order</dt>
              <dd>{resource.orderItem ? resource.orderItem.id : `${amount(p.order.quantity)} ${resource.unit}`}</dd>
            </div>
          </dl>
          <div className="cap-fill-row">
            <div className="cap-fill" aria-hidden="true">
              <div className={`cap-fill-used ${p.usableShare > 1 ? 'over' : ''}`} style={{ width: `${fill * 100}%` }} />
              <div className="cap-fill-usable" style={{ left: `${usableMark * 100}%` }} />
            </div>
            <span className="faint">
              {amount(p.current.value)} of {amount(p.usable)} usable ({share(p.usableShare)}), {amount(p.installed)} installed
            </span>
          </div>
        </>
      ) : null}
    </article>
  );
}
