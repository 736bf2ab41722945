import type { ActionItem, ActionItemState, Postmortem } from '../../domain/incident.js';
import { err, ok, type Result } from '../../domain/result.js';
import type { ItemState, WorkItem } from '../../domain/work-item.js';
import { workItemSchema } from '../../domain/work-item.js';

export const POSTMORTEM_TAG = 'postmortem';

const STATE: Record<ActionItemState, ItemState> = {
  open: 'not-started',
  'in-progress': 'in-progress',
  done: 'done',
  cancelled: 'cancelled',
};

export interface ActionItemProblem {
  readonly postmortem: string;
  readonly actionItem: string;
  readonly message: string;
  readonly hint: string;
}

/** `<post-mortem id>-<action item id>`: stable, so re-importing a post-mortem updates its items. */
export const workItemIdFor = (pm: Postmortem, action: ActionItem): string => `${pm.id}-${action.id}`;

/**
 * Each action item as a tracked work item: owner team, deadline = due date, priority = funnel level,
 * tagged `postmortem` and the incident id. Problems (an id too long once derived) are listed, not thrown.
 */
export function actionItemsToWorkItems(pm: Postmortem): Result<WorkItem[], ActionItemProblem[]> {
  const items: WorkItem[] = [];
  const problems: ActionItemProblem[] = [];
  for (const a of pm.actionItems) {
    const parsed = workItemSchema.safeParse({
      id: workItemIdFor(pm, a),
      title: a.title,
      kind: 'task',
      team: a.ownerTeam,
      deadline: a.due,
      priority: a.level,
      state: STATE[a.state],
      tags: [...new Set([POSTMORTEM_TAG, pm.incident, ...a.tags])],
    });
    if (parsed.success) items.push(parsed.data);
    else {
      problems.push({
        postmortem: pm.id,
        actionItem: a.id,
        message: `action item ${a.id} of post-mortem ${pm.id}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
        hint: 'shorten the post-mortem or action item id: together they must fit a 64-character item id',
      });
    }
  }
  return problems.length > 0 ? err(problems) : ok(items);
}

/** Action items not yet done or cancelled; a post-mortem lists these until none are left. */
export function openActionItems(pm: Postmortem): ActionItem[] {
  return pm.actionItems.filter((a) => a.state === 'open' || a.state === 'in-progress');
}
