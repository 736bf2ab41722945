import type { Duration, Objective, Sli } from '../../domain/slo.js';
import type { ConversionContext } from './conversion-context.js';
import { optional } from './object-fields.js';
import { formatPath, type OpenSloProblemCode, type PathSegment } from './openslo-problem.js';
import type { SloObject } from './openslo-v1-schema.js';

export function convertObjective(
  o: SloObject['spec']['objectives'][number],
  i: number,
  method: SloObject['spec']['budgetingMethod'],
  sli: Sli | undefined,
  ctx: ConversionContext,
): Objective | undefined {
  const path: PathSegment[] = ['spec', 'objectives', i];
  let good = true;
  const fail = (field: string, code: OpenSloProblemCode, message: string, hint: string, asWarning = false) => {
    ctx.report(code, [...path, field], message, hint, asWarning);
    if (!asWarning) good = false;
  };
  let target: number | undefined;
  if (o.target !== undefined && o.targetPercent !== undefined)
    fail('targetPercent', 'schema', 'an objective has target or targetPercent, not both', 'keep one');
  else if (o.target !== undefined) {
    if (o.target >= 0 && o.target < 1) target = o.target;
    else fail('target', 'schema', `target ${o.target} is outside [0, 1)`, 'write a fraction: 0.999 for 99.9 %, or use targetPercent');
  } else if (o.targetPercent !== undefined) {
    if (o.targetPercent >= 0 && o.targetPercent < 100)
      target = Number((o.targetPercent / 100).toPrecision(15)); // 99.9 → 0.999, not 0.9990000000000001
    else fail('targetPercent', 'schema', `targetPercent ${o.targetPercent} is outside [0, 100)`, 'write a percentage such as 99.9');
  } else fail('target', 'missing-field', 'the objective has no target', 'write target: 0.999 or targetPercent: 99.9');

  if (sli?.kind === 'ratio') {
    // go-sdk forbids op and value beside a ratio SLI; the spec says they are "only needed" for thresholds.
    const lenient = ctx.options.lenient === true;
    for (const field of ['op', 'value'] as const) {
      if (o[field] !== undefined) {
        fail(
          field,
          'forbidden-field',
          `${formatPath([...path, field])} is forbidden with a ratioMetric SLI`,
          `remove ${field}: a ratio SLI is compared with the target alone`,
          lenient,
        );
      }
    }
  } else if (sli?.kind === 'threshold') {
    if (o.op === undefined) fail('op', 'missing-field', 'a thresholdMetric objective needs op', 'write op: lt, lte, gt or gte');
    if (o.value === undefined)
      fail(
        'value',
        'missing-field',
        'a thresholdMetric objective needs value',
        'write the threshold the metric is compared with, e.g. value: 500',
      );
  }

  let timeSliceWindow: Duration | undefined;
  if (o.timeSliceWindow !== undefined) timeSliceWindow = ctx.duration(o.timeSliceWindow, [...path, 'timeSliceWindow']);
  if (o.timeSliceWindow !== undefined && timeSliceWindow === undefined) good = false;
  if ((method === 'Timeslices' || method === 'RatioTimeslices') && o.timeSliceWindow === undefined) {
    fail(
      'timeSliceWindow',
      'missing-field',
      `budgetingMethod ${method} needs timeSliceWindow`,
      'write the slice length, e.g. timeSliceWindow: 1m',
    );
  }
  if (method === 'Timeslices' && o.timeSliceTarget === undefined) {
    fail(
      'timeSliceTarget',
      'missing-field',
      'budgetingMethod Timeslices needs timeSliceTarget',
      'write the fraction of a slice that must be good, e.g. timeSliceTarget: 0.95',
    );
  }
  if (o.timeSliceTarget !== undefined && !(o.timeSliceTarget > 0 && o.timeSliceTarget <= 1)) {
    fail('timeSliceTarget', 'schema', `timeSliceTarget ${o.timeSliceTarget} is outside (0, 1]`, 'write a fraction such as 0.95');
  }
  if (o.indicator !== undefined || o.indicatorRef !== undefined || o.compositeWeight !== undefined) {
    fail(
      'indicator',
      'schema',
      'composite SLOs (objective indicator, indicatorRef, compositeWeight) are not supported yet',
      'split the composite SLO into one SLO per indicator',
    );
  }
  if (!good || target === undefined) return undefined;
  return {
    ...optional('displayName', o.displayName),
    ...(sli?.kind === 'threshold' ? { ...optional('op', o.op), ...optional('value', o.value) } : {}),
    target,
    ...optional('timeSliceTarget', o.timeSliceTarget),
    ...(timeSliceWindow ? { timeSliceWindow } : {}),
  };
}
