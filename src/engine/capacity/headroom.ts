import type { HeadroomPolicy } from '../../domain/capacity.js';

/**
 * The part of the installed capacity that may be used: `maxUtilisation` % of it, and/or all but k
 * spare units of `unitSize` (N+k). With both, the tighter (smaller) holds. Never below 0.
 */
export function usableCapacity(installed: number, policy: HeadroomPolicy): number {
  let usable = installed;
  if (policy.maxUtilisation !== undefined) usable = Math.min(usable, (installed * policy.maxUtilisation) / 100);
  if (policy.redundancy !== undefined) usable = Math.min(usable, installed - policy.redundancy.k * policy.redundancy.unitSize);
  return Math.max(0, usable);
}

/** Which rule sets the usable capacity at this installed size (the tighter one; utilisation on a tie). */
export function bindingRule(installed: number, policy: HeadroomPolicy): 'utilisation' | 'redundancy' | 'none' {
  const byUtil = policy.maxUtilisation !== undefined ? (installed * policy.maxUtilisation) / 100 : Number.POSITIVE_INFINITY;
  const byN = policy.redundancy !== undefined ? installed - policy.redundancy.k * policy.redundancy.unitSize : Number.POSITIVE_INFINITY;
  if (byUtil === Number.POSITIVE_INFINITY && byN === Number.POSITIVE_INFINITY) return 'none';
  return byUtil <= byN ? 'utilisation' : 'redundancy';
}

/** The smallest installed capacity whose usable capacity is at least `demand`: the inverse of `usableCapacity`. */
export function installedFor(demand: number, policy: HeadroomPolicy): number {
  let installed = demand;
  if (policy.maxUtilisation !== undefined) installed = Math.max(installed, (demand * 100) / policy.maxUtilisation);
  if (policy.redundancy !== undefined) installed = Math.max(installed, demand + policy.redundancy.k * policy.redundancy.unitSize);
  return installed;
}
