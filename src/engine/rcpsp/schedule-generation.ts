import { predecessors, type RcpspInstance, topologicalOrder } from './instance.js';

/**
 * Buffers for decoding many schedules of one instance without allocating. Availability is a
 * period-major table `avail[t * R + r]` (units of r still free in period t), long enough for any
 * schedule the serial scheme can produce: past the capacity profile every activity fits alone, so no
 * start exceeds profile horizon + Σ durations + Σ positive lags.
 */
export interface SgsWorkspace {
  readonly inst: RcpspInstance;
  readonly n: number;
  readonly R: number;
  readonly horizon: number;
  readonly duration: Int32Array;
  readonly predStart: Int32Array;
  readonly pred: Int32Array;
  readonly predLag: Int32Array;
  readonly succStart: Int32Array;
  readonly succ: Int32Array;
  readonly succLag: Int32Array;
  /** Per activity, the resources it uses: `useRes/useAmt[useStart[j] .. useStart[j+1])`. */
  readonly useStart: Int32Array;
  readonly useRes: Int32Array;
  readonly useAmt: Int32Array;
  readonly avail: Int32Array;
  /** Capacity per period, period-major, over the whole horizon. */
  readonly template: Int32Array;
  readonly hasProfile: boolean;
  /** Some lag is negative (converted SS/FF/SF links): a successor may start before its predecessor. */
  readonly negativeLags: boolean;
  /** `avail` matches the forward template from this period on. */
  dirty: number;
  readonly finish: Int32Array;
  readonly order: Int32Array;
  readonly order2: Int32Array;
  readonly counts: Int32Array;
  readonly reverseStart: Int32Array;
  /** A topological order, to break ties between equal times. */
  readonly topo: Int32Array;
}

export function createWorkspace(inst: RcpspInstance): SgsWorkspace {
  const { n, resourceCount: R } = inst;
  const p = predecessors(inst);
  const succLag = inst.lag ?? new Int32Array(inst.succ.length);
  let span = 1 + (inst.profile?.horizon ?? 0);
  for (let j = 0; j < n; j++) span += inst.duration[j] as number;
  // Negative lags only pull starts earlier; they cannot shorten the table any schedule needs.
  for (let k = 0; k < succLag.length; k++) span += Math.max(0, succLag[k] as number);
  const useStart = new Int32Array(n + 1);
  const res: number[] = [];
  const amt: number[] = [];
  for (let j = 0; j < n; j++) {
    for (let r = 0; r < R; r++) {
      const d = inst.demand[j * R + r] as number;
      if (d > 0) {
        res.push(r);
        amt.push(d);
      }
    }
    useStart[j + 1] = res.length;
  }
  const template = new Int32Array(span * R);
  for (let t = 0; t < span; t++) {
    for (let r = 0; r < R; r++) {
      const prof = inst.profile;
      template[t * R + r] = prof && t < prof.horizon ? (prof.capacity[r * prof.horizon + t] as number) : (inst.capacity[r] as number);
    }
  }
  return {
    inst,
    n,
    R,
    horizon: span,
    duration: inst.duration,
    predStart: p.predStart,
    pred: p.pred,
    predLag: p.predLag,
    succStart: inst.succStart,
    succ: inst.succ,
    succLag,
    useStart,
    useRes: Int32Array.from(res),
    useAmt: Int32Array.from(amt),
    avail: template.slice(),
    template,
    hasProfile: inst.profile !== undefined,
    negativeLags: succLag.some((lag) => lag < 0),
    dirty: 0,
    finish: new Int32Array(n),
    order: new Int32Array(n),
    order2: new Int32Array(n),
    counts: new Int32Array(span + 1),
    reverseStart: new Int32Array(n),
    topo: topologicalOrder(inst),
  };
}

