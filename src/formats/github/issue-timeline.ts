import type { ExternalActivity } from '../../domain/external-work.js';
import type { ItemId } from '../../domain/ids.js';
import type { GithubTimelineEvent } from './github-nodes.js';

/** The account GitHub shows for a deleted user. */
const GHOST = 'ghost';

const CLOSED_AS: Readonly<Record<string, string>> = {
  COMPLETED: 'closed',
  NOT_PLANNED: 'closed as not planned',
  DUPLICATE: 'closed as duplicate',
};

/**
 * An issue's timeline events → activity entries beside the item's history, one per event, keyed by
 * the event's node id so a re-sync records each once. Fields are named as GitHub shows them.
 */
export function timelineActivity(item: ItemId, events: readonly (GithubTimelineEvent | null)[]): ExternalActivity[] {
  const out: ExternalActivity[] = [];
  for (const e of events) {
    if (!e?.id || !e.createdAt) continue;
    const base = { id: `github:${e.id}`, item, at: e.createdAt, actor: e.actor?.login ?? GHOST };
    const change = changeOf(e);
    if (change) out.push({ ...base, ...change });
  }
  return out;
}

function changeOf(e: GithubTimelineEvent): { field: string; from?: string; to?: string } | undefined {
  switch (e.__typename) {
    case 'ClosedEvent':
      return { field: 'state', from: 'open', to: CLOSED_AS[e.stateReason ?? 'COMPLETED'] ?? 'closed' };
    case 'ReopenedEvent':
      return { field: 'state', from: 'closed', to: 'open' };
    case 'RenamedTitleEvent':
      return { field: 'title', ...(e.previousTitle ? { from: e.previousTitle } : {}), ...(e.currentTitle ? { to: e.currentTitle } : {}) };
    case 'LabeledEvent':
      return e.label ? { field: 'labels', to: e.label.name } : undefined;
    case 'UnlabeledEvent':
      return e.label ? { field: 'labels', from: e.label.name } : undefined;
    case 'AssignedEvent':
      return { field: 'assignee', to: e.assignee?.login ?? GHOST };
    case 'UnassignedEvent':
      return { field: 'assignee', from: e.assignee?.login ?? GHOST };
    case 'MilestonedEvent':
      return e.milestoneTitle ? { field: 'milestone', to: e.milestoneTitle } : undefined;
    case 'DemilestonedEvent':
      return e.milestoneTitle ? { field: 'milestone', from: e.milestoneTitle } : undefined;
    default:
      return undefined;
  }
}
