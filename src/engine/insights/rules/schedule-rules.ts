import { likelyDays } from '../../../domain/estimate.js';
import type { Finding } from '../finding.js';
import { dayAt, FINISHED_STATES, floatDays, type InsightInput, teamName, workingDays } from '../insight-input.js';

const IS_ORDERED_KIND: ReadonlySet<string> = new Set(['procurement', 'long-lead']);
/** An order due within this many working days is flagged before it is late. */
const ORDER_WARNING_DAYS = 10;

/** Blocked work on or near the critical path: every day it stays blocked can move the finish. */
export function criticalBlocked(input: InsightInput): Finding[] {
  const { current, model, nearCriticalDays } = input;
  const finish = dayAt(current, current.cpm.finish, 'end');
  return current.pn.items.flatMap((item, v): Finding[] => {
    if (item.state !== 'blocked') return [];
    const float = floatDays(current, v);
    if (float > nearCriticalDays) return [];
    const team = teamName(model, item.team);
    const where =
      float <= 0
        ? `it is on the critical path, so every day it stays blocked moves the finish (now ${finish})`
        : `it has only ${workingDays(float)} of float before it moves the finish (now ${finish})`;
    return [
      {
        rule: 'critical-blocked',
        key: `critical-blocked:${item.id}`,
        severity: float <= 0 ? 'high' : 'medium',
        title: `"${item.id}" is blocked${float <= 0 ? ' on the critical path' : ' near the critical path'}`,
        explanation: `"${item.id}" (${item.title}, ${team}) is blocked, and ${where}.`,
        action: `Escalate the blocker today: get ${team} to name what unblocks it and by when, or plan a way around it.`,
        items: [item.id],
        teams: item.team ? [item.team] : [],
      },
    ];
  });
}

/** Not started although the plan's latest start has passed. Orders are `orderOverdue`'s. */
export function criticalNotStarted(input: InsightInput): Finding[] {
  const { planned, current, model, asOf } = input;
  const perDay = planned.pn.calendar.minutesPerDay;
  const today = planned.pn.calendar.offsetOf(`${asOf}T00:00`);
  const finish = dayAt(current, current.cpm.finish, 'end');
  const plannedFinish = dayAt(planned, planned.cpm.finish, 'end');
  return planned.pn.items.flatMap((item, v): Finding[] => {
    if (item.state !== 'not-started' || item.kind === 'milestone' || IS_ORDERED_KIND.has(item.kind) || planned.pn.children.has(v))
      return [];
    const lateStart = planned.cpm.lateStart[v] as number;
    if (!(today > lateStart)) return [];
    const late = Math.max(1, Math.floor((today - lateStart) / perDay));
    const team = teamName(model, item.team);
    const moved = finish > plannedFinish ? `; the plan's finish has moved from ${plannedFinish} to ${finish}` : '';
    return [
      {
        rule: 'critical-not-started',
        key: `critical-not-started:${item.id}`,
        severity: (current.cpm.critical[v] as number) === 1 ? 'high' : 'medium',
        title: `"${item.id}" has not started, ${workingDays(late)} past its latest start`,
        explanation: `"${item.id}" (${item.title}, ${team}) had to start by ${dayAt(planned, lateStart, 'start')} at the latest to keep the plan's finish, and as of ${asOf} it has not started${moved}.`,
        action: `Start it now, or agree with ${team} what gives way; if it has started, mark it in progress.`,
        items: [item.id],
        teams: item.team ? [item.team] : [],
      },
    ];
  });
}

/**
 * Long-lead and procurement items whose order is due: the item's duration is its lead time, so it
 * must be ordered by its late start in the plan (the need date, its late finish, minus the lead time).
 */
export function orderOverdue(input: InsightInput): Finding[] {
  const { planned, asOf } = input;
  const perDay = planned.pn.calendar.minutesPerDay;
  const today = planned.pn.calendar.offsetOf(`${asOf}T00:00`);
  return planned.pn.items.flatMap((item, v): Finding[] => {
    if (!IS_ORDERED_KIND.has(item.kind) || item.orderedOn !== undefined || FINISHED_STATES.has(item.state)) return [];
    if (item.state !== 'not-started') return [];
    const orderBy = planned.cpm.lateStart[v] as number;
    const left = Math.floor((orderBy - today) / perDay);
    if (left > ORDER_WARNING_DAYS) return [];
    const lead = item.estimate === undefined ? 0 : likelyDays(item.estimate);
    const vendor = item.vendor ? ` from ${item.vendor}` : '';
    const needed = dayAt(planned, planned.cpm.lateFinish[v] as number, 'end');
    const due = dayAt(planned, orderBy, 'start');
    const overdue = left < 0;
    return [
      {
        rule: 'order-overdue',
        key: `order-overdue:${item.id}`,
        severity: overdue ? 'high' : 'medium',
        title: overdue
          ? `Order for "${item.id}" is ${workingDays(-left)} overdue`
          : `Order for "${item.id}" is due by ${due}, in ${workingDays(Math.max(0, left))}`,
        explanation: `"${item.id}" (${item.title}${vendor}) takes ${workingDays(lead)} to arrive and is needed by ${needed}, so it must be ordered by ${due}; as of ${asOf} it has not been ordered.`,
        action: overdue
          ? `Place the order today and ask for an expedited delivery date; every day of delay is a day on ${needed}.`
          : `Get the order approved and placed before ${due}; record orderedOn when it is.`,
        items: [item.id],
        teams: item.team ? [item.team] : [],
      },
    ];
  });
}
