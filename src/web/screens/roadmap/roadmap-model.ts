import type { Dependency, Item, Plan, Tagged } from '../../api/types';
import { dayOfDate, dayOfDateTime, type WorkCalendar } from './work-time';

/**
 * Everything the roadmap draws, indexed by item position so a 10k-item program costs a few typed
 * arrays rather than an object per bar. Built once per plan version.
 */
export interface RoadmapModel {
  readonly n: number;
  readonly items: readonly Item[];
  readonly etags: string[];
  readonly index: ReadonlyMap<string, number>;
  /** Day coordinates (see work-time.ts); NaN when the plan has no entry for the item. */
  readonly start: Float64Array;
  readonly finish: Float64Array;
  /** The day each item finishes on (the date of its finish date-time), for labels. */
  readonly lastDay: Float64Array;
  /** Total float in working days. */
  readonly float: Float64Array;
  readonly critical: Uint8Array;
  /** 1 for summary rows: epics and any item that is another item's parent. */
  readonly summary: Uint8Array;
  readonly parent: Int32Array;
  readonly criticalPath: readonly number[];
  /** First start and last finish over all planned items (day coordinates). */
  readonly first: number;
  readonly last: number;
  readonly finishDay: number;
  /** The date the program finishes on. */
  readonly finishDate: number;
  readonly version: number;
}

/**
 * The dependencies between a model's items, built apart from the model because they arrive after
 * the bars: the arrows draw, nothing else re-renders.
 */
export interface RoadmapEdges {
  /** Parallel arrays (type: 0 FS, 1 SS, 2 FF, 3 SF; state: 0 accepted, 1 requested, 2 at-risk, 3 broken). */
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly type: Uint8Array;
  readonly state: Uint8Array;
  /** Edge ids by item, compressed: out-edges of i are outEdges[outStart[i] .. outStart[i+1]). */
  readonly outStart: Int32Array;
  readonly outEdges: Int32Array;
  readonly inStart: Int32Array;
  readonly inEdges: Int32Array;
}

const LINK_TYPES = ['FS', 'SS', 'FF', 'SF'];
const LINK_STATES = ['accepted', 'requested', 'at-risk', 'broken'];

function compress(n: number, keys: Int32Array): { start: Int32Array; edges: Int32Array } {
  const start = new Int32Array(n + 1);
  for (let e = 0; e < keys.length; e++) (start[(keys[e] as number) + 1] as number)++;
  for (let i = 0; i < n; i++) start[i + 1] = (start[i + 1] as number) + (start[i] as number);
  const fill = start.slice(0, n);
  const edges = new Int32Array(keys.length);
  for (let e = 0; e < keys.length; e++) {
    const k = keys[e] as number;
    edges[fill[k] as number] = e;
    fill[k] = (fill[k] as number) + 1;
  }
  return { start, edges };
}

export function buildRoadmapModel(cal: WorkCalendar, plan: Plan, tagged: readonly Tagged<Item>[]): RoadmapModel {
  const n = tagged.length;
  const items = tagged.map((t) => t.value);
  const etags = tagged.map((t) => t.etag);
  const index = new Map(items.map((it, i) => [it.id, i]));
  const start = new Float64Array(n).fill(Number.NaN);
  const finish = new Float64Array(n).fill(Number.NaN);
  const lastDay = new Float64Array(n).fill(Number.NaN);
  const float = new Float64Array(n);
  const critical = new Uint8Array(n);
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const p of plan.items) {
    const i = index.get(p.id);
    if (i === undefined) continue;
    const s = dayOfDateTime(cal, p.start);
    const f = dayOfDateTime(cal, p.finish);
    start[i] = s;
    finish[i] = f;
    lastDay[i] = dayOfDate(p.finish);
    float[i] = p.totalFloat;
    critical[i] = p.critical ? 1 : 0;
    if (s < first) first = s;
    if (f > last) last = f;
  }
  const parent = new Int32Array(n).fill(-1);
  const summary = new Uint8Array(n);
  items.forEach((it, i) => {
    if (it.kind === 'epic') summary[i] = 1;
    const p = it.parent === undefined ? undefined : index.get(it.parent);
    if (p !== undefined) {
      parent[i] = p;
      summary[p] = 1;
    }
  });
  const criticalPath = plan.criticalPath.map((id) => index.get(id)).filter((i): i is number => i !== undefined);
  const finishDay = plan.unit === 'datetime' ? dayOfDateTime(cal, plan.finish) : last;
  return {
    n,
    items,
    etags,
    index,
    start,
    finish,
    lastDay,
    float,
    critical,
    summary,
    parent,
    criticalPath,
    first: Number.isFinite(first) ? first : dayOfDate(new Date().toISOString().slice(0, 10)),
    last: Number.isFinite(last) ? last : dayOfDate(new Date().toISOString().slice(0, 10)) + 30,
    finishDay,
    finishDate: plan.unit === 'datetime' ? dayOfDate(plan.finish) : Math.ceil(last) - 1,
    version: plan.version,
  };
}

