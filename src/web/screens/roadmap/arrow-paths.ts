import type { RoadmapEdges, RoadmapModel, RowModel } from './roadmap-model';

/** Arrow styles, one SVG path each: accepted, on the critical path, requested, at risk, broken. */
export const ARROW_STYLES = ['normal', 'critical', 'requested', 'at-risk', 'broken'] as const;

export interface ArrowGeometry {
  readonly rowH: number;
  /** Bar x of each item's start and finish (pixels, timeline coordinates). */
  readonly xs: Float32Array;
  readonly xf: Float32Array;
  /** Rows [r0, r1) are drawn; y is relative to r0's top. */
  readonly r0: number;
  readonly r1: number;
  /** Only the arrows into and out of this item. */
  readonly only?: number;
}

/**
 * SVG path data for the dependency arrows touching rows [r0, r1): lines and arrowheads per style.
 * An arrow runs from the predecessor's end (its finish for FS/FF, start for SS/SF) to the
 * successor's start (FS/SS, entering from the left) or finish (FF/SF, entering from the right);
 * an end far outside rows [r0, r1) is cut 64 rows away (farther than the window shows). States
 * are colours, not dashes: a dashed path costs the rasterizer every dash of its whole length on
 * every tile. Rows are drawn in chunks, each chunk's arrows in its own SVG, so an arrow between
 * two chunks is drawn by both, exactly on itself (arrow colours are opaque). Strings are built
 * directly: a few hundred arrows per chunk, built once when the chunk enters the window.
 */
export function arrowPaths(
  model: RoadmapModel,
  edges: RoadmapEdges,
  rows: RowModel,
  g: ArrowGeometry,
): { lines: string[]; heads: string[] } {
  const lines = ARROW_STYLES.map(() => '');
  const heads = ARROW_STYLES.map(() => '');
  const { rowH, xs, xf, r0, r1 } = g;
  const mid = rowH / 2;
  const bottom = (r1 - r0) * rowH;
  const reach = 64 * rowH;
  const draw = (e: number) => {
    const a = edges.from[e] as number;
    const b = edges.to[e] as number;
    const ra = rows.itemRow[a] as number;
    const rb = rows.itemRow[b] as number;
    if (ra < 0 || rb < 0) return;
    const type = edges.type[e] as number;
    const fromFinish = type === 0 || type === 2;
    const toStart = type === 0 || type === 1;
    const x1 = fromFinish ? (xf[a] as number) : (xs[a] as number);
    const x2 = toStart ? (xs[b] as number) : (xf[b] as number);
    if (!Number.isFinite(x1) || !Number.isFinite(x2)) return;
    // An end far outside the window is cut at `reach`: the rasterizer pays for a line's whole
    // length on every tile it crosses, and nobody sees that part anyway.
    const y1 = Math.max(-reach, Math.min(bottom + reach, (ra - r0) * rowH + mid));
    const y2 = Math.max(-reach, Math.min(bottom + reach, (rb - r0) * rowH + mid));
    const state = edges.state[e] as number;
    const style = state === 3 ? 4 : state === 2 ? 3 : state === 1 ? 2 : model.critical[a] && model.critical[b] ? 1 : 0;
    let d: string;
    let head: string;
    if (toStart) {
      const out = x1 + 6;
      if (x2 - 6 >= out) d = `M${x1} ${y1}H${out}V${y2}H${x2 - 1}`;
      else {
        // No room: drop to the gap above/below the successor's row, run back, then in.
        const gap = y2 + (y2 > y1 ? -mid : mid);
        d = `M${x1} ${y1}H${out}V${gap}H${x2 - 8}V${y2}H${x2 - 1}`;
      }
      head = `M${x2} ${y2}l-5 -3.5v7z`;
    } else {
      const turn = Math.max(x1, x2) + 8;
      d = `M${x1} ${y1}H${turn}V${y2}H${x2 + 1}`;
      head = `M${x2} ${y2}l5 -3.5v7z`;
    }
    lines[style] += d;
    heads[style] += head;
  };
  if (g.only !== undefined) {
    const i = g.only;
    for (let k = edges.outStart[i] as number; k < (edges.outStart[i + 1] as number); k++) draw(edges.outEdges[k] as number);
    for (let k = edges.inStart[i] as number; k < (edges.inStart[i + 1] as number); k++) draw(edges.inEdges[k] as number);
    return { lines, heads };
  }
  for (let r = r0; r < r1; r++) {
    if (rows.kind[r] !== 1) continue;
    const i = rows.ref[r] as number;
    for (let k = edges.outStart[i] as number; k < (edges.outStart[i + 1] as number); k++) draw(edges.outEdges[k] as number);
    // Incoming arrows from rows outside the window (those inside were drawn as their out-edges).
    for (let k = edges.inStart[i] as number; k < (edges.inStart[i + 1] as number); k++) {
      const e = edges.inEdges[k] as number;
      const from = rows.itemRow[edges.from[e] as number] as number;
      if (from < r0 || from >= r1) draw(e);
    }
  }
  return { lines, heads };
}
