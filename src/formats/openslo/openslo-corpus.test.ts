import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readOpenSlo } from './read-openslo.js';

/** OpenSLO spec examples and oslo / go-sdk fixtures (see ../shared/corpora/INFRA.md). */
const CORPUS = new URL('../../../../shared/corpora/openslo/', import.meta.url);
const source = (path: string) => ({ file: path, text: readFileSync(new URL(path, CORPUS), 'utf8') });

function problemsOf(path: string) {
  const result = readOpenSlo(source(path));
  if (result.ok) throw new Error(`${path} was expected to fail`);
  return result.error;
}

function readLenient(...paths: string[]) {
  const result = readOpenSlo(paths.map(source), { lenient: true });
  if (!result.ok) throw new Error(JSON.stringify(result.error, null, 2));
  return result.value;
}

describe('go-sdk v1 examples (one file per kind)', () => {
  const dir = 'go-sdk/pkg/openslo/v1/examples/';
  const files = readdirSync(new URL(dir, CORPUS)).sort();

  it('every file reads (lenient), alone and all together, with the object counts INFRA.md lists', () => {
    expect(files).toHaveLength(7);
    for (const file of files) expect(readOpenSlo(source(dir + file), { lenient: true }).ok).toBe(true);
    const all = readLenient(...files.map((f) => dir + f));
    expect(all.services).toHaveLength(2);
    expect(all.dataSources.map((d) => d.type)).toEqual(['Prometheus', 'Datadog']);
    expect(all.slis.map((s) => s.kind)).toEqual(['ratio', 'ratio', 'ratio', 'threshold']);
    expect(all.slos).toHaveLength(1);
    const slo = all.slos[0];
    expect(slo?.budgetingMethod).toBe('Timeslices');
    expect(slo?.timeWindow).toEqual({
      kind: 'calendar',
      duration: { count: 1, unit: 'w' },
      startTime: '2022-01-01 12:00:00',
      timeZone: 'America/New_York',
    });
    expect(slo?.objectives[0]).toEqual({
      displayName: 'Good',
      target: 0.995,
      timeSliceTarget: 0.95,
      timeSliceWindow: { count: 1, unit: 'm' },
    });
    // The policies name targets no example defines: low-priority and high-priority are left out with a warning each.
    expect(all.alertPolicies.map((p) => p.name)).toEqual(['medium-priority']);
    expect(all.alertPolicies[0]?.conditions[0]?.condition).toEqual({
      kind: 'burnrate',
      op: 'lte',
      threshold: 2,
      lookbackWindow: { count: 1, unit: 'h' },
      alertAfter: { count: 5, unit: 'm' },
    });
    expect(all.warnings.filter((w) => w.code === 'missing-reference').map((w) => w.message)).toEqual([
      "AlertNotificationTarget 'on-call-mail-notification' referenced at spec.notificationTargets[0].targetRef does not exist",
      "AlertNotificationTarget 'on-call-pd-notification' referenced at spec.notificationTargets[0].targetRef does not exist",
    ]);
    // services.yaml defines example-service twice (the second under a service-folder annotation).
    expect(all.warnings.filter((w) => w.code === 'duplicate-name').map((w) => [w.message, w.line])).toEqual([
      ["Service 'example-service' is defined again (first in go-sdk/pkg/openslo/v1/examples/services.yaml:10)", 24],
    ]);
    // go-sdk forbids op beside a ratio SLI; lenient reads it with a warning.
    expect(all.warnings.filter((w) => w.code === 'forbidden-field').map((w) => w.path)).toEqual(['spec.objectives[0].op']);
  });

  it('strict reading rejects the SLO example exactly as oslo rejects validate/v1.yaml SLO #0', () => {
    expect(problemsOf(`${dir}slos.yaml`).map((p) => [p.code, p.path, p.line, p.column])).toEqual([
      ['forbidden-field', 'spec.objectives[0].op', 40, 13],
    ]);
  });
});

