import { useState } from 'react';
import { StateBadge } from '../../components/badges';
import { itemHref } from '../../nav';
import { Link } from '../../router';
import type { Finding } from './risk-types';

const SHOWN = 6;
const when = (iso: string) => new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

/** One detected risk: what, why (the evidence), what to do, the items involved, and its review. */
export function FindingCard({
  programId,
  finding,
  titles,
  canEdit,
  onReview,
}: {
  programId: string;
  finding: Finding;
  titles: ReadonlyMap<string, string>;
  canEdit: boolean;
  onReview: (finding: Finding, verdict: 'acknowledged' | 'dismissed') => void;
}) {
  const f = finding;
  const [all, setAll] = useState(false);
  // A funnel or bottleneck finding can name dozens of items: the first few, and the rest on request.
  const items = all ? f.items : f.items.slice(0, SHOWN);
  const teams = all ? f.teams : f.teams.slice(0, SHOWN);
  const hidden = f.items.length - items.length + f.teams.length - teams.length;
  const dismissed = f.review?.verdict === 'dismissed';
  return (
    <li className={`rk-finding sev-${f.severity} ${f.review ? `rv-${f.review.verdict}` : ''}`}>
      <div className="rk-finding-head">
        <StateBadge value={f.severity} />
        <h3>{f.title}</h3>
        <span className="rk-rule mono faint" title="Detection rule">
          {f.rule}
        </span>
      </div>
      <p className="rk-evidence">{f.explanation}</p>
      <p className="rk-action">
        <span className="faint">Do: </span>
        {f.action}
      </p>
      {f.items.length > 0 || f.teams.length > 0 ? (
        <div className="rk-involved">
          {items.map((i) => (
            <Link key={i} href={itemHref(programId, i)} className="rk-chip" title={titles.get(i) ?? i}>
              <span className="mono">{i}</span>
              {titles.get(i) ? <span className="rk-chip-title">{titles.get(i)}</span> : null}
            </Link>
          ))}
          {teams.map((t) => (
            <span key={t} className="rk-chip team">
              team {t}
            </span>
          ))}
          {hidden > 0 ? (
            <button type="button" className="btn small ghost rk-more" onClick={() => setAll(true)}>
              +{hidden} more
            </button>
          ) : null}
        </div>
      ) : null}
      <div className="rk-finding-foot">
        {f.review ? (
          <span className={`rk-verdict ${f.review.verdict}`}>
            {f.review.verdict === 'acknowledged' ? '✓ Acknowledged' : 'Dismissed'} by {f.review.actor} on {when(f.review.at)}
            {f.review.reason ? <span className="muted"> — “{f.review.reason}”</span> : null}
          </span>
        ) : (
          <span className="faint">Not reviewed yet</span>
        )}
        {canEdit ? (
          <span className="row">
            {dismissed ? (
              <button type="button" className="btn small" onClick={() => onReview(f, 'acknowledged')}>
                Restore
              </button>
            ) : (
              <>
                {f.review?.verdict !== 'acknowledged' ? (
                  <button
                    type="button"
                    className="btn small"
                    onClick={() => onReview(f, 'acknowledged')}
                    aria-label={`Acknowledge: ${f.title}`}
                  >
                    Acknowledge
                  </button>
                ) : null}
                <button
                  type="button"
                  className="btn small ghost"
                  onClick={() => onReview(f, 'dismissed')}
                  aria-label={`Dismiss: ${f.title}`}
                >
                  Dismiss
                </button>
              </>
            )}
          </span>
        ) : null}
      </div>
    </li>
  );
}
