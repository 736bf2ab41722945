/** A service's tier: 1 is the most critical. Untiered services show a quiet dash. */
export function TierBadge({ tier }: { tier: number | null | undefined }) {
  if (tier === null || tier === undefined) return <span className="faint">—</span>;
  return (
    <span className={`sv-tier t${Math.min(tier, 4)}`} title={`Tier ${tier}${tier === 1 ? ' (most critical)' : ''}`}>
      Tier {tier}
    </span>
  );
}

/** Lifecycle in words, toned: production is the norm, experimental and deprecated stand out. */
export function LifecycleBadge({ lifecycle }: { lifecycle: string | null | undefined }) {
  if (!lifecycle) return <span className="faint">—</span>;
  if (lifecycle === 'production') return <span className="sv-lifecycle">production</span>;
  return <span className={`badge ${lifecycle === 'deprecated' ? 'amber' : 'accent'}`}>{lifecycle}</span>;
}