describe('spec examples/ (budgeting methods and windows)', () => {
  it('reads the 4 SLOs: Occurrences, Timeslices (x2), RatioTimeslices; rolling and calendar windows', () => {
    const read = readLenient(
      'examples/budgeting-method/occurences-slo.yaml',
      'examples/budgeting-method/timeslices-slo.yaml',
      'examples/budgeting-method/ratio-timeslices.yaml',
      'examples/treat-low-traffic-as-equally-important/timeslices-slo.yaml',
    );
    expect(read.slos.map((s) => [s.name, s.budgetingMethod, s.timeWindow.kind, s.sli.kind])).toEqual([
      ['search-slo', 'Occurrences', 'rolling', 'threshold'],
      ['service-availability', 'Timeslices', 'calendar', 'ratio'],
      ['main-page', 'RatioTimeslices', 'rolling', 'ratio'],
      ['service-availability', 'Timeslices', 'calendar', 'ratio'],
    ]);
    const [occurrences, timeslices, ratioTimeslices] = read.slos;
    expect(occurrences?.timeWindow).toEqual({ kind: 'rolling', duration: { count: 2, unit: 'w' } });
    expect(occurrences?.objectives).toEqual([{ displayName: 'Good experience', op: 'lt', value: 500, target: 0.99 }]);
    expect(occurrences?.alertPolicies).toEqual([]); // `alertPolicies:` left empty
    expect(timeslices?.objectives.map((o) => [o.target, o.timeSliceTarget])).toEqual([
      [0.995, 0.99],
      [0.99, 0.99],
    ]);
    expect(ratioTimeslices?.objectives[0]?.timeSliceWindow).toEqual({ count: 1, unit: 'm' });
  });

  it('flags `duration: 1m` commented "1 month" as a 1-minute window, and reads it as minutes', () => {
    const read = readLenient('examples/budgeting-method/timeslices-slo.yaml');
    expect(read.slos[0]?.timeWindow.duration).toEqual({ count: 1, unit: 'm' });
    const suspicious = read.warnings.filter((w) => w.code === 'suspicious-window');
    expect(suspicious.map((w) => [w.path, w.line, w.column])).toEqual([['spec.timeWindow[0].duration', 27, 17]]);
    expect(suspicious[0]?.hint).toContain('1M');
  });
});

describe('oslo validate fixtures', () => {
  it('validate/v1.yaml: errors on SLO #0 (op forbidden) and Service #2 (RFC 1123) only; America/New_York is accepted', () => {
    const problems = problemsOf('oslo-test-inputs/validate/v1.yaml');
    expect(problems.map((p) => [p.object, p.path, p.code]).sort()).toEqual([
      ["SLO 'web-availability' (#0)", 'spec.objectives[0].op', 'forbidden-field'],
      ["Service 'example service' (#2)", 'metadata.name', 'schema'],
    ]);
    expect(problems.find((p) => p.path === 'metadata.name')).toMatchObject({ line: 59, column: 11 });
  });

  it('validate/v1.yaml: Service #1 alone is valid', () => {
    const text = readFileSync(new URL('oslo-test-inputs/validate/v1.yaml', CORPUS), 'utf8').split('\n');
    const service1 = text.slice(43, 55).join('\n'); // lines 44-55: the second list item
    expect(service1).toContain('name: example-service');
    const read = readOpenSlo({ file: 'v1.yaml#1', text: service1 });
    expect(read.ok && read.value.services).toEqual([{ name: 'example-service', description: 'Example service description' }]);
  });

  it('invalid-apiversion.yaml: unsupported apiVersion', () => {
    expect(problemsOf('oslo-test-inputs/validate/invalid-apiversion.yaml')).toEqual([
      expect.objectContaining({
        code: 'unsupported-version',
        message: 'unsupported apiVersion "foo"; Throughline reads openslo/v1',
        line: 1,
        column: 13,
        path: 'apiVersion',
      }),
    ]);
  });

  it('unknown-field.yaml: unknown field "markdown" at its line (strict decoding)', () => {
    const problems = problemsOf('oslo-test-inputs/validate/unknown-field.yaml');
    const unknown = problems.filter((p) => p.code === 'unknown-field');
    expect(unknown.map((p) => [p.path, p.line, p.column])).toEqual([['spec.markdown', 6, 3]]);
    expect(unknown[0]?.message).toContain('unknown field "markdown"');
  });

  it('v1alpha and v2alpha files are refused with the version error', () => {
    for (const path of [
      'oslo-test-inputs/validate/v1alpha.yaml',
      'oslo-test-inputs/validate/v2alpha.yaml',
      'oslo-testdata-format/valid-service.json',
    ]) {
      expect(problemsOf(path).every((p) => p.code === 'unsupported-version')).toBe(true);
    }
  });
});

