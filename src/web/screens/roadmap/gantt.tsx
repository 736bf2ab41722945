import {
  forwardRef,
  memo,
  type ReactNode,
  type PointerEvent as ReactPointerEvent,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { Item } from '../../api/types';
import { itemHref } from '../../nav';
import { Link, navigate } from '../../router';
import { ARROW_STYLES, arrowPaths } from './arrow-paths';
import type { RoadmapEdges, RoadmapModel, RowModel } from './roadmap-model';
import { DAY_PX, type Tick, ticksFor, type Zoom } from './time-scale';
import { dayOfDate, formatDay, lastDayOf, type WorkCalendar, workingDaysBetween } from './work-time';

export const ROW_H = 32;
const HEAD_H = 50;
const LEFT_W = 380;
/**
 * Rows are rendered in chunks of this many, each chunk a memoized component: scrolling renders
 * only when it crosses a chunk boundary, and then only the chunk that comes into the window.
 */
const ROW_CHUNK = 16;
const BAR_TOP = 7;
const BAR_H = 16;
const DIAMOND = 14;

export interface Baseline {
  readonly start: Float64Array;
  readonly finish: Float64Array;
}

export interface DragResult {
  readonly item: number;
  readonly mode: 'move' | 'resize';
  /** The bar's new start and finish (day coordinates). */
  readonly start: number;
  readonly finish: number;
}

export interface GanttHandle {
  scrollToDay(day: number): void;
  focus(): void;
}

export interface GanttProps {
  readonly programId: string;
  readonly model: RoadmapModel;
  readonly edges: RoadmapEdges;
  readonly rows: RowModel;
  readonly zoom: Zoom;
  readonly cal: WorkCalendar;
  /** Day range of the axis. */
  readonly origin: number;
  readonly end: number;
  readonly today: number;
  readonly target: number | undefined;
  readonly baseline: Baseline | undefined;
  readonly canEdit: boolean;
  readonly teamNames: ReadonlyMap<string, string>;
  readonly overrides: ReadonlyMap<number, { start: number; finish: number }>;
  readonly collapsed: ReadonlySet<string>;
  readonly criticalFocus: boolean;
  readonly showArrows: boolean;
  readonly groupLabel: string;
  readonly onToggle: (key: string) => void;
  readonly onDrag: (result: DragResult) => void;
}

interface Window {
  r0: number;
  r1: number;
  x0: number;
  x1: number;
}

const draggable = (item: Item, summary: number) =>
  summary === 0 && item.kind !== 'milestone' && item.state !== 'done' && item.state !== 'cancelled';

/** The Gantt: sticky labels on the left, a two-tier time header on top, rows rendered for the visible window only. */
export const Gantt = forwardRef<GanttHandle, GanttProps>(function Gantt(props, ref) {
  const { model, rows, zoom, origin, end, canEdit } = props;
  const px = DAY_PX[zoom];
  const width = Math.ceil((end - origin) * px);
  const height = rows.count * ROW_H;
  const scroller = useRef<HTMLDivElement>(null);
  const [win, setWin] = useState<Window>({ r0: 0, r1: ROW_CHUNK * 3, x0: 0, x1: 2400 });
  const center = useRef<number | undefined>(undefined);
  const [ready, setReady] = useState(false);

  // Bar ends in pixels, recomputed only when the zoom or the plan changes (never while scrolling).
  const { xs, xf } = useMemo(() => {
    const xs = new Float32Array(model.n);
    const xf = new Float32Array(model.n);
    for (let i = 0; i < model.n; i++) {
      const s = ((model.start[i] as number) - origin) * px;
      const f = ((model.finish[i] as number) - origin) * px;
      if ((model.items[i] as Item).kind === 'milestone') {
        xs[i] = f - DIAMOND / 2;
        xf[i] = f + DIAMOND / 2;
      } else {
        xs[i] = s;
        xf[i] = Math.max(f, s + 3);
      }
    }
    return { xs, xf };
  }, [model, origin, px]);
  // Bars being saved show where they were dropped.
  const pos = useMemo(() => {
    if (props.overrides.size === 0) return { xs, xf };
    const s2 = xs.slice();
    const f2 = xf.slice();
    for (const [i, o] of props.overrides) {
      s2[i] = (o.start - origin) * px;
      f2[i] = Math.max((o.finish - origin) * px, (s2[i] as number) + 3);
    }
    return { xs: s2, xf: f2 };
  }, [xs, xf, props.overrides, origin, px]);

  const measure = () => {
    const el = scroller.current;
    if (!el) return;
    const viewW = Math.max(200, el.clientWidth - LEFT_W);
    const first = Math.floor(el.scrollTop / ROW_H);
    const chunk = Math.floor(first / ROW_CHUNK);
    const visibleChunks = Math.ceil(el.clientHeight / ROW_H / ROW_CHUNK);
    const r0 = Math.max(0, (chunk - 1) * ROW_CHUNK);
    const r1 = Math.min(rows.count, (chunk + visibleChunks + 1) * ROW_CHUNK);
    const hc = Math.floor(el.scrollLeft / viewW);
    const x0 = Math.max(0, (hc - 1) * viewW);
    const x1 = Math.min(width, (hc + 3) * viewW);
    center.current = origin + (el.scrollLeft + viewW / 2) / px;
    setWin((w) => (w.r0 === r0 && w.r1 === r1 && w.x0 === x0 && w.x1 === x1 ? w : { r0, r1, x0, x1 }));
  };

  const scrollToDay = (day: number) => {
    const el = scroller.current;
    if (!el) return;
    const viewW = el.clientWidth - LEFT_W;
    el.scrollLeft = Math.max(0, (day - origin) * px - viewW / 3);
    measure();
  };
  useImperativeHandle(ref, () => ({ scrollToDay, focus: () => scroller.current?.focus() }));

  // On a zoom change, keep the day at the centre of the view where it was.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the scale changes; measure reads the latest layout.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    if (center.current !== undefined) el.scrollLeft = Math.max(0, (center.current - origin) * px - (el.clientWidth - LEFT_W) / 2);
    measure();
  }, [px, origin, rows.count, width]);

  // One observer for the component's life, calling the latest measure (it closes over the scale).
  const latestMeasure = useRef(measure);
  latestMeasure.current = measure;
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const observer = new ResizeObserver(() => latestMeasure.current());
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // Tells people (and the benchmark) when the first bars are on screen.
  useEffect(() => {
    if (ready) return;
    const id = requestAnimationFrame(() => {
      performance.mark('roadmap:ready');
      setReady(true);
    });
    return () => cancelAnimationFrame(id);
  }, [ready]);

  // Arrow keys scroll the timeline (Shift: a screenful) unless a field has the focus.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const el = scroller.current;
      const target = e.target as HTMLElement;
      if (!el || e.metaKey || e.ctrlKey || e.altKey || /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName) || target.isContentEditable) return;
      const stepX = e.shiftKey ? el.clientWidth - LEFT_W : Math.max(60, ticksStep(zoom) * px);
      const stepY = e.shiftKey ? el.clientHeight - HEAD_H : ROW_H * 3;
      const moves: Record<string, [number, number]> = {
        ArrowLeft: [-stepX, 0],
        ArrowRight: [stepX, 0],
        ArrowUp: [0, -stepY],
        ArrowDown: [0, stepY],
      };
      const move = moves[e.key];
      if (!move) return;
      e.preventDefault();
      el.scrollBy({ left: move[0], top: move[1] });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [zoom, px]);

  // Pointer: hover shows the tooltip; press and move drags (body: start, right edge: estimate); press and release opens the item.
  const [hover, setHover] = useState<{ i: number; x: number; y: number } | undefined>(undefined);
  const [dragLabel, setDragLabel] = useState<ReactNode>(undefined);
  const drag = useRef<
    | {
        i: number;
        mode: 'move' | 'resize';
        x0: number;
        el: HTMLElement;
        can: boolean;
        moved: boolean;
        days: number;
        left: string;
        width: string;
      }
    | undefined
  >(undefined);
  const tooltip = useRef<HTMLDivElement>(null);

  const barOf = (target: EventTarget | null) => {
    const el = (target as HTMLElement | null)?.closest<HTMLElement>('[data-index]');
    return el ? { el, i: Number(el.dataset.index) } : undefined;
  };
  const onPointerDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    const bar = barOf(e.target);
    if (!bar) return;
    e.preventDefault();
    const item = model.items[bar.i] as Item;
    const can = canEdit && draggable(item, model.summary[bar.i] as number);
    const mode = (e.target as HTMLElement).classList.contains('rm-handle') ? 'resize' : 'move';
    drag.current = {
      i: bar.i,
      mode,
      x0: e.clientX,
      el: bar.el,
      can,
      moved: false,
      days: 0,
      left: bar.el.style.left,
      width: bar.el.style.width,
    };
    bar.el.setPointerCapture(e.pointerId);
    setHover(undefined);
  };
  const onPointerMove = (e: ReactPointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (d) {
      const dx = e.clientX - d.x0;
      if (Math.abs(dx) > 3) d.moved = true;
      if (!d.can || !d.moved) return;
      const days = Math.round(dx / px);
      if (days === d.days) return;
      d.days = days;
      const s = model.start[d.i] as number;
      const f = model.finish[d.i] as number;
      if (d.mode === 'move') {
        d.el.style.transform = `translateX(${days * px}px)`;
        setDragLabel(
          <>
            Start <strong>{formatDay(Math.floor(s + days), true)}</strong> ({days > 0 ? '+' : ''}
            {days} d)
          </>,
        );
      } else {
        const finish = Math.max(Math.floor(s) + 1, Math.round(f + days));
        d.el.style.width = `${Math.max(3, (finish - s) * px)}px`;
        setDragLabel(
          <>
            Finish <strong>{formatDay(lastDayOf(finish), true)}</strong> · {roundHalf(workingDaysBetween(props.cal, s, finish))} working
            days
          </>,
        );
      }
      place(tooltip.current, e.clientX, e.clientY);
      return;
    }
    const bar = barOf(e.target);
    if (!bar) {
      if (hover) setHover(undefined);
      return;
    }
    if (!hover || hover.i !== bar.i) setHover({ i: bar.i, x: e.clientX, y: e.clientY });
    else place(tooltip.current, e.clientX, e.clientY);
  };
  const onPointerUp = (e: ReactPointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d) return;
    drag.current = undefined;
    d.el.style.transform = '';
    d.el.style.left = d.left;
    d.el.style.width = d.width;
    setDragLabel(undefined);
    if (!d.moved) {
      navigate(itemHref(props.programId, (model.items[d.i] as Item).id));
      return;
    }
    if (!d.can || d.days === 0) return;
    const s = model.start[d.i] as number;
    const f = model.finish[d.i] as number;
    if (d.mode === 'move')
      props.onDrag({ item: d.i, mode: 'move', start: Math.floor(s + d.days), finish: f + (Math.floor(s + d.days) - s) });
    else props.onDrag({ item: d.i, mode: 'resize', start: s, finish: Math.max(Math.floor(s) + 1, Math.round(f + d.days)) });
    e.preventDefault();
  };

  const hovered = hover ? (model.items[hover.i] as Item) : undefined;
  const chunks: [number, number][] = [];
  for (let r0 = win.r0; r0 < Math.min(win.r1, rows.count); r0 += ROW_CHUNK) chunks.push([r0, Math.min(r0 + ROW_CHUNK, rows.count)]);
  return (
    <div className={`rm-gantt${props.criticalFocus ? ' critical-focus' : ''}`} data-ready={ready ? 'true' : undefined} data-zoom={zoom}>
      <section
        className="rm-scroller"
        ref={scroller}
        onScroll={measure}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the timeline scrolls with the keyboard once focused.
        tabIndex={0}
        aria-label="Roadmap timeline"
      >
        <div className="rm-inner" style={{ width: LEFT_W + width, height: HEAD_H + height }}>
          <div className="rm-head" style={{ height: HEAD_H }}>
            <div className="rm-corner" style={{ width: LEFT_W }}>
              <span>{props.groupLabel} / item</span>
              <span className="faint">Finish</span>
            </div>
            <TimeHeader
              zoom={zoom}
              origin={origin}
              px={px}
              x0={win.x0}
              x1={win.x1}
              width={width}
              today={props.today}
              target={props.target}
            />
          </div>
          <div className="rm-body" style={{ height }}>
            <div className="rm-labels" style={{ width: LEFT_W }}>
              {chunks.map(([r0, r1]) => (
                <RowLabels
                  key={r0}
                  programId={props.programId}
                  model={model}
                  rows={rows}
                  r0={r0}
                  r1={r1}
                  collapsed={props.collapsed}
                  onToggle={props.onToggle}
                />
              ))}
            </div>
            <div
              className="rm-timeline"
              style={{ width, height }}
              onPointerDown={onPointerDown}
              onPointerMove={onPointerMove}
              onPointerUp={onPointerUp}
              onPointerCancel={onPointerUp}
              onPointerLeave={() => setHover(undefined)}
            >
              <GridLayer
                zoom={zoom}
                origin={origin}
                px={px}
                x0={win.x0}
                x1={win.x1}
                height={height}
                today={props.today}
                target={props.target}
              />
              {chunks.map(([r0, r1]) => (
                <GroupBands key={r0} rows={rows} r0={r0} r1={r1} width={width} origin={origin} px={px} />
              ))}
              {props.showArrows ? (
                <ArrowsLayer
                  model={model}
                  edges={props.edges}
                  rows={rows}
                  xs={pos.xs}
                  xf={pos.xf}
                  r0={win.r0}
                  r1={Math.min(win.r1, rows.count)}
                  width={width}
                />
              ) : null}
              {hover ? (
                <ArrowsLayer
                  model={model}
                  edges={props.edges}
                  rows={rows}
                  xs={pos.xs}
                  xf={pos.xf}
                  r0={win.r0}
                  r1={Math.min(win.r1, rows.count)}
                  width={width}
                  only={hover.i}
                />
              ) : null}
              {chunks.map(([r0, r1]) => (
                <BarsLayer
                  key={r0}
                  model={model}
                  rows={rows}
                  xs={pos.xs}
                  xf={pos.xf}
                  r0={r0}
                  r1={r1}
                  origin={origin}
                  px={px}
                  baseline={props.baseline}
                  canEdit={canEdit}
                  saving={props.overrides}
                />
              ))}
            </div>
          </div>
        </div>
      </section>
      {hovered && hover && !dragLabel ? (
        <div
          className="rm-tooltip"
          ref={(el) => {
            tooltip.current = el;
            place(el, hover.x, hover.y);
          }}
          role="tooltip"
        >
          <TooltipBody model={model} i={hover.i} cal={props.cal} baseline={props.baseline} teamNames={props.teamNames} canEdit={canEdit} />
        </div>
      ) : null}
      {dragLabel ? (
        <div
          className="rm-tooltip drag"
          ref={(el) => {
            tooltip.current = el;
          }}
          role="status"
        >
          {dragLabel}
        </div>
      ) : null}
    </div>
  );
});