/** Restores `avail` to the capacity of real time (`reverseAt` < 0) or of time mirrored at `reverseAt`. */
function resetAvail(ws: SgsWorkspace, reverseAt: number): void {
  const { avail, template, R } = ws;
  if (reverseAt < 0 || !ws.hasProfile) {
    avail.set(template.subarray(0, ws.dirty * R));
  } else {
    // Reverse period q is real period reverseAt-1-q; before real time 0 nothing is ever placed.
    // Rows past reverseAt stand for negative real time; they keep forward capacity and are never used.
    if (ws.dirty > reverseAt) avail.set(template.subarray(reverseAt * R, ws.dirty * R), reverseAt * R);
    for (let q = 0; q < reverseAt; q++) avail.set(template.subarray((reverseAt - 1 - q) * R, (reverseAt - q) * R), q * R);
    ws.dirty = reverseAt;
    return;
  }
  ws.dirty = 0;
}

/**
 * The serial scheme's core: takes `order` (precedence-feasible along the given adjacency) and gives
 * each activity the earliest start at or after its precedence release at which it fits for its whole
 * duration. Writes `start`/`ws.finish`; returns the makespan. `avail` must be reset before.
 */
function serialPass(
  ws: SgsWorkspace,
  order: Int32Array,
  adjStart: Int32Array,
  adj: Int32Array,
  adjLag: Int32Array,
  start: Int32Array,
): number {
  const { avail, R, duration, useStart, useRes, useAmt, finish, n } = ws;
  let makespan = 0;
  for (let k = 0; k < n; k++) {
    const j = order[k] as number;
    let t = 0;
    const e1 = adjStart[j + 1] as number;
    for (let e = adjStart[j] as number; e < e1; e++) {
      const v = (finish[adj[e] as number] as number) + (adjLag[e] as number);
      if (v > t) t = v;
    }
    const d = duration[j] as number;
    const u0 = useStart[j] as number;
    const u1 = useStart[j + 1] as number;
    if (d > 0 && u1 > u0) {
      // Scan the window from its end: on a conflict at period p no start ≤ p can work, so jump past p.
      let p = t + d - 1;
      while (p >= t) {
        const base = p * R;
        let fits = true;
        for (let u = u0; u < u1 && fits; u++) fits = (avail[base + (useRes[u] as number)] as number) >= (useAmt[u] as number);
        if (fits) p--;
        else {
          t = p + 1;
          p = t + d - 1;
        }
      }
      for (let p = t; p < t + d; p++) {
        const base = p * R;
        for (let u = u0; u < u1; u++) {
          const x = base + (useRes[u] as number);
          avail[x] = (avail[x] as number) - (useAmt[u] as number);
        }
      }
    }
    start[j] = t;
    const f = t + d;
    finish[j] = f;
    if (f > makespan) makespan = f;
  }
  if (makespan > ws.dirty) ws.dirty = makespan;
  return makespan;
}

/** Serial SGS: decodes a precedence-feasible activity list into `starts`; returns the makespan. */
export function serialSgs(ws: SgsWorkspace, list: Int32Array, starts: Int32Array): number {
  resetAvail(ws, -1);
  return serialPass(ws, list, ws.predStart, ws.pred, ws.predLag, starts);
}

/**
 * Sorts activities by `key` (integers in 0..ws.horizon) ascending into `out`, ties in the order of
 * `tieOrder` (reversed if asked). Ties between a zero-duration activity and its successor are why
 * `tieOrder` must be a topological order. Counting sort: O(n + horizon).
 */
function sortByKey(ws: SgsWorkspace, key: (j: number) => number, out: Int32Array, tieOrder: Int32Array, reversed: boolean): void {
  if (ws.negativeLags) {
    feasibleSortByKey(ws, key, out, tieOrder, reversed);
    return;
  }
  const { counts, n } = ws;
  counts.fill(0);
  for (let j = 0; j < n; j++) {
    const k = key(j) + 1;
    counts[k] = (counts[k] as number) + 1;
  }
  for (let i = 1; i < counts.length; i++) counts[i] = (counts[i] as number) + (counts[i - 1] as number);
  for (let i = 0; i < n; i++) {
    const j = tieOrder[reversed ? n - 1 - i : i] as number;
    const k = key(j);
    out[counts[k] as number] = j;
    counts[k] = (counts[k] as number) + 1;
  }
}

