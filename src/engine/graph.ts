/**
 * A directed graph in compressed sparse row form: node ids are 0..n-1, and the successors of `v`
 * are `succ[succStart[v] .. succStart[v+1])` (predecessors likewise). Built once, read many times;
 * plain typed arrays keep large programs (10^5 nodes) cache-friendly and allocation-free to walk.
 */
export interface Graph {
  readonly nodeCount: number;
  readonly edgeCount: number;
  readonly succStart: Int32Array;
  readonly succ: Int32Array;
  /** For each entry of `succ`, the index of the edge it came from. */
  readonly succEdge: Int32Array;
  readonly predStart: Int32Array;
  readonly pred: Int32Array;
  readonly predEdge: Int32Array;
}

/** Builds the graph of `edgeCount` edges `from[e] → to[e]`. Every endpoint must be in 0..nodeCount-1. */
export function buildGraph(nodeCount: number, from: Int32Array, to: Int32Array): Graph {
  const edgeCount = from.length;
  if (to.length !== edgeCount) throw new RangeError('from and to must have the same length');
  const out = csr(nodeCount, from, to);
  const inn = csr(nodeCount, to, from);
  return {
    nodeCount,
    edgeCount,
    succStart: out.start,
    succ: out.adjacent,
    succEdge: out.edge,
    predStart: inn.start,
    pred: inn.adjacent,
    predEdge: inn.edge,
  };
}

function csr(n: number, key: Int32Array, other: Int32Array) {
  const start = new Int32Array(n + 1);
  for (let e = 0; e < key.length; e++) {
    const k = key[e] as number;
    if (k < 0 || k >= n || (other[e] as number) < 0 || (other[e] as number) >= n) {
      throw new RangeError(`edge ${e} has an endpoint outside 0..${n - 1}`);
    }
    start[k + 1] = (start[k + 1] as number) + 1;
  }
  for (let v = 0; v < n; v++) start[v + 1] = (start[v + 1] as number) + (start[v] as number);
  const fill = start.slice(0, n);
  const adjacent = new Int32Array(key.length);
  const edge = new Int32Array(key.length);
  for (let e = 0; e < key.length; e++) {
    const k = key[e] as number;
    const slot = fill[k] as number;
    adjacent[slot] = other[e] as number;
    edge[slot] = e;
    fill[k] = slot + 1;
  }
  return { start, adjacent, edge };
}

/**
 * An order in which every edge goes from an earlier to a later node; undefined when the graph has
 * a cycle. When the ids are already such an order (every edge goes from a smaller id to a larger,
 * as in plans listed in order of work) that order is returned as is, so later passes walk memory
 * sequentially. Otherwise Kahn's algorithm: sources in id order, then nodes as their last
 * predecessor releases them, in edge order. Deterministic either way; O(n + m).
 */
export function topologicalOrder(g: Graph): Int32Array | undefined {
  const n = g.nodeCount;
  let forward = true;
  for (let v = 0; v < n && forward; v++) {
    for (let k = g.succStart[v] as number; k < (g.succStart[v + 1] as number); k++) {
      if ((g.succ[k] as number) <= v) {
        forward = false;
        break;
      }
    }
  }
  if (forward) {
    const identity = new Int32Array(n);
    for (let v = 0; v < n; v++) identity[v] = v;
    return identity;
  }
  const indegree = new Int32Array(n);
  for (let v = 0; v < n; v++) indegree[v] = (g.predStart[v + 1] as number) - (g.predStart[v] as number);
  const order = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (let v = 0; v < n; v++) if (indegree[v] === 0) order[tail++] = v;
  while (head < tail) {
    const v = order[head++] as number;
    for (let k = g.succStart[v] as number; k < (g.succStart[v + 1] as number); k++) {
      const w = g.succ[k] as number;
      const d = (indegree[w] as number) - 1;
      indegree[w] = d;
      if (d === 0) order[tail++] = w;
    }
  }
  return tail === n ? order : undefined;
}

