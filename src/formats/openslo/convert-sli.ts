import type { MetricSource, Sli } from '../../domain/slo.js';
import type { ConversionContext } from './conversion-context.js';
import { named, optional } from './object-fields.js';
import type { PathSegment } from './openslo-problem.js';
import type { Metadata, SliSpec } from './openslo-v1-schema.js';

export function convertSli(metadata: Metadata, spec: SliSpec, ctx: ConversionContext, at: PathSegment[] = ['spec']): Sli | undefined {
  const base = { ...named(metadata), ...optional('description', spec.description) };
  const source = (
    holder:
      | { metricSource: { metricSourceRef?: string | undefined; type?: string | undefined; spec: Record<string, unknown> } }
      | undefined,
  ): MetricSource | undefined =>
    holder === undefined
      ? undefined
      : {
          ...optional('ref', holder.metricSource.metricSourceRef),
          ...optional('type', holder.metricSource.type),
          spec: holder.metricSource.spec,
        };
  if (spec.ratioMetric && spec.thresholdMetric) {
    ctx.report('schema', at, 'an SLI has either ratioMetric or thresholdMetric, not both', 'keep one of them');
    return undefined;
  }
  if (spec.thresholdMetric) return { kind: 'threshold', ...base, metric: source(spec.thresholdMetric) as MetricSource };
  const ratio = spec.ratioMetric;
  if (!ratio) {
    ctx.report(
      'missing-field',
      at,
      'the SLI has neither ratioMetric nor thresholdMetric',
      'add ratioMetric (good or bad, and total) or thresholdMetric',
    );
    return undefined;
  }
  const shapes = [ratio.good && ratio.total, ratio.bad && ratio.total, ratio.raw].filter(Boolean).length;
  const extra = ratio.raw && (ratio.good || ratio.bad || ratio.total);
  if (shapes !== 1 || extra || (ratio.good && ratio.bad)) {
    ctx.report(
      'schema',
      [...at, 'ratioMetric'],
      'a ratioMetric has exactly one of: good + total, bad + total, or raw',
      'keep one pair (or raw with rawType)',
    );
    return undefined;
  }
  if (ratio.raw && ratio.rawType === undefined) {
    ctx.report(
      'missing-field',
      [...at, 'ratioMetric', 'rawType'],
      'a raw ratioMetric needs rawType',
      'write rawType: success or rawType: failure',
    );
    return undefined;
  }
  const good = source(ratio.good);
  const bad = source(ratio.bad);
  const total = source(ratio.total);
  const raw = source(ratio.raw);
  return {
    kind: 'ratio',
    ...base,
    ...optional('counter', ratio.counter),
    ...(good ? { good } : {}),
    ...(bad ? { bad } : {}),
    ...(total ? { total } : {}),
    ...(raw ? { raw } : {}),
    ...optional('rawType', ratio.rawType),
  };
}
