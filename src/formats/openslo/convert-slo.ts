import type { AlertPolicy, Objective, Sli, Slo } from '../../domain/slo.js';
import type { ConversionContext } from './conversion-context.js';
import { convertPolicy } from './convert-alert-policy.js';
import { convertObjective } from './convert-objective.js';
import { convertSli } from './convert-sli.js';
import { convertWindow } from './convert-time-window.js';
import { named, optional } from './object-fields.js';
import type { PathSegment } from './openslo-problem.js';
import type { SloObject } from './openslo-v1-schema.js';
import type { ReferenceIndex } from './reference-index.js';

export function convertSlo(object: SloObject, ctx: ConversionContext, index: ReferenceIndex): Slo | undefined {
  const spec = object.spec;
  const sli = resolveSli(spec, ctx, index);
  const window = convertWindow(spec.timeWindow[0], ctx);
  const objectives = spec.objectives.map((o, i) => convertObjective(o, i, spec.budgetingMethod, sli, ctx));
  const policies: AlertPolicy[] = [];
  let policiesComplete = true;
  (spec.alertPolicies ?? []).forEach((entry, i) => {
    const path: PathSegment[] = ['spec', 'alertPolicies', i];
    let policy: AlertPolicy | undefined;
    if ('alertPolicyRef' in entry) {
      const found = index.policies.get(entry.alertPolicyRef);
      if (!found) ctx.missing('AlertPolicy', entry.alertPolicyRef, [...path, 'alertPolicyRef']);
      else policy = convertPolicy(found.object.metadata, found.object.spec, ctx.forObject(found), index, []);
    } else policy = convertPolicy(entry.metadata, entry.spec, ctx, index, [...path, 'spec']);
    if (policy) policies.push(policy);
    else policiesComplete = false;
  });
  if (!sli || !window || !policiesComplete || objectives.some((o) => o === undefined)) return undefined;
  return {
    ...named(object.metadata),
    ...optional('description', spec.description),
    service: spec.service,
    sli,
    budgetingMethod: spec.budgetingMethod,
    timeWindow: window,
    objectives: objectives as Objective[],
    alertPolicies: policies,
  };
}

function resolveSli(spec: SloObject['spec'], ctx: ConversionContext, index: ReferenceIndex): Sli | undefined {
  if (spec.indicator && spec.indicatorRef !== undefined) {
    ctx.report('schema', ['spec', 'indicatorRef'], 'an SLO has either indicator or indicatorRef, not both', 'keep one of them');
    return undefined;
  }
  if (spec.indicator) return convertSli(spec.indicator.metadata, spec.indicator.spec, ctx, ['spec', 'indicator', 'spec']);
  if (spec.indicatorRef === undefined) {
    ctx.report(
      'missing-field',
      ['spec'],
      'the SLO has neither indicator nor indicatorRef',
      'write the SLI inline under spec.indicator, or name an SLI in spec.indicatorRef',
    );
    return undefined;
  }
  const found = index.slis.get(spec.indicatorRef);
  if (!found) {
    ctx.missing('SLI', spec.indicatorRef, ['spec', 'indicatorRef']);
    return undefined;
  }
  return convertSli(found.object.metadata, found.object.spec, ctx.forObject(found), ['spec']);
}
