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
/** A change set with more changes than this (a file load) is told as a tally, not change by change. */
const LISTED = 5;
const SETS_SHOWN = 6;

type Change = ChangeSet['changes'][number];

/** "163 items, 237 dependencies and 8 risks". */
function tally(changes: readonly Change[]): string {
  const counts = new Map<string, number>();
  for (const c of changes) counts.set(c.entity, (counts.get(c.entity) ?? 0) + 1);
  const parts = [...counts].map(([e, n]) => `${n} ${(NOUN[e] ?? [e, `${e}s`])[n === 1 ? 0 : 1]}`);
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/** The week's change sets grouped by who made them, newest first: small edits change by change, file loads as a tally. */
export function WeekChanges({ programId, sets }: { programId: string; sets: ChangeSet[] }) {
  if (sets.length === 0) return <Empty>Nothing changed in the last seven days.</Empty>;
  const byActor = new Map<string, ChangeSet[]>();
  for (const s of sets) byActor.set(s.actor, [...(byActor.get(s.actor) ?? []), s]);
  return (
    <div className="ov-week">
      {[...byActor].map(([actor, own]) => (
        <div key={actor} className="ov-actor">
          <div className="ov-actor-head">
            <span className="ov-avatar" aria-hidden="true">
              {actor.slice(0, 2).toUpperCase()}
            </span>
            <strong>{actor}</strong>
            <span className="muted">
              {own.length} {own.length === 1 ? 'change set' : 'change sets'}: {tally(own.flatMap((s) => s.changes))}
            </span>
          </div>
          <ul className="ov-changes">
            {own.slice(0, SETS_SHOWN).map((s) =>
              s.changes.length > LISTED ? (
                <li key={s.id}>
                  <span className="faint ov-time">{relativeTime(s.at)}</span>
                  <span>
                    {/^(load|import) /.test(s.source) ? s.source.replace(/^(load|import) /, 'loaded ') : `changed via ${s.source}`}:{' '}
                    {tally(s.changes)}
                  </span>
                </li>
              ) : (
                s.changes.map((c) => <ChangeLine key={`${s.id}:${c.entity}:${c.id}`} programId={programId} at={s.at} change={c} />)
              ),
            )}
            {own.length > SETS_SHOWN ? <li className="faint">and {own.length - SETS_SHOWN} earlier change sets</li> : null}
          </ul>
        </div>
      ))}
    </div>
  );
}

function ChangeLine({ programId, at, change: c }: { programId: string; at: string; change: Change }) {
  const fields = fieldChanges(c);
  const name = entityName(c);
  return (
    <li>
      <span className="faint ov-time">{relativeTime(at)}</span>
      <span>
        <span className="faint">
          {VERB[c.op] ?? c.op} {(NOUN[c.entity] ?? [c.entity])[0]}
        </span>{' '}
        {c.entity === 'item' && c.op !== 'delete' ? <Link href={itemHref(programId, c.id)}>{name}</Link> : <strong>{name}</strong>}
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
      </span>
    </li>
  );
}
