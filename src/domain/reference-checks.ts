import type { ModelProblem } from './problem.js';
import type { Locator } from './program-model.js';
import { suggestion } from './suggest.js';

/** Checks that a named team or service is defined, reporting the closest defined ids when it is not. */
export function referenceChecks(teamIds: ReadonlyMap<string, number>, serviceIds: ReadonlyMap<string, number>, problems: ModelProblem[]) {
  const teams = [...teamIds.keys()];
  const services = [...serviceIds.keys()];
  return {
    needTeam(id: string, loc: Locator, owner: string): void {
      if (teamIds.has(id)) return;
      problems.push({
        code: 'unknown-team',
        message: `${owner} names team "${id}", which is not defined`,
        hint: `define it under teams:, or ${suggestion(id, teams, 'teams')}`,
        at: loc,
        ref: id,
      });
    },
    needService(id: string, loc: Locator, owner: string): void {
      if (serviceIds.has(id)) return;
      problems.push({
        code: 'unknown-service',
        message: `${owner} names service "${id}", which is not defined`,
        hint: `define it under services:, or ${suggestion(id, services, 'services')}`,
        at: loc,
        ref: id,
      });
    },
  };
}
