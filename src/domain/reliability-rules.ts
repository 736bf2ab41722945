import type { ModelProblem } from './problem.js';
import type { EntityKind, Locator, ProgramModel } from './program-model.js';
import { referenceChecks } from './reference-checks.js';
import { suggestion } from './suggest.js';
import { uniqueIds } from './unique-ids.js';

/**
 * The reliability half of a program's rules (issue 6): unique ids, and references that resolve —
 * owner teams, service dependencies, consumed APIs (each provided by exactly one service), the
 * services of items, SLOs and incidents, the incident of a post-mortem and its action items' teams.
 */
export function checkReliabilityRules(
  model: ProgramModel,
  teamIds: ReadonlyMap<string, number>,
  problems: ModelProblem[],
): ReadonlyMap<string, number> {
  const at = (entity: EntityKind, index: number, ...field: (string | number)[]): Locator => ({ entity, index, field });
  const serviceIds = uniqueIds(model.services, 'service', 'service', problems);
  uniqueIds(model.slos, 'slo', 'SLO', problems);
  const incidentIds = uniqueIds(model.incidents, 'incident', 'incident', problems);
  uniqueIds(model.postmortems, 'postmortem', 'post-mortem', problems);
  const { needTeam, needService } = referenceChecks(teamIds, serviceIds, problems);

  const provider = new Map<string, string>();
  model.services.forEach((s, i) => {
    s.provides.forEach((api, k) => {
      const other = provider.get(api);
      if (other === undefined) provider.set(api, s.id);
      else if (other !== s.id)
        problems.push({
          code: 'duplicate-api',
          message: `API "${api}" is provided by both "${other}" and "${s.id}"`,
          hint: 'an API has one provider; give the second one its own name (e.g. a version suffix)',
          at: at('service', i, 'provides', k),
        });
    });
  });
  const apis = [...provider.keys()];
  model.services.forEach((s, i) => {
    const label = `${s.kind} "${s.id}"`;
    needTeam(s.team, at('service', i, 'team'), label);
    s.dependsOn.forEach((d, k) => {
      needService(d, at('service', i, 'dependsOn', k), label);
    });
    s.consumes.forEach((api, k) => {
      if (provider.has(api)) return;
      problems.push({
        code: 'unknown-api',
        message: `${label} consumes API "${api}", which no service provides`,
        hint: `add "${api}" to the provides: of the service that serves it, or ${suggestion(api, apis, 'APIs')}`,
        at: at('service', i, 'consumes', k),
      });
    });
  });
  model.items.forEach((item, i) => {
    item.services?.forEach((id, k) => {
      needService(id, at('item', i, 'services', k), `${item.kind} "${item.id}"`);
    });
  });
  model.slos.forEach((slo, i) => {
    needService(slo.service, at('slo', i, 'service'), `SLO "${slo.id}"`);
  });
  model.incidents.forEach((incident, i) => {
    incident.services.forEach((id, k) => {
      needService(id, at('incident', i, 'services', k), `incident "${incident.id}"`);
    });
  });
  model.postmortems.forEach((pm, i) => {
    const label = `post-mortem "${pm.id}"`;
    if (!incidentIds.has(pm.incident))
      problems.push({
        code: 'unknown-incident',
        message: `${label} is about incident "${pm.incident}", which is not defined`,
        hint: `define it under incidents:, or ${suggestion(pm.incident, [...incidentIds.keys()], 'incidents')}`,
        at: at('postmortem', i, 'incident'),
        ref: pm.incident,
      });
    const seen = new Set<string>();
    pm.actionItems.forEach((a, k) => {
      needTeam(a.ownerTeam, at('postmortem', i, 'actionItems', k, 'ownerTeam'), `action item "${a.id}" of ${label}`);
      if (seen.has(a.id))
        problems.push({
          code: 'duplicate-id',
          message: `${label} has two action items with id "${a.id}"`,
          hint: 'action item ids are unique within their post-mortem (they name the tracked work item)',
          at: at('postmortem', i, 'actionItems', k, 'id'),
        });
      seen.add(a.id);
    });
  });
  return serviceIds;
}
