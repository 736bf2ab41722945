import { LineCounter, parseAllDocuments } from 'yaml';
import { DEFAULT_NAMESPACE, entityRef } from '../../domain/service.js';
import { type CoreKind, EnvelopeSchema, knownSpecFields, specSchemas } from './backstage-entity-schema.js';
import type { Parsed, Report } from './parsed-entity.js';
import { positionOf } from './yaml-position.js';

/** The documents of one catalog file, each checked against its kind's schema; problems go to `report`. */
export function parseFile(file: string, text: string, report: Report): Parsed[] {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter });
  const out: Parsed[] = [];
  if (!Array.isArray(docs)) return out; // an empty stream
  for (const doc of docs) {
    const at = (path: readonly PropertyKey[]) => positionOf(doc, lineCounter, path);
    if (doc.errors.length > 0) {
      for (const e of doc.errors) {
        const { line, col } = lineCounter.linePos(e.pos[0]);
        report('error', { code: 'yaml-syntax', message: e.message.split('\n')[0] ?? e.message, file, line, column: col });
      }
      continue;
    }
    const value: unknown = doc.toJS();
    if (value === null || value === undefined) continue; // empty document, e.g. a trailing ---
    const envelope = EnvelopeSchema.safeParse(value);
    if (!envelope.success) {
      for (const issue of envelope.error.issues)
        report('error', { code: 'schema', message: `${issue.path.join('.') || 'document'}: ${issue.message}`, file, ...at(issue.path) });
      continue;
    }
    const { kind, metadata } = envelope.data;
    const lower = kind.toLowerCase();
    const coreKind = lower in specSchemas ? (lower as CoreKind) : undefined;
    const namespace = metadata.namespace ?? DEFAULT_NAMESPACE;
    const rawSpec = envelope.data.spec;
    const spec = (rawSpec !== null && typeof rawSpec === 'object' ? rawSpec : {}) as Record<string, unknown>;
    const ref = entityRef(lower, namespace, metadata.name);
    if (coreKind === undefined) {
      report('warning', {
        code: 'unknown-kind',
        message: `${kind} ${metadata.name} is not a kind Throughline reads; it is counted and otherwise ignored`,
        file,
        ...at(['kind']),
        ref,
      });
    } else {
      const checked = specSchemas[coreKind].safeParse(spec);
      if (!checked.success) {
        for (const issue of checked.error.issues)
          report('error', {
            code: 'schema',
            message: `${kind} ${metadata.name}: spec.${issue.path.join('.')}: ${issue.message}`,
            hint: 'see https://backstage.io/docs/features/software-catalog/descriptor-format',
            file,
            ...at(['spec', ...issue.path]),
          });
        continue;
      }
      const known = knownSpecFields[coreKind] ?? [];
      for (const key of Object.keys(spec))
        if (!known.includes(key))
          report('warning', {
            code: 'non-standard-field',
            message: `spec.${key} of ${ref} is not a Backstage field of ${kind}; it is ignored`,
            ...(key === 'apiConsumedBy'
              ? { hint: 'Backstage reads API consumers from consumesApis on each consumer; write it there' }
              : {}),
            file,
            ...at(['spec', key]),
            ref,
          });
    }
    out.push({
      kind,
      coreKind,
      ref,
      namespace,
      name: metadata.name,
      title: metadata.title,
      description: metadata.description,
      metadata: metadata as Record<string, unknown>,
      spec,
      file,
      at,
    });
  }
  return out;
}
