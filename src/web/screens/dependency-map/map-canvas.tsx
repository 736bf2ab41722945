import { type KeyboardEvent, useEffect, useRef } from 'react';
import type { DependencyState } from '../../api/types';
import { LANE, type Layout } from './elk-layout';
import type { MapEdge, MapModel } from './map-model';
import { usePanZoom } from './use-pan-zoom';

/** Least to most severe: the drawing order (the worst on top). */
const SEVERITY: readonly DependencyState[] = ['accepted', 'requested', 'at-risk', 'broken'];

/** Cuts a title to what fits a node (about 6.3 px per character at 12.5 px). */
const clip = (text: string, chars: number) => (text.length > chars ? `${text.slice(0, chars - 1).trimEnd()}…` : text);

/** A team name in at most two lines of `chars` characters (the second cut short if need be). */
function wrap(text: string, chars: number): string[] {
  const lines: string[] = [''];
  for (const word of text.split(' ')) {
    const last = lines[lines.length - 1] as string;
    if (!last || `${last} ${word}`.length <= chars) lines[lines.length - 1] = last ? `${last} ${word}` : word;
    else if (lines.length < 2) lines.push(word);
    else {
      lines[1] = clip(`${last} ${word}`, chars);
      break;
    }
  }
  return lines.map((l) => clip(l, chars));
}

/** The box around the ends of broken and at-risk edges: where a map too big to read whole opens. */
function troubleBox(model: MapModel, layout: Layout): { x: number; y: number; width: number; height: number } | undefined {
  const boxes = model.edges
    .filter((e) => e.state === 'broken' || e.state === 'at-risk')
    .flatMap((e) => [layout.nodes.get(e.from), layout.nodes.get(e.to)])
    .filter((b) => b !== undefined);
  if (boxes.length === 0) return undefined;
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  return { x, y, width: Math.max(...boxes.map((b) => b.x + b.width)) - x, height: Math.max(...boxes.map((b) => b.y + b.height)) - y };
}

/** The side panel's width over the map (CSS .dm-panel), in pixels. */
const PANEL_WIDTH = 380;

/** The smallest scale at which node titles can be read: the map opens at least this close. */
const READABLE = 0.7;

const activate = (run: () => void) => (e: KeyboardEvent) => {
  if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    run();
  }
};

/**
 * The drawn map: team groups, item (or team) nodes and dependency edges, in a pannable, zoomable
 * scene. Nodes open their item; edges open the dependency panel. `fitKey` changing re-fits the view.
 */
