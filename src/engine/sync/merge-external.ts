import type { CalendarDate } from '../../domain/calendar-date.js';
import { canonicalJson } from '../../domain/canonical-json.js';
import { type Dependency, dependencyKey } from '../../domain/dependency.js';
import type { ExternalBatch, ExternalWork, SyncedField, SyncSummary } from '../../domain/external-work.js';
import type { ItemId, TeamId, WorkstreamId } from '../../domain/ids.js';
import type { ProgramModel } from '../../domain/program-model.js';
import type { Team } from '../../domain/team.js';
import type { WorkItem } from '../../domain/work-item.js';
import type { Workstream } from '../../domain/workstream.js';
import { buildGraph, findCycles, topologicalOrder } from '../graph.js';

export interface MergeOptions {
  /** The day removals are dated (the program's today, passed in). */
  readonly today: CalendarDate;
  /** The fields the mapping owns: each is set from the tracker, or cleared when the tracker has none. */
  readonly owned: readonly SyncedField[];
  /**
   * The keys of every issue in the selection now. Synced items of this tracker whose key is not in
   * it are marked removed. Undefined: nothing is marked removed (the listing was not taken).
   */
  readonly present?: ReadonlySet<string>;
}

export type MergeSummary = Omit<SyncSummary, 'fetched' | 'activity'>;

/** People a team created by a sync can put on the program at once, until the TPM says otherwise. */
const NEW_TEAM_CAPACITY = 1;
/** Fields every item has, so "cleared" means their default rather than absent. */
const REQUIRED_DEFAULTS: Partial<Record<SyncedField, unknown>> = { title: undefined, kind: 'task', state: 'not-started', tags: [] };

/**
 * Merges what a tracker says into the program, touching only what the tracker owns:
 * - an issue's item is created, or its owned fields are set (a local three-point estimate is kept);
 * - the tracker's links that touch fetched items are replaced by the fetched ones; links the program
 *   made itself are never touched, and a link whose other end is outside the program is left out;
 * - items gone from the selection are kept, cancelled, and marked removed; they come back when the
 *   issue does;
 * - teams and workstreams the mapping names are created, and workstreams renamed with their epic.
 * Pure and idempotent: merging the same batch twice changes nothing the second time.
 */
