import { type CalendarDate, isCalendarDate } from '../../domain/calendar-date.js';
import type { WorkingSpan } from '../../domain/capacity.js';
import { err, ok, type Result } from '../../domain/result.js';
import type { CapacityInput } from './capacity-plan.js';

/**
 * A what-if is a change to the plan's inputs, never to the computation: the same `planCapacity`
 * runs on the changed input, so a what-if cannot disagree with the plan on how dates are counted.
 */
export type WhatIf =
  | { readonly kind: 'demand'; readonly factor: number }
  | { readonly kind: 'lead-slip'; readonly span: WorkingSpan }
  | { readonly kind: 'step'; readonly on: CalendarDate; readonly add: number; readonly note?: string };

export function applyWhatIf(input: CapacityInput, whatIf: WhatIf): CapacityInput {
  const r = input.resource;
  switch (whatIf.kind) {
    case 'demand':
      return { ...input, demandScale: (input.demandScale ?? 1) * whatIf.factor };
    case 'lead-slip': {
      const weeks = (r.leadTime.weeks ?? 0) + (whatIf.span.weeks ?? 0);
      const days = (r.leadTime.days ?? 0) + (whatIf.span.days ?? 0);
      return { ...input, resource: { ...r, leadTime: { weeks, days } } };
    }
    case 'step':
      return {
        ...input,
        resource: {
          ...r,
          demand: {
            ...r.demand,
            steps: [...r.demand.steps, { on: whatIf.on, add: whatIf.add, ...(whatIf.note !== undefined ? { note: whatIf.note } : {}) }],
          },
        },
      };
  }
}

export function applyWhatIfs(input: CapacityInput, whatIfs: readonly WhatIf[]): CapacityInput {
  return whatIfs.reduce(applyWhatIf, input);
}

/** A what-if in words, for headings and reports. */
export function describeWhatIf(w: WhatIf): string {
  switch (w.kind) {
    case 'demand':
      return w.factor === 2 ? 'double the traffic' : `demand × ${w.factor}`;
    case 'lead-slip':
      return `lead time slips ${spanText(w.span)}`;
    case 'step':
      return `${w.add >= 0 ? '+' : ''}${w.add} from ${w.on}${w.note ? ` (${w.note})` : ''}`;
  }
}

export function spanText(span: WorkingSpan): string {
  const parts: string[] = [];
  if (span.weeks) parts.push(`${span.weeks} week${span.weeks === 1 ? '' : 's'}`);
  if (span.days) parts.push(`${span.days} working day${span.days === 1 ? '' : 's'}`);
  return parts.join(' ') || '0 days';
}

const SPAN = /^(\d+(?:\.\d+)?)\s*(w|wk|weeks?|d|days?)$/i;
const FACTOR = /^[x×]?(\d+(?:\.\d+)?)$/i;
const STEP = /^(\d{4}-\d{2}-\d{2})[:@]([+-]?\d+(?:\.\d+)?)$/;

export const WHAT_IF_HELP = 'double-traffic, traffic=x1.5, lead-slip=4w (or 10d), step=2027-06-01:+400';

/**
 * Reads a what-if as the CLI and the API take it: `double-traffic`, `traffic=x1.5` (or
 * `demand=1.5`), `lead-slip=4w` / `lead-slip=10d`, `step=2027-06-01:+400`.
 */
export function parseWhatIf(text: string): Result<WhatIf, string> {
  const t = text.trim();
  if (t === 'double-traffic' || t === 'double-demand') return ok({ kind: 'demand', factor: 2 });
  const [key, value = ''] = t.split('=', 2).map((s) => s.trim()) as [string, string?];
  if (key === 'traffic' || key === 'demand') {
    const m = FACTOR.exec(value);
    const factor = m ? Number(m[1]) : Number.NaN;
    if (!(factor > 0)) return err(`"${t}": the traffic factor is a number above 0, e.g. traffic=x1.5`);
    return ok({ kind: 'demand', factor });
  }
  if (key === 'lead-slip') {
    const m = SPAN.exec(value);
    if (!m) return err(`"${t}": write the slip in weeks or working days, e.g. lead-slip=4w or lead-slip=10d`);
    const amount = Number(m[1]);
    return ok({ kind: 'lead-slip', span: (m[2] ?? '').toLowerCase().startsWith('w') ? { weeks: amount } : { days: amount } });
  }
  if (key === 'step') {
    const m = STEP.exec(value);
    if (!m || !isCalendarDate(m[1] ?? '')) return err(`"${t}": write a step as step=YYYY-MM-DD:+amount, e.g. step=2027-06-01:+400`);
    return ok({ kind: 'step', on: m[1] as CalendarDate, add: Number(m[2]) });
  }
  return err(`"${t}" is not a what-if; use ${WHAT_IF_HELP}`);
}
