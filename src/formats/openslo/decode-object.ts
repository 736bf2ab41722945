import type { z } from 'zod';
import { formatPath, type OpenSloProblem, type PathSegment } from './openslo-problem.js';
import { KIND_SCHEMAS, type OpenSloKind } from './openslo-v1-schema.js';
import type { LocatedObject } from './parse-documents.js';

export type DecodedObject = {
  [K in OpenSloKind]: { kind: K; object: z.infer<(typeof KIND_SCHEMAS)[K]>; source: LocatedObject };
}[OpenSloKind];

const KINDS = Object.keys(KIND_SCHEMAS) as OpenSloKind[];

/** Checks apiVersion and kind, then decodes strictly against the kind's schema. */
export function decodeObject(source: LocatedObject): { decoded?: DecodedObject; problems: OpenSloProblem[] } {
  const problem = (p: Omit<OpenSloProblem, 'file' | 'line' | 'column' | 'path'>, path: PathSegment[], key = false) => ({
    ...p,
    file: source.file,
    ...source.at(path, { key }),
    path: formatPath(path),
  });
  const value = source.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      problems: [
        problem(
          {
            code: 'schema',
            message: `object #${source.index} is not a mapping`,
            hint: 'each OpenSLO object is a mapping with apiVersion, kind, metadata and spec',
          },
          [],
        ),
      ],
    };
  }
  const record = value as Record<string, unknown>;
  const apiVersion = record.apiVersion;
  if (apiVersion !== 'openslo/v1') {
    return {
      problems: [
        problem(
          {
            code: 'unsupported-version',
            message:
              apiVersion === undefined
                ? `object #${source.index} has no apiVersion; Throughline reads openslo/v1`
                : `unsupported apiVersion ${JSON.stringify(apiVersion)}; Throughline reads openslo/v1`,
            hint: 'write "apiVersion: openslo/v1"; convert v1alpha or v2alpha files to v1 first',
          },
          ['apiVersion'],
        ),
      ],
    };
  }
  const kind = record.kind;
  if (typeof kind !== 'string' || !(KINDS as string[]).includes(kind)) {
    return {
      problems: [
        problem(
          { code: 'unknown-kind', message: `unknown kind ${JSON.stringify(kind)}`, hint: `OpenSLO v1 kinds are ${KINDS.join(', ')}` },
          ['kind'],
        ),
      ],
    };
  }
  const name = (record.metadata as { name?: unknown } | undefined)?.name;
  const label = `${kind} ${typeof name === 'string' ? `'${name}' ` : ''}(#${source.index})`;
  const parsed = KIND_SCHEMAS[kind as OpenSloKind].safeParse(value);
  if (parsed.success) return { decoded: { kind, object: parsed.data, source } as DecodedObject, problems: [] };
  return {
    problems: flattenIssues(parsed.error.issues, []).flatMap((issue) => {
      if (issue.code === 'unrecognized_keys') {
        return issue.keys.map((key) =>
          problem(
            {
              code: 'unknown-field' as const,
              message: `unknown field "${key}" in ${label}`,
              hint: 'OpenSLO v1 objects are strict: remove the field or correct its spelling (see the spec for the allowed fields)',
              object: label,
            },
            [...issue.path, key],
            true,
          ),
        );
      }
      const path = issue.path;
      return [
        problem(
          {
            code: issue.code === 'invalid_type' && issue.input === undefined ? ('missing-field' as const) : ('schema' as const),
            message: `${formatPath(path) || 'object'} in ${label}: ${issue.code === 'invalid_type' && issue.input === undefined ? 'required field is missing' : issue.message}`,
            hint: 'see the OpenSLO v1 spec (SPEC-README.md) for this field',
            object: label,
          },
          path,
        ),
      ];
    }),
  };
}

type FlatIssue = z.core.$ZodIssue & { path: PathSegment[] };

/** Unions report every branch; keep the branch that came closest (fewest issues), with absolute paths. */
function flattenIssues(issues: readonly z.core.$ZodIssue[], prefix: PathSegment[]): FlatIssue[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...(issue.path as PathSegment[])];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const best = [...issue.errors].sort((a, b) => a.length - b.length)[0] ?? [];
      return flattenIssues(best, path);
    }
    return [{ ...issue, path } as FlatIssue];
  });
}
