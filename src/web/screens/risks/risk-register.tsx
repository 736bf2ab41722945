import type { Risk, Tagged } from '../../api/types';
import { RISK_STATUSES } from '../../api/types';
import { StateBadge } from '../../components/badges';
import type { FieldSpec } from '../../components/entity-form';
import { itemHref } from '../../nav';
import { Link } from '../../router';

export const RISK_FIELDS: readonly FieldSpec[] = [
  { name: 'id', label: 'Id', type: 'text', createOnly: true, hint: 'e.g. r-vendor-delay; letters, digits, - and _' },
  { name: 'title', label: 'Risk', type: 'text', full: true },
  { name: 'probability', label: 'Probability', type: 'number', hint: 'chance it happens, 0 to 1 (0.3 = 30 %)' },
  { name: 'status', label: 'Status', type: 'select', options: RISK_STATUSES },
  { name: 'impact.days', label: 'Impact (working days)', type: 'number', hint: 'days the program would lose' },
  { name: 'impact.cost', label: 'Impact (cost)', type: 'number', hint: 'money it would cost' },
  { name: 'owner', label: 'Owner', type: 'text' },
  { name: 'team', label: 'Team', type: 'text', hint: 'team id, e.g. dbre' },
  { name: 'items', label: 'Items affected', type: 'list', full: true, hint: 'item ids, comma-separated' },
  { name: 'mitigation', label: 'Mitigation', type: 'textarea' },
  { name: 'description', label: 'Description', type: 'textarea' },
];

/** Expected loss: probability × impact, per unit. */
export const exposureOf = (r: Risk) => ({
  days: r.impact.days !== undefined ? r.probability * r.impact.days : undefined,
  cost: r.impact.cost !== undefined ? r.probability * r.impact.cost : undefined,
});

/** Open risks first, then by exposure in days, then in cost: the order a TPM reads them. */
export function byExposure(list: readonly Tagged<Risk>[]): Tagged<Risk>[] {
  const closed = (r: Risk) => (r.status === 'closed' ? 1 : 0);
  return [...list].sort((a, b) => {
    const x = exposureOf(a.value);
    const y = exposureOf(b.value);
    return (
      closed(a.value) - closed(b.value) ||
      (y.days ?? 0) - (x.days ?? 0) ||
      (y.cost ?? 0) - (x.cost ?? 0) ||
      a.value.id.localeCompare(b.value.id)
    );
  });
}

const money = (n: number) => n.toLocaleString(undefined, { maximumFractionDigits: 0 });
const days = (n: number) => `${Math.round(n * 10) / 10} d`;

/** The manual register as a table, largest exposure first; a row opens the risk for editing. */
export function RiskRegister({
  programId,
  risks,
  canEdit,
  onEdit,
}: {
  programId: string;
  risks: readonly Tagged<Risk>[];
  canEdit: boolean;
  onEdit: (risk: Tagged<Risk>) => void;
}) {
  const maxDays = Math.max(1, ...risks.map((r) => exposureOf(r.value).days ?? 0));
  return (
    <table className="data rk-register" aria-label="Risk register">
      <thead>
        <tr>
          <th>Risk</th>
          <th className="num">Probability</th>
          <th className="num">Impact</th>
          <th>Exposure</th>
          <th>Owner</th>
          <th>Status</th>
          {canEdit ? <th aria-label="Actions" /> : null}
        </tr>
      </thead>
      <tbody>
        {byExposure(risks).map((t) => {
          const r = t.value;
          const e = exposureOf(r);
          return (
            <tr key={r.id} className={r.status === 'closed' ? 'rk-closed' : ''}>
              <td className="rk-risk">
                <div className="rk-risk-title">{r.title}</div>
                <div className="faint mono">
                  {r.id}
                  {r.items.length > 0 ? ' · ' : ''}
                  {r.items.map((i, n) => (
                    <span key={i}>
                      {n > 0 ? ', ' : ''}
                      <Link href={itemHref(programId, i)}>{i}</Link>
                    </span>
                  ))}
                </div>
                {r.mitigation ? (
                  <div className="rk-mitigation">
                    <span className="faint">Mitigation: </span>
                    {r.mitigation}
                  </div>
                ) : (
                  <div className="rk-mitigation faint">No mitigation yet</div>
                )}
              </td>
              <td className="num">{Math.round(r.probability * 100)} %</td>
              <td className="num">
                {[r.impact.days !== undefined ? days(r.impact.days) : '', r.impact.cost !== undefined ? money(r.impact.cost) : '']
                  .filter(Boolean)
                  .join(' · ')}
              </td>
              <td className="rk-exposure">
                {e.days !== undefined ? (
                  <span className="rk-bar" aria-hidden="true">
                    <span style={{ width: `${Math.max(4, (e.days / maxDays) * 100)}%` }} />
                  </span>
                ) : null}
                <span className="num">
                  {[e.days !== undefined ? days(e.days) : '', e.cost !== undefined ? money(e.cost) : ''].filter(Boolean).join(' · ')}
                </span>
              </td>
              <td className="rk-owner">{r.owner ?? <span className="faint">—</span>}</td>
              <td>
                <StateBadge value={r.status} />
              </td>
              {canEdit ? (
                <td>
                  <button type="button" className="btn small ghost" onClick={() => onEdit(t)} aria-label={`Edit ${r.title}`}>
                    Edit
                  </button>
                </td>
              ) : null}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
