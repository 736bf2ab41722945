import type { ActionItemState, Postmortem } from '../../domain/incident.js';
import type { ProgramModel } from '../../domain/program-model.js';
import type { ItemState, WorkItem } from '../../domain/work-item.js';
import { actionItemsToWorkItems, POSTMORTEM_TAG, workItemIdFor } from './postmortem-actions.js';

const ACTION_STATE: Readonly<Record<ItemState, ActionItemState>> = {
  'not-started': 'open',
  blocked: 'open',
  'in-progress': 'in-progress',
  done: 'done',
  cancelled: 'cancelled',
};

/**
 * Whose progress wins when a post-mortem's action item and its tracked work item disagree:
 * `items` when the items were written or edited (teams update their work items), `postmortems`
 * when a post-mortem was.
 */
export type ProgressSource = 'items' | 'postmortems';

/**
 * Every post-mortem action item as a tracked work item (`<post-mortem>-<action>`, see
 * postmortem-actions.ts): created when missing; when present, its title, owner team, deadline,
 * level and tags follow the action item, and its state and the action item's agree afterwards
 * (the `prefer`red side wins). Invariant: applying it twice changes nothing. A model without
 * post-mortems is returned as is. Action items whose id cannot make an item id are left out;
 * the post-mortem's own checks report them.
 */
export function syncActionItems(model: ProgramModel, prefer: ProgressSource): ProgramModel {
  if (model.postmortems.length === 0) return model;
  const position = new Map(model.items.map((item, i) => [item.id as string, i]));
  const items: WorkItem[] = [...model.items];
  const postmortems: Postmortem[] = model.postmortems.map((pm) => {
    const derived = actionItemsToWorkItems(pm);
    const wanted = derived.ok ? derived.value : [];
    const byId = new Map(wanted.map((w) => [w.id as string, w]));
    const actionItems = pm.actionItems.map((action) => {
      const want = byId.get(workItemIdFor(pm, action));
      if (!want) return action;
      const at = position.get(want.id);
      const existing = at === undefined ? undefined : items[at];
      if (existing === undefined || at === undefined) {
        position.set(want.id, items.length);
        items.push(want);
        return action;
      }
      // An item blocked is an action still open: a post-mortem edit that leaves it open keeps it blocked.
      const state = prefer === 'items' || ACTION_STATE[existing.state] === action.state ? existing.state : want.state;
      items[at] = {
        ...existing,
        title: want.title,
        ...(want.team === undefined ? {} : { team: want.team }),
        ...(want.deadline === undefined ? {} : { deadline: want.deadline }),
        ...(want.priority === undefined ? {} : { priority: want.priority }),
        tags: [...new Set([...existing.tags, ...want.tags])],
        state,
      };
      return ACTION_STATE[state] === action.state ? action : { ...action, state: ACTION_STATE[state] };
    });
    return actionItems.every((a, k) => a === pm.actionItems[k]) ? pm : { ...pm, actionItems };
  });
  return { ...model, items, postmortems };
}

/** True for work items that track a post-mortem action item. */
export const tracksActionItem = (item: WorkItem): boolean => item.tags.includes(POSTMORTEM_TAG);
