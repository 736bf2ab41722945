import { err, ok, type Result } from '../../domain/result.js';
import type {
  AlertCondition,
  AlertNotificationTarget,
  AlertPolicy,
  DataSource,
  Duration,
  MetricSource,
  Objective,
  Sli,
  Slo,
  SloService,
  TimeWindow,
} from '../../domain/slo.js';
import { type DecodedObject, decodeObject } from './decode-object.js';
import { parseDurationShorthand } from './duration-shorthand.js';
import { formatPath, type OpenSloProblem, type OpenSloProblemCode, type PathSegment } from './openslo-problem.js';
import type {
  AlertConditionObject,
  AlertNotificationTargetObject,
  AlertPolicyObject,
  Metadata,
  SliSpec,
  SloObject,
} from './openslo-v1-schema.js';
import { type LocatedObject, type OpenSloSource, parseDocuments } from './parse-documents.js';

export type { OpenSloSource } from './parse-documents.js';

export interface OpenSloRead {
  readonly slos: Slo[];
  /** Stand-alone SLI objects (an SLO's own SLI is inside it). */
  readonly slis: Sli[];
  readonly services: SloService[];
  readonly dataSources: DataSource[];
  /** Stand-alone AlertPolicy objects, references resolved. */
  readonly alertPolicies: AlertPolicy[];
  readonly warnings: OpenSloProblem[];
}

export interface ReadOpenSloOptions {
  /**
   * Lenient turns two go-sdk rules into warnings: references to objects not among the sources
   * (the SLO or policy that needs them is left out), and `op`/`value` beside a ratio SLI (the spec
   * says they are only needed for threshold SLIs; go-sdk forbids them). Default: strict, as oslo.
   */
  readonly lenient?: boolean;
}

/**
 * Reads OpenSLO v1 objects from one or more files and resolves references across all of them
 * (SLO `indicatorRef` → SLI, `alertPolicyRef` → AlertPolicy, `conditionRef` → AlertCondition,
 * `targetRef` → AlertNotificationTarget). Names are the lookup key; the first object of a name wins.
 */
export function readOpenSlo(
  input: OpenSloSource | readonly OpenSloSource[],
  options: ReadOpenSloOptions = {},
): Result<OpenSloRead, OpenSloProblem[]> {
  const sources = Array.isArray(input) ? (input as readonly OpenSloSource[]) : [input as OpenSloSource];
  const problems: OpenSloProblem[] = [];
  const warnings: OpenSloProblem[] = [];
  const decoded: DecodedObject[] = [];
  for (const source of sources) {
    const parsed = parseDocuments(source);
    problems.push(...parsed.problems);
    for (const object of parsed.objects) {
      const result = decodeObject(object);
      problems.push(...result.problems);
      if (result.decoded) decoded.push(result.decoded);
    }
  }
  if (problems.length === 0 && decoded.length === 0) {
    problems.push({
      code: 'schema',
      message: 'no OpenSLO objects found',
      hint: 'an OpenSLO file holds objects with apiVersion: openslo/v1',
      file: sources[0]?.file ?? '',
      line: 1,
      column: 1,
      path: '',
    });
  }

  const index = new Index(decoded);
  // Same kind and name twice: legal in separate folders (go-sdk's services.yaml), ambiguous for references.
  const firstOf = new Map<string, DecodedObject>();
  for (const item of decoded) {
    const key = `${item.kind}/${item.object.metadata.name}`;
    const first = firstOf.get(key);
    if (!first) {
      firstOf.set(key, item);
      continue;
    }
    const at = first.source.at(['metadata', 'name']);
    warnings.push({
      code: 'duplicate-name',
      message: `${item.kind} '${item.object.metadata.name}' is defined again (first in ${first.source.file}:${at.line})`,
      hint: 'give each object of a kind its own name; references use the first',
      file: item.source.file,
      ...item.source.at(['metadata', 'name']),
      path: 'metadata.name',
    });
  }
  const slos: Slo[] = [];
  const slis: Sli[] = [];
  const services: SloService[] = [];
  const dataSources: DataSource[] = [];
  const alertPolicies: AlertPolicy[] = [];
  for (const item of decoded) {
    const ctx = new Context(
      item.source,
      `${item.kind} '${item.object.metadata.name}' (#${item.source.index})`,
      problems,
      warnings,
      options,
    );
    switch (item.kind) {
      case 'SLO': {
        const slo = convertSlo(item.object, ctx, index);
        if (slo) slos.push(slo);
        else if (options.lenient === true && problems.length === 0) {
          ctx.report(
            'missing-reference',
            [],
            `SLO '${item.object.metadata.name}' is left out: it depends on objects that are missing or invalid`,
            'see the warnings above for what it references',
            true,
          );
        }
        break;
      }
      case 'SLI': {
        const sli = convertSli(item.object.metadata, item.object.spec, ctx);
        if (sli) slis.push(sli);
        break;
      }
      case 'Service':
        services.push({ ...named(item.object.metadata), ...optional('description', item.object.spec?.description) });
        break;
      case 'DataSource':
        dataSources.push({
          ...named(item.object.metadata),
          ...optional('description', item.object.spec.description),
          type: item.object.spec.type,
          connectionDetails: item.object.spec.connectionDetails,
        });
        break;
      case 'AlertPolicy': {
        const policy = convertPolicy(item.object.metadata, item.object.spec, ctx, index, []);
        if (policy) alertPolicies.push(policy);
        break;
      }
      case 'AlertCondition':
      case 'AlertNotificationTarget':
        // Checked here (durations); used through the policies that reference them.
        if (item.kind === 'AlertCondition') convertCondition(item.object.metadata, item.object.spec, ctx, []);
        break;
    }
  }
  return problems.length > 0 ? err(problems) : ok({ slos, slis, services, dataSources, alertPolicies, warnings });
}

