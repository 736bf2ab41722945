import { err, ok, type Result } from '../../domain/result.js';
import type { AlertPolicy, DataSource, Sli, Slo, SloService } from '../../domain/slo.js';
import { ConversionContext, type ReadOpenSloOptions } from './conversion-context.js';
import { convertCondition, convertPolicy } from './convert-alert-policy.js';
import { convertSli } from './convert-sli.js';
import { convertSlo } from './convert-slo.js';
import { type DecodedObject, decodeObject } from './decode-object.js';
import { named, optional } from './object-fields.js';
import type { OpenSloProblem } from './openslo-problem.js';
import { type OpenSloSource, parseDocuments } from './parse-documents.js';
import { ReferenceIndex } from './reference-index.js';

export type { ReadOpenSloOptions } from './conversion-context.js';
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

  const index = new ReferenceIndex(decoded);
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
    const ctx = new ConversionContext(
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