export function MapCanvas({
  model,
  layout,
  selected,
  fitKey,
  onEdge,
  onNode,
}: {
  model: MapModel;
  layout: Layout;
  selected: string | undefined;
  fitKey: string;
  onEdge: (edge: MapEdge) => void;
  onNode: (id: string) => void;
}) {
  const svg = useRef<SVGSVGElement>(null);
  const { view, fit: fitView, zoomBy, panBy, handlers } = usePanZoom(svg);
  const size = { width: layout.width, height: layout.height };
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-fit only when what is shown changes, not on every pan.
  useEffect(() => fitView(size, READABLE, troubleBox(model, layout)), [fitKey, fitView]);
  // An edge picked under where the side panel opens slides into the free part of the map.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new selection moves the view; panning afterwards is the user's.
  useEffect(() => {
    const edge = model.edges.find((e) => e.key === selected);
    const route = edge ? layout.edges.get(edge.key) : undefined;
    const a = edge ? layout.nodes.get(edge.from) : undefined;
    const b = edge ? layout.nodes.get(edge.to) : undefined;
    const el = svg.current;
    if (!route || !a || !b || !el) return;
    const free = el.clientWidth - PANEL_WIDTH;
    const left = view.x + Math.min(a.x, b.x) * view.k;
    const right = view.x + Math.max(a.x + a.width, b.x + b.width) * view.k;
    if (right <= free - 16) return;
    // Both ends in the free part if they fit there, else the middle of the edge.
    const dx = right - left <= free - 56 ? free - 40 - right : free / 2 - (view.x + route.mid.x * view.k);
    panBy(dx, 0);
  }, [selected]);
  const teamName = new Map(model.groups.map((g) => [g.id, g.name]));
  const nodeById = new Map(model.nodes.map((n) => [n.id, n]));
  // Selected and problem edges are drawn last, over the calm ones.
  const rank = (e: MapEdge) => SEVERITY.indexOf(e.state) + (e.critical ? 4 : 0) + (e.key === selected ? 10 : 0);
  const edges = [...model.edges].sort((a, b) => rank(a) - rank(b));

  return (
    <div className="dm-canvas">
      <svg
        ref={svg}
        className={`dm-svg${view.k < 0.3 ? ' far' : ''}`}
        role="application"
        aria-label="Dependency map: drag to pan, wheel to zoom"
        {...handlers}
      >
        <defs>
          {SEVERITY.map((s) => (
            <marker
              key={s}
              id={`dm-arrow-${s}`}
              className={`dm-arrow ${s}`}
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="7"
              markerHeight="7"
              orient="auto-start-reverse"
            >
              <path d="M0,1 L9,5 L0,9 z" />
            </marker>
          ))}
        </defs>
        <g transform={`translate(${view.x},${view.y}) scale(${view.k})`}>
          {[...layout.lanes].map(([team, box]) => {
            const count = model.groups.find((g) => g.id === team)?.nodes.length ?? 0;
            const lines = wrap(teamName.get(team) ?? team, Math.floor((LANE.label - 28) / 8.4));
            return (
              <g key={team} className="dm-lane" data-team={team}>
                <rect x={box.x} y={box.y} width={box.width} height={box.height} rx={8} />
                <text x={box.x + 14} y={box.y + 21} className="dm-lane-name">
                  {lines.map((line, i) => (
                    <tspan key={line} x={box.x + 14} dy={i === 0 ? 0 : 15}>
                      {line}
                    </tspan>
                  ))}
                </text>
                <text x={box.x + 14} y={box.y + 21 + lines.length * 15 + 1} className="dm-lane-count">
                  {count} {count === 1 ? 'item' : 'items'}
                </text>
              </g>
            );
          })}
          {edges.map((e) => {
            const route = layout.edges.get(e.key);
            if (!route?.d) return null;
            const d = route.d;
            const label = model.level === 'teams' ? route.mid : undefined;
            const name =
              model.level === 'teams'
                ? `${e.deps.length} dependencies from ${nodeById.get(e.from)?.title ?? e.from} to ${nodeById.get(e.to)?.title ?? e.to}, worst ${e.state}`
                : `Dependency ${e.from} → ${e.to}, ${e.state}${e.critical ? ', critical' : ''}`;
            return (
              <g
                key={e.key}
                className={`dm-edge ${e.state}${e.critical ? ' critical' : ''}${e.key === selected ? ' selected' : ''}`}
                data-edge={e.key}
                data-state={e.state}
                data-critical={e.critical || undefined}
              >
                {e.critical ? <path className="dm-edge-halo" d={d} /> : null}
                <path className="dm-edge-line" d={d} markerEnd={`url(#dm-arrow-${e.state})`} />
                {label ? (
                  <g className="dm-edge-count">
                    <rect x={label.x - 13} y={label.y - 9} width={26} height={18} rx={9} />
                    <text x={label.x} y={label.y} dy="0.34em" textAnchor="middle">
                      {e.deps.length}
                    </text>
                  </g>
                ) : null}
                {/* biome-ignore lint/a11y/useSemanticElements: an SVG path cannot be a <button>; it is focusable and answers Enter. */}
                <path
                  className="dm-edge-hit"
                  d={d}
                  role="button"
                  tabIndex={0}
                  aria-label={name}
                  onClick={() => onEdge(e)}
                  onKeyDown={activate(() => onEdge(e))}
                />
              </g>
            );
          })}
          {model.nodes.map((n) => {
            const box = layout.nodes.get(n.id);
            if (!box) return null;
            const team = model.level === 'teams';
            return (
              // biome-ignore lint/a11y/useSemanticElements: an SVG group cannot be an <a>; it is focusable and answers Enter.
              <g
                key={n.id}
                className={`dm-node${n.critical ? ' critical' : ''}${team ? ' team' : ''}`}
                data-node={n.id}
                role="link"
                tabIndex={0}
                aria-label={team ? `Team ${n.title}, ${n.count} items` : `${n.title} (${n.id})`}
                onClick={() => onNode(n.id)}
                onKeyDown={activate(() => onNode(n.id))}
              >
                <title>{team ? n.title : `${n.id} — ${n.title}`}</title>
                <rect x={box.x} y={box.y} width={box.width} height={box.height} rx={6} />
                {n.critical ? <rect className="dm-node-flag" x={box.x} y={box.y + 6} width={3} height={box.height - 12} rx={1.5} /> : null}
                <text x={box.x + 12} y={box.y + (team ? 23 : 17)} className="dm-node-title">
                  {clip(n.title, team ? 28 : 24)}
                </text>
                <text x={box.x + 12} y={box.y + (team ? 42 : 32)} className="dm-node-id">
                  {team ? `${n.count} items in cross-team work` : n.id}
                </text>
              </g>
            );
          })}
        </g>
      </svg>
      {layout.lanes.size > 0 && view.x + (LANE.label - 24) * view.k < 0 ? (
        // The lanes' own labels have scrolled off to the left: these keep naming the rows.
        <div className="dm-sticky-lanes" aria-hidden="true">
          {[...layout.lanes].map(([team, box]) => (
            <div key={team} style={{ top: view.y + box.y * view.k, height: box.height * view.k }}>
              <span>{teamName.get(team) ?? team}</span>
            </div>
          ))}
        </div>
      ) : null}
      <div className="dm-zoom" role="toolbar" aria-label="Zoom">
        <button type="button" className="btn small" onClick={() => zoomBy(1.25)} aria-label="Zoom in">
          +
        </button>
        <button type="button" className="btn small" onClick={() => zoomBy(0.8)} aria-label="Zoom out">
          −
        </button>
        <button type="button" className="btn small" onClick={() => fitView(size)}>
          Fit
        </button>
        <span className="dm-zoom-level num">{Math.round(view.k * 100)}%</span>
      </div>
    </div>
  );
}
