import { type PointerEvent, useRef, useState } from 'react';
import { ChartTooltip } from '../../components/charts/chart-tooltip';
import { formatDay, linearScale, niceTicks, timeTicks } from '../../components/charts/scales';
import { useWidth } from '../../components/charts/use-width';

const HEIGHT = 220;
const M = { top: 16, right: 64, bottom: 28, left: 64 };

export interface Threshold {
  readonly value: number;
  readonly label: string;
  readonly tone: 'red' | 'amber' | 'muted';
}

/** `Mar 12, 14:05` in UTC, the clock the series is on. */
const stamp = (t: number) => `${formatDay(t, true)}, ${new Date(t).toISOString().slice(11, 16)} UTC`;

/**
 * One quantity over the SLO's window as a line (gaps where it is unknown), with labelled
 * horizontal thresholds; hovering reads the value at that time.
 */
export function SeriesChart({
  label,
  points,
  format,
  thresholds = [],
  tone,
  fill = false,
  floorZero = true,
  ceiling,
}: {
  label: string;
  /** `note` is shown under the value when hovering. */
  points: readonly { t: number; v: number | null; note?: string }[];
  format: (v: number) => string;
  thresholds?: readonly Threshold[];
  tone: 'accent' | 'red' | 'amber' | 'green';
  fill?: boolean;
  floorZero?: boolean;
  /** The axis ends here at least (1 for a share); values above still widen it. */
  ceiling?: number;
}) {
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box, 700);
  const [hover, setHover] = useState<number | undefined>();
  const known = points.filter((p): p is { t: number; v: number; note?: string } => p.v !== null && Number.isFinite(p.v));
  const t0 = points[0]?.t ?? 0;
  const t1 = points[points.length - 1]?.t ?? t0 + 1;
  const values = [...known.map((p) => p.v), ...thresholds.map((h) => h.value), ...(ceiling === undefined ? [] : [ceiling])];
  const lo = Math.min(floorZero ? 0 : Number.POSITIVE_INFINITY, ...values);
  const hi = Math.max(lo + 1e-9, ...values);
  const yTicks = niceTicks(lo, hi, 4);
  const x = linearScale([t0, t1 > t0 ? t1 : t0 + 1], [M.left, width - M.right]);
  const y = linearScale(yTicks.domain, [HEIGHT - M.bottom, M.top]);
  const xTicks = timeTicks(x.domain[0], x.domain[1], Math.max(3, Math.floor((width - M.left - M.right) / 100)));

  // Break the line where the value is unknown, so no data is never drawn as a slope.
  let d = '';
  let pen = false;
  for (const p of points) {
    if (p.v === null || !Number.isFinite(p.v)) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${x(p.t).toFixed(1)},${y(p.v).toFixed(1)}`;
    pen = true;
  }
  const first = known[0];
  const last = known[known.length - 1];
  const baseline = y(Math.max(yTicks.domain[0], Math.min(0, yTicks.domain[1])));
  const area = fill && first && last && !points.some((p) => p.v === null) ? `${d}L${x(last.t)},${baseline}L${x(first.t)},${baseline}Z` : '';

  const near =
    hover === undefined || known.length === 0
      ? undefined
      : known.reduce((best, p) => (Math.abs(p.t - hover) < Math.abs(best.t - hover) ? p : best), known[0] as (typeof known)[number]);
  const move = (e: PointerEvent<SVGRectElement>) => {
    const rect = e.currentTarget.ownerSVGElement?.getBoundingClientRect();
    if (rect) setHover(x.invert(e.clientX - rect.left));
  };

  return (
    <div className={`chart slo-chart ${tone}`} ref={box}>
      <svg width={width} height={HEIGHT} role="img" aria-label={label}>
        {yTicks.ticks.map((t) => (
          <g key={t}>
            <line className="grid-line" x1={M.left} x2={width - M.right} y1={y(t)} y2={y(t)} />
            <text className="tick-label" x={M.left - 8} y={y(t)} dy="0.32em" textAnchor="end">
              {format(t)}
            </text>
          </g>
        ))}
        {thresholds.map((h) => (
          <g key={h.label} className={`slo-threshold ${h.tone}`}>
            <line x1={M.left} x2={width - M.right} y1={y(h.value)} y2={y(h.value)} />
            <text x={width - M.right + 6} y={y(h.value)} dy="0.32em">
              {h.label}
            </text>
          </g>
        ))}
        {area ? <path className="slo-area" d={area} /> : null}
        <path className="slo-line" d={d} />
        <line className="axis-line" x1={M.left} x2={width - M.right} y1={HEIGHT - M.bottom} y2={HEIGHT - M.bottom} />
        {xTicks.ticks.map((t) => (
          <text key={t} className="tick-label" x={x(t)} y={HEIGHT - M.bottom + 18} textAnchor="middle">
            {xTicks.label(t)}
          </text>
        ))}
        {near ? (
          <g className="slo-hover">
            <line x1={x(near.t)} x2={x(near.t)} y1={M.top} y2={HEIGHT - M.bottom} />
            <circle cx={x(near.t)} cy={y(near.v)} r={3.5} />
          </g>
        ) : null}
        <rect
          x={M.left}
          y={M.top}
          width={Math.max(0, width - M.left - M.right)}
          height={HEIGHT - M.top - M.bottom}
          fill="transparent"
          onPointerMove={move}
          onPointerLeave={() => setHover(undefined)}
        />
      </svg>
      {near ? (
        <ChartTooltip x={x(near.t)} y={M.top} width={width}>
          <div className="tt-title">{stamp(near.t)}</div>
          <div className="tt-row">
            {label} <b>{format(near.v)}</b>
          </div>
          {near.note ? <div className="tt-row">{near.note}</div> : null}
        </ChartTooltip>
      ) : null}
    </div>
  );
}