const roundHalf = (x: number) => Math.round(x * 2) / 2;

/** Puts the tooltip below-right of the pointer, flipped to the other side near the window's edges. */
function place(el: HTMLElement | null, x: number, y: number): void {
  if (!el) return;
  const w = el.offsetWidth;
  const h = el.offsetHeight;
  const left = x + 14 + w > window.innerWidth - 8 ? x - 14 - w : x + 14;
  const top = y + 16 + h > window.innerHeight - 8 ? y - 12 - h : y + 16;
  el.style.transform = `translate(${Math.max(8, left)}px, ${Math.max(8, top)}px)`;
}
const ticksStep = (zoom: Zoom) => (zoom === 'days' ? 1 : zoom === 'weeks' ? 7 : zoom === 'months' ? 30 : 91);

const TimeHeader = memo(function TimeHeader(p: {
  zoom: Zoom;
  origin: number;
  px: number;
  x0: number;
  x1: number;
  width: number;
  today: number;
  target: number | undefined;
}) {
  const { upper, lower } = ticksFor(p.zoom, p.origin + p.x0 / p.px, p.origin + p.x1 / p.px);
  const at = (t: Tick) => ({ left: (t.day - p.origin) * p.px, width: t.days * p.px });
  const todayX = (p.today - p.origin) * p.px;
  return (
    <div className="rm-scale" style={{ width: p.width }} data-testid="time-scale">
      {upper.map((t) => (
        <div key={`u${t.day}`} className="rm-tick upper" style={at(t)}>
          <span className="rm-upper-label">{t.label}</span>
        </div>
      ))}
      {lower.map((t) => (
        <div key={`l${t.day}`} className={`rm-tick lower${t.weekend ? ' weekend' : ''}`} style={at(t)}>
          {t.label}
        </div>
      ))}
      {todayX >= 0 && todayX <= p.width ? (
        <div className="rm-today-flag" style={{ left: todayX }} title={`Today, ${formatDay(p.today, true)}`} />
      ) : null}
    </div>
  );
});

