import type { ModelProblem } from './problem.js';
import type { EntityKind, Locator, ProgramModel } from './program-model.js';
import { referenceChecks } from './reference-checks.js';
import { suggestion } from './suggest.js';
import { uniqueIds } from './unique-ids.js';

/**
 * The efficiency-and-scale half of a program's rules (issue 7): unique capacity and migration ids;
 * their teams and services resolve; a migration's finished steps are its own, finished in order
 * (a step is done only after every earlier one, on the same day or later); the cost policy's teams
 * and services resolve, one budget per team; debt names incidents that exist.
 */
export function checkInfraRules(
  model: ProgramModel,
  teamIds: ReadonlyMap<string, number>,
  serviceIds: ReadonlyMap<string, number>,
  problems: ModelProblem[],
): void {
  const at = (entity: EntityKind, index: number, ...field: (string | number)[]): Locator => ({ entity, index, field });
  const { needTeam, needService } = referenceChecks(teamIds, serviceIds, problems);
  uniqueIds(model.capacity, 'capacity', 'capacity resource', problems);
  uniqueIds(model.migrations, 'migration', 'migration', problems);

  model.capacity.forEach((c, i) => {
    const label = `capacity resource "${c.id}"`;
    if (c.team !== undefined) needTeam(c.team, at('capacity', i, 'team'), label);
    c.services.forEach((id, k) => {
      needService(id, at('capacity', i, 'services', k), label);
    });
  });

  for (let i = 0; i < model.migrations.length; i++) checkMigration(model, i, needTeam, needService, problems);

  const cost = model.program.cost;
  if (cost) {
    const budgeted = new Set<string>();
    cost.budgets.forEach((b, k) => {
      needTeam(b.team, at('program', 0, 'cost', 'budgets', k, 'team'), `the budget ${k + 1}`);
      if (budgeted.has(b.team))
        problems.push({
          code: 'duplicate-id',
          message: `team "${b.team}" has two cost budgets`,
          hint: 'give each team one monthly budget; remove or merge the other',
          at: at('program', 0, 'cost', 'budgets', k, 'team'),
        });
      budgeted.add(b.team);
    });
    cost.allocation.forEach((rule, k) => {
      const label = `cost rule ${k + 1}`;
      if ('byTag' in rule) {
        for (const [value, team] of Object.entries(rule.values ?? {}))
          needTeam(team, at('program', 0, 'cost', 'allocation', k, 'values', value), `${label} (tag value "${value}")`);
        return;
      }
      if (rule.team !== undefined) needTeam(rule.team, at('program', 0, 'cost', 'allocation', k, 'team'), label);
      if (rule.service !== undefined) needService(rule.service, at('program', 0, 'cost', 'allocation', k, 'service'), label);
      if (rule.team === undefined && rule.service === undefined)
        problems.push({
          code: 'schema',
          message: `${label} matches cost but gives it to no one`,
          hint: 'add team: (and/or service:) to the rule, e.g. team: payments',
          at: at('program', 0, 'cost', 'allocation', k),
        });
    });
  }

  const incidents = new Set(model.incidents.map((x) => x.id as string));
  model.items.forEach((item, i) => {
    item.debt?.incidents.forEach((id, k) => {
      if (incidents.has(id)) return;
      problems.push({
        code: 'unknown-incident',
        message: `debt item "${item.id}" names incident "${id}", which is not defined`,
        hint: `define it under incidents:, or ${suggestion(id, [...incidents], 'incidents')}`,
        at: at('item', i, 'debt', 'incidents', k),
        ref: id,
      });
    });
  });
}

type Need = (id: string, loc: Locator, owner: string) => void;

function checkMigration(model: ProgramModel, i: number, needTeam: Need, needService: Need, problems: ModelProblem[]): void {
  const m = model.migrations[i];
  if (!m) return;
  const at = (...field: (string | number)[]): Locator => ({ entity: 'migration', index: i, field });
  const label = `migration "${m.id}"`;
  const stepIndex = new Map<string, number>();
  m.steps.forEach((step, k) => {
    if (stepIndex.has(step))
      problems.push({
        code: 'duplicate-id',
        message: `${label} lists step "${step}" twice`,
        hint: 'each step appears once, in the order services go through them',
        at: at('steps', k),
      });
    else stepIndex.set(step, k);
  });
  const seen = new Set<string>();
  m.services.forEach((s, k) => {
    const where = `${label}, service "${s.service}"`;
    needService(s.service, at('services', k, 'service'), label);
    if (s.team !== undefined) needTeam(s.team, at('services', k, 'team'), where);
    if (seen.has(s.service))
      problems.push({
        code: 'duplicate-id',
        message: `${label} lists service "${s.service}" twice`,
        hint: 'list each service once; its done: map records every step',
        at: at('services', k, 'service'),
      });
    seen.add(s.service);
    let previous: { step: string; on: string } | undefined;
    m.steps.forEach((step, n) => {
      const on = s.done[step];
      if (on === undefined) return;
      const earlier = m.steps.slice(0, n).find((e) => s.done[e] === undefined);
      if (earlier !== undefined)
        problems.push({
          code: 'step-order',
          message: `${where} finished "${step}" but not the earlier step "${earlier}"`,
          hint: `steps finish in order (${m.steps.join(' → ')}); add the day "${earlier}" was done, or remove "${step}"`,
          at: at('services', k, 'done', step),
        });
      else if (previous && on < previous.on)
        problems.push({
          code: 'step-order',
          message: `${where} finished "${step}" on ${on}, before "${previous.step}" (${previous.on})`,
          hint: 'a step finishes on or after the day the step before it did; check the dates',
          at: at('services', k, 'done', step),
        });
      previous = { step, on };
    });
    for (const step of Object.keys(s.done))
      if (!stepIndex.has(step))
        problems.push({
          code: 'unknown-step',
          message: `${where} records step "${step}", which is not a step of the migration`,
          hint: `record only the migration's steps; ${suggestion(step, m.steps, 'steps')}`,
          at: at('services', k, 'done', step),
        });
  });
}
