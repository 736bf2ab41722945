import { type PointerEvent, useMemo, useRef, useState } from 'react';
import { ChartTooltip } from '../../components/charts/chart-tooltip';
import { DAY, formatDay, linearScale, niceTicks, percent, timeOf, timeTicks } from '../../components/charts/scales';
import { useWidth } from '../../components/charts/use-width';
import { binsOf, cdfOf, endOfDay, probabilityBy } from './distribution';

const HEIGHT = 300;
const M = { top: 44, right: 52, bottom: 30, left: 48 };

interface Marker {
  readonly key: string;
  readonly x: number;
  readonly label: string;
  readonly tone: 'p' | 'target';
}

/**
 * One milestone's forecast: the S-curve (share of trials done by a date, left axis), the histogram
 * of when trials finish (right axis, per week or day), the target date and the P50/P80 dates.
 */
export function ForecastChart({
  title,
  points,
  target,
  p50,
  p80,
  workdays,
}: {
  title: string;
  points: readonly { p: number; at: string }[];
  target: string | null | undefined;
  p50: string;
  p80: string;
  workdays: ReadonlySet<number>;
}) {
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box, 800);
  const [hover, setHover] = useState<number | undefined>();
  const cdf = useMemo(() => cdfOf(points), [points]);
  const { bins, width: binWidth } = useMemo(() => binsOf(cdf, workdays), [cdf, workdays]);
  const targetAt = target ? endOfDay(target) : undefined;

  const first = cdf.t[0] ?? 0;
  const last = cdf.t[cdf.t.length - 1] ?? 1;
  const spreadLo = Math.min(first, bins[0]?.start ?? first);
  const spreadHi = Math.max(last, bins[bins.length - 1]?.end ?? last);
  // A target far from the spread would squeeze the distribution into a sliver: it is then drawn
  // as an arrow at the chart's edge instead of on the date axis.
  const reach = Math.max(spreadHi - spreadLo, 7 * DAY);
  const targetShown = targetAt !== undefined && targetAt > spreadLo - reach && targetAt < spreadHi + reach;
  const lo = Math.min(spreadLo, targetShown ? (targetAt as number) : spreadLo);
  const hi = Math.max(spreadHi, targetShown ? (targetAt as number) : spreadHi);
  const pad = (hi - lo) * 0.03;
  const x = linearScale([lo - pad, hi + pad], [M.left, width - M.right]);
  const y = linearScale([0, 1], [HEIGHT - M.bottom, M.top]);
  const maxMass = Math.max(0.01, ...bins.map((b) => b.mass));
  const massTicks = niceTicks(0, maxMass, 4);
  // The bars use the lower 70 % of the plot so the S-curve's top stays readable over them.
  const yBar = linearScale(massTicks.domain, [HEIGHT - M.bottom, M.top + (HEIGHT - M.top - M.bottom) * 0.3]);
  const xTicks = timeTicks(x.domain[0], x.domain[1], Math.max(3, Math.floor((width - M.left - M.right) / 90)));

  const curve = cdf.t.map((t, i) => `${i === 0 ? 'M' : 'L'}${x(t).toFixed(1)},${y(cdf.p[i] as number).toFixed(1)}`).join('');
  const area = `${curve}L${x(last).toFixed(1)},${y(0)}L${x(first).toFixed(1)},${y(0)}Z`;

  const markers: Marker[] = [
    { key: 'p50', x: x(timeOf(p50)), label: `P50 ${formatDay(timeOf(p50))}`, tone: 'p' as const },
    { key: 'p80', x: x(timeOf(p80)), label: `P80 ${formatDay(timeOf(p80))}`, tone: 'p' as const },
    ...(targetAt !== undefined && targetShown
      ? [{ key: 'target', x: x(targetAt), label: `Target ${formatDay(targetAt)}`, tone: 'target' as const }]
      : []),
  ].sort((a, b) => a.x - b.x);
  // Labels closer than their width step up a row instead of overlapping.
  const rows: number[] = [];
  const labelRow = markers.map((m, i) => {
    const prev = markers[i - 1];
    const row = prev && m.x - prev.x < 96 ? ((rows[i - 1] ?? 0) + 1) % 3 : 0;
    rows.push(row);
    return row;
  });

  const move = (e: PointerEvent<SVGRectElement>) => {
    const rect = e.currentTarget.ownerSVGElement?.getBoundingClientRect();
    if (!rect) return;
    setHover(x.invert(e.clientX - rect.left));
  };
  const hoverBin = hover === undefined ? undefined : bins.find((b) => hover >= b.start && hover < b.end);
  const barGap = 1.5;

  return (
    <div className="chart fc-chart" ref={box}>
      <svg width={width} height={HEIGHT} role="img" aria-label={`${title}: S-curve and histogram of finish dates`}>
        {[0, 0.25, 0.5, 0.75, 1].map((p) => (
          <g key={p}>
            <line className="grid-line" x1={M.left} x2={width - M.right} y1={y(p)} y2={y(p)} />
            <text className="tick-label" x={M.left - 8} y={y(p)} dy="0.32em" textAnchor="end">
              {percent(p)}
            </text>
          </g>
        ))}
        {massTicks.ticks
          .filter((t) => t > 0)
          .map((t) => (
            <text key={t} className="tick-label" x={width - M.right + 8} y={yBar(t)} dy="0.32em">
              {percent(t, t < 0.1 && maxMass < 0.1 ? 1 : 0)}
            </text>
          ))}
        <text className="axis-title" x={M.left - 8} y={M.top - 30} textAnchor="end">
          done by
        </text>
        <text className="axis-title" x={width - M.right + 8} y={M.top - 30}>
          per {binWidth}
        </text>
        {bins.map((b) => (
          <rect
            key={b.start}
            className={`fc-bar${hoverBin === b ? ' hover' : ''}`}
            x={x(b.start) + barGap / 2}
            width={Math.max(1, x(b.end) - x(b.start) - barGap)}
            y={yBar(b.mass)}
            height={Math.max(0, yBar(0) - yBar(b.mass))}
            rx={2}
          />
        ))}
        <path className="fc-area" d={area} />
        <path className="fc-curve" d={curve} />
        <line className="axis-line" x1={M.left} x2={width - M.right} y1={y(0)} y2={y(0)} />
        {xTicks.ticks.map((t) => (
          <g key={t}>
            <line className="axis-line" x1={x(t)} x2={x(t)} y1={y(0)} y2={y(0) + 4} />
            <text className="tick-label" x={x(t)} y={y(0) + 18} textAnchor="middle">
              {xTicks.label(t)}
            </text>
          </g>
        ))}
        {markers.map((m, i) => {
          const labelY = M.top - 8 - (labelRow[i] ?? 0) * 14;
          const p = m.tone === 'target' ? undefined : probabilityBy(cdf, x.invert(m.x));
          return (
            <g key={m.key} className={`fc-marker ${m.tone}`}>
              <line x1={m.x} x2={m.x} y1={labelY + 4} y2={y(0)} />
              {p !== undefined ? <circle cx={m.x} cy={y(p)} r={4} /> : null}
              <text x={m.x} y={labelY} textAnchor={m.x > width - M.right - 50 ? 'end' : m.x < M.left + 50 ? 'start' : 'middle'}>
                {m.label}
              </text>
            </g>
          );
        })}
        {targetAt !== undefined && !targetShown ? (
          <text
            className="fc-offchart"
            x={targetAt > hi ? width - M.right : M.left}
            y={M.top - 8}
            textAnchor={targetAt > hi ? 'end' : 'start'}
          >
            {targetAt > hi ? `Target ${formatDay(targetAt, true)} →` : `← Target ${formatDay(targetAt, true)}`}
          </text>
        ) : null}
        {hover !== undefined ? (
          <g className="fc-hover">
            <line x1={x(hover)} x2={x(hover)} y1={M.top} y2={y(0)} />
            <circle cx={x(hover)} cy={y(probabilityBy(cdf, hover))} r={3.5} />
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
      {hover !== undefined ? (
        <ChartTooltip x={x(hover)} y={M.top} width={width}>
          <div className="tt-title">{formatDay(hover, true)}</div>
          <div className="tt-row">
            Done by then <b>{percent(probabilityBy(cdf, hover))}</b>
          </div>
          {hoverBin ? (
            <div className="tt-row">
              {binWidth === 'week' ? `Week of ${formatDay(hoverBin.start)}` : 'That day'} <b>{percent(hoverBin.mass, 1)}</b>
            </div>
          ) : null}
          {targetAt !== undefined ? (
            <div className="tt-row">
              On time (by target) <b>{percent(probabilityBy(cdf, targetAt))}</b>
            </div>
          ) : null}
        </ChartTooltip>
      ) : null}
    </div>
  );
}
