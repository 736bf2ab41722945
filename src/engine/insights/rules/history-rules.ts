import { addDays } from '../../../domain/calendar-date.js';
import type { Finding } from '../finding.js';
import { type InsightInput, teamName } from '../insight-input.js';

const DEFAULT_STALE_DAYS = 14;
const ACTIVE: ReadonlySet<string> = new Set(['in-progress', 'blocked']);

/** Work in progress that nobody has touched for weeks: its status is probably not true any more. */
export function itemStale(input: InsightInput): Finding[] {
  const { lastChanged, model, asOf } = input;
  if (!lastChanged) return [];
  const days = input.staleDays ?? DEFAULT_STALE_DAYS;
  const cutoff = addDays(asOf, -days);
  return model.items.flatMap((item): Finding[] => {
    if (!ACTIVE.has(item.state)) return [];
    const last = lastChanged.get(item.id);
    if (last === undefined || last > cutoff) return [];
    return [
      {
        rule: 'item-stale',
        key: `item-stale:${item.id}`,
        severity: 'low',
        title: `"${item.id}" has not changed since ${last}`,
        explanation: `"${item.id}" (${item.title}, ${teamName(model, item.team)}) is ${item.state} and has not changed since ${last}, more than ${days} days before ${asOf}; its status and estimate may no longer be true.`,
        action: `Ask ${teamName(model, item.team)} for a status update on "${item.id}", with the days remaining.`,
        items: [item.id],
        teams: item.team ? [item.team] : [],
      },
    ];
  });
}

/** Work that was not in the baseline: scope growth the roadmap has to absorb. */
export function scopeAdded(input: InsightInput): Finding[] {
  const { baseline, model } = input;
  if (!baseline) return [];
  const added = model.items.filter((i) => !baseline.items.has(i.id));
  if (added.length === 0) return [];
  const names = added.slice(0, 8).map((i) => `"${i.id}"`);
  const more = added.length > 8 ? ` and ${added.length - 8} more` : '';
  return [
    {
      rule: 'scope-added',
      key: `scope-added:${baseline.name}`,
      severity: added.length * 10 >= baseline.items.size ? 'high' : 'medium',
      title: `${added.length} item${added.length === 1 ? '' : 's'} added since baseline "${baseline.name}"`,
      explanation: `${added.length} item${added.length === 1 ? ' was' : 's were'} added since baseline "${baseline.name}" (${baseline.items.size} items then): ${names.join(', ')}${more}.`,
      action: 'Confirm each addition was agreed, and show its effect on the milestones in the next status report.',
      items: added.map((i) => i.id),
      teams: [...new Set(added.flatMap((i) => (i.team ? [i.team] : [])))],
    },
  ];
}
