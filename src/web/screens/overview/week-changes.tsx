import type { ChangeSet } from '../../api/types';
import { Empty } from '../../components/feedback';
import { itemHref } from '../../nav';
import { Link } from '../../router';
import { entityName, fieldChanges, relativeTime } from '../item-detail/change-words';

const NOUN: Record<string, [string, string]> = {
  item: ['item', 'items'],
  dependency: ['dependency', 'dependencies'],
  risk: ['risk', 'risks'],
  decision: ['decision', 'decisions'],
  team: ['team', 'teams'],
  workstream: ['workstream', 'workstreams'],
  program: ['program setting', 'program settings'],
};
const VERB: Record<string, string> = { create: 'added', update: 'changed', delete: 'removed' };

/** The week's change sets grouped by who made them, newest first, each change in a short sentence. */
export function WeekChanges({ programId, sets }: { programId: string; sets: ChangeSet[] }) {
  if (sets.length === 0) return <Empty>Nothing changed in the last seven days.</Empty>;
  const byActor = new Map<string, ChangeSet[]>();
  for (const s of sets) byActor.set(s.actor, [...(byActor.get(s.actor) ?? []), s]);
  return (
    <div className="ov-week">
      {[...byActor].map(([actor, own]) => {
        const changes = own.flatMap((s) => s.changes.map((c) => ({ ...c, at: s.at, source: s.source })));
        const counts = new Map<string, number>();
        for (const c of changes) counts.set(c.entity, (counts.get(c.entity) ?? 0) + 1);
        const tally = [...counts].map(([e, n]) => `${n} ${(NOUN[e] ?? [e, `${e}s`])[n === 1 ? 0 : 1]}`).join(', ');
        return (
          <div key={actor} className="ov-actor">
            <div className="ov-actor-head">
              <span className="ov-avatar" aria-hidden="true">
                {actor.slice(0, 2).toUpperCase()}
              </span>
              <strong>{actor}</strong>
              <span className="muted">changed {tally}</span>
              <span className="faint ov-when">{relativeTime(own[0]?.at ?? '')}</span>
            </div>
            <ul className="ov-changes">
              {changes.slice(0, 8).map((c) => {
                const fields = fieldChanges(c);
                const name = entityName(c);
                return (
                  <li key={`${c.at}:${c.entity}:${c.id}`}>
                    <span className="faint">{VERB[c.op] ?? c.op}</span>{' '}
                    {c.entity === 'item' && c.op !== 'delete' ? (
                      <Link href={itemHref(programId, c.id)}>{name}</Link>
                    ) : (
                      <strong>{name}</strong>
                    )}
                    {c.op === 'update' && fields.length > 0 ? (
                      <span className="muted">
                        {' '}
                        —{' '}
                        {fields.slice(0, 3).map((f, i) => (
                          <span key={f.field}>
                            {i > 0 ? '; ' : ''}
                            {f.field} <span className="ov-before">{f.before}</span> → <span className="ov-after">{f.after}</span>
                          </span>
                        ))}
                        {fields.length > 3 ? ` and ${fields.length - 3} more` : ''}
                      </span>
                    ) : null}
                    {c.source.startsWith('import') ? <span className="faint"> · {c.source}</span> : null}
                  </li>
                );
              })}
              {changes.length > 8 ? <li className="faint">and {changes.length - 8} more changes</li> : null}
            </ul>
          </div>
        );
      })}
    </div>
  );
}
