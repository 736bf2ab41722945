import type { AlertCondition, AlertNotificationTarget, AlertPolicy } from '../../domain/slo.js';
import type { ConversionContext } from './conversion-context.js';
import { named, optional } from './object-fields.js';
import type { PathSegment } from './openslo-problem.js';
import type { AlertConditionObject, AlertNotificationTargetObject, AlertPolicyObject, Metadata } from './openslo-v1-schema.js';
import type { ReferenceIndex } from './reference-index.js';

export function convertPolicy(
  metadata: Metadata,
  spec: AlertPolicyObject['spec'],
  ctx: ConversionContext,
  index: ReferenceIndex,
  at: PathSegment[],
): AlertPolicy | undefined {
  const base = at.length > 0 ? at : ['spec'];
  let complete = true;
  const conditions: AlertCondition[] = [];
  spec.conditions.forEach((entry, i) => {
    const path = [...base, 'conditions', i];
    if ('conditionRef' in entry) {
      const found = index.conditions.get(entry.conditionRef);
      if (!found) {
        ctx.missing('AlertCondition', entry.conditionRef, [...path, 'conditionRef']);
        complete = false;
        return;
      }
      const c = convertCondition(found.object.metadata, found.object.spec, ctx.forObject(found), ['spec']);
      if (c) conditions.push(c);
      else complete = false;
    } else {
      const c = convertCondition(entry.metadata, entry.spec, ctx, [...path, 'spec']);
      if (c) conditions.push(c);
      else complete = false;
    }
  });
  const targets: AlertNotificationTarget[] = [];
  spec.notificationTargets.forEach((entry, i) => {
    const path = [...base, 'notificationTargets', i];
    if ('targetRef' in entry) {
      const found = index.targets.get(entry.targetRef);
      if (!found) {
        ctx.missing('AlertNotificationTarget', entry.targetRef, [...path, 'targetRef']);
        complete = false;
        return;
      }
      targets.push(convertTarget(found.object.metadata, found.object.spec));
    } else targets.push(convertTarget(entry.metadata, entry.spec));
  });
  if (!complete) return undefined;
  return {
    ...named(metadata),
    ...optional('description', spec.description),
    ...optional('alertWhenBreaching', spec.alertWhenBreaching),
    ...optional('alertWhenResolved', spec.alertWhenResolved),
    ...optional('alertWhenNoData', spec.alertWhenNoData),
    conditions,
    notificationTargets: targets,
  };
}

export function convertCondition(
  metadata: Metadata,
  spec: AlertConditionObject['spec'],
  ctx: ConversionContext,
  at: PathSegment[],
): AlertCondition | undefined {
  const base = at.length > 0 ? at : ['spec'];
  const lookbackWindow = ctx.duration(spec.condition.lookbackWindow, [...base, 'condition', 'lookbackWindow']);
  const alertAfter =
    spec.condition.alertAfter === undefined ? undefined : ctx.duration(spec.condition.alertAfter, [...base, 'condition', 'alertAfter']);
  if (!lookbackWindow || (spec.condition.alertAfter !== undefined && !alertAfter)) return undefined;
  return {
    ...named(metadata),
    ...optional('description', spec.description),
    severity: spec.severity,
    condition: {
      kind: spec.condition.kind,
      op: spec.condition.op,
      threshold: spec.condition.threshold,
      lookbackWindow,
      ...(alertAfter ? { alertAfter } : {}),
    },
  };
}

function convertTarget(metadata: Metadata, spec: AlertNotificationTargetObject['spec']): AlertNotificationTarget {
  return { ...named(metadata), ...optional('description', spec.description), target: spec.target };
}