const GridLayer = memo(function GridLayer(p: {
  zoom: Zoom;
  origin: number;
  px: number;
  x0: number;
  x1: number;
  height: number;
  today: number;
  target: number | undefined;
}) {
  const { lower } = ticksFor(p.zoom, p.origin + p.x0 / p.px, p.origin + p.x1 / p.px);
  const todayX = (p.today - p.origin) * p.px;
  return (
    <div className="rm-grid" aria-hidden="true">
      {lower.map((t) =>
        t.weekend ? (
          <div key={t.day} className="rm-weekend" style={{ left: (t.day - p.origin) * p.px, width: p.px, height: p.height }} />
        ) : (
          <div
            key={t.day}
            className={`rm-vline${t.strong ? ' strong' : ''}`}
            style={{ left: (t.day - p.origin) * p.px, height: p.height }}
          />
        ),
      )}
      {p.zoom === 'weeks'
        ? weekendsIn(p.origin + p.x0 / p.px, p.origin + p.x1 / p.px).map((d) => (
            <div key={`w${d}`} className="rm-weekend" style={{ left: (d - p.origin) * p.px, width: 2 * p.px, height: p.height }} />
          ))
        : null}
      {p.target !== undefined ? <div className="rm-target-line" style={{ left: (p.target - p.origin) * p.px, height: p.height }} /> : null}
      {todayX >= 0 ? <div className="rm-today-line" style={{ left: todayX, height: p.height }} /> : null}
    </div>
  );
});

