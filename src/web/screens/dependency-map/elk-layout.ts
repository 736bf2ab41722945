import type { ElkNode } from 'elkjs/lib/elk-api';
import type { MapModel } from './map-model';

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface Route {
  /** SVG path of the edge, in scene coordinates. */
  readonly d: string;
  /** Halfway along it: where a team edge's count sits. */
  readonly mid: { x: number; y: number };
}

export interface Layout {
  readonly width: number;
  readonly height: number;
  /** Item view: one lane per team, across the whole width. */
  readonly lanes: ReadonlyMap<string, Box>;
  readonly nodes: ReadonlyMap<string, Box>;
  readonly edges: ReadonlyMap<string, Route>;
}

export const NODE = { width: 184, height: 40 };
export const TEAM_NODE = { width: 224, height: 56 };
/** Item view: the lane's label column, the gaps between layers and rows, and the lane padding. */
export const LANE = { label: 176, gapX: 52, gapY: 8, pad: 10, gap: 6 };

type Engine = { layout(graph: ElkNode): Promise<ElkNode> };

/**
 * The elkjs engine, loaded on first use (it is large) and kept. It runs in a web worker: laying out
 * the sample's 103 items takes about a second, which would freeze the page.
 */
let engine: Promise<Engine> | undefined;
function elk(): Promise<Engine> {
  engine ??=
    typeof Worker === 'undefined'
      ? import('elkjs/lib/elk.bundled.js').then((m) => new m.default())
      : Promise.all([import('elkjs/lib/elk-api.js'), import('elkjs/lib/elk-worker.min.js?url')]).then(
          ([api, worker]) => new api.default({ workerUrl: worker.default }),
        );
  return engine;
}
const layout = async (graph: ElkNode) => (await elk()).layout(graph);

const LAYERED = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
  'elk.layered.crossingMinimization.strategy': 'LAYER_SWEEP',
};

/**
 * Lays the map out left to right with ELK's layered algorithm.
 *
 * Item view: ELK layers the item graph (cross-team dependencies form a DAG, so every edge points
 * right) and orders each layer to cut crossings; each team then becomes a swimlane holding its
 * items at their layer, in ELK's order. (Laying teams out as ELK compound nodes instead sends every
 * edge of a team-to-team cycle around the whole drawing.) Team view: ELK places the team nodes.
 * Edges are drawn as curves from the source's right side to the target's left side.
 */
export async function layoutMap(model: MapModel): Promise<Layout> {
  return model.level === 'teams' ? layoutTeams(model) : layoutItems(model);
}

async function layoutItems(model: MapModel): Promise<Layout> {
  const done = await layout({
    id: 'root',
    layoutOptions: { ...LAYERED, 'elk.layered.spacing.nodeNodeBetweenLayers': '60', 'elk.spacing.nodeNode': '12' },
    children: model.nodes.map((n) => ({ id: n.id, ...NODE })),
    edges: model.edges.map((e) => ({ id: e.key, sources: [e.from], targets: [e.to] })),
  });
  const placed = new Map((done.children ?? []).map((c) => [c.id, { x: c.x ?? 0, y: c.y ?? 0 }]));
  const layerXs = [...new Set([...placed.values()].map((p) => Math.round(p.x)))].sort((a, b) => a - b);
  const layerOf = (id: string) => layerXs.indexOf(Math.round(placed.get(id)?.x ?? 0));
  const yOf = (id: string) => placed.get(id)?.y ?? 0;
  // Lanes in the order of their items' mean height in ELK's drawing, so edges between lanes stay short.
  const meanY = (nodes: readonly { id: string }[]) => nodes.reduce((s, n) => s + yOf(n.id), 0) / Math.max(1, nodes.length);
  const groups = [...model.groups].sort((a, b) => meanY(a.nodes) - meanY(b.nodes));

  const width = LANE.label + layerXs.length * (NODE.width + LANE.gapX) - LANE.gapX + LANE.pad;
  const lanes = new Map<string, Box>();
  const nodes = new Map<string, Box>();
  let y = 0;
  for (const g of groups) {
    const byLayer = new Map<number, string[]>();
    for (const n of g.nodes) {
      const layer = layerOf(n.id);
      byLayer.set(layer, [...(byLayer.get(layer) ?? []), n.id]);
    }
    let rows = 1;
    for (const [layer, ids] of byLayer) {
      ids.sort((a, b) => yOf(a) - yOf(b));
      rows = Math.max(rows, ids.length);
      for (const [row, id] of ids.entries())
        nodes.set(id, { x: LANE.label + layer * (NODE.width + LANE.gapX), y: y + LANE.pad + row * (NODE.height + LANE.gapY), ...NODE });
    }
    const height = 2 * LANE.pad + rows * NODE.height + (rows - 1) * LANE.gapY;
    lanes.set(g.id, { x: 0, y, width, height });
    y += height + LANE.gap;
  }
  return { width, height: Math.max(0, y - LANE.gap), lanes, nodes, edges: routes(model, nodes) };
}

