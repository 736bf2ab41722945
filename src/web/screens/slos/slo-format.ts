import type { SloStatus } from '../../api/types';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A fraction as a percentage with enough digits to tell 99.9 from 99.95: `99.93 %`. */
export function sliText(fraction: number): string {
  const p = fraction * 100;
  return `${p >= 99 ? p.toFixed(p >= 99.99 && p < 100 ? 3 : 2) : p.toFixed(1)}%`;
}

/** An objective in percent as people write it: 99.9 %, 99.95 %, 99 %. */
export const objectiveText = (percent: number) => `${Number(percent.toFixed(4))}%`;

/** Minutes as a person reads a budget: `43.2 min`, `6 h 12 min`, `3 d 4 h`. */
export function minutesText(minutes: number): string {
  const m = Math.abs(minutes);
  const sign = minutes < 0 ? '−' : '';
  if (m < 10) return `${sign}${Number(m.toFixed(1))} min`;
  if (m < 120) return `${sign}${Math.round(m)} min`;
  if (m < 48 * 60) {
    const h = Math.floor(m / 60);
    const rest = Math.round(m - h * 60);
    return `${sign}${h} h${rest > 0 ? ` ${rest} min` : ''}`;
  }
  const d = Math.floor(m / 1440);
  const h = Math.round((m - d * 1440) / 60);
  return `${sign}${d} d${h > 0 ? ` ${h} h` : ''}`;
}

/** A duration in milliseconds, coarsely: `45 min`, `7 h 30 min`, `3 d 4 h`, `12 d`, `> 1 year`. */
export function durationText(ms: number): string {
  if (ms >= 365 * DAY) return '> 1 year';
  if (ms >= 10 * DAY) return `${Math.round(ms / DAY)} d`;
  return minutesText(ms / MINUTE);
}

/** Seconds as the availability tables write them: `8 h 45 m 36 s`, `4 m 21.6 s`. */
export function secondsText(seconds: number): string {
  const parts: string[] = [];
  let s = seconds;
  const d = Math.floor(s / 86_400);
  s -= d * 86_400;
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  if (d > 0) parts.push(`${d} d`);
  if (h > 0) parts.push(`${h} h`);
  if (m > 0) parts.push(`${m} m`);
  const rounded = Number(s.toFixed(s < 10 && parts.length === 0 ? 2 : 1));
  if (rounded > 0 || parts.length === 0) parts.push(`${rounded} s`);
  return parts.join(' ');
}

const count = (n: number) => Math.round(n).toLocaleString('en-US');

/** A budget amount in its unit: `12.5 min` or `1,234 events`. */
export const amountText = (n: number, unit: SloStatus['unit']) => (unit === 'minutes' ? minutesText(n) : `${count(n)} events`);

/** "X min of Y left", "1,234 of 5,000 bad events left", or the overspend. */
export function budgetLeftText(s: SloStatus): string {
  const b = s.budget;
  if (!b) return '';
  if (b.remaining < 0)
    return s.unit === 'minutes'
      ? `${minutesText(-b.remaining)} over a budget of ${minutesText(b.total)}`
      : `${count(-b.remaining)} bad events over a budget of ${count(b.total)}`;
  return s.unit === 'minutes'
    ? `${minutesText(b.remaining)} of ${minutesText(b.total)} left`
    : `${count(b.remaining)} of ${count(b.total)} bad events left`;
}

export type SloState = 'nodata' | 'exhausted' | 'page' | 'ticket' | 'low' | 'ok';

/** One word per SLO for its colour: red when paging or spent, amber on a ticket or under a quarter left. */
export function sloState(s: SloStatus): SloState {
  const b = s.budget;
  if (!b) return 'nodata';
  if (b.exhausted || b.remaining <= 0) return 'exhausted';
  if (b.alert === 'page') return 'page';
  if (b.alert === 'ticket') return 'ticket';
  if (b.total > 0 && b.remaining / b.total < 0.25) return 'low';
  return 'ok';
}

export const STATE_LABEL: Record<SloState, string> = {
  nodata: 'No data',
  exhausted: 'Budget exhausted',
  page: 'Paging',
  ticket: 'Ticket',
  low: 'Budget low',
  ok: 'Healthy',
};
export const STATE_TONE: Record<SloState, 'red' | 'amber' | 'green' | ''> = {
  nodata: '',
  exhausted: 'red',
  page: 'red',
  ticket: 'amber',
  low: 'amber',
  ok: 'green',
};

/** `28d rolling`, `1w calendar (from Jan 4, America/New_York)`. */
export function windowText(s: SloStatus): string {
  const w = s.window.replace(/^(\d+)([smhdwMQY])$/, (_, n: string, u: string) => {
    const unit = { s: 'second', m: 'minute', h: 'hour', d: 'day', w: 'week', M: 'month', Q: 'quarter', Y: 'year' }[u] ?? u;
    return `${n} ${unit}${n === '1' ? '' : 's'}`;
  });
  return s.calendar ? `${w}, calendar (${s.calendar.timeZone})` : `${w}, rolling`;
}

/** A rule's windows: `1 h / 5 min`. */
export function windowsText(longMs: number, shortMs: number): string {
  const t = (ms: number) => (ms % DAY === 0 ? `${ms / DAY} d` : ms % HOUR === 0 ? `${ms / HOUR} h` : `${ms / MINUTE} min`);
  return `${t(longMs)} / ${t(shortMs)}`;
}

export const burnText = (rate: number | null) =>
  rate === null ? '—' : `${rate < 10 ? rate.toFixed(2) : rate < 100 ? rate.toFixed(1) : rate.toFixed(0)}×`;