/** Saturdays in [from, to): the weekend shading at the weeks zoom. */
function weekendsIn(from: number, to: number): number[] {
  const out: number[] = [];
  for (let d = Math.floor(from); d < to; d++) if ((((d + 4) % 7) + 7) % 7 === 6) out.push(d);
  return out;
}

const GroupBands = memo(function GroupBands(p: { rows: RowModel; r0: number; r1: number; width: number; origin: number; px: number }) {
  const out: ReactNode[] = [];
  for (let r = p.r0; r < p.r1; r++) {
    if (p.rows.kind[r] !== 0) continue;
    const g = p.rows.groups[p.rows.ref[r] as number];
    if (!g) continue;
    out.push(
      <div key={r} className="rm-band" style={{ top: r * ROW_H, width: p.width }}>
        {Number.isFinite(g.start) ? (
          <div className="rm-gbar" style={{ left: (g.start - p.origin) * p.px, width: Math.max(2, (g.finish - g.start) * p.px) }} />
        ) : null}
      </div>,
    );
  }
  return <>{out}</>;
});

const RowLabels = memo(function RowLabels(p: {
  programId: string;
  model: RoadmapModel;
  rows: RowModel;
  r0: number;
  r1: number;
  collapsed: ReadonlySet<string>;
  onToggle: (key: string) => void;
}) {
  const out: ReactNode[] = [];
  for (let r = p.r0; r < p.r1; r++) {
    const ref = p.rows.ref[r] as number;
    if (p.rows.kind[r] === 0) {
      const g = p.rows.groups[ref];
      if (!g) continue;
      const open = !p.collapsed.has(`g:${g.key}`);
      out.push(
        <div key={`g${g.key}`} className="rm-label group" style={{ top: r * ROW_H }}>
          <button
            type="button"
            className="rm-chevron"
            aria-expanded={open}
            aria-label={`${open ? 'Collapse' : 'Expand'} ${g.name}`}
            onClick={() => p.onToggle(`g:${g.key}`)}
          >
            <span className={`rm-chev${open ? ' open' : ''}`}>›</span>
          </button>
          <h3 className="rm-gname">{g.name}</h3>
          <span className="rm-count">{g.count}</span>
          {g.critical > 0 ? (
            <span className="rm-critical-count" title={`${g.critical} on the critical path`}>
              {g.critical} critical
            </span>
          ) : null}
          <span className="rm-finish">{Number.isFinite(g.lastDay) ? formatDay(g.lastDay) : ''}</span>
        </div>,
      );
      continue;
    }
    const item = p.model.items[ref] as Item;
    const critical = p.model.critical[ref] === 1;
    const parentRow = p.rows.hasChildren[ref] === 1;
    const open = !p.collapsed.has(`i:${item.id}`);
    out.push(
      <div
        key={`i${item.id}`}
        className={`rm-label item${critical ? ' critical' : ''}${item.state === 'done' ? ' done' : ''}`}
        style={{ top: r * ROW_H, paddingLeft: 12 + (p.rows.depth[r] as number) * 16 }}
        data-critical={critical ? 'true' : 'false'}
      >
        {parentRow ? (
          <button
            type="button"
            className="rm-chevron"
            aria-expanded={open}
            aria-label={`${open ? 'Collapse' : 'Expand'} ${item.title}`}
            onClick={() => p.onToggle(`i:${item.id}`)}
          >
            <span className={`rm-chev${open ? ' open' : ''}`}>›</span>
          </button>
        ) : (
          <span className={`rm-kind ${item.kind}`} aria-hidden="true" />
        )}
        <Link
          href={itemHref(p.programId, item.id)}
          className={`rm-title${p.model.summary[ref] ? ' summary' : ''}`}
          title={`${item.id} · ${item.title}`}
        >
          {item.title}
        </Link>
        <span className="rm-finish num">
          {Number.isFinite(p.model.finish[ref] as number) ? formatDay(lastDayOfItem(p.model, ref)) : '—'}
        </span>
      </div>,
    );
  }
  return <>{out}</>;
});

