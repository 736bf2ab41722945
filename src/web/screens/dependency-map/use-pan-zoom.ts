import {
  type MouseEvent as ReactMouseEvent,
  type PointerEvent as ReactPointerEvent,
  type RefObject,
  useCallback,
  useEffect,
  useRef,
  useState,
} from 'react';

export interface View {
  readonly x: number;
  readonly y: number;
  readonly k: number;
}

const MIN = 0.15;
const MAX = 3;
/** Pixels a press may move and still count as a click (on a node or an edge) rather than a drag. */
const SLOP = 4;
const clamp = (k: number) => Math.min(MAX, Math.max(MIN, k));

/**
 * Pan (drag) and zoom (wheel, around the cursor) of an SVG scene, and fitting a content box into
 * the viewport. A press that moves more than a few pixels pans and swallows the click that follows.
 */
export function usePanZoom(svg: RefObject<SVGSVGElement | null>) {
  const [view, setView] = useState<View>({ x: 0, y: 0, k: 1 });
  const drag = useRef<{ id: number; x: number; y: number; view: View; moved: boolean } | undefined>(undefined);
  const swallowClick = useRef(false);

  useEffect(() => {
    const el = svg.current;
    if (!el) return;
    const wheel = (e: WheelEvent) => {
      e.preventDefault();
      const r = el.getBoundingClientRect();
      const cx = e.clientX - r.left;
      const cy = e.clientY - r.top;
      const factor = Math.exp(-e.deltaY * (e.deltaMode === 1 ? 0.05 : 0.0015));
      setView((v) => {
        const k = clamp(v.k * factor);
        return { k, x: cx - ((cx - v.x) * k) / v.k, y: cy - ((cy - v.y) * k) / v.k };
      });
    };
    el.addEventListener('wheel', wheel, { passive: false });
    return () => el.removeEventListener('wheel', wheel);
  }, [svg]);

  const onPointerDown = useCallback((e: ReactPointerEvent<SVGSVGElement>) => {
    if (e.button !== 0) return;
    setView((v) => {
      drag.current = { id: e.pointerId, x: e.clientX, y: e.clientY, view: v, moved: false };
      return v;
    });
  }, []);
  const onPointerMove = useCallback((e: ReactPointerEvent<SVGSVGElement>) => {
    const d = drag.current;
    if (!d || d.id !== e.pointerId) return;
    const dx = e.clientX - d.x;
    const dy = e.clientY - d.y;
    if (!d.moved && Math.hypot(dx, dy) < SLOP) return;
    if (!d.moved) {
      d.moved = true;
      e.currentTarget.setPointerCapture(e.pointerId);
    }
    setView({ ...d.view, x: d.view.x + dx, y: d.view.y + dy });
  }, []);
  const onPointerUp = useCallback((e: ReactPointerEvent<SVGSVGElement>) => {
    const d = drag.current;
    if (!d || d.id !== e.pointerId) return;
    swallowClick.current = d.moved;
    drag.current = undefined;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
  }, []);
  /** Capture-phase click guard: a drag that ends over a node must not open it. */
  const onClickCapture = useCallback((e: ReactMouseEvent) => {
    if (swallowClick.current) {
      e.stopPropagation();
      e.preventDefault();
      swallowClick.current = false;
    }
  }, []);

  /**
   * Fits the content into the viewport, centred. With `minScale`, a content too big to be read
   * whole is shown at that scale instead, centred on `focus` (a box of the content; its top-left
   * corner without one), never scrolled past the content's edges.
   */
  const fit = useCallback(
    (content: { width: number; height: number }, minScale = 0, focus?: { x: number; y: number; width: number; height: number }) => {
      const el = svg.current;
      if (!el || content.width <= 0) return;
      const W = el.clientWidth;
      const H = el.clientHeight;
      const pad = 24;
      const k = clamp(Math.min((W - 2 * pad) / content.width, (H - 2 * pad) / content.height, 1.1));
      if (k >= minScale) {
        setView({ k, x: (W - content.width * k) / 2, y: (H - content.height * k) / 2 });
        return;
      }
      const within = (want: number, size: number, room: number) => Math.min(pad, Math.max(room - pad - size * minScale, want));
      const x = focus ? W / 2 - (focus.x + focus.width / 2) * minScale : pad;
      const y = focus ? H / 2 - (focus.y + focus.height / 2) * minScale : pad;
      setView({ k: minScale, x: within(x, content.width, W), y: within(y, content.height, H) });
    },
    [svg],
  );
  const zoomBy = useCallback(
    (factor: number) => {
      const el = svg.current;
      if (!el) return;
      const cx = el.clientWidth / 2;
      const cy = el.clientHeight / 2;
      setView((v) => {
        const k = clamp(v.k * factor);
        return { k, x: cx - ((cx - v.x) * k) / v.k, y: cy - ((cy - v.y) * k) / v.k };
      });
    },
    [svg],
  );

  const panBy = useCallback((dx: number, dy: number) => setView((v) => ({ ...v, x: v.x + dx, y: v.y + dy })), []);

  return {
    view,
    fit,
    zoomBy,
    panBy,
    handlers: { onPointerDown, onPointerMove, onPointerUp, onPointerCancel: onPointerUp, onClickCapture },
  };
}
