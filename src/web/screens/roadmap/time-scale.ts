import { dateOfDay, dayOfDate, weekdayOf } from './work-time';

export const ZOOMS = ['days', 'weeks', 'months', 'quarters'] as const;
export type Zoom = (typeof ZOOMS)[number];

/** Pixels per calendar day at each zoom: a day column fits "31", a week "W52 · 28", a month "Sep", a quarter "Q3". */
export const DAY_PX: Record<Zoom, number> = { days: 30, weeks: 14, months: 4.2, quarters: 1.45 };

export interface Tick {
  /** Day number where the tick's span starts, and its length in days. */
  readonly day: number;
  readonly days: number;
  readonly label: string;
  /** Marks weekends on the day scale and quarter/year starts on coarser ones (stronger grid line). */
  readonly strong?: boolean;
  readonly weekend?: boolean;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LONG_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const ymd = (day: number) => {
  const s = dateOfDay(day);
  return { y: Number(s.slice(0, 4)), m: Number(s.slice(5, 7)) - 1, d: Number(s.slice(8, 10)) };
};
const monthStart = (y: number, m: number) => Date.UTC(y, m, 1) / 86_400_000;

/** ISO week number of the week holding `day`. */
function isoWeek(day: number): number {
  const thursday = day - ((weekdayOf(day) + 6) % 7) + 3;
  const { y } = ymd(thursday);
  return Math.floor((thursday - dayOfDate(`${y}-01-01`)) / 7) + 1;
}

function months(from: number, to: number, label: (y: number, m: number) => string, step = 1): Tick[] {
  const ticks: Tick[] = [];
  let { y, m } = ymd(from);
  m -= m % step;
  for (let start = monthStart(y, m); start < to; ) {
    const nm = m + step;
    const next = monthStart(y + Math.floor(nm / 12), nm % 12);
    ticks.push({ day: start, days: next - start, label: label(y, m), strong: m === 0 });
    y += Math.floor(nm / 12);
    m = nm % 12;
    start = next;
  }
  return ticks;
}

/** The two tiers of the time header covering days [from, to): the upper (coarse) and lower (fine) one. */
export function ticksFor(zoom: Zoom, from: number, to: number): { upper: Tick[]; lower: Tick[] } {
  switch (zoom) {
    case 'days': {
      const lower: Tick[] = [];
      for (let d = Math.floor(from); d < to; d++) {
        const wd = weekdayOf(d);
        lower.push({ day: d, days: 1, label: String(ymd(d).d), weekend: wd === 0 || wd === 6, strong: wd === 1 });
      }
      return { upper: months(from, to, (y, m) => `${LONG_MONTHS[m]} ${y}`), lower };
    }
    case 'weeks': {
      const lower: Tick[] = [];
      for (let d = Math.floor(from) - ((weekdayOf(Math.floor(from)) + 6) % 7); d < to; d += 7)
        lower.push({ day: d, days: 7, label: `W${String(isoWeek(d)).padStart(2, '0')} · ${ymd(d).d}` });
      return { upper: months(from, to, (y, m) => `${MONTHS[m]} ${y}`), lower };
    }
    case 'months':
      return { upper: months(from, to, (y) => String(y), 12), lower: months(from, to, (_y, m) => MONTHS[m] as string) };
    case 'quarters':
      return { upper: months(from, to, (y) => String(y), 12), lower: months(from, to, (_y, m) => `Q${m / 3 + 1}`, 3) };
  }
}
