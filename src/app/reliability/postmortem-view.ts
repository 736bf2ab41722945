import type { CalendarDate } from '../../domain/calendar-date.js';
import type { ActionItemState, Postmortem } from '../../domain/incident.js';
import type { ProgramModel } from '../../domain/program-model.js';
import type { ItemState } from '../../domain/work-item.js';
import { workItemIdFor } from '../../engine/incidents/postmortem-actions.js';
import { postmortemMarkdown, type TrackedAction } from '../../formats/postmortem/postmortem-markdown.js';
import { dayIn } from '../day-in-zone.js';
import { etagOf } from '../edit-program.js';

export interface ActionItemRow {
  readonly id: string;
  readonly title: string;
  readonly ownerTeam: string;
  readonly due: CalendarDate;
  readonly level: 1 | 2;
  readonly state: ActionItemState;
  /** The tracked work item's id, and its state (null if it is missing, which the sync prevents). */
  readonly item: string;
  readonly itemState: ItemState | null;
  /** Still open after its due day ended, in the program's time zone. */
  readonly overdue: boolean;
}

export interface PostmortemView {
  readonly postmortem: Postmortem;
  readonly etag: string;
  readonly incident: { readonly id: string; readonly title: string; readonly severity: string } | null;
  readonly actionItems: readonly ActionItemRow[];
  readonly openActionItems: number;
  readonly markdown: string;
}

const isOpen = (s: ActionItemState) => s === 'open' || s === 'in-progress';

export function actionItemRows(model: ProgramModel, pm: Postmortem, now: Date): ActionItemRow[] {
  const today = dayIn(model.program.calendar.timezone, now);
  const items = new Map(model.items.map((i) => [i.id as string, i]));
  return pm.actionItems.map((a) => {
    const id = workItemIdFor(pm, a);
    return {
      id: a.id,
      title: a.title,
      ownerTeam: a.ownerTeam,
      due: a.due,
      level: a.level,
      state: a.state,
      item: id,
      itemState: items.get(id)?.state ?? null,
      overdue: isOpen(a.state) && a.due < today,
    };
  });
}

/** A post-mortem with its action items' tracked state at `now`, and its Markdown. */
export function postmortemView(model: ProgramModel, postmortemId: string, now: Date): PostmortemView | undefined {
  const pm = model.postmortems.find((p) => p.id === postmortemId);
  if (pm === undefined) return undefined;
  const incident = model.incidents.find((i) => i.id === pm.incident);
  const rows = actionItemRows(model, pm, now);
  const tracked = new Map<string, TrackedAction>(rows.map((r) => [r.id, { item: r.item, itemState: r.itemState, overdue: r.overdue }]));
  return {
    postmortem: pm,
    etag: etagOf(pm),
    incident: incident === undefined ? null : { id: incident.id, title: incident.title, severity: incident.severity },
    actionItems: rows,
    openActionItems: rows.filter((r) => isOpen(r.state)).length,
    markdown: postmortemMarkdown(pm, incident, tracked),
  };
}

export interface PostmortemListRow {
  readonly id: string;
  readonly incident: string;
  readonly title: string;
  readonly actionItems: number;
  readonly openActionItems: number;
  readonly overdueActionItems: number;
  /** The action items still open, until all are done or cancelled. */
  readonly open: readonly ActionItemRow[];
}

/** Every post-mortem with the action items it still has open. */
export function postmortemList(model: ProgramModel, now: Date): PostmortemListRow[] {
  return model.postmortems.map((pm) => {
    const rows = actionItemRows(model, pm, now);
    const open = rows.filter((r) => isOpen(r.state));
    return {
      id: pm.id,
      incident: pm.incident,
      title: model.incidents.find((i) => i.id === pm.incident)?.title ?? pm.incident,
      actionItems: rows.length,
      openActionItems: open.length,
      overdueActionItems: open.filter((r) => r.overdue).length,
      open,
    };
  });
}