/** Objects by kind and name, for references. */
class Index {
  readonly slis = new Map<string, Extract<DecodedObject, { kind: 'SLI' }>>();
  readonly policies = new Map<string, Extract<DecodedObject, { kind: 'AlertPolicy' }>>();
  readonly conditions = new Map<string, Extract<DecodedObject, { kind: 'AlertCondition' }>>();
  readonly targets = new Map<string, Extract<DecodedObject, { kind: 'AlertNotificationTarget' }>>();
  constructor(decoded: readonly DecodedObject[]) {
    for (const d of decoded) {
      const name = d.object.metadata.name;
      if (d.kind === 'SLI' && !this.slis.has(name)) this.slis.set(name, d);
      if (d.kind === 'AlertPolicy' && !this.policies.has(name)) this.policies.set(name, d);
      if (d.kind === 'AlertCondition' && !this.conditions.has(name)) this.conditions.set(name, d);
      if (d.kind === 'AlertNotificationTarget' && !this.targets.has(name)) this.targets.set(name, d);
    }
  }
}

/** Reports problems about one object, pinned to its lines. */
class Context {
  constructor(
    readonly source: LocatedObject,
    readonly label: string,
    private readonly problems: OpenSloProblem[],
    private readonly warnings: OpenSloProblem[],
    readonly options: ReadOpenSloOptions,
    /** A referenced object is checked where it is defined; through a reference it only converts. */
    private readonly silent = false,
  ) {}

  /** The context of a referenced object: same options, reports nothing (its own pass reports). */
  forObject(object: DecodedObject): Context {
    return new Context(object.source, this.label, this.problems, this.warnings, this.options, true);
  }

  report(code: OpenSloProblemCode, path: PathSegment[], message: string, hint: string, asWarning = false): void {
    if (this.silent) return;
    const p: OpenSloProblem = {
      code,
      message,
      hint,
      file: this.source.file,
      ...this.source.at(path),
      path: formatPath(path),
      object: this.label,
    };
    (asWarning ? this.warnings : this.problems).push(p);
  }

  /** A missing reference: an error, or a warning when lenient. */
  missing(kind: string, name: string, path: PathSegment[]): void {
    this.report(
      'missing-reference',
      path,
      `${kind} '${name}' referenced at ${formatPath(path)} does not exist`,
      `define ${/^[AEIOU]/.test(kind) ? 'an' : 'a'} ${kind} named '${name}' among the files read, or write it inline`,
      this.options.lenient === true,
    );
  }

