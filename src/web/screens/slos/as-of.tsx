import type { SloStatus } from '../../api/types';
import { setQueryParam } from '../../router';

const stamp = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

/**
 * Which instant the figures are computed at. Budgets are as of now unless `?at=` says otherwise;
 * when the stored SLI data ends well before now (or lies ahead of it, as in the sample program's
 * 2027 review), "now" shows empty windows, so this offers the last sample's instant instead.
 */
export function AsOf({ slos, at }: { slos: readonly SloStatus[]; at: string | undefined }) {
  if (at)
    return (
      <div className="notice slo-asof" role="note">
        <span>
          Figures as of <strong>{stamp(new Date(at).toISOString())}</strong>
        </span>
        <button type="button" className="btn ghost small" onClick={() => setQueryParam('at', undefined)}>
          Back to now
        </button>
      </div>
    );
  const ends = slos.flatMap((s) => (s.data?.to ? [s.data.to] : [])).sort();
  const latest = ends[ends.length - 1];
  if (!latest) return null;
  const gapMs = Date.now() - Date.parse(latest);
  if (gapMs >= 0 && gapMs < 6 * 3_600_000) return null;
  return (
    <div className="notice slo-asof" role="note">
      <span>
        The stored SLI data {gapMs < 0 ? 'runs ahead of now, to' : 'ends at'} <strong>{stamp(latest)}</strong>; these figures are as of now.
      </span>
      <button type="button" className="btn small" onClick={() => setQueryParam('at', latest)}>
        Show as of the last sample
      </button>
    </div>
  );
}