export function mergeExternal(
  model: ProgramModel,
  batch: ExternalBatch,
  options: MergeOptions,
): { model: ProgramModel; summary: MergeSummary } {
  const system = batch.system;
  const teams: Team[] = [...model.teams];
  const teamIds = new Set<string>(teams.map((t) => t.id));
  const teamsCreated: TeamId[] = [];
  for (const t of batch.teams) {
    if (teamIds.has(t.id)) continue;
    teamIds.add(t.id);
    teams.push({ id: t.id, name: t.name, capacity: NEW_TEAM_CAPACITY, exceptions: [] });
    teamsCreated.push(t.id);
  }
  const workstreams: Workstream[] = [...model.workstreams];
  const workstreamAt = new Map<string, number>(workstreams.map((w, i) => [w.id, i]));
  const workstreamsCreated: WorkstreamId[] = [];
  for (const w of batch.workstreams) {
    const at = workstreamAt.get(w.id);
    const existing = at === undefined ? undefined : workstreams[at];
    if (at !== undefined && existing) {
      if (existing.name !== w.name) workstreams[at] = { ...existing, name: w.name };
      continue;
    }
    workstreamAt.set(w.id, workstreams.length);
    workstreams.push({ id: w.id, name: w.name });
    workstreamsCreated.push(w.id);
  }

  const items: WorkItem[] = [...model.items];
  const itemAt = new Map<string, number>(items.map((item, i) => [item.id, i]));
  const created: ItemId[] = [];
  const restored: ItemId[] = [];
  /** Items that existed before, as they were: compared once every reference is settled. */
  const before = new Map<string, WorkItem>();
  const touched = new Set<string>();
  for (const work of batch.works) {
    touched.add(work.id);
    const at = itemAt.get(work.id);
    const existing = at === undefined ? undefined : items[at];
    if (at === undefined || !existing) {
      itemAt.set(work.id, items.length);
      items.push(newItem(work, system));
      created.push(work.id);
      continue;
    }
    if (existing.source?.removed !== undefined) restored.push(work.id);
    before.set(work.id, existing);
    items[at] = applyWork(existing, work, system, options.owned);
  }

  const removed: ItemId[] = [];
  if (options.present) {
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (!item?.source || item.source.system !== system || item.source.removed !== undefined) continue;
      if (options.present.has(item.source.key) || touched.has(item.id)) continue;
      items[i] = { ...item, state: 'cancelled', source: { ...item.source, removed: options.today } };
      removed.push(item.id);
    }
  }

  // References the tracker gave that the program cannot hold (an epic outside the selection) are
  // dropped, so the merged program stays valid.
  const updated: ItemId[] = [];
  let unchanged = 0;
  for (const id of touched) {
    const at = itemAt.get(id);
    const item = at === undefined ? undefined : items[at];
    if (!item || at === undefined) continue;
    let fixed = item;
    if (fixed.parent !== undefined && (fixed.parent === fixed.id || !itemAt.has(fixed.parent))) fixed = without(fixed, 'parent');
    if (fixed.workstream !== undefined && !workstreamAt.has(fixed.workstream)) fixed = without(fixed, 'workstream');
    if (fixed.team !== undefined && !teamIds.has(fixed.team)) fixed = without(fixed, 'team');
    const was = before.get(id);
    if (was && canonicalJson(fixed) === canonicalJson(was)) {
      items[at] = was;
      unchanged++;
    } else {
      items[at] = fixed;
      if (was) updated.push(id as ItemId);
    }
  }

  // A milestone made from a fix version or a GitHub milestone is not an issue: the links into it
  // belong to the issues, and the batch has them only for the issues it fetched.
  const linkOwners = new Set(batch.works.filter((w) => w.fields.kind !== 'milestone').map((w) => w.id as string));
  const merged = mergeDependencies(model.dependencies, batch, linkOwners, itemAt);
  const { dependencies, skipped } = breakTrackerCycles(merged, items.length, itemAt, system, model.dependencies);
  const { added, dropped } = countChanges(model.dependencies, dependencies);
  return {
    model: { ...model, teams, workstreams, items, dependencies },
    summary: {
      system,
      created,
      updated,
      unchanged,
      removed,
      restored,
      dependencies: { added, removed: dropped },
      cycleLinksSkipped: skipped,
      teamsCreated,
      workstreamsCreated,
    },
  };
}

function newItem(work: ExternalWork, system: ExternalBatch['system']): WorkItem {
  const base: WorkItem = {
    id: work.id,
    title: work.fields.title ?? work.key,
    kind: 'task',
    effort: 1,
    state: 'not-started',
    tags: [],
    links: system === 'jira' && /^[A-Z][A-Z0-9_]+-\d+$/.test(work.key) ? [{ jira: work.key }] : [],
    stakeholders: [],
  };
  return { ...base, ...definedFields(work), source: sourceOf(work, system) };
}

function applyWork(existing: WorkItem, work: ExternalWork, system: ExternalBatch['system'], owned: readonly SyncedField[]): WorkItem {
  const next: Record<string, unknown> = { ...existing };
  const fields = work.fields as Partial<Record<SyncedField, unknown>>;
  for (const field of owned) {
    const value = fields[field];
    // A three-point estimate is the TPM's own refinement of the tracker's single figure.
    if (field === 'estimate' && existing.estimate !== undefined && typeof existing.estimate !== 'number') continue;
    if (value !== undefined) next[field] = value;
    else if (field in REQUIRED_DEFAULTS) {
      if (field !== 'title') next[field] = REQUIRED_DEFAULTS[field];
    } else delete next[field];
  }
  next.source = sourceOf(work, system);
  return next as WorkItem;
}

function definedFields(work: ExternalWork): Partial<WorkItem> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(work.fields)) if (v !== undefined) out[k] = v;
  return out as Partial<WorkItem>;
}

function sourceOf(work: ExternalWork, system: ExternalBatch['system']): NonNullable<WorkItem['source']> {
  return {
    system,
    key: work.key,
    ...(work.url !== undefined ? { url: work.url } : {}),
    ...(work.updated !== undefined ? { updated: work.updated } : {}),
  };
}

function without<K extends keyof WorkItem>(item: WorkItem, key: K): WorkItem {
  const copy = { ...item };
  delete copy[key];
  return copy;
}