  duration(text: string | number, path: PathSegment[]): Duration | undefined {
    // A bare number is minutes (spec: timeSliceWindow "default interpretation … in minutes").
    if (typeof text === 'number') {
      if (Number.isInteger(text) && text > 0) return { count: text, unit: 'm' };
      this.report('bad-duration', path, `${text} is not a duration`, 'write a positive whole number of minutes, or a shorthand like 5m');
      return undefined;
    }
    const parsed = parseDurationShorthand(text);
    if (parsed.ok) return parsed.value;
    this.report('bad-duration', path, parsed.reason, 'for example 5m (5 minutes), 1h, 28d, 4w, 1M (1 month), 1Q, 1Y');
    return undefined;
  }
}

function convertSlo(object: SloObject, ctx: Context, index: Index): Slo | undefined {
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

function resolveSli(spec: SloObject['spec'], ctx: Context, index: Index): Sli | undefined {
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

function convertSli(metadata: Metadata, spec: SliSpec, ctx: Context, at: PathSegment[] = ['spec']): Sli | undefined {
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

function convertWindow(window: SloObject['spec']['timeWindow'][number] | undefined, ctx: Context): TimeWindow | undefined {
  if (!window) return undefined;
  const path: PathSegment[] = ['spec', 'timeWindow', 0];
  const duration = ctx.duration(window.duration, [...path, 'duration']);
  if (window.isRolling === true && window.calendar) {
    ctx.report(
      'bad-time-window',
      [...path, 'isRolling'],
      'a time window is either rolling or calendar-aligned, not both',
      'remove calendar for a rolling window, or set isRolling: false',
    );
    return undefined;
  }
  if (window.isRolling !== true && !window.calendar) {
    ctx.report(
      'bad-time-window',
      path,
      'the time window is neither rolling nor calendar-aligned',
      'write isRolling: true, or a calendar with startTime and timeZone',
    );
    return undefined;
  }
  if (duration && duration.unit === 'm') {
    // The case-sensitivity trap: examples/budgeting-method/timeslices-slo.yaml writes `1m` for "1 month".
    ctx.report(
      'suspicious-window',
      [...path, 'duration'],
      `an SLO window of ${duration.count} minute${duration.count === 1 ? '' : 's'} ("${window.duration}") is almost surely a mistake`,
      `units are case-sensitive: m is minutes, M is months; write ${duration.count}M for ${duration.count} month${duration.count === 1 ? '' : 's'}`,
      true,
    );
  }
  if (window.calendar) {
    const { startTime, timeZone } = window.calendar;
    let zoneOk = true;
    try {
      new Intl.DateTimeFormat('en', { timeZone });
    } catch {
      zoneOk = false;
      ctx.report(
        'bad-time-zone',
        [...path, 'calendar', 'timeZone'],
        `unknown time zone "${timeZone}"`,
        'use an IANA time zone name such as UTC, America/New_York or Europe/Warsaw',
      );
    }
    const startOk = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(startTime);
    if (!startOk) {
      ctx.report(
        'schema',
        [...path, 'calendar', 'startTime'],
        `startTime "${startTime}" is not a local date and time`,
        'write it as YYYY-MM-DD HH:MM:SS, without a time zone (timeZone says which)',
      );
    }
    if (!duration || !zoneOk || !startOk) return undefined;
    return { kind: 'calendar', duration, startTime, timeZone };
  }
  return duration ? { kind: 'rolling', duration } : undefined;
}

function convertObjective(
  o: SloObject['spec']['objectives'][number],
  i: number,
  method: SloObject['spec']['budgetingMethod'],
  sli: Sli | undefined,
  ctx: Context,
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

function convertPolicy(
  metadata: Metadata,
  spec: AlertPolicyObject['spec'],
  ctx: Context,
  index: Index,
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

function convertCondition(
  metadata: Metadata,
  spec: AlertConditionObject['spec'],
  ctx: Context,
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

function named(metadata: Metadata): { name: string; displayName?: string } {
  return { name: metadata.name, ...optional('displayName', metadata.displayName) };
}

/** `{ key: value }` when value is defined, else `{}` (exactOptionalPropertyTypes). */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