/**
 * Backward pass of justification: right-justifies `starts` against the deadline of its own makespan,
 * scheduling in order of decreasing finish. Each activity ends no earlier than before, so the result is
 * feasible, never longer, and starts at or after 0. `tieOrder` is any topological order (e.g. the
 * activity list that produced `starts`). Overwrites `starts`; returns the new makespan.
 */
export function backwardPass(ws: SgsWorkspace, starts: Int32Array, tieOrder: Int32Array = ws.topo): number {
  const { duration, order, reverseStart, finish, n } = ws;
  let T = 0;
  for (let j = 0; j < n; j++) T = Math.max(T, (starts[j] as number) + (duration[j] as number));
  sortByKey(ws, (j) => T - (starts[j] as number) - (duration[j] as number), order, tieOrder, true);
  resetAvail(ws, T);
  serialPass(ws, order, ws.succStart, ws.succ, ws.succLag, reverseStart);
  let makespan = 0;
  for (let j = 0; j < n; j++) {
    const s = T - (finish[j] as number);
    starts[j] = s;
    if (s + (duration[j] as number) > makespan) makespan = s + (duration[j] as number);
  }
  return makespan;
}

/** Forward pass of justification: serial SGS on the list of activities by increasing start in `starts`. */
export function forwardPass(ws: SgsWorkspace, starts: Int32Array, tieOrder: Int32Array = ws.topo): number {
  sortByKey(ws, (j) => starts[j] as number, ws.order2, tieOrder, false);
  return serialSgs(ws, ws.order2, starts);
}

/** Activities by increasing start, ties in topological `tieOrder`: a list that decodes to `starts` or better. */
export function listByStart(ws: SgsWorkspace, starts: Int32Array, out: Int32Array, tieOrder: Int32Array = ws.topo): void {
  sortByKey(ws, (j) => starts[j] as number, out, tieOrder, false);
}

/**
 * Forward-backward improvement (Li & Willis 1992; Valls, Ballestín & Quintanilla 2005): a backward
 * then a forward pass. Counts as two schedules. Never increases the makespan. Returns new starts.
 */
export function justify(
  inst: RcpspInstance,
  starts: Int32Array,
  ws: SgsWorkspace = createWorkspace(inst),
): { starts: Int32Array; makespan: number } {
  const out = starts.slice();
  backwardPass(ws, out);
  const makespan = forwardPass(ws, out);
  return { starts: out, makespan };
}

/**
 * Parallel SGS (time-incremental): at each decision time, starts the eligible activities in priority
 * order (lower value first, ties by index) while they fit. Produces non-delay schedules. With a
 * capacity profile it also stops at every period, since capacity may rise between events.
 * Writes `starts` and, if given, the list of activities in the order they were started; returns the makespan.
 */
export function parallelSgs(ws: SgsWorkspace, priority: Float64Array, starts: Int32Array, listOut?: Int32Array): number {
  const { n, R, duration, useStart, useRes, useAmt, avail, finish, predStart, pred, predLag } = ws;
  resetAvail(ws, -1);
  const done = new Uint8Array(n);
  const eligible: number[] = [];
  let placed = 0;
  let t = 0;
  let makespan = 0;
  while (placed < n) {
    let changed = true;
    while (changed) {
      changed = false;
      eligible.length = 0;
      for (let j = 0; j < n; j++) {
        if (done[j]) continue;
        let ready = true;
        for (let e = predStart[j] as number; e < (predStart[j + 1] as number) && ready; e++) {
          const i = pred[e] as number;
          if (!done[i] || (finish[i] as number) + (predLag[e] as number) > t) ready = false;
        }
        if (ready) eligible.push(j);
      }
      eligible.sort((a, b) => (priority[a] as number) - (priority[b] as number) || a - b);
      for (const j of eligible) {
        const d = duration[j] as number;
        let fits = true;
        for (let p = t; p < t + d && fits; p++) {
          for (let u = useStart[j] as number; u < (useStart[j + 1] as number); u++) {
            if ((avail[p * R + (useRes[u] as number)] as number) < (useAmt[u] as number)) fits = false;
          }
        }
        if (!fits) continue;
        for (let p = t; p < t + d; p++) {
          for (let u = useStart[j] as number; u < (useStart[j + 1] as number); u++) {
            const x = p * R + (useRes[u] as number);
            avail[x] = (avail[x] as number) - (useAmt[u] as number);
          }
        }
        done[j] = 1;
        starts[j] = t;
        finish[j] = t + d;
        if (listOut) listOut[placed] = j;
        placed++;
        makespan = Math.max(makespan, t + d);
        changed = true;
      }
    }
    if (placed === n) break;
    t = nextDecisionTime(ws, done, t);
  }
  if (makespan > ws.dirty) ws.dirty = makespan;
  return makespan;
}

