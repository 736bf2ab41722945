import type { CostTable } from './cost-table.js';

/** What a resource is, for the waste rules; read from the inventory's type text. */
export type ResourceKind = 'volume' | 'snapshot' | 'instance' | 'bucket' | 'address' | 'other';

/** One row of a resource inventory. Days are days since 1970-01-01 UTC. */
export interface InventoryResource {
  readonly id: string;
  readonly type: string;
  readonly kind: ResourceKind;
  /** e.g. available, in-use, running, stopped. */
  readonly state?: string;
  /** What it is attached to (an instance id); absent = attached to nothing. */
  readonly attachedTo?: string;
  /** Last use: last I/O, last attach, last CPU activity above idle, whichever the export gives. */
  readonly lastUsedDay?: number;
  readonly createdDay?: number;
  /** GiB for storage. */
  readonly sizeGb?: number;
  readonly region?: string;
}

export type WasteKind = 'unattached-storage' | 'idle-storage' | 'idle-compute' | 'old-snapshot';

export const WASTE_DEFAULTS = { idleStorageDays: 30, idleComputeDays: 14, snapshotAgeDays: 90, spendWindowDays: 30 } as const;

export interface WasteOptions {
  /** The day the inventory describes (its last use is measured against it). */
  readonly asOf: number;
  readonly idleStorageDays?: number;
  readonly idleComputeDays?: number;
  readonly snapshotAgeDays?: number;
  /** Spend is summed over this many days up to asOf (30). */
  readonly spendWindowDays?: number;
}

export interface WasteFinding {
  readonly kind: WasteKind;
  readonly resource: InventoryResource;
  readonly reason: string;
  /** Spend of the resource's cost rows in the window (the program's cost metric). */
  readonly spend: number;
  /** Cost rows joined to it (0 = the bill does not show it in the window). */
  readonly rows: number;
}

/** One line per waste kind: "31 % of storage spend is on volumes attached to nothing". */
export interface WasteShare {
  readonly kind: WasteKind;
  readonly resources: number;
  readonly spend: number;
  /** The FOCUS ServiceCategory the share is of. */
  readonly category: 'Storage' | 'Compute';
  readonly categorySpend: number;
  /** spend / categorySpend, 0..1 (0 when the category has no spend). */
  readonly share: number;
  readonly sentence: string;
}

export interface WasteReport {
  readonly windowStart: number;
  readonly windowEnd: number;
  readonly findings: readonly WasteFinding[];
  readonly shares: readonly WasteShare[];
  readonly totalSpend: number;
  /** Inventory resources no cost row names: the join may be wrong (ids differ) if this is most of them. */
  readonly unmatched: number;
}

const CATEGORY: Record<WasteKind, 'Storage' | 'Compute'> = {
  'unattached-storage': 'Storage',
  'idle-storage': 'Storage',
  'old-snapshot': 'Storage',
  'idle-compute': 'Compute',
};
const WHAT: Record<WasteKind, string> = {
  'unattached-storage': 'volumes attached to nothing',
  'idle-storage': 'storage nobody has used',
  'old-snapshot': 'old snapshots',
  'idle-compute': 'idle instances',
};

/** The inventory id a FOCUS ResourceId names: itself, or the last `/` or `:` segment of an ARN or Azure id. */
export function resourceKeys(resourceId: string): string[] {
  const keys = [resourceId];
  const cut = Math.max(resourceId.lastIndexOf('/'), resourceId.lastIndexOf(':'));
  if (cut >= 0 && cut < resourceId.length - 1) keys.push(resourceId.slice(cut + 1));
  return keys;
}

const RUNNING = new Set(['running', 'in-use', 'on', 'started', 'active']);

