import { useEffect, useMemo, useState } from 'react';
import type { BlastRadius } from '../../api/types';
import { layoutRadius, type Placed, type RadiusLayout } from './radius-layout';

const SERVICE = { width: 156, height: 46 };
const API = { width: 124, height: 28 };
/** Characters of an API name that fit on its edge label. */
const LABEL_CHARS = 16;

/** Cuts a label to what fits a node (about 6.6 px per character at 12.5 px). */
export const clip = (text: string, chars: number) => (text.length > chars ? `${text.slice(0, chars - 1).trimEnd()}…` : text);

interface GraphNode {
  readonly id: string;
  readonly name: string;
  readonly kind: 'service' | 'resource' | 'api';
  readonly sub: string;
  readonly tier: number | null;
  readonly origin: boolean;
}

/** How paths name a node: services by id, APIs as `api:<name>` (an API may share its provider's id). */
export const stepOf = (n: { kind: string; ref: string }) => (n.kind === 'api' ? `api:${n.ref}` : n.ref);

export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  /** The API the consumer reaches the provider through, if any. */
  readonly api: string | undefined;
}

/**
 * The nodes and hop edges of the radius. APIs become labels on the edge from their provider to each
 * consumer (as nodes they would double the drawing's width); only a changed API stays a node.
 */
export function radiusGraph(radius: BlastRadius): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const origin = stepOf(radius.origin);
  const nodes = new Map<string, GraphNode>();
  nodes.set(origin, {
    id: origin,
    name: radius.origin.name,
    kind: radius.origin.kind,
    sub: radius.origin.kind === 'api' ? 'API · changed' : 'changed',
    tier: null,
    origin: true,
  });
  for (const a of radius.affected)
    if (a.kind !== 'api' && !nodes.has(stepOf(a)))
      nodes.set(stepOf(a), {
        id: stepOf(a),
        name: a.name,
        kind: a.kind,
        sub: `${a.teamName}${a.tier === null ? '' : ` · Tier ${a.tier}`}`,
        tier: a.tier,
        origin: false,
      });
  const apiName = new Map(radius.affected.filter((a) => a.kind === 'api').map((a) => [stepOf(a), a.name]));
  const edges = new Map<string, GraphEdge>();
  for (const a of radius.affected) {
    let from = a.path[0] as string;
    let api: string | undefined;
    for (const step of a.path.slice(1)) {
      if (!nodes.has(step)) {
        api = apiName.get(step) ?? step.replace(/^api:/, '');
        continue;
      }
      if (nodes.has(from)) edges.set(`${from}\u0000${step}`, { from, to: step, api });
      from = step;
      api = undefined;
    }
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

/** A curve from a's right side to b's left side, and its midpoint (where the API label sits). */
export function curve(a: Placed, b: Placed): { d: string; mid: { x: number; y: number } } {
  const x1 = a.x + a.width;
  const y1 = a.y + a.height / 2;
  const x2 = b.x;
  const y2 = b.y + b.height / 2;
  const reach = Math.max(28, (x2 - x1) / 2);
  return { d: `M${x1},${y1} C${x1 + reach},${y1} ${x2 - reach},${y2} ${x2},${y2}`, mid: { x: (x1 + x2) / 2, y: (y1 + y2) / 2 } };
}

/**
 * The radius drawn as a small left-to-right graph: the changed service, API or resource on the
 * left, each hop to the right; services toned by tier, the APIs they go through on the edges.
 */
export function RadiusGraph({ radius }: { radius: BlastRadius }) {
  const graph = useMemo(() => radiusGraph(radius), [radius]);
  const [layout, setLayout] = useState<RadiusLayout | undefined>();
  const [failed, setFailed] = useState<string | undefined>();
  useEffect(() => {
    let live = true;
    setFailed(undefined);
    layoutRadius(
      graph.nodes.map((n) => ({ id: n.id, ...(n.kind === 'api' ? API : SERVICE) })),
      graph.edges,
    ).then(
      (l) => {
        if (live) setLayout(l);
      },
      (e: unknown) => {
        if (live) setFailed(String(e));
      },
    );
    return () => {
      live = false;
    };
  }, [graph]);
  if (failed) return <p className="muted">The drawing could not be laid out ({failed}); the lists below hold the same facts.</p>;
  if (!layout) return <div className="sv-graph-wait" aria-busy="true" />;
  const at = (id: string) => layout.nodes.get(id);
  return (
    <div className="sv-graph">
      {/* Shrinks to the card (never below 60 %, then it scrolls); never grows past its natural size. */}
      <svg
        width={layout.width}
        style={{ width: '100%', maxWidth: layout.width, minWidth: layout.width * 0.6 }}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        role="img"
        aria-label={`Blast radius of ${radius.origin.name}: ${radius.affected.length} reached`}
      >
        <defs>
          <marker id="sv-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,1 L9,5 L0,9 z" className="sv-arrow" />
          </marker>
        </defs>
        {graph.edges.map((e) => {
          const a = at(e.from);
          const b = at(e.to);
          return a && b ? <path key={`${e.from}>${e.to}`} className="sv-edge" d={curve(a, b).d} markerEnd="url(#sv-arrow)" /> : null;
        })}
        {graph.edges.map((e) => {
          const a = at(e.from);
          const b = at(e.to);
          if (!a || !b || !e.api) return null;
          const { mid } = curve(a, b);
          const text = clip(e.api, LABEL_CHARS);
          const w = text.length * 6.2 + 10;
          return (
            <g key={`${e.from}>${e.to}:label`} className="sv-edge-label" transform={`translate(${mid.x},${mid.y})`}>
              <title>{`through the ${e.api} API`}</title>
              <rect x={-w / 2} y={-8} width={w} height={16} rx={8} />
              <text dy="0.35em" textAnchor="middle" className="mono">
                {text}
              </text>
            </g>
          );
        })}
        {graph.nodes.map((n) => {
          const box = at(n.id);
          if (!box) return null;
          const tone = n.origin ? 'origin' : n.kind === 'api' ? 'api' : n.tier === null ? 't0' : `t${Math.min(n.tier, 4)}`;
          return (
            <g key={n.id} className={`sv-node ${tone}`} data-ref={n.id} transform={`translate(${box.x},${box.y})`}>
              <title>{`${n.name} (${n.kind}) ${n.sub}`}</title>
              <rect width={box.width} height={box.height} rx={n.kind === 'api' ? box.height / 2 : 7} />
              {n.kind === 'api' ? (
                <text x={box.width / 2} y={box.height / 2} dy="0.35em" textAnchor="middle" className="sv-node-name mono">
                  {clip(n.name, 17)}
                </text>
              ) : (
                <>
                  <text x={10} y={19} className="sv-node-name">
                    {clip(n.name, 22)}
                  </text>
                  <text x={10} y={35} className="sv-node-sub">
                    {clip(n.sub, 26)}
                  </text>
                </>
              )}
            </g>
          );
        })}
      </svg>
    </div>
  );
}
