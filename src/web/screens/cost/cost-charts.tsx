import type { CostAnomaly, CostViewBody } from './types';

export const UNALLOCATED = '(unallocated)';
const W = 640;
const H = 220;
const PAD = { l: 64, r: 12, t: 12, b: 28 };

export function money(amount: number, currency: string): string {
  const digits = Math.abs(amount) >= 100 ? 0 : 2;
  return new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(amount);
}
const short = (amount: number, currency: string) =>
  Math.abs(amount) >= 1000
    ? new Intl.NumberFormat('en-US', { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 }).format(amount)
    : money(amount, currency);

function ticks(max: number): number[] {
  if (!(max > 0)) return [0];
  const raw = max / 4;
  const p = 10 ** Math.floor(Math.log10(raw));
  const step = (raw / p <= 1 ? 1 : raw / p <= 2 ? 2 : raw / p <= 5 ? 5 : 10) * p;
  const out: number[] = [];
  for (let v = 0; v <= max + step * 0.999; v += step) out.push(v);
  return out;
}

/** Colour slot of a team: the unallocated line is always the hatched grey. */
export const slot = (keys: readonly string[], key: string) =>
  key === UNALLOCATED ? 'u' : String(keys.filter((k) => k !== UNALLOCATED).indexOf(key) % 8);

/** Monthly cost per team as stacked bars, with the total budget as a line. */
export function MonthlyTrendChart({ view }: { view: CostViewBody }) {
  const s = view.summary;
  const series = [...s.teams, s.unallocated];
  const keys = series.map((t) => t.team);
  const months = s.months;
  const totals = months.map((_, m) => series.reduce((sum, t) => sum + Math.max(0, t.trend[m]?.cost ?? 0), 0));
  const budget = s.total.budgetMonth;
  const yTicks = ticks(Math.max(...totals, budget ?? 0));
  const top = yTicks[yTicks.length - 1] ?? 1;
  const y = (v: number) => PAD.t + (H - PAD.t - PAD.b) * (1 - v / top);
  const band = (W - PAD.l - PAD.r) / Math.max(1, months.length);
  const bar = Math.min(48, band * 0.6);
  return (
    <svg
      className="cost-chart"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={`Monthly cost per team, ${months[0]} to ${months[months.length - 1]}`}
    >
      {yTicks.map((t) => (
        <g key={t}>
          <line className="cost-grid" x1={PAD.l} x2={W - PAD.r} y1={y(t)} y2={y(t)} />
          <text className="cost-axis" x={PAD.l - 6} y={y(t) + 4} textAnchor="end">
            {short(t, view.currency)}
          </text>
        </g>
      ))}
      {months.map((m, i) => {
        let acc = 0;
        const x = PAD.l + band * i + (band - bar) / 2;
        return (
          <g key={m}>
            {series.map((t) => {
              const v = Math.max(0, t.trend[i]?.cost ?? 0);
              const y0 = y(acc);
              acc += v;
              return v > 0 ? (
                <rect
                  key={t.team}
                  className={`cost-fill-${slot(keys, t.team)}`}
                  x={x}
                  width={bar}
                  y={y(acc)}
                  height={Math.max(0, y0 - y(acc))}
                >
                  <title>{`${t.team} ${m}: ${money(v, view.currency)}`}</title>
                </rect>
              ) : null;
            })}
            <text className="cost-axis" x={x + bar / 2} y={H - 8} textAnchor="middle">
              {m}
            </text>
          </g>
        );
      })}
      {budget !== undefined && (
        <g>
          <line className="cost-budget" x1={PAD.l} x2={W - PAD.r} y1={y(budget)} y2={y(budget)} />
          <text className="cost-axis" x={W - PAD.r} y={y(budget) - 4} textAnchor="end">
            budget {short(budget, view.currency)}
          </text>
        </g>
      )}
    </svg>
  );
}

/** Daily total cost with the anomalies of the last 30 days marked (red above, amber below the usual). */
export function DailyCostChart({ view }: { view: CostViewBody }) {
  const d = view.daily;
  const n = d.values[0]?.length ?? 0;
  const totals = Array.from({ length: n }, (_, i) => d.values.reduce((s, v) => s + (v[i] ?? 0), 0));
  const start = Date.parse(`${d.firstDay}T00:00:00Z`);
  const dayOf = (i: number) => new Date(start + i * 86_400_000).toISOString().slice(0, 10);
  const yTicks = ticks(Math.max(...totals, 0));
  const top = yTicks[yTicks.length - 1] ?? 1;
  const x = (i: number) => PAD.l + ((W - PAD.l - PAD.r) * i) / Math.max(1, n - 1);
  const y = (v: number) => PAD.t + (H - PAD.t - PAD.b) * (1 - Math.max(0, v) / top);
  const path = totals.map((v, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  const anomalyDays = new Map<string, CostAnomaly[]>();
  for (const a of view.anomalies.items) anomalyDays.set(a.day, [...(anomalyDays.get(a.day) ?? []), a]);
  const labels = [0, Math.floor(n / 3), Math.floor((2 * n) / 3), n - 1].filter((i, k, all) => i >= 0 && all.indexOf(i) === k);
  return (
    <div className="cost-daily">
      <svg
        className="cost-chart"
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`Daily cost, ${d.firstDay} to ${view.summary.asOf}, ${view.anomalies.items.length} anomalies marked`}
      >
        {yTicks.map((t) => (
          <g key={t}>
            <line className="cost-grid" x1={PAD.l} x2={W - PAD.r} y1={y(t)} y2={y(t)} />
            <text className="cost-axis" x={PAD.l - 6} y={y(t) + 4} textAnchor="end">
              {short(t, view.currency)}
            </text>
          </g>
        ))}
        <path className="cost-line" d={path} />
        {totals.map((v, i) => {
          const marks = anomalyDays.get(dayOf(i));
          return (
            <g key={dayOf(i)}>
              <rect x={x(i) - 3} y={PAD.t} width={6} height={H - PAD.t - PAD.b} fill="transparent">
                <title>{`${dayOf(i)}: ${money(v, view.currency)}${(marks ?? []).map((a) => ` — ${a.key} ${a.direction}: ${money(a.actual, view.currency)} against ${money(a.expected, view.currency)} usual`).join('')}`}</title>
              </rect>
              {marks && (
                <circle className={marks.some((m) => m.direction === 'spike') ? 'cost-spike' : 'cost-drop'} cx={x(i)} cy={y(v)} r={5} />
              )}
            </g>
          );
        })}
        {labels.map((i) => (
          <text key={i} className="cost-axis" x={x(i)} y={H - 8} textAnchor={i === 0 ? 'start' : i === n - 1 ? 'end' : 'middle'}>
            {dayOf(i)}
          </text>
        ))}
      </svg>
    </div>
  );
}
