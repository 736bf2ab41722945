import type { PlanError } from '../../app/plan-program.js';

/** A plan that cannot be computed, in words: the cycle's path, or the calendar's problem. */
export function describePlanError(e: PlanError): string {
  return e.kind === 'cycle' ? `dependency cycle: ${e.path.join(' → ')}` : e.message;
}
