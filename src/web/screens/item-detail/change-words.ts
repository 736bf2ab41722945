import type { ChangeSet } from '../../api/types';

/** One field that changed in one change, in words a person reads. */
export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

const shown = (v: unknown): string => {
  if (v === undefined || v === null || v === '') return '—';
  if (Array.isArray(v)) return v.length ? v.map(shown).join(', ') : '—';
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('likely' in o) return `${o.optimistic}/${o.likely}/${o.pessimistic} d`;
    return JSON.stringify(v);
  }
  return String(v);
};

/** The fields whose values differ between before and after (created: every field set; deleted: none). */
export function fieldChanges(change: ChangeSet['changes'][number]): FieldChange[] {
  const before = (change.before ?? {}) as Record<string, unknown>;
  const after = (change.after ?? {}) as Record<string, unknown>;
  if (change.op === 'delete') return [];
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((f) => f !== 'id' && f !== 'from' && f !== 'to');
  return fields
    .filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]))
    .map((f) => ({ field: f, before: shown(before[f]), after: shown(after[f]) }));
}

/** "2 hours ago", "yesterday", "Mar 3". */
export function relativeTime(iso: string, now = Date.now()): string {
  const ms = now - new Date(iso).getTime();
  const min = Math.round(ms / 60_000);
  if (min < 1) return 'just now';
  if (min < 60) return `${min} min ago`;
  const h = Math.round(min / 60);
  if (h < 24) return `${h} h ago`;
  const d = Math.round(h / 24);
  if (d === 1) return 'yesterday';
  if (d < 7) return `${d} days ago`;
  return new Date(iso).toLocaleDateString('en-US', { month: 'short', day: 'numeric' });
}

/** The name of what changed: an item's title when the change carries it, else its id. */
export function entityName(change: ChangeSet['changes'][number]): string {
  const v = (change.after ?? change.before ?? {}) as Record<string, unknown>;
  if (change.entity === 'dependency') return `${String(v.from ?? '')} → ${String(v.to ?? '')}`.trim() || change.id;
  return typeof v.title === 'string' ? v.title : typeof v.name === 'string' ? v.name : change.id;
}