/** The day an item finishes on, for labels. */
export const lastDayOfItem = (m: RoadmapModel, i: number) => m.lastDay[i] as number;

const ArrowsLayer = memo(function ArrowsLayer(p: {
  model: RoadmapModel;
  edges: RoadmapEdges;
  rows: RowModel;
  xs: Float32Array;
  xf: Float32Array;
  r0: number;
  r1: number;
  width: number;
  /** Only the arrows into and out of this item (the hovered one), drawn on top. */
  only?: number;
}) {
  const { lines, heads } = arrowPaths(p.model, p.edges, p.rows, {
    rowH: ROW_H,
    xs: p.xs,
    xf: p.xf,
    r0: p.r0,
    r1: p.r1,
    ...(p.only !== undefined ? { only: p.only } : {}),
  });
  const h = (p.r1 - p.r0) * ROW_H;
  return (
    <svg
      className={`rm-arrows${p.only !== undefined ? ' focus' : ''}`}
      width={p.width}
      height={h}
      style={{ top: p.r0 * ROW_H }}
      aria-hidden="true"
    >
      {ARROW_STYLES.map((s, k) => (
        <g key={s} className={`arrow ${s}`}>
          <path className="line" d={lines[k] || 'M0 0'} />
          <path className="head" d={heads[k] || 'M0 0'} />
        </g>
      ))}
    </svg>
  );
});

