import { type KeyboardEvent, useEffect, useMemo, useState } from 'react';
import type { ServiceCatalog } from '../../api/types';
import { clip, curve } from './radius-graph';
import { layoutRadius, type RadiusLayout } from './radius-layout';

type CatalogService = ServiceCatalog['services'][number];

const NODE = { width: 164, height: 58 };

export interface MapEdge {
  readonly from: string;
  readonly to: string;
  /** The APIs the consumer calls on the provider; empty for a plain "depends on". */
  readonly apis: readonly string[];
  readonly dependsOn: boolean;
}

/**
 * Every link of the catalog, from consumer to provider: one edge per pair, carrying the APIs
 * consumed through it and whether the consumer also declares a direct dependency.
 */
export function catalogEdges(catalog: ServiceCatalog): MapEdge[] {
  const known = new Set(catalog.services.map((s) => s.id));
  const edges = new Map<string, { from: string; to: string; apis: string[]; dependsOn: boolean }>();
  const edge = (from: string, to: string) => {
    const key = `${from}\u0000${to}`;
    let e = edges.get(key);
    if (!e) {
      e = { from, to, apis: [], dependsOn: false };
      edges.set(key, e);
    }
    return e;
  };
  for (const api of catalog.apis)
    for (const consumer of api.consumers)
      if (known.has(consumer) && known.has(api.provider) && consumer !== api.provider) edge(consumer, api.provider).apis.push(api.name);
  for (const s of catalog.services) for (const d of s.dependsOn) if (known.has(d) && d !== s.id) edge(s.id, d).dependsOn = true;
  return [...edges.values()];
}

/**
 * The API labels, drawn where the edges enter their provider rather than mid-edge: consumers of one
 * API share one label, and a label never lands under a node an edge passes behind.
 */
function apiEntries(edges: readonly MapEdge[]) {
  const byProvider = new Map<string, Map<string, string[]>>();
  for (const e of edges)
    for (const api of e.apis) {
      const apis = byProvider.get(e.to) ?? new Map<string, string[]>();
      byProvider.set(e.to, apis);
      apis.set(api, [...(apis.get(api) ?? []), e.from]);
    }
  return [...byProvider].flatMap(([provider, apis]) =>
    [...apis].map(([api, consumers], index) => ({ provider, api, consumers, index, of: apis.size })),
  );
}

/**
 * A label's centre line moved just off any node its box (16 px high) would cover: the gap between
 * layers is a little narrower than the longest API names, so a label may reach a node's corner.
 */
function clearOfNodes(left: number, width: number, y: number, layout: RadiusLayout): number {
  for (const n of layout.nodes.values()) {
    const overlaps = left < n.x + n.width && left + width > n.x && y - 8 < n.y + n.height && y + 8 > n.y;
    if (overlaps) return y > n.y + n.height / 2 ? n.y + n.height + 10 : n.y - 10;
  }
  return y;
}

const incidentsText = (n: number) => `${n} open ${n === 1 ? 'incident' : 'incidents'}`;
const describe = (s: CatalogService) =>
  [s.name, s.teamName, s.tier === null ? 'untiered' : `tier ${s.tier}`, s.kind === 'resource' ? (s.type ?? 'resource') : null]
    .concat(s.openIncidents > 0 ? [incidentsText(s.openIncidents)] : [])
    .filter((x) => x !== null)
    .join(', ');

/**
 * The whole catalog as one left-to-right drawing: consumers on the left, what they call and stand on
 * to the right; the API consumed labels the edges where they enter the provider (a plain dependency is dashed). Each node names its
 * owner team and tier, tier 1 outlined, open incidents marked; a click makes it the blast-radius origin.
 */
