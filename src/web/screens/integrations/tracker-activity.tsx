import { programPath } from '../../api/client';
import type { ItemSource, TrackerActivity } from '../../api/types';
import { useResource } from '../../api/use-resource';
import { ProblemBanner } from '../../components/feedback';
import { relativeTime } from '../item-detail/change-words';
import './tracker-activity.css';

const SYSTEM = { jira: 'Jira', github: 'GitHub' } as const;
const SHOWN = 50;

/** On an item synced from a tracker: its key (linked), when the tracker last changed it, whether it left the selection, and the tracker's own history of it. */
export function TrackerActivityPanel({
  programId,
  itemId,
  source,
  version,
}: {
  programId: string;
  itemId: string;
  source: ItemSource;
  version: number;
}) {
  const activity = useResource<{ activity: TrackerActivity[] }>(
    programPath(programId, 'items', itemId, 'activity'),
    { limit: SHOWN },
    version,
  );
  const name = SYSTEM[source.system];
  return (
    <section className="card ta-panel" aria-labelledby="ta-head">
      <div className="row ta-head">
        <h2 id="ta-head">From {name}</h2>
        {source.removed ? (
          <span className="badge amber">
            Removed from {name} on {source.removed}
          </span>
        ) : null}
      </div>
      <p className="ta-source">
        {source.url ? (
          <a href={source.url} target="_blank" rel="noreferrer">
            {source.key}
          </a>
        ) : (
          <strong>{source.key}</strong>
        )}
        {source.updated ? (
          <span className="faint">
            {' '}
            · updated in {name} {relativeTime(source.updated)}
          </span>
        ) : null}
      </p>
      {activity.state === 'error' && !activity.value ? <ProblemBanner problem={activity.problem} onRetry={activity.reload} /> : null}
      {activity.value ? (
        activity.value.activity.length ? (
          <ol className="ta-list">
            {activity.value.activity.map((a) => (
              <li key={a.id}>
                <span className="faint ta-when" title={new Date(a.at).toLocaleString()}>
                  {relativeTime(a.at)}
                </span>
                <span>
                  <strong>{a.actor}</strong> changed <em>{a.field}</em>
                  {a.from || a.to ? (
                    <>
                      {' '}
                      <span className="ta-from">{a.from || '—'}</span> → <span className="ta-to">{a.to || '—'}</span>
                    </>
                  ) : null}
                </span>
              </li>
            ))}
          </ol>
        ) : (
          <p className="muted ta-none">No {name} changelog recorded for it yet.</p>
        )
      ) : (
        <span className="spinner" />
      )}
    </section>
  );
}