async function layoutTeams(model: MapModel): Promise<Layout> {
  const done = await layout({
    id: 'root',
    layoutOptions: { ...LAYERED, 'elk.layered.spacing.nodeNodeBetweenLayers': '120', 'elk.spacing.nodeNode': '40' },
    children: model.nodes.map((n) => ({ id: n.id, ...TEAM_NODE })),
    edges: model.edges.map((e) => ({ id: e.key, sources: [e.from], targets: [e.to] })),
  });
  const nodes = new Map((done.children ?? []).map((c) => [c.id, { x: c.x ?? 0, y: c.y ?? 0, ...TEAM_NODE }]));
  return { width: done.width ?? 0, height: done.height ?? 0, lanes: new Map(), nodes, edges: routes(model, nodes) };
}

/**
 * Every edge's curve. Where several edges leave (or enter) one node, their ends are spread down
 * its side in the order of the nodes at their other ends, so they fan out instead of crossing.
 */
function routes(model: MapModel, nodes: ReadonlyMap<string, Box>): Map<string, Route> {
  const centre = (id: string) => {
    const b = nodes.get(id);
    return b ? b.y + b.height / 2 : 0;
  };
  const spread = (ends: Map<string, { key: string; other: string }[]>) => {
    const at = new Map<string, number>();
    for (const [id, list] of ends) {
      const box = nodes.get(id);
      if (!box) continue;
      list.sort((a, b) => centre(a.other) - centre(b.other));
      // Within the middle 60 % of the side, evenly.
      list.forEach((end, i) => {
        at.set(end.key, box.y + box.height * (0.2 + (0.6 * (i + 1)) / (list.length + 1)));
      });
    }
    return at;
  };
  const outs = new Map<string, { key: string; other: string }[]>();
  const ins = new Map<string, { key: string; other: string }[]>();
  for (const e of model.edges) {
    outs.set(e.from, [...(outs.get(e.from) ?? []), { key: e.key, other: e.to }]);
    ins.set(e.to, [...(ins.get(e.to) ?? []), { key: e.key, other: e.from }]);
  }
  const from = spread(outs);
  const to = spread(ins);
  return new Map(model.edges.map((e) => [e.key, curve(nodes.get(e.from), nodes.get(e.to), from.get(e.key), to.get(e.key))]));
}

/**
 * A cubic curve between two boxes: right side to left side when the target lies to the right;
 * otherwise (a back edge between teams) out of the source's left side into the target's right
 * side, bowed downwards so it does not lie on top of the forward edge between the same pair.
 */
function curve(a: Box | undefined, b: Box | undefined, startY?: number, endY?: number): Route {
  if (!a || !b) return { d: '', mid: { x: 0, y: 0 } };
  const forward = b.x >= a.x + a.width;
  const x1 = forward ? a.x + a.width : a.x;
  const y1 = startY ?? a.y + a.height / 2;
  const x2 = forward ? b.x : b.x + b.width;
  const y2 = endY ?? b.y + b.height / 2;
  const reach = Math.max(36, Math.abs(x2 - x1) / 2);
  const bow = forward ? 0 : 28;
  const c1 = { x: x1 + (forward ? reach : -reach), y: y1 + bow };
  const c2 = { x: x2 + (forward ? -reach : reach), y: y2 + bow };
  const at = (t: number, p0: number, p1: number, p2: number, p3: number) =>
    (1 - t) ** 3 * p0 + 3 * (1 - t) ** 2 * t * p1 + 3 * (1 - t) * t ** 2 * p2 + t ** 3 * p3;
  return {
    d: `M${x1},${y1} C${c1.x},${c1.y} ${c2.x},${c2.y} ${x2},${y2}`,
    mid: { x: at(0.5, x1, c1.x, c2.x, x2), y: at(0.5, y1, c1.y, c2.y, y2) },
  };
}