describe('document shapes', () => {
  it('two-documents.yaml (a list of 2, then 1 document) yields 3 Services', () => {
    expect(readLenient('oslo-testdata-format/two-documents.yaml').services.map((s) => s.name)).toEqual([
      'my-service-1',
      'my-service-2',
      'my-service-3',
    ]);
  });

  it('go-sdk decode fixtures: single object, sequence, two documents, in YAML and JSON', () => {
    const dir = 'go-sdk/pkg/openslosdk/test_data/decode/';
    for (const file of [
      'single_object.yaml',
      'single_object.json',
      'sequence_of_objects.yaml',
      'sequence_of_objects.json',
      'two_documents.yaml',
    ]) {
      const read = readOpenSlo(source(dir + file), { lenient: true });
      expect(read.ok, file).toBe(true);
    }
  });
});

describe('go-sdk inline fixtures: references', () => {
  const dir = 'go-sdk/pkg/openslosdk/test_data/inline/inputs/';
  const missing = (file: string) =>
    problemsOf(dir + file)
      .filter((p) => p.code === 'missing-reference')
      .map((p) => p.message);

  it('inputs with an output resolve', () => {
    const slo = readLenient(`${dir}v1_slo.yaml`);
    expect(slo.slos.map((s) => [s.name, s.sli.name, s.sli.kind])).toEqual([
      ['my-slo-1', 'my-sli', 'threshold'],
      ['my-slo-2', 'my-sli', 'threshold'],
    ]);
    expect(
      slo.slos[1]?.alertPolicies.map((p) => [p.name, p.conditions.map((c) => c.name), p.notificationTargets.map((t) => t.name)]),
    ).toEqual([
      ['single-referenced-object', ['cpu-usage-breach'], ['devs-email-notification']],
      ['mix-of-referenced-and-inlined-objects', ['memory-usage-breach'], ['pd-on-call-notification']],
    ]);
    expect(readLenient(`${dir}v1_alert_policies_remove_refs.yaml`).alertPolicies).toHaveLength(4);
    expect(readLenient(`${dir}v1_alert_policies_keep_refs.yaml`).alertPolicies[0]?.notificationTargets).toEqual([
      { name: 'devs-email-notification', target: 'email' },
    ]);
  });

  it("resolving the refs of an input gives the same SLOs and policies as go-sdk's inlined output", () => {
    for (const file of ['v1_slo.yaml', 'v1_alert_policies_keep_refs.yaml', 'v1_alert_policies_remove_refs.yaml']) {
      const input = readLenient(`${dir}${file}`);
      const output = readLenient(`go-sdk/pkg/openslosdk/test_data/inline/outputs/${file}`);
      expect(output.slos, file).toEqual(input.slos);
      expect(output.alertPolicies, file).toEqual(input.alertPolicies);
      expect(input.warnings, file).toEqual([]);
    }
  });

  it('inputs without an output fail with the named missing reference and its path', () => {
    expect(missing('v1_slo_invalid_sli.yaml')).toEqual(["SLI 'no-sli' referenced at spec.indicatorRef does not exist"]);
    expect(missing('v1_alert_policies_invalid_target.yaml')).toEqual([
      "AlertNotificationTarget 'devs-email-notification' referenced at spec.notificationTargets[1].targetRef does not exist",
    ]);
    expect(missing('v1_alert_policies_invalid_condition.yaml')).toEqual([
      "AlertCondition 'cpu-usage-breach' referenced at spec.conditions[0].conditionRef does not exist",
    ]);
    expect(missing('v1_slo_invalid_target.yaml')).toEqual([
      "AlertNotificationTarget 'devs-email-notification' referenced at spec.alertPolicies[0].spec.notificationTargets[1].targetRef does not exist",
    ]);
    expect(missing('v1_slo_invalid_policy.yaml')).toEqual([
      "AlertPolicy 'no-policy' referenced at spec.alertPolicies[0].alertPolicyRef does not exist",
    ]);
  });
});