const BarsLayer = memo(function BarsLayer(p: {
  model: RoadmapModel;
  rows: RowModel;
  xs: Float32Array;
  xf: Float32Array;
  r0: number;
  r1: number;
  origin: number;
  px: number;
  baseline: Baseline | undefined;
  canEdit: boolean;
  saving: ReadonlyMap<number, unknown>;
}) {
  const { model, rows } = p;
  const out: ReactNode[] = [];
  for (let r = p.r0; r < p.r1; r++) {
    if (rows.kind[r] !== 1) continue;
    const i = rows.ref[r] as number;
    const item = model.items[i] as Item;
    const top = r * ROW_H;
    const x = p.xs[i] as number;
    const w = (p.xf[i] as number) - x;
    if (!Number.isFinite(x)) continue;
    const critical = model.critical[i] === 1;
    const base = p.baseline;
    if (base && Number.isFinite(base.start[i] as number)) {
      const bs = ((base.start[i] as number) - p.origin) * p.px;
      const bf = ((base.finish[i] as number) - p.origin) * p.px;
      out.push(
        item.kind === 'milestone' ? (
          <div key={`b${i}`} className="rm-ghost-diamond" style={{ left: bf - 5, top: top + ROW_H / 2 - 5 }} />
        ) : (
          <div key={`b${i}`} className="rm-ghost" style={{ left: bs, width: Math.max(3, bf - bs), top: top + BAR_TOP + BAR_H + 2 }} />
        ),
      );
    }
    const label = `${item.title}: ${formatDay(Math.floor(model.start[i] as number))} – ${formatDay(lastDayOfItem(model, i))}${critical ? ', critical' : ''}`;
    const saving = p.saving.has(i);
    if (item.kind === 'milestone') {
      const targetDay = item.target ? dayOfDate(item.target) + 1 : undefined;
      const late = targetDay !== undefined && (model.finish[i] as number) > targetDay + 1e-9;
      if (targetDay !== undefined) {
        const tx = (targetDay - p.origin) * p.px;
        const cx = x + DIAMOND / 2;
        out.push(
          <div
            key={`t${i}`}
            className={`rm-target${late ? ' late' : ''}`}
            style={{ left: Math.min(tx, cx), width: Math.abs(cx - tx), top: top + ROW_H / 2 }}
          >
            <span
              className="rm-target-mark"
              style={{ left: tx < cx ? -4 : undefined, right: tx >= cx ? -4 : undefined }}
              title={`Target ${formatDay(targetDay - 1, true)}`}
            />
          </div>,
        );
      }
      out.push(
        <button
          type="button"
          tabIndex={-1}
          key={`m${i}`}
          className={`rm-milestone${critical ? ' critical' : ''}${late ? ' late' : ''}${item.state === 'done' ? ' done' : ''}`}
          style={{ left: x, top: top + ROW_H / 2 - DIAMOND / 2 }}
          data-index={i}
          data-item={item.id}
          data-critical={critical ? 'true' : 'false'}
          aria-label={`Milestone ${label}`}
        >
          <span className="rm-diamond" />
          <span className="rm-mlabel">
            {item.title} · {formatDay(lastDayOfItem(model, i))}
          </span>
        </button>,
      );
      continue;
    }
    const summary = model.summary[i] === 1;
    const can = p.canEdit && draggable(item, summary ? 1 : 0);
    const pct = item.state === 'done' ? 100 : (item.percentComplete ?? 0);
    out.push(
      <button
        type="button"
        tabIndex={-1}
        key={`x${i}`}
        className={`rm-bar${summary ? ' summary' : ''}${critical ? ' critical' : ''} ${item.state}${can ? ' can-drag' : ''}${saving ? ' saving' : ''}`}
        style={{ left: x, width: w, top: top + BAR_TOP }}
        data-index={i}
        data-item={item.id}
        data-critical={critical ? 'true' : 'false'}
        data-draggable={can ? 'true' : 'false'}
        aria-label={label}
      >
        {pct > 0 && !summary ? <span className="rm-progress" style={{ width: `${pct}%` }} /> : null}
        {w > 90 && !summary ? <span className="rm-bar-text">{item.title}</span> : null}
        {can ? <span className="rm-handle" title="Drag to change the estimate" /> : null}
      </button>,
    );
  }
  return <>{out}</>;
});

