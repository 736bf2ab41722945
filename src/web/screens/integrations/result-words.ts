import type { IntegrationResult, SyncSummary } from './integration-types';

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** "12 created, 40 updated, 2 removed" — only the buckets that moved, else "no changes". */
export function syncWords(s: SyncSummary): string {
  const parts = [
    s.created.length ? `${s.created.length.toLocaleString('en')} created` : '',
    s.updated.length ? `${s.updated.length.toLocaleString('en')} updated` : '',
    s.removed.length ? `${s.removed.length.toLocaleString('en')} removed` : '',
    s.restored.length ? `${s.restored.length.toLocaleString('en')} restored` : '',
    s.dependencies.added || s.dependencies.removed
      ? `dependencies +${s.dependencies.added.toLocaleString('en')}/−${s.dependencies.removed.toLocaleString('en')}`
      : '',
  ].filter(Boolean);
  const skipped = (s.cycleLinksSkipped ?? []).map(
    (c) => `left out ${c.from} → ${c.to}, which closes the cycle ${c.cycle.join(' → ')} (fix the links in the tracker)`,
  );
  return `${plural(s.fetched, 'issue')} read: ${[...(parts.length ? parts : ['no changes']), ...skipped].join(', ')}`;
}

const isSync = (v: unknown): v is SyncSummary => typeof v === 'object' && v !== null && 'fetched' in v && 'created' in v;

/** What a result says, in words, without its time. */
export function resultWords(r: IntegrationResult): string {
  if (!r.ok) return r.error ?? 'failed';
  const s = r.summary as Record<string, unknown> | null;
  if (r.kind === 'sync' && isSync(s)) return syncWords(s);
  if (r.kind === 'test' && s && typeof s.account === 'string') {
    const detail = typeof s.detail === 'string' ? s.detail : '';
    return detail.includes(s.account) ? detail : `Signed in as ${s.account}${detail ? `. ${detail}` : ''}`;
  }
  if (r.kind === 'publish' && s && typeof s.url === 'string')
    return `${s.created ? 'page created' : `page updated to version ${String(s.version ?? '?')}`}: ${s.url}`;
  if (r.kind === 'publish' && s && typeof s.blocks === 'number') return `summary posted (${s.blocks} blocks)`;
  if (r.kind === 'publish') return 'published';
  return 'done';
}

export const RUN_NAMES: Record<IntegrationResult['kind'], string> = { sync: 'Sync', publish: 'Publish', test: 'Connection test' };

/** "today 14:05", "yesterday 09:12", "3 Nov 16:40" in the viewer's zone. */
export function when(iso: string, now = new Date()): string {
  const d = new Date(iso);
  const time = d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  const day = (x: Date) => x.toDateString();
  if (day(d) === day(now)) return `today ${time}`;
  if (day(d) === day(new Date(now.getTime() - 86_400_000))) return `yesterday ${time}`;
  return `${d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', ...(d.getFullYear() === now.getFullYear() ? {} : { year: 'numeric' }) })} ${time}`;
}
