import { programPath } from '../api/client';
import { useResource } from '../api/use-resource';
import { Empty, Loaded } from '../components/feedback';
import { PageHead } from '../components/page-head';
import { useProgram } from '../program-context';
import { setQueryParam, useLocation } from '../router';
import { CapacityCard } from './capacity/capacity-card';
import { CapacityDetailView } from './capacity/capacity-detail';
import type { CapacityDetail, CapacityStatus } from './capacity/capacity-types';
import '../components/charts/charts.css';
import './capacity.css';

const MONTHS = [3, 6, 12, 18, 24];

/** Capacity planning: every resource worst first, or one in detail (?resource=), on a day (?asOf=) with orders covering ?months=. */
export function CapacityScreen() {
  const { id, version, canEdit } = useProgram();
  const { query } = useLocation();
  const asOf = query.get('asOf') ?? undefined;
  const months = query.get('months') ?? '6';
  const open = query.get('resource') ?? undefined;
  const params = { months, ...(asOf ? { asOf } : {}) };
  const status = useResource<CapacityStatus>(programPath(id, 'capacity', 'status'), params, version);
  const detail = useResource<CapacityDetail>(open ? programPath(id, 'capacity', open, 'plan') : undefined, params, version);

  const controls = (
    <>
      <label className="cap-control">
        As of
        <input type="date" value={asOf ?? status.value?.today ?? ''} onChange={(e) => setQueryParam('asOf', e.target.value || undefined)} />
      </label>
      <label className="cap-control">
        Orders cover
        <select value={months} onChange={(e) => setQueryParam('months', e.target.value)}>
          {MONTHS.map((m) => (
            <option key={m} value={m}>
              {m} months
            </option>
          ))}
        </select>
      </label>
    </>
  );

  if (open)
    return (
      <div className="page cap-page">
        <div className="row cap-controls">{controls}</div>
        <Loaded resource={detail} label="Projecting demand…">
          {(d) => (
            <CapacityDetailView
              programId={id}
              detail={d}
              canEdit={canEdit}
              onChanged={() => {
                detail.reload();
                status.reload();
              }}
            />
          )}
        </Loaded>
      </div>
    );

  return (
    <div className="page cap-page">
      <Loaded resource={status} label="Projecting demand…">
        {(s) => {
          const sub = [
            `${s.resources.length} resources`,
            s.counts.red ? `${s.counts.red} red` : '',
            s.counts.amber ? `${s.counts.amber} amber` : '',
            s.counts.green ? `${s.counts.green} green` : '',
            `as of ${s.today}`,
          ].filter(Boolean);
          return (
            <>
              <PageHead
                title="Capacity"
                sub={s.resources.length ? sub.join(' · ') : 'What the program runs on, and when to buy more.'}
                actions={controls}
              />
              <AheadNotice status={s} asOf={asOf} />
              {s.resources.length === 0 ? (
                <Empty>
                  No capacity resources yet: add them under capacity: in the program file (unit, installed, used, headroom, lead time,
                  demand).
                </Empty>
              ) : (
                <div className="grid cols-3 cap-grid">
                  {s.resources.map((r) => (
                    <CapacityCard key={r.id} resource={r} onOpen={() => setQueryParam('resource', r.id)} />
                  ))}
                </div>
              )}
            </>
          );
        }}
      </Loaded>
    </div>
  );
}

/**
 * When the measured usage is dated after the day shown (the sample program's 2027 review, seen
 * today), the figures project backwards from it: offer the day of the latest measurement instead.
 */
function AheadNotice({ status, asOf }: { status: CapacityStatus; asOf: string | undefined }) {
  const latest = status.resources
    .map((r) => r.plan?.current.date ?? '')
    .filter((d) => d > status.today)
    .sort()
    .pop();
  if (asOf || !latest) return null;
  return (
    <div className="notice row cap-ahead" role="note">
      <span>
        Usage is measured up to <strong>{latest}</strong>, after today; these figures are as of today.
      </span>
      <button type="button" className="btn small" onClick={() => setQueryParam('asOf', latest)}>
        Show as of {latest}
      </button>
    </div>
  );
}