function TooltipBody(p: {
  model: RoadmapModel;
  i: number;
  cal: WorkCalendar;
  baseline: Baseline | undefined;
  teamNames: ReadonlyMap<string, string>;
  canEdit: boolean;
}) {
  const { model, i } = p;
  const item = model.items[i] as Item;
  const s = model.start[i] as number;
  const f = model.finish[i] as number;
  const critical = model.critical[i] === 1;
  const days = roundHalf(workingDaysBetween(p.cal, s, f));
  const bs = p.baseline?.start[i];
  const bf = p.baseline?.finish[i];
  const slip =
    bf !== undefined && Number.isFinite(bf)
      ? roundHalf(workingDaysBetween(p.cal, Math.min(bf, f), Math.max(bf, f))) * (f >= bf ? 1 : -1)
      : undefined;
  const milestone = item.kind === 'milestone';
  return (
    <>
      <div className="rm-tt-title">{item.title}</div>
      <div className="rm-tt-sub faint mono">
        {item.id} · {item.kind}
        {item.state !== 'not-started' ? ` · ${item.state}` : ''}
      </div>
      <dl>
        {item.team ? (
          <>
            <dt>Team</dt>
            <dd>{p.teamNames.get(item.team) ?? item.team}</dd>
          </>
        ) : null}
        <dt>{milestone ? 'Reached' : 'Dates'}</dt>
        <dd>
          {milestone
            ? formatDay(lastDayOfItem(model, i), true)
            : `${formatDay(Math.floor(s))} – ${formatDay(lastDayOfItem(model, i), true)}`}
          {milestone ? '' : ` · ${days} working days`}
        </dd>
        {milestone && item.target ? (
          <>
            <dt>Target</dt>
            <dd>{formatDay(dayOfDate(item.target), true)}</dd>
          </>
        ) : null}
        <dt>Total float</dt>
        <dd>{roundHalf(model.float[i] as number)} working days</dd>
        {bs !== undefined && Number.isFinite(bs) && bf !== undefined ? (
          <>
            <dt>Baseline</dt>
            <dd>
              {formatDay(Math.floor(bs))} – {formatDay(lastDayOf(bf))}
              {slip ? (
                <span className={slip > 0 ? 'rm-slip' : 'rm-gain'}>
                  {' '}
                  ({slip > 0 ? '+' : ''}
                  {slip} d)
                </span>
              ) : (
                ' (on baseline)'
              )}
            </dd>
          </>
        ) : null}
      </dl>
      {critical ? <span className="badge red">Critical path</span> : null}
      {p.canEdit && draggable(item, model.summary[i] as number) ? (
        <div className="rm-tt-hint faint">Drag to move · drag the right edge to re-estimate</div>
      ) : null}
    </>
  );
}