/**
 * One concrete cycle in each cyclic strongly connected component (Tarjan, iterative so deep chains
 * cannot overflow the stack). Each cycle is a list of nodes `[a, b, …, a]` following edge direction,
 * starting from its smallest node id so the report is stable.
 */
export function findCycles(g: Graph): number[][] {
  const n = g.nodeCount;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const component = new Int32Array(n).fill(-1);
  const callStack: number[] = [];
  const cursor = new Int32Array(n);
  let counter = 0;
  let components = 0;
  const cycles: number[][] = [];

  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    callStack.push(root);
    index[root] = low[root] = counter++;
    cursor[root] = g.succStart[root] as number;
    stack.push(root);
    onStack[root] = 1;
    while (callStack.length > 0) {
      const v = callStack[callStack.length - 1] as number;
      const k = cursor[v] as number;
      if (k < (g.succStart[v + 1] as number)) {
        cursor[v] = k + 1;
        const w = g.succ[k] as number;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          cursor[w] = g.succStart[w] as number;
          stack.push(w);
          onStack[w] = 1;
          callStack.push(w);
        } else if (onStack[w]) {
          low[v] = Math.min(low[v] as number, index[w] as number);
        }
        continue;
      }
      callStack.pop();
      const parent = callStack[callStack.length - 1];
      if (parent !== undefined) low[parent] = Math.min(low[parent] as number, low[v] as number);
      if (low[v] !== index[v]) continue;
      const members: number[] = [];
      let w: number;
      do {
        w = stack.pop() as number;
        onStack[w] = 0;
        component[w] = components;
        members.push(w);
      } while (w !== v);
      const selfLoop = members.length === 1 && hasEdge(g, v, v);
      if (members.length > 1 || selfLoop) cycles.push(cycleWithin(g, component, components, Math.min(...members)));
      components++;
    }
  }
  return cycles.sort((a, b) => (a[0] as number) - (b[0] as number));
}

function hasEdge(g: Graph, v: number, w: number): boolean {
  for (let k = g.succStart[v] as number; k < (g.succStart[v + 1] as number); k++) if (g.succ[k] === w) return true;
  return false;
}

/** Shortest cycle through `start` inside its component, by breadth-first search back to `start`. */
function cycleWithin(g: Graph, component: Int32Array, c: number, start: number): number[] {
  const previous = new Map<number, number>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head] as number;
    for (let k = g.succStart[v] as number; k < (g.succStart[v + 1] as number); k++) {
      const w = g.succ[k] as number;
      if (component[w] !== c) continue;
      if (w === start) {
        const path = [start];
        for (let u = v; u !== start; u = previous.get(u) as number) path.push(u);
        path.push(start);
        // The walk was collected backwards from the closing edge; put it in edge direction.
        return [start, ...path.slice(1, -1).reverse(), start];
      }
      if (!previous.has(w)) {
        previous.set(w, v);
        queue.push(w);
      }
    }
  }
  throw new Error(`node ${start} is in a cyclic component but no cycle was found`);
}

/** Nodes reachable from `start` (itself included) following successors, or predecessors when `upstream`. */
export function reachable(g: Graph, start: number, direction: 'downstream' | 'upstream'): Uint8Array {
  const seen = new Uint8Array(g.nodeCount);
  const begin = direction === 'downstream' ? g.succStart : g.predStart;
  const next = direction === 'downstream' ? g.succ : g.pred;
  const queue = new Int32Array(g.nodeCount);
  let head = 0;
  let tail = 0;
  queue[tail++] = start;
  seen[start] = 1;
  while (head < tail) {
    const v = queue[head++] as number;
    for (let k = begin[v] as number; k < (begin[v + 1] as number); k++) {
      const w = next[k] as number;
      if (!seen[w]) {
        seen[w] = 1;
        queue[tail++] = w;
      }
    }
  }
  return seen;
}