function classify(r: InventoryResource, o: Required<WasteOptions>): { kind: WasteKind; reason: string } | undefined {
  const idleFor = r.lastUsedDay === undefined ? undefined : o.asOf - r.lastUsedDay;
  const state = r.state?.toLowerCase();
  if (state === 'deleted' || state === 'terminated') return undefined;
  switch (r.kind) {
    case 'volume':
    case 'address':
      if (r.attachedTo === undefined) {
        return {
          kind: 'unattached-storage',
          reason: `attached to nothing${idleFor !== undefined ? ` (last attached ${idleFor} days ago)` : ''}`,
        };
      }
      if (idleFor !== undefined && idleFor >= o.idleStorageDays)
        return { kind: 'idle-storage', reason: `no I/O for ${idleFor} days (attached to ${r.attachedTo})` };
      return undefined;
    case 'bucket':
      if (idleFor !== undefined && idleFor >= o.idleStorageDays)
        return { kind: 'idle-storage', reason: `not read or written for ${idleFor} days` };
      return undefined;
    case 'snapshot': {
      const age = r.createdDay === undefined ? undefined : o.asOf - r.createdDay;
      if (age !== undefined && age >= o.snapshotAgeDays) return { kind: 'old-snapshot', reason: `${age} days old` };
      return undefined;
    }
    case 'instance':
      if (state !== undefined && !RUNNING.has(state)) return undefined;
      if (idleFor !== undefined && idleFor >= o.idleComputeDays)
        return { kind: 'idle-compute', reason: `running, idle for ${idleFor} days` };
      return undefined;
    default:
      return undefined;
  }
}

/**
 * Waste from a resource inventory joined to the bill by ResourceId: unattached volumes (and
 * addresses), storage idle for `idleStorageDays`, running instances idle for `idleComputeDays`,
 * snapshots older than `snapshotAgeDays`. Each finding carries its spend over the window; each kind
 * its share of the spend of its FOCUS ServiceCategory (Storage or Compute) in the same window.
 */
export function findWaste(t: CostTable, cost: Float64Array, inventory: readonly InventoryResource[], options: WasteOptions): WasteReport {
  const o: Required<WasteOptions> = { ...WASTE_DEFAULTS, ...options };
  const windowEnd = o.asOf;
  const windowStart = o.asOf - o.spendWindowDays + 1;
  const byId = new Map<string, number>();
  inventory.forEach((r, i) => {
    byId.set(r.id, i);
  });
  // Resource dictionary code → inventory index (−1 none): one lookup per distinct resource.
  const invOfCode = Int32Array.from(t.resourceId.values, (v) => {
    for (const k of resourceKeys(v)) {
      const i = byId.get(k);
      if (i !== undefined) return i;
    }
    return -1;
  });
  const storage = t.serviceCategory.values.indexOf('Storage');
  const compute = t.serviceCategory.values.indexOf('Compute');
  const spend = new Float64Array(inventory.length);
  const rows = new Int32Array(inventory.length);
  let storageSpend = 0;
  let computeSpend = 0;
  let totalSpend = 0;
  for (let r = 0; r < t.length; r++) {
    const day = t.day[r] ?? 0;
    if (day < windowStart || day > windowEnd) continue;
    const c = cost[r] ?? 0;
    totalSpend += c;
    const cat = t.serviceCategory.codes[r] ?? -1;
    if (cat === storage && cat >= 0) storageSpend += c;
    else if (cat === compute && cat >= 0) computeSpend += c;
    const code = t.resourceId.codes[r] ?? -1;
    const inv = code >= 0 ? (invOfCode[code] ?? -1) : -1;
    if (inv >= 0) {
      spend[inv] = (spend[inv] ?? 0) + c;
      rows[inv] = (rows[inv] ?? 0) + 1;
    }
  }
  const findings: WasteFinding[] = [];
  inventory.forEach((resource, i) => {
    const hit = classify(resource, o);
    if (hit) findings.push({ ...hit, resource, spend: spend[i] ?? 0, rows: rows[i] ?? 0 });
  });
  findings.sort((a, b) => b.spend - a.spend || a.resource.id.localeCompare(b.resource.id));
  const kinds: WasteKind[] = ['unattached-storage', 'idle-storage', 'old-snapshot', 'idle-compute'];
  const shares = kinds
    .map((kind): WasteShare => {
      const of = findings.filter((f) => f.kind === kind);
      const s = of.reduce((sum, f) => sum + f.spend, 0);
      const category = CATEGORY[kind];
      const categorySpend = category === 'Storage' ? storageSpend : computeSpend;
      const share = categorySpend > 0 ? s / categorySpend : 0;
      return {
        kind,
        resources: of.length,
        spend: s,
        category,
        categorySpend,
        share,
        sentence: `${Math.round(share * 100)} % of ${category.toLowerCase()} spend is on ${WHAT[kind]} (${of.length} resource${of.length === 1 ? '' : 's'})`,
      };
    })
    .filter((s) => s.resources > 0);
  return { windowStart, windowEnd, findings, shares, totalSpend, unmatched: rows.filter((n) => n === 0).length };
}
