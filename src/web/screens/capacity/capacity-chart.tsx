import { type PointerEvent, useRef, useState } from 'react';
import { ChartTooltip } from '../../components/charts/chart-tooltip';
import { DAY, formatDay, linearScale, niceTicks, timeOf, timeTicks } from '../../components/charts/scales';
import { useWidth } from '../../components/charts/use-width';
import { amount, type CapacityDetail, type Series } from './capacity-types';

const HEIGHT = 300;
// The top margin holds one row per marker label (today, order by, runs out), so close dates never overlap.
const M = { top: 48, right: 96, bottom: 28, left: 64 };

interface Marker {
  readonly t: number;
  readonly label: string;
  readonly tone: 'red' | 'accent' | 'muted';
}

const points = (s: Series) => s.values.map((v, i) => ({ t: timeOf(s.start) + i * DAY, v }));

/**
 * History, fit, projection and the two capacity lines on one time axis, as a planner draws it:
 * where the projected demand crosses the usable line is the run-out; the order-by date sits lead
 * time and margin before it. A what-if's projection is drawn over the plan's, dashed red.
 */
export function CapacityChart({ detail, whatIf }: { detail: CapacityDetail; whatIf: number | undefined }) {
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box, 800);
  const [hover, setHover] = useState<number | undefined>();
  const p = detail.plan;
  const usage = detail.usage.t.map((t, i) => ({ t, v: detail.usage.v[i] as number }));
  const projection = detail.projection ? points(detail.projection) : [];
  const alternative = whatIf !== undefined ? detail.whatIfProjections[whatIf] : null;
  const alt = alternative ? points(alternative) : [];
  const fit =
    detail.plan?.model === 'exponential-fit' ? detail.fits.exponential : detail.plan?.model === 'linear-fit' ? detail.fits.linear : null;
  const fitted = fit?.values ? detail.usage.t.map((t, i) => ({ t, v: fit.values?.[i] as number })) : [];
  const all = [...usage, ...projection];
  const t0 = Math.min(...all.map((q) => q.t), timeOf(detail.today));
  const t1 = Math.max(...all.map((q) => q.t), timeOf(detail.today) + DAY);
  const ceiling = [
    p?.installed ?? 0,
    ...usage.map((q) => q.v),
    ...projection.map((q) => q.v),
    ...alt.filter((q) => q.t <= t1).map((q) => q.v),
  ];
  // Beyond twice the installed capacity the plan's lines would flatten; the what-if is clipped at the top instead.
  const top = Math.min(Math.max(...ceiling), (p?.installed ?? 1) * 2);
  const yTicks = niceTicks(0, top, 5);
  const x = linearScale([t0, t1], [M.left, width - M.right]);
  const y = linearScale(yTicks.domain, [HEIGHT - M.bottom, M.top]);
  const clampY = (v: number) => Math.max(M.top, y(v));
  const xTicks = timeTicks(t0, t1, Math.max(3, Math.floor((width - M.left - M.right) / 110)));
  const path = (list: readonly { t: number; v: number }[]) =>
    list
      .filter((q) => q.t <= t1)
      .map((q, i) => `${i === 0 ? 'M' : 'L'}${x(q.t).toFixed(1)},${clampY(q.v).toFixed(1)}`)
      .join('');
  const what = whatIf !== undefined ? detail.whatIfs[whatIf] : undefined;
  const markers: Marker[] = [{ t: timeOf(detail.today), label: 'today', tone: 'muted' }];
  const runOut = what ? what.runOut : p?.runOut;
  const orderBy = what ? what.orderBy : p?.orderBy;
  if (orderBy && timeOf(orderBy) >= t0 && timeOf(orderBy) <= t1)
    markers.push({ t: timeOf(orderBy), label: `order by ${formatDay(timeOf(orderBy))}`, tone: 'accent' });
  if (runOut && timeOf(runOut) >= t0 && timeOf(runOut) <= t1)
    markers.push({ t: timeOf(runOut), label: `runs out ${formatDay(timeOf(runOut))}`, tone: 'red' });

  const hoverDay = hover === undefined ? undefined : Math.round((hover - (detail.projection ? timeOf(detail.projection.start) : 0)) / DAY);
  const projected = hoverDay !== undefined && hoverDay >= 0 ? projection[hoverDay] : undefined;
  const measured =
    hover === undefined || usage.length === 0
      ? undefined
      : usage.reduce((best, q) => (Math.abs(q.t - hover) < Math.abs(best.t - hover) ? q : best), usage[0] as { t: number; v: number });
  const near = projected ?? measured;
  const move = (e: PointerEvent<SVGRectElement>) => {
    const rect = e.currentTarget.ownerSVGElement?.getBoundingClientRect();
    if (rect) setHover(x.invert(e.clientX - rect.left));
  };
  const unit = detail.unit;

  return (
    <div className="chart cap-chart" ref={box}>
      <svg width={width} height={HEIGHT} role="img" aria-label={`${detail.name}: usage, projected demand and capacity`}>
        {yTicks.ticks.map((t) => (
          <g key={t}>
            <line className="grid-line" x1={M.left} x2={width - M.right} y1={y(t)} y2={y(t)} />
            <text className="tick-label" x={M.left - 8} y={y(t)} dy="0.32em" textAnchor="end">
              {amount(t)}
            </text>
          </g>
        ))}
        {p ? (
          <>
            <g className="cap-line installed">
              <line x1={M.left} x2={width - M.right} y1={y(p.installed)} y2={y(p.installed)} />
              <text x={width - M.right + 6} y={y(p.installed)} dy="0.32em">
                installed {amount(p.installed)}
              </text>
            </g>
            <g className="cap-line usable">
              <line x1={M.left} x2={width - M.right} y1={y(p.usable)} y2={y(p.usable)} />
              <text x={width - M.right + 6} y={y(p.usable)} dy="0.32em">
                usable {amount(p.usable)}
              </text>
            </g>
          </>
        ) : null}
        {markers.map((m, i) => (
          <g key={m.label} className={`cap-marker ${m.tone}`}>
            <line x1={x(m.t)} x2={x(m.t)} y1={16 + i * 13} y2={HEIGHT - M.bottom} />
            <text
              x={x(m.t) + (x(m.t) > width - M.right - 120 ? -4 : 4)}
              y={12 + i * 13}
              textAnchor={x(m.t) > width - M.right - 120 ? 'end' : 'start'}
            >
              {m.label}
            </text>
          </g>
        ))}
        <path className="cap-projection" d={path(projection)} />
        {alt.length > 0 ? <path className="cap-whatif" d={path(alt)} /> : null}
        {fitted.length > 0 ? <path className="cap-fit" d={path(fitted)} /> : null}
        <path className="cap-usage" d={path(usage)} />
        {usage.length <= 60 ? usage.map((q) => <circle key={q.t} className="cap-sample" cx={x(q.t)} cy={y(q.v)} r={2.5} />) : null}
        <line className="axis-line" x1={M.left} x2={width - M.right} y1={HEIGHT - M.bottom} y2={HEIGHT - M.bottom} />
        {xTicks.ticks.map((t) => (
          <text key={t} className="tick-label" x={x(t)} y={HEIGHT - M.bottom + 18} textAnchor="middle">
            {xTicks.label(t)}
          </text>
        ))}
        {near ? <line className="cap-hover" x1={x(near.t)} x2={x(near.t)} y1={M.top} y2={HEIGHT - M.bottom} /> : null}
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
          <div className="tt-title">{formatDay(near.t, true)}</div>
          <div className="tt-row">
            {projected ? 'projected' : 'measured'} <b>{`${amount(near.v)} ${unit}`}</b>
          </div>
          {p ? <div className="tt-row">{`${Math.round((near.v / p.usable) * 100)}% of usable`}</div> : null}
        </ChartTooltip>
      ) : null}
      <ul className="cap-legend" aria-label="Legend">
        <li className="usage">measured usage</li>
        {fitted.length > 0 ? <li className="fit">{fit?.kind} fit</li> : null}
        <li className="projection">projected demand</li>
        {alt.length > 0 && what ? <li className="whatif">{what.label}</li> : null}
        <li className="usable">usable capacity</li>
        <li className="installed">installed</li>
      </ul>
    </div>
  );
}
