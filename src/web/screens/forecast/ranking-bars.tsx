import { Link } from '../../router';

export interface Ranked {
  readonly id: string;
  readonly title: string;
  readonly href: string;
  /** Shown as the bar's length: 0–1. */
  readonly share: number;
  readonly value: string;
}

/** A top-N list as horizontal bars: the item's name (linking to it), a bar, the figure. */
export function RankingBars({ label, rows, tone }: { label: string; rows: readonly Ranked[]; tone: 'critical' | 'accent' }) {
  if (rows.length === 0) return <div className="empty">Nothing to rank in this run.</div>;
  return (
    <ol className={`fc-rank ${tone}`} aria-label={label}>
      {rows.map((r) => (
        <li key={r.id}>
          <Link href={r.href} className="fc-rank-name" title={`${r.id} — ${r.title}`}>
            {r.title}
          </Link>
          <span className="fc-rank-track" aria-hidden="true">
            <span className="fc-rank-bar" style={{ width: `${Math.max(1, Math.min(1, r.share) * 100)}%` }} />
          </span>
          <span className="fc-rank-value num">{r.value}</span>
        </li>
      ))}
    </ol>
  );
}