/** The next time anything can change: a finish, a lagged release, or (with a profile) the next period. */
function nextDecisionTime(ws: SgsWorkspace, done: Uint8Array, t: number): number {
  const { n, finish, predStart, pred, predLag } = ws;
  let next = Number.POSITIVE_INFINITY;
  for (let j = 0; j < n; j++) {
    if (done[j]) {
      const f = finish[j] as number;
      if (f > t && f < next) next = f;
      continue;
    }
    let release = 0;
    let ready = true;
    for (let e = predStart[j] as number; e < (predStart[j + 1] as number); e++) {
      const i = pred[e] as number;
      if (!done[i]) ready = false;
      else release = Math.max(release, (finish[i] as number) + (predLag[e] as number));
    }
    if (ready && release > t && release < next) next = release;
  }
  if (ws.hasProfile || next === Number.POSITIVE_INFINITY) next = Math.min(next, t + 1);
  return next;
}

/**
 * Sorting by time is not enough with negative lags: a successor can start before its predecessor,
 * and the serial scheme needs every predecessor (successor, when `reversed`) listed first. Kahn's
 * algorithm picking the smallest (key, position in `tieOrder`) among the ready activities gives the
 * list closest to key order that respects precedence. O(n log n + m).
 */
function feasibleSortByKey(ws: SgsWorkspace, key: (j: number) => number, out: Int32Array, tieOrder: Int32Array, reversed: boolean): void {
  const { n } = ws;
  const rank = new Int32Array(n);
  for (let i = 0; i < n; i++) rank[tieOrder[reversed ? n - 1 - i : i] as number] = i;
  // Forward: release along successors once all predecessors are listed; reversed: the other way.
  const waitStart = reversed ? ws.succStart : ws.predStart;
  const releaseStart = reversed ? ws.predStart : ws.succStart;
  const release = reversed ? ws.pred : ws.succ;
  const waiting = new Int32Array(n);
  const keys = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    waiting[j] = (waitStart[j + 1] as number) - (waitStart[j] as number);
    keys[j] = key(j);
  }
  const before = (a: number, b: number) =>
    (keys[a] as number) < (keys[b] as number) || (keys[a] === keys[b] && (rank[a] as number) < (rank[b] as number));
  const heap: number[] = [];
  const push = (j: number) => {
    let i = heap.length;
    heap.push(j);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(j, heap[parent] as number)) break;
      heap[i] = heap[parent] as number;
      i = parent;
    }
    heap[i] = j;
  };
  const pop = () => {
    const top = heap[0] as number;
    const last = heap.pop() as number;
    if (heap.length > 0) {
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= heap.length) break;
        if (child + 1 < heap.length && before(heap[child + 1] as number, heap[child] as number)) child++;
        if (!before(heap[child] as number, last)) break;
        heap[i] = heap[child] as number;
        i = child;
      }
      heap[i] = last;
    }
    return top;
  };
  for (let j = 0; j < n; j++) if (waiting[j] === 0) push(j);
  let k = 0;
  while (heap.length > 0) {
    const j = pop();
    out[k++] = j;
    for (let e = releaseStart[j] as number; e < (releaseStart[j + 1] as number); e++) {
      const w = release[e] as number;
      const left = (waiting[w] as number) - 1;
      waiting[w] = left;
      if (left === 0) push(w);
    }
  }
}
