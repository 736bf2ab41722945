import type { ServiceCatalog } from '../../api/types';
import { itemHref, programHref } from '../../nav';
import { Link } from '../../router';
import { LifecycleBadge, TierBadge } from './tier-badge';

export type CatalogRow = ServiceCatalog['services'][number];

/**
 * The catalog: one row per service or resource with what a TPM asks of it (whose, how critical,
 * who leans on it, what work touches it, its SLOs, anything burning). "Change…" opens its blast radius.
 */
export function CatalogTable({
  programId,
  rows,
  selected,
  canEdit,
  onChange,
  onEdit,
}: {
  programId: string;
  rows: readonly CatalogRow[];
  selected: string | undefined;
  canEdit: boolean;
  onChange: (id: string) => void;
  onEdit: (id: string) => void;
}) {
  return (
    <div className="sv-table-wrap">
      <table className="data sv-table" aria-label="Service catalog">
        <thead>
          <tr>
            <th>Service</th>
            <th>Owner</th>
            <th title="Tier (1 is the most critical) and lifecycle">Tier</th>
            <th>APIs</th>
            <th className="num" title="Direct consumers: services that depend on it or consume an API it provides">
              Used by
            </th>
            <th>Linked work</th>
            <th className="num">SLOs</th>
            <th className="num" title="Open incidents">
              Incidents
            </th>
            <th aria-label="Actions" />
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr key={s.id} data-service={s.id} aria-selected={selected === s.id ? true : undefined}>
              <td>
                <div className="sv-name">
                  <strong>{s.name}</strong>
                  <span className="faint mono">
                    {s.id}
                    {s.kind === 'resource' ? ` · ${s.type ?? 'resource'}` : s.type && s.type !== 'service' ? ` · ${s.type}` : ''}
                    {s.system ? ` · ${s.system}` : ''}
                  </span>
                </div>
              </td>
              <td className="sv-owner">{s.teamName}</td>
              <td>
                <div className="sv-tier-cell">
                  <TierBadge tier={s.tier} />
                  <LifecycleBadge lifecycle={s.lifecycle} />
                </div>
              </td>
              <td>
                <div className="sv-apis">
                  {s.provides.map((a) => (
                    <span key={`p${a}`} className="sv-api provides" title={`Provides ${a}`}>
                      <span aria-hidden="true">↑</span> {a}
                    </span>
                  ))}
                  {s.consumes.map((a) => (
                    <span key={`c${a}`} className="sv-api consumes" title={`Consumes ${a}`}>
                      <span aria-hidden="true">↓</span> {a}
                    </span>
                  ))}
                  {s.provides.length + s.consumes.length === 0 ? <span className="faint">—</span> : null}
                </div>
              </td>
              <td className="num">{s.consumers > 0 ? s.consumers : <span className="faint">0</span>}</td>
              <td className="sv-work">
                {s.items.length === 0 ? (
                  <span className="faint">—</span>
                ) : (
                  <>
                    <Link href={itemHref(programId, (s.items[0] as CatalogRow['items'][number]).id)} title={s.items[0]?.title}>
                      {s.items[0]?.title}
                    </Link>
                    {s.items.length > 1 ? (
                      <span className="faint" title={s.items.map((i) => i.title).join('\n')}>
                        {' '}
                        +{s.items.length - 1}
                      </span>
                    ) : null}
                  </>
                )}
              </td>
              <td className="num">
                {s.slos.length > 0 ? (
                  <Link href={`${programHref(programId, 'slos')}?service=${encodeURIComponent(s.id)}`}>{s.slos.length}</Link>
                ) : (
                  <span className="faint">0</span>
                )}
              </td>
              <td className="num">
                {s.openIncidents > 0 ? <span className="badge red">{s.openIncidents} open</span> : <span className="faint">0</span>}
              </td>
              <td className="num sv-actions">
                <button type="button" className="btn small" onClick={() => onChange(s.id)} aria-label={`Blast radius of ${s.name}`}>
                  Blast radius
                </button>
                {canEdit ? (
                  <button type="button" className="btn ghost small" onClick={() => onEdit(s.id)} aria-label={`Edit ${s.name}`} title="Edit">
                    ✎
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