export function buildEdges(model: RoadmapModel, deps: readonly Dependency[]): RoadmapEdges {
  const { index, n } = model;
  const kept = deps.filter((d) => index.has(d.from) && index.has(d.to));
  const m = kept.length;
  const from = new Int32Array(m);
  const to = new Int32Array(m);
  const type = new Uint8Array(m);
  const state = new Uint8Array(m);
  kept.forEach((d, e) => {
    from[e] = index.get(d.from) as number;
    to[e] = index.get(d.to) as number;
    type[e] = Math.max(0, LINK_TYPES.indexOf(d.type));
    state[e] = Math.max(0, LINK_STATES.indexOf(d.state));
  });
  const out = compress(n, from);
  const into = compress(n, to);
  return { from, to, type, state, outStart: out.start, outEdges: out.edges, inStart: into.start, inEdges: into.edges };
}

export type GroupBy = 'workstream' | 'team';

export interface Group {
  readonly key: string;
  readonly name: string;
  readonly count: number;
  readonly start: number;
  readonly finish: number;
  /** The day the group's last item finishes on. */
  readonly lastDay: number;
  readonly critical: number;
}

/** The visible rows: group headers and items, in order, as typed arrays (kind 0 = group header, 1 = item). */
export interface RowModel {
  readonly count: number;
  readonly kind: Uint8Array;
  /** Group index (headers) or item index (items). */
  readonly ref: Int32Array;
  readonly depth: Uint8Array;
  /** Row of each item, -1 when hidden (collapsed, filtered). */
  readonly itemRow: Int32Array;
  /** 1 when the item's row shows children (so it has a collapse toggle). */
  readonly hasChildren: Uint8Array;
  readonly groups: readonly Group[];
}

const MILESTONES = '\u0000milestones';
const NONE = '\u0000none';

export function groupKeyOf(item: Item, by: GroupBy): string {
  const key = by === 'team' ? item.team : item.workstream;
  if (key !== undefined) return key;
  return item.kind === 'milestone' ? MILESTONES : NONE;
}

/**
 * Rows for a grouping: milestones without a group first, then groups in the program's order, items
 * as a tree (children under their parent when both are in the group) with siblings by start date.
 * `collapsed` holds group keys (`g:<key>`) and summary items (`i:<id>`) whose rows are folded.
 */
export function buildRows(
  model: RoadmapModel,
  by: GroupBy,
  names: ReadonlyMap<string, string>,
  collapsed: ReadonlySet<string>,
  criticalOnly: boolean,
): RowModel {
  const { n, items, start, finish, parent, critical } = model;
  const members = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    if (criticalOnly && !critical[i]) continue;
    const key = groupKeyOf(items[i] as Item, by);
    const list = members.get(key);
    if (list) list.push(i);
    else members.set(key, [i]);
  }
  const order = [...members.keys()];
  const rank = new Map([...names.keys()].map((k, r) => [k, r]));
  const rankOf = (k: string) => (k === MILESTONES ? -1 : k === NONE ? 1e9 : (rank.get(k) ?? 1e8));
  order.sort((a, b) => rankOf(a) - rankOf(b) || a.localeCompare(b));

  const kind: number[] = [];
  const ref: number[] = [];
  const depth: number[] = [];
  const itemRow = new Int32Array(n).fill(-1);
  const hasChildren = new Uint8Array(n);
  const groups: Group[] = [];
  const byStart = (a: number, b: number) => (start[a] as number) - (start[b] as number) || a - b;

  for (const key of order) {
    const list = members.get(key) as number[];
    const inGroup = new Set(list);
    const children = new Map<number, number[]>();
    const roots: number[] = [];
    let gs = Number.POSITIVE_INFINITY;
    let gf = Number.NEGATIVE_INFINITY;
    let gl = Number.NEGATIVE_INFINITY;
    let crit = 0;
    for (const i of list) {
      const p = parent[i] as number;
      if (!criticalOnly && p >= 0 && inGroup.has(p)) {
        const kids = children.get(p);
        if (kids) kids.push(i);
        else children.set(p, [i]);
      } else roots.push(i);
      if ((start[i] as number) < gs) gs = start[i] as number;
      if ((finish[i] as number) > gf) gf = finish[i] as number;
      if ((model.lastDay[i] as number) > gl) gl = model.lastDay[i] as number;
      crit += critical[i] as number;
    }
    const g = groups.length;
    const name = key === MILESTONES ? 'Milestones' : key === NONE ? (by === 'team' ? 'No team' : 'No workstream') : (names.get(key) ?? key);
    groups.push({ key, name, count: list.length, start: gs, finish: gf, lastDay: gl, critical: crit });
    kind.push(0);
    ref.push(g);
    depth.push(0);
    if (collapsed.has(`g:${key}`)) continue;
    roots.sort(byStart);
    const stack: [number, number][] = [];
    for (let r = roots.length - 1; r >= 0; r--) stack.push([roots[r] as number, 0]);
    while (stack.length > 0) {
      const [i, d] = stack.pop() as [number, number];
      itemRow[i] = kind.length;
      kind.push(1);
      ref.push(i);
      depth.push(d);
      const kids = children.get(i);
      if (!kids) continue;
      hasChildren[i] = 1;
      if (collapsed.has(`i:${(items[i] as Item).id}`)) continue;
      kids.sort(byStart);
      for (let k = kids.length - 1; k >= 0; k--) stack.push([kids[k] as number, Math.min(d + 1, 8)]);
    }
  }
  return {
    count: kind.length,
    kind: Uint8Array.from(kind),
    ref: Int32Array.from(ref),
    depth: Uint8Array.from(depth),
    itemRow,
    hasChildren,
    groups,
  };
}