function mergeDependencies(
  current: readonly Dependency[],
  batch: ExternalBatch,
  touched: ReadonlySet<string>,
  itemAt: ReadonlyMap<string, number>,
): Dependency[] {
  const system = batch.system;
  const wanted = new Map<string, Dependency>();
  for (const d of batch.dependencies) {
    if (d.from === d.to || !itemAt.has(d.from) || !itemAt.has(d.to)) continue;
    const dep: Dependency = {
      from: d.from,
      to: d.to,
      type: d.type,
      lag: 0,
      state: 'accepted',
      note: `${d.link} (${system})`,
      source: system,
    };
    wanted.set(dependencyKey(dep), dep);
  }
  const kept: Dependency[] = [];
  const present = new Set<string>();
  for (const d of current) {
    const key = dependencyKey(d);
    const ours = d.source === system && (touched.has(d.from) || touched.has(d.to));
    if (!ours) {
      kept.push(d);
      present.add(key);
      continue;
    }
    const replacement = wanted.get(key);
    if (!replacement) continue;
    // An unchanged link keeps its negotiated state; only its type and note follow the tracker.
    const next = { ...d, type: replacement.type, ...(replacement.note !== undefined ? { note: replacement.note } : {}) };
    kept.push(canonicalJson(next) === canonicalJson(d) ? d : next);
    present.add(key);
  }
  for (const [key, dep] of wanted) {
    if (present.has(key)) continue;
    kept.push(dep);
    present.add(key);
  }
  return kept;
}

/**
 * Trackers allow cycles ("A blocks B", "B blocks A" by mistake); a plan cannot hold one. While the
 * tracker's links close a cycle, one of them is left out: a link new in this batch if the cycle has
 * one, else the tracker's link with the greatest key, so the same batch always leaves out the same
 * link. Cycles made only of the program's own links are left for validation to report.
 */
function breakTrackerCycles(
  deps: Dependency[],
  nodeCount: number,
  itemAt: ReadonlyMap<string, number>,
  system: ExternalBatch['system'],
  original: readonly Dependency[],
): { dependencies: Dependency[]; skipped: { from: ItemId; to: ItemId; cycle: ItemId[] }[] } {
  const skipped: { from: ItemId; to: ItemId; cycle: ItemId[] }[] = [];
  const before = new Set(original.map(dependencyKey));
  let current = deps;
  for (let round = 0; round < 1000; round++) {
    const from = new Int32Array(current.length);
    const to = new Int32Array(current.length);
    current.forEach((d, e) => {
      from[e] = itemAt.get(d.from) ?? 0;
      to[e] = itemAt.get(d.to) ?? 0;
    });
    const graph = buildGraph(nodeCount, from, to);
    if (topologicalOrder(graph)) break;
    const idOf = new Map<number, ItemId>();
    for (const d of current) {
      idOf.set(itemAt.get(d.from) ?? 0, d.from);
      idOf.set(itemAt.get(d.to) ?? 0, d.to);
    }
    const drop = new Set<string>();
    for (const cycle of findCycles(graph)) {
      const ids = cycle.map((n) => idOf.get(n) as ItemId);
      const links: Dependency[] = [];
      for (let i = 0; i + 1 < ids.length; i++) {
        const d = current.find((x) => x.from === ids[i] && x.to === ids[i + 1] && x.source === system);
        if (d) links.push(d);
      }
      if (links.length === 0) continue;
      const fresh = links.filter((d) => !before.has(dependencyKey(d)));
      const pool = fresh.length > 0 ? fresh : links;
      const victim = pool.reduce((a, b) => (dependencyKey(b) > dependencyKey(a) ? b : a));
      drop.add(dependencyKey(victim));
      skipped.push({ from: victim.from, to: victim.to, cycle: ids });
    }
    if (drop.size === 0) break;
    current = current.filter((d) => !drop.has(dependencyKey(d)));
  }
  return { dependencies: current, skipped };
}

function countChanges(before: readonly Dependency[], after: readonly Dependency[]): { added: number; dropped: number } {
  const was = new Set(before.map(dependencyKey));
  const now = new Set(after.map(dependencyKey));
  let added = 0;
  let dropped = 0;
  for (const k of now) if (!was.has(k)) added++;
  for (const k of was) if (!now.has(k)) dropped++;
  return { added, dropped };
}
