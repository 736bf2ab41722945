import { useRef } from 'react';
import { DAY, linearScale, niceTicks } from '../../components/charts/scales';
import { useWidth } from '../../components/charts/use-width';
import type { MigrationView } from './types';

const ms = (day: string) => Date.parse(`${day}T00:00:00Z`);
const short = (t: number) => new Date(t).toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });

/**
 * Steps left per week up to the status day, then the forecast fan: from today's remaining steps
 * to zero on the P50, P80 and P95 days (the band between P50 and P95 shaded). The target is a
 * vertical line, so "do we make it" is read where the fan meets it.
 */
export function BurnDownChart({ view }: { view: MigrationView }) {
  const ref = useRef<HTMLDivElement>(null);
  const width = useWidth(ref);
  const height = 260;
  const pad = { left: 40, right: 16, top: 16, bottom: 28 };
  const f = view.forecast;
  const first = view.burnDown[0];
  const last = view.burnDown.at(-1);
  if (!first || !last) return null;
  const ends = [ms(last.on), f?.p95 ? ms(f.p95) : 0, view.target ? ms(view.target) : 0];
  const x0 = ms(first.on);
  const x1 = Math.max(...ends) + 7 * DAY;
  const x = linearScale([x0, x1], [pad.left, Math.max(pad.left + 10, width - pad.right)]);
  const total = view.progress.overall.steps;
  const { ticks: yTicks, domain } = niceTicks(0, total, 4);
  const y = linearScale(domain, [height - pad.bottom, pad.top]);
  const actual = view.burnDown.map((p) => `${x(ms(p.on)).toFixed(1)},${y(p.remaining).toFixed(1)}`).join(' ');
  const now = { x: x(ms(last.on)), y: y(last.remaining) };
  const months: number[] = [];
  for (let d = new Date(x0); d.getTime() <= x1; d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1))) {
    const m = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
    if (m >= x0) months.push(m);
  }
  const fanTo = (day: string | null) => (day === null ? null : x(ms(day)));
  const p50 = fanTo(f?.p50 ?? null);
  const p80 = fanTo(f?.p80 ?? null);
  const p95 = fanTo(f?.p95 ?? null);
  const base = y(0);
  return (
    <div ref={ref} className="mg-chart">
      <svg
        width={width}
        height={height}
        role="img"
        aria-label={`Burn-down: ${last.remaining} of ${total} steps left on ${last.on}${f?.p80 ? `; forecast P50 ${f.p50}, P80 ${f.p80}` : ''}${view.target ? `; target ${view.target}` : ''}`}
      >
        {yTicks.map((t) => (
          <g key={t}>
            <line x1={pad.left} x2={width - pad.right} y1={y(t)} y2={y(t)} className="mg-grid" />
            <text x={pad.left - 6} y={y(t) + 4} textAnchor="end" className="mg-axis">
              {t}
            </text>
          </g>
        ))}
        {months.map((m) => (
          <text key={m} x={x(m)} y={height - 8} textAnchor="middle" className="mg-axis">
            {short(m)}
          </text>
        ))}
        {p50 !== null && p95 !== null ? <polygon points={`${now.x},${now.y} ${p50},${base} ${p95},${base}`} className="mg-fan" /> : null}
        {p50 !== null ? <line x1={now.x} y1={now.y} x2={p50} y2={base} className="mg-p50" /> : null}
        {p80 !== null ? <line x1={now.x} y1={now.y} x2={p80} y2={base} className="mg-p80" /> : null}
        <polyline points={actual} className="mg-actual" />
        <circle cx={now.x} cy={now.y} r={3.5} className="mg-now" />
        {view.target ? (
          <g>
            <line x1={x(ms(view.target))} x2={x(ms(view.target))} y1={pad.top} y2={base} className="mg-target" />
            <text x={x(ms(view.target)) - 4} y={pad.top + 10} textAnchor="end" className="mg-axis mg-target-label">
              target {short(ms(view.target))}
            </text>
          </g>
        ) : null}
      </svg>
      <ul className="mg-legend" aria-label="Legend">
        <li>
          <span className="mg-key mg-key-actual" /> steps left
        </li>
        <li>
          <span className="mg-key mg-key-p50" /> forecast P50
        </li>
        <li>
          <span className="mg-key mg-key-p80" /> P80
        </li>
        <li>
          <span className="mg-key mg-key-fan" /> P50–P95
        </li>
      </ul>
    </div>
  );
}
