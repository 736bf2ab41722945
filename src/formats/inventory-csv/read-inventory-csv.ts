import { err, ok, type Result } from '../../domain/result.js';
import type { InventoryResource, ResourceKind } from '../../engine/cost/waste.js';
import { csvRecords } from '../focus/csv-scan.js';
import { dayOfInstant, parseDecimal, parseInstant } from '../focus/focus-values.js';

export interface InventoryProblem {
  readonly code: 'empty' | 'bad-header' | 'bad-row' | 'bad-date' | 'bad-number' | 'duplicate-id';
  readonly message: string;
  readonly hint?: string;
  readonly file: string;
  readonly line: number;
  readonly field?: string;
}

/** Accepted header names per field (lower case, spaces and dashes read as underscores). */
const FIELDS = {
  id: ['resource_id', 'resourceid', 'id', 'arn'],
  type: ['type', 'resource_type', 'resourcetype', 'kind'],
  state: ['state', 'status'],
  attachedTo: ['attached_to', 'attachment', 'attached', 'instance_id'],
  lastUsed: ['last_used', 'last_use', 'last_attached', 'last_activity', 'last_accessed', 'last_used_at'],
  size: ['size_gb', 'size', 'size_gib'],
  created: ['created', 'created_at', 'creation_date', 'create_time'],
  region: ['region', 'region_id'],
} as const;
type Field = keyof typeof FIELDS;

const EMPTY = new Set(['', 'null', '-', 'none', 'n/a']);

/** The kind of a resource from its type text: "EBS volume", "Managed Disk", "snapshot", "EC2 instance", "S3 bucket", "Elastic IP". */
export function kindOfType(type: string): ResourceKind {
  const t = type.toLowerCase();
  if (t.includes('snapshot')) return 'snapshot';
  if (/volume|disk|\bebs\b/.test(t)) return 'volume';
  if (/instance|\bvm\b|virtual ?machine|\bec2\b|compute engine/.test(t)) return 'instance';
  if (/bucket|storage ?account|blob|\bs3\b/.test(t)) return 'bucket';
  if (/\bip\b|address|\beip\b/.test(t)) return 'address';
  return 'other';
}

/**
 * A resource inventory CSV (an export of volumes, snapshots, instances, buckets): one row per
 * resource with at least `resource_id` and `type`, and as the waste rules need them `state`,
 * `attached_to` (empty = attached to nothing), `last_used` (last I/O, attach or activity),
 * `size_gb`, `created`. Dates are ISO 8601 (a date, or a date-time in UTC).
 */
export function readInventoryCsv(text: string, file: string): Result<InventoryResource[], InventoryProblem[]> {
  const { records, error } = csvRecords(text);
  const problems: InventoryProblem[] = [];
  if (error) problems.push({ code: 'bad-row', message: 'a quoted cell is not closed', hint: 'close the quote', file, line: error.line });
  const [head, ...rows] = records;
  if (!head)
    return err([
      {
        code: 'empty',
        message: 'the inventory is empty',
        hint: 'start with a header: resource_id,type,state,attached_to,last_used,size_gb,created',
        file,
        line: 1,
      },
    ]);
  const names = head.cells.map((c) =>
    c
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_'),
  );
  const at = Object.fromEntries(
    (Object.keys(FIELDS) as Field[]).map((f) => [f, names.findIndex((n) => (FIELDS[f] as readonly string[]).includes(n))]),
  ) as Record<Field, number>;
  if (at.id < 0 || at.type < 0) {
    return err([
      {
        code: 'bad-header',
        message: `the header lacks ${[at.id < 0 ? 'resource_id' : '', at.type < 0 ? 'type' : ''].filter(Boolean).join(' and ')}`,
        hint: 'write a header such as resource_id,type,state,attached_to,last_used,size_gb,created',
        file,
        line: head.line,
      },
    ]);
  }
  const seen = new Set<string>();
  const out: InventoryResource[] = [];
  for (const { line, cells } of rows) {
    if (cells.length !== names.length) {
      problems.push({
        code: 'bad-row',
        message: `the row has ${cells.length} fields, the header ${names.length}`,
        hint: 'quote cells that hold commas',
        file,
        line,
      });
      continue;
    }
    const get = (f: Field): string | undefined => {
      const v = at[f] >= 0 ? cells[at[f]]?.trim() : undefined;
      return v === undefined || EMPTY.has(v.toLowerCase()) ? undefined : v;
    };
    const day = (f: Field): number | undefined | null => {
      const v = get(f);
      if (v === undefined) return undefined;
      const ms = parseInstant(v);
      if (ms === undefined) {
        problems.push({
          code: 'bad-date',
          message: `${head.cells[at[f]] ?? f} "${v}" is not a date`,
          hint: 'write ISO 8601, e.g. 2026-03-01 or 2026-03-01T12:00:00Z',
          file,
          line,
          field: head.cells[at[f]] ?? f,
        });
        return null;
      }
      return dayOfInstant(ms);
    };
    const id = get('id');
    const type = get('type');
    if (id === undefined || type === undefined) {
      problems.push({
        code: 'bad-row',
        message: `the row has no ${id === undefined ? 'resource id' : 'type'}`,
        hint: 'every resource needs an id and a type',
        file,
        line,
      });
      continue;
    }
    if (seen.has(id)) {
      problems.push({
        code: 'duplicate-id',
        message: `${id} is listed twice`,
        hint: 'keep one row per resource',
        file,
        line,
        field: head.cells[at.id] ?? 'resource_id',
      });
      continue;
    }
    seen.add(id);
    const lastUsed = day('lastUsed');
    const created = day('created');
    const sizeText = get('size');
    const size = sizeText === undefined ? undefined : parseDecimal(sizeText);
    if (sizeText !== undefined && size === undefined) {
      problems.push({
        code: 'bad-number',
        message: `size "${sizeText}" is not a number`,
        hint: 'write GiB as a number, e.g. 500',
        file,
        line,
        field: head.cells[at.size] ?? 'size_gb',
      });
    }
    if (lastUsed === null || created === null) continue;
    const state = get('state');
    const attachedTo = get('attachedTo');
    const region = get('region');
    out.push({
      id,
      type,
      kind: kindOfType(type),
      ...(state !== undefined ? { state } : {}),
      ...(attachedTo !== undefined ? { attachedTo } : {}),
      ...(lastUsed !== undefined ? { lastUsedDay: lastUsed } : {}),
      ...(created !== undefined ? { createdDay: created } : {}),
      ...(size !== undefined ? { sizeGb: size } : {}),
      ...(region !== undefined ? { region } : {}),
    });
  }
  return problems.length > 0 ? err(problems.slice(0, 50)) : ok(out);
}
