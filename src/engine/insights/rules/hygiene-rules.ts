import type { Finding } from '../finding.js';
import { FINISHED_STATES, floatDays, type InsightInput } from '../insight-input.js';
import { level1Reasons } from './reliability-rules.js';

/** Open work items (not milestones, not epics that roll up children). */
function openWork(input: InsightInput): number[] {
  const { current } = input;
  return current.pn.items.flatMap((item, v) =>
    item.kind === 'milestone' || current.pn.children.has(v) || FINISHED_STATES.has(item.state) ? [] : [v],
  );
}

/** Work nobody owns does not get done. */
export function itemUnowned(input: InsightInput): Finding[] {
  const { current, nearCriticalDays } = input;
  return openWork(input).flatMap((v): Finding[] => {
    const item = current.pn.items[v] as (typeof current.pn.items)[number];
    if (item.team !== undefined) return [];
    const near = floatDays(current, v) <= nearCriticalDays;
    return [
      {
        rule: 'item-unowned',
        key: `item-unowned:${item.id}`,
        severity: near ? 'medium' : 'low',
        title: `"${item.id}" has no team`,
        explanation: `"${item.id}" (${item.title}) is open and no team owns it${near ? ', and it is on or near the critical path' : ''}; its work is in nobody's capacity.`,
        action: `Name the team that owns "${item.id}" (team: in the program file).`,
        items: [item.id],
        teams: [],
      },
    ];
  });
}

/** An item without an estimate takes no time in the plan, so the plan is too optimistic. */
export function itemUnestimated(input: InsightInput): Finding[] {
  const { current } = input;
  return openWork(input).flatMap((v): Finding[] => {
    const item = current.pn.items[v] as (typeof current.pn.items)[number];
    if (item.estimate !== undefined || item.remaining !== undefined) return [];
    return [
      {
        rule: 'item-unestimated',
        key: `item-unestimated:${item.id}`,
        severity: (current.cpm.critical[v] as number) === 1 ? 'medium' : 'low',
        title: `"${item.id}" has no estimate`,
        explanation: `"${item.id}" (${item.title}) has no estimate, so the plan and the forecast count it as taking no time; every date after it is too early.`,
        action: `Ask ${item.team ?? 'its owner'} for an estimate, ideally optimistic / likely / pessimistic.`,
        items: [item.id],
        teams: item.team ? [item.team] : [],
      },
    ];
  });
}

/**
 * The priority funnel: never work on Scale (4) while Stability (1) is broken. Level 1 is broken by
 * the reasons of `level1Reasons` (open SEV1/SEV2 incidents, exhausted error budgets, overdue
 * level-1 action items and security patches); open priority-1 items also count against Scale work.
 */
export function funnelInverted(input: InsightInput): Finding[] {
  const items = input.model.items;
  const stability = items.filter((i) => i.priority === 1 && !FINISHED_STATES.has(i.state));
  const broken = level1Reasons(input);
  if (stability.length === 0 && broken.length === 0) return [];
  const names = stability.slice(0, 5).map((i) => `"${i.id}"`);
  const more = stability.length > 5 ? ` and ${stability.length - 5} more` : '';
  const openWork = `${stability.length} priority-1 Stability item${stability.length === 1 ? ' is' : 's are'} still open: ${names.join(', ')}${more}`;
  const why = broken.map((r) => r.message).join('; ');
  const reasonItems = broken.flatMap((r) => ('item' in r ? [r.item] : []));
  return items
    .filter((i) => i.priority === 4 && i.state === 'in-progress')
    .map((item): Finding => {
      const teams = [item.team, ...stability.map((i) => i.team)].filter((t): t is NonNullable<typeof t> => t !== undefined);
      if (broken.length === 0) {
        return {
          rule: 'funnel-inverted',
          key: `funnel-inverted:${item.id}`,
          severity: 'high',
          title: `Scale work "${item.id}" is in progress while Stability work is open`,
          explanation: `"${item.id}" (${item.title}) is priority 4, Scale, and in progress, while ${openWork}.`,
          action: `Pause "${item.id}" and put its people on ${names[0]}, or record a decision saying why Scale goes first.`,
          items: [item.id, ...stability.map((i) => i.id)],
          teams: [...new Set(teams)],
        };
      }
      return {
        rule: 'funnel-inverted',
        key: `funnel-inverted:${item.id}`,
        severity: 'high',
        title: `Scale work "${item.id}" is in progress while Stability is broken`,
        explanation: `"${item.id}" (${item.title}) is priority 4, Scale, and in progress, while level 1 (Stability) is broken: ${why}.${stability.length > 0 ? ` Also, ${openWork}.` : ''}`,
        action: `Pause "${item.id}" until Stability is restored and put its people on the first reason above, or record a decision saying why Scale goes first.`,
        items: [...new Set([item.id, ...reasonItems, ...stability.map((i) => i.id)])],
        teams: [...new Set(teams)],
      };
    });
}
