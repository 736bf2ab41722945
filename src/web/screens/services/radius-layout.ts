import type { ElkNode } from 'elkjs/lib/elk-api';

export interface RadiusNode {
  readonly id: string;
  readonly width: number;
  readonly height: number;
}
export interface Placed {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}
export interface RadiusLayout {
  readonly width: number;
  readonly height: number;
  readonly nodes: ReadonlyMap<string, Placed>;
}

type Engine = { layout(graph: ElkNode): Promise<ElkNode> };

/**
 * The elkjs engine, loaded on first use and kept, in a web worker as the dependency map does
 * (src/web/screens/dependency-map/elk-layout.ts): the library is large and the page must not freeze.
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

/**
 * Lays a dependency graph out left to right: for the blast radius the changed thing in the first
 * layer, then each hop further right, so distance reads as position; for the catalog map consumers
 * left of what they consume. ELK orders each layer to cut crossings.
 */
export async function layoutRadius(nodes: readonly RadiusNode[], edges: readonly { from: string; to: string }[]): Promise<RadiusLayout> {
  const done = await (await elk()).layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
      // Room between layers for an API label on the edges.
      'elk.layered.spacing.nodeNodeBetweenLayers': '100',
      'elk.spacing.nodeNode': '16',
      'elk.padding': '[top=8,left=8,bottom=8,right=8]',
    },
    children: nodes.map((n) => ({ id: n.id, width: n.width, height: n.height })),
    edges: edges.map((e, i) => ({ id: `e${i}`, sources: [e.from], targets: [e.to] })),
  });
  const placed = new Map(
    (done.children ?? []).map((c) => [c.id, { x: c.x ?? 0, y: c.y ?? 0, width: c.width ?? 0, height: c.height ?? 0 }]),
  );
  return { width: done.width ?? 0, height: done.height ?? 0, nodes: placed };
}
