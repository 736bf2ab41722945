/** Scales and ticks for hand-drawn SVG charts. Times are milliseconds on a UTC clock that stands for local time. */

export interface Scale {
  (value: number): number;
  readonly domain: readonly [number, number];
  readonly range: readonly [number, number];
  invert(position: number): number;
}

export function linearScale(domain: readonly [number, number], range: readonly [number, number]): Scale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  const scale = ((v: number) => r0 + (v - d0) * k) as Scale;
  return Object.assign(scale, { domain, range, invert: (p: number) => (k === 0 ? d0 : d0 + (p - r0) / k) });
}

/** 1, 2 or 5 times a power of ten: the step that gives about `count` ticks over [min, max]. */
function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power;
}

/** Round ticks covering [min, max], and the domain widened to the outer ticks. */
export function niceTicks(min: number, max: number, count = 5): { ticks: number[]; domain: [number, number] } {
  if (!(max > min)) max = min + 1;
  const step = niceStep(max - min, count);
  const lo = Math.floor(min / step) * step;
  const hi = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let v = lo; v <= hi + step / 2; v += step) ticks.push(Math.round(v / step) * step);
  return { ticks, domain: [lo, hi] };
}

export const DAY = 86_400_000;
export const WEEK = 7 * DAY;

/** A local date-time (`2027-03-12T18:00:00.123`) or date as milliseconds on the UTC clock. */
export function timeOf(local: string): number {
  return Date.parse(local.length === 10 ? `${local}T00:00:00Z` : `${local.replace(/Z$/, '')}Z`);
}

/** The Monday at or before `t` (00:00). */
export function mondayOf(t: number): number {
  const day = Math.floor(t / DAY) * DAY;
  const weekday = (new Date(day).getUTCDay() + 6) % 7;
  return day - weekday * DAY;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** `Mar 12` (and the year when asked). */
export function formatDay(t: number, withYear = false): string {
  const d = new Date(t);
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}${withYear ? `, ${d.getUTCFullYear()}` : ''}`;
}
export function formatMonth(t: number): string {
  const d = new Date(t);
  return `${MONTHS[d.getUTCMonth()]}${d.getUTCMonth() === 0 ? ` ${d.getUTCFullYear()}` : ''}`;
}
/** A local date-time as `Mar 12, 2027` (the date a person plans by; the hour adds noise). */
export const formatDate = (local: string, withYear = true) => formatDay(timeOf(local), withYear);

/** Date ticks at days, weeks (Mondays) or month starts, whichever gives about `count` over the span. */
export function timeTicks(min: number, max: number, count = 6): { ticks: number[]; label: (t: number) => string } {
  const span = max - min;
  const steps = [1, 2, 7, 14].map((d) => d * DAY);
  const step = steps.find((s) => span / s <= count);
  const ticks: number[] = [];
  if (step !== undefined) {
    const first = step >= WEEK ? mondayOf(min) : Math.floor(min / DAY) * DAY;
    for (let t = first; t <= max; t += step) if (t >= min) ticks.push(t);
    return { ticks, label: (t) => formatDay(t) };
  }
  const months = [1, 2, 3, 6].find((m) => span / (m * 30.4 * DAY) <= count) ?? 12;
  const d = new Date(min);
  let y = d.getUTCFullYear();
  let m = d.getUTCMonth() + 1;
  for (;;) {
    if (m >= 12) {
      y += Math.floor(m / 12);
      m %= 12;
    }
    const t = Date.UTC(y, m, 1);
    if (t > max) break;
    if (m % months === 0 || months === 1) ticks.push(t);
    m += 1;
  }
  return { ticks, label: formatMonth };
}

export const percent = (x: number, digits = 0) => `${(x * 100).toFixed(digits)}%`;
