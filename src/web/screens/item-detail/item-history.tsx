import type { ChangeSet } from '../../api/types';
import { Empty } from '../../components/feedback';
import { fieldChanges, relativeTime } from './change-words';

const OP: Record<string, string> = { create: 'created it', update: 'changed', delete: 'removed it' };

/** An item's change sets as a timeline, newest first: who, when, and each field before → after. */
export function ItemHistory({ sets }: { sets: ChangeSet[] }) {
  if (sets.length === 0) return <Empty>No changes yet.</Empty>;
  return (
    <ol className="it-timeline" aria-label="Timeline">
      {sets.map((s) =>
        s.changes.map((c) => {
          const fields = fieldChanges(c);
          return (
            <li key={`${s.id}:${c.entity}:${c.id}`} className={`it-event ${c.op}`}>
              <div className="it-event-head">
                <strong>{s.actor}</strong> <span className="muted">{OP[c.op] ?? c.op}</span>
                {c.entity !== 'item' ? <span className="muted"> {c.entity}</span> : null}
                <time className="faint" dateTime={s.at} title={new Date(s.at).toLocaleString()}>
                  {relativeTime(s.at)}
                </time>
              </div>
              {c.op === 'update' ? (
                <ul className="it-diffs">
                  {fields.map((f) => (
                    <li key={f.field}>
                      <span className="it-field">{f.field}</span> <span className="it-before">{f.before}</span>
                      <span className="faint"> → </span>
                      <span className="it-after">{f.after}</span>
                    </li>
                  ))}
                </ul>
              ) : null}
              <div className="faint it-source">
                v{s.version} · {s.source}
              </div>
            </li>
          );
        }),
      )}
    </ol>
  );
}
