import type { Item } from '../../api/types';

const half = (x: number) => Math.round(x * 2) / 2;

/**
 * The merge patch that makes an item's bar last `newDays` working days instead of `oldDays`:
 * work in progress with `remaining` gets a new remaining figure; otherwise the estimate is scaled,
 * all three points of a three-point estimate by the same factor (the plan uses the likely one),
 * kept in order and on half days.
 */
export function resizePatch(item: Item, oldDays: number, newDays: number): Record<string, unknown> {
  const days = Math.max(0.5, half(newDays));
  if (item.state === 'in-progress' && item.remaining !== undefined) return { remaining: days };
  const estimate = item.estimate;
  if (estimate === undefined) return { estimate: days };
  const ratio = oldDays > 0 ? days / oldDays : undefined;
  // Not started: the bar is the whole likely estimate, so the new likely figure is the new length itself.
  const fresh = item.state === 'not-started' || ratio === undefined;
  if (typeof estimate === 'number') return { estimate: fresh ? days : Math.max(0.5, half(estimate * (ratio as number))) };
  const likely = fresh ? days : Math.max(0.5, half(estimate.likely * (ratio as number)));
  const k = estimate.likely > 0 ? likely / estimate.likely : 1;
  return {
    estimate: {
      optimistic: Math.min(likely, Math.max(0, half(estimate.optimistic * k))),
      likely,
      pessimistic: Math.max(likely, half(estimate.pessimistic * k)),
    },
  };
}