export function CatalogMap({
  catalog,
  selected,
  matching,
  onPick,
}: {
  catalog: ServiceCatalog;
  selected: string | undefined;
  /** Services the filters keep; the rest are drawn faint. */
  matching: ReadonlySet<string>;
  onPick: (ref: string) => void;
}) {
  const edges = useMemo(() => catalogEdges(catalog), [catalog]);
  const entries = useMemo(() => apiEntries(edges), [edges]);
  const [layout, setLayout] = useState<RadiusLayout | undefined>();
  const [failed, setFailed] = useState<string | undefined>();
  useEffect(() => {
    let live = true;
    setFailed(undefined);
    layoutRadius(
      catalog.services.map((s) => ({ id: s.id, ...NODE })),
      edges,
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
  }, [catalog, edges]);
  if (failed) return <p className="muted">The map could not be laid out ({failed}); the table holds the same facts.</p>;
  if (!layout) return <div className="sv-graph-wait svm-wait" aria-busy="true" />;
  const at = (id: string) => layout.nodes.get(id);
  const names = new Map(catalog.services.map((s) => [s.id, s.name]));
  const key = (e: MapEdge, i: number) => (e.apis.length > 0 ? `${e.apis.join(',')}` : 'depends') + i.toString();
  const onKey = (ref: string) => (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onPick(ref);
    }
  };
  return (
    <div className="svm">
      <div className="sv-graph svm-graph">
        {/* biome-ignore lint/a11y/useSemanticElements: an <svg> cannot be a <fieldset>; the group names the map for its buttons. */}
        <svg
          width={layout.width}
          style={{ width: '100%', maxWidth: layout.width, minWidth: layout.width * 0.75 }}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          role="group"
          aria-label={`Dependency map: ${catalog.services.length} services and resources, ${edges.length} links`}
        >
          <defs>
            <marker id="svm-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M0,1 L9,5 L0,9 z" className="sv-arrow" />
            </marker>
          </defs>
          {edges.map((e, i) => {
            const a = at(e.from);
            const b = at(e.to);
            if (!a || !b) return null;
            const { d } = curve(a, b);
            const label = e.apis.join(', ');
            const what =
              e.apis.length > 0
                ? `${names.get(e.from)} consumes ${label} of ${names.get(e.to)}`
                : `${names.get(e.from)} depends on ${names.get(e.to)}`;
            const faint = !matching.has(e.from) && !matching.has(e.to);
            return (
              <g
                key={`${e.from}>${e.to}:${key(e, i)}`}
                className={`svm-edge${e.apis.length === 0 ? ' depends' : ''}${faint ? ' faint' : ''}`}
                data-from={e.from}
                data-to={e.to}
                data-apis={label}
              >
                <title>{what}</title>
                <path className="sv-edge" d={d} markerEnd="url(#svm-arrow)" />
              </g>
            );
          })}
          {entries.map((x) => {
            const b = at(x.provider);
            if (!b) return null;
            const text = clip(x.api, 16);
            const w = text.length * 6.2 + 10;
            const y = clearOfNodes(b.x - 12 - w, w, b.y + b.height / 2 + (x.index - (x.of - 1) / 2) * 18, layout);
            const faint = !matching.has(x.provider) && !x.consumers.some((c) => matching.has(c));
            return (
              <g
                key={`${x.provider}:${x.api}`}
                className={`sv-edge-label svm-entry${faint ? ' faint' : ''}`}
                data-provider={x.provider}
                data-api={x.api}
                transform={`translate(${b.x - 12 - w / 2},${y})`}
              >
                <title>{`${x.api}: API of ${names.get(x.provider)}, consumed by ${x.consumers.map((c) => names.get(c) ?? c).join(', ')}`}</title>
                <rect x={-w / 2} y={-8} width={w} height={16} rx={8} />
                <text dy="0.35em" textAnchor="middle" className="mono">
                  {text}
                </text>
              </g>
            );
          })}
          {catalog.services.map((s) => {
            const box = at(s.id);
            if (!box) return null;
            const tone = s.tier === null ? 't0' : `t${Math.min(s.tier, 4)}`;
            const origin = s.id === selected;
            const tierText = `${s.tier === null ? 'Untiered' : `Tier ${s.tier}`}${s.kind === 'resource' ? ` · ${s.type ?? 'resource'}` : ''}`;
            return (
              // biome-ignore lint/a11y/useSemanticElements: an SVG node cannot be a <button>; role, focus and keys make it one.
              <g
                key={s.id}
                className={`sv-node svm-node ${tone}${origin ? ' origin' : ''}${matching.has(s.id) ? '' : ' faint'}`}
                data-ref={s.id}
                data-team={s.team}
                transform={`translate(${box.x},${box.y})`}
                role="button"
                tabIndex={0}
                aria-pressed={origin}
                aria-label={describe(s)}
                onClick={() => onPick(s.id)}
                onKeyDown={onKey(s.id)}
              >
                <title>{`${describe(s)} — click for the blast radius of a change here`}</title>
                <rect width={box.width} height={box.height} rx={7} />
                <text x={10} y={18} className="sv-node-name">
                  {clip(s.name, s.openIncidents > 0 ? 16 : 20)}
                </text>
                <text x={10} y={34} className="sv-node-sub svm-team">
                  {clip(s.teamName, 26)}
                </text>
                <text x={10} y={49} className={`svm-tier ${tone}`}>
                  {tierText}
                </text>
                {s.openIncidents > 0 ? (
                  <g className="svm-incident" transform={`translate(${box.width - 14},14)`}>
                    <circle r={8} />
                    <text dy="0.35em" textAnchor="middle">
                      {s.openIncidents}
                    </text>
                  </g>
                ) : null}
              </g>
            );
          })}
        </svg>
      </div>
      <ul className="svm-legend" aria-label="Legend">
        <li>
          <span className="svm-key api" /> consumes the labelled API of
        </li>
        <li>
          <span className="svm-key depends" /> depends on
        </li>
        <li>
          <span className="svm-key t1" /> tier 1
        </li>
        <li>
          <span className="svm-key incident" /> open incidents
        </li>
        <li className="faint">Click a service for the blast radius of a change there.</li>
      </ul>
    </div>
  );
}
