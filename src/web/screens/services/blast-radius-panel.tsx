import { programPath } from '../../api/client';
import type { BlastRadius, ServiceCatalog } from '../../api/types';
import { useResource } from '../../api/use-resource';
import { StateBadge } from '../../components/badges';
import { Loading, ProblemBanner } from '../../components/feedback';
import { itemHref } from '../../nav';
import { Link } from '../../router';
import { RadiusGraph, stepOf } from './radius-graph';
import { TierBadge } from './tier-badge';

const LEVELS: Record<number, string> = { 1: 'L1 Stability', 2: 'L2 Reliability', 3: 'L3 Efficiency', 4: 'L4 Scale' };
/** Services between the change and this one: a path through an API counts the API as no step of its own. */
const serviceHops = (path: readonly string[]) => path.filter((step) => !step.startsWith('api:')).length - 1;
const hopsText = (n: number) => (n <= 1 ? 'direct' : `${n} hops`);

/**
 * "Change X": pick a service, resource or API and see every transitive consumer, grouped by owner
 * team (worst tier first), with the path that reaches it, the program work exposed, and a drawing.
 */
export function BlastRadiusPanel({
  programId,
  version,
  catalog,
  of,
  onPick,
}: {
  programId: string;
  version: number;
  catalog: ServiceCatalog;
  of: string | undefined;
  onPick: (ref: string | undefined) => void;
}) {
  const radius = useResource<BlastRadius>(of ? programPath(programId, 'blast-radius') : undefined, of ? { of } : undefined, version);
  const services = catalog.services.filter((s) => s.kind === 'service');
  const resources = catalog.services.filter((s) => s.kind === 'resource');
  const value = radius.value && radius.state !== 'error' ? radius.value : undefined;
  return (
    <section className="card sv-radius" aria-labelledby="sv-radius-title" id="blast-radius">
      <div className="sv-radius-head">
        <div>
          <h2 id="sv-radius-title">Blast radius</h2>
          <p className="muted sv-note">Everything that breaks, directly or through others, if this changes or goes down.</p>
        </div>
        <label className="sv-pick">
          <span>Change</span>
          <select aria-label="Change" value={of ?? ''} onChange={(e) => onPick(e.target.value || undefined)}>
            <option value="">Pick a service, resource or API…</option>
            <optgroup label="Services">
              {services.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </optgroup>
            {resources.length > 0 ? (
              <optgroup label="Resources">
                {resources.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </optgroup>
            ) : null}
            {catalog.apis.length > 0 ? (
              <optgroup label="APIs">
                {catalog.apis.map((a) => (
                  <option key={a.name} value={a.name}>
                    {a.name} (API)
                  </option>
                ))}
              </optgroup>
            ) : null}
          </select>
        </label>
      </div>
      {!of ? (
        <p className="muted">
          Pick what would change — a schema migration, an API version, a database failover — to list every service that depends on it, their
          owners and tiers, and the program work at stake.
        </p>
      ) : radius.state === 'error' ? (
        <ProblemBanner problem={radius.problem} onRetry={radius.reload} />
      ) : !value ? (
        <Loading label="Following dependencies…" />
      ) : (
        <RadiusBody programId={programId} radius={value} catalog={catalog} />
      )}
    </section>
  );
}

function RadiusBody({ programId, radius, catalog }: { programId: string; radius: BlastRadius; catalog: ServiceCatalog }) {
  const affected = radius.affected.filter((a) => a.kind !== 'api');
  const names = new Map<string, string>([[stepOf(radius.origin), radius.origin.name]]);
  for (const a of radius.affected) names.set(stepOf(a), a.name);
  for (const s of catalog.services) if (!names.has(s.id)) names.set(s.id, s.name);
  const tier1 = affected.filter((a) => a.tier === 1).length;
  const farthest = affected.reduce((m, a) => Math.max(m, serviceHops(a.path)), 0);
  const teams = [...radius.teams].sort((a, b) => (a.worstTier ?? 9) - (b.worstTier ?? 9) || b.count - a.count);
  const what = radius.origin.kind === 'api' ? 'API' : radius.origin.kind;
  if (affected.length === 0)
    return (
      <p className="sv-none" data-testid="radius-summary">
        Nothing depends on <strong>{radius.origin.name}</strong> ({what}): a change to it reaches no other service.
      </p>
    );
  return (
    <div className="stack">
      <p className="sv-summary" data-testid="radius-summary">
        Changing <strong>{radius.origin.name}</strong> ({what}) reaches <strong>{affected.length}</strong>{' '}
        {affected.length === 1 ? 'service' : 'services'} owned by <strong>{teams.length}</strong> {teams.length === 1 ? 'team' : 'teams'}
        {tier1 > 0 ? (
          <>
            , <span className="sv-hot">{tier1} of them tier 1</span>
          </>
        ) : null}
        {farthest > 1 ? `, up to ${farthest} hops away` : ', all directly'}.{' '}
        {radius.items.length > 0
          ? `${radius.items.length} program ${radius.items.length === 1 ? 'item touches' : 'items touch'} ${radius.origin.kind === 'api' ? 'them' : `${radius.origin.name} or what it reaches`}.`
          : ''}
      </p>
      {radius.cycles.length > 0 ? (
        <div className="notice sv-cycle" role="note">
          <strong>Dependency cycle:</strong> {radius.cycles.map((c) => c.map((r) => names.get(r) ?? r).join(' → ')).join('; ')} — a change
          can come back around to where it started.
        </div>
      ) : null}
      <RadiusGraph radius={radius} />
      <div className="sv-radius-cols">
        <div>
          <h3 className="sv-h3">Affected services by owner team</h3>
          {teams.map((t) => {
            const rows = affected
              .filter((a) => a.team === t.team)
              .sort((a, b) => serviceHops(a.path) - serviceHops(b.path) || (a.tier ?? 9) - (b.tier ?? 9));
            return (
              <table key={t.team} className="data sv-affected" aria-label={`Affected services of ${t.teamName}`} data-team={t.team}>
                <caption>
                  <div className="sv-caption">
                    <span>{t.teamName}</span>
                    <span className="faint">
                      {t.count} {t.count === 1 ? 'service' : 'services'}
                      {t.worstTier !== null ? ` · worst tier ${t.worstTier}` : ''}
                    </span>
                  </div>
                </caption>
                <tbody>
                  {rows.map((a) => (
                    <tr key={a.ref} data-ref={a.ref}>
                      <td className="sv-aff-name">{a.name}</td>
                      <td>
                        <TierBadge tier={a.tier} />
                      </td>
                      <td className="num faint sv-hops">{hopsText(serviceHops(a.path))}</td>
                      <td className="sv-path" aria-label={`Path to ${a.name}`}>
                        {a.path.map((r, i) => (
                          <span key={`${r}:${i.toString()}`}>
                            {i > 0 ? <span className="sv-arrow-text"> → </span> : null}
                            <span className={i === a.path.length - 1 ? 'sv-path-end' : r.startsWith('api:') ? 'sv-path-api' : ''}>
                              {names.get(r) ?? r}
                            </span>
                          </span>
                        ))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            );
          })}
        </div>
        <div>
          <h3 className="sv-h3">Program work exposed</h3>
          {radius.items.length === 0 ? (
            <p className="muted">No program item names an affected service.</p>
          ) : (
            <table className="data sv-work-table" aria-label="Program work exposed">
              <tbody>
                {radius.items.map((i) => (
                  <tr key={i.id}>
                    <td>
                      <Link href={itemHref(programId, i.id)}>{i.title}</Link>
                      <div className="faint sv-item-services">
                        {i.services.map((s) => names.get(s) ?? s).join(', ')}
                        {i.priority ? ` · ${LEVELS[i.priority]}` : ''}
                      </div>
                    </td>
                    <td>
                      <StateBadge value={i.state} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      </div>
    </div>
  );
}
