import { isTimeZone } from '../../domain/calendar.js';
import { err, ok, type Result } from '../../domain/result.js';
import { dayNumber, MINUTES_PER_DAY } from './local-date-time.js';

/** One stretch of working time within a day, in wall-clock minutes after midnight: `0 ≤ start < end ≤ 1440`. */
export interface WorkingSpan {
  readonly start: number;
  readonly end: number;
}

/** Days `from`..`to` (inclusive, `YYYY-MM-DD`) that work the given spans instead of their weekday's; no spans = not working. */
export interface CalendarException {
  readonly from: string;
  readonly to: string;
  readonly spans: readonly WorkingSpan[];
  readonly name?: string;
}

/**
 * What a working-time calendar says, before it is compiled for fast look-ups. All hours are local
 * wall-clock time in `timeZone`, so a 09:00-17:00 day stays 09:00-17:00 on the days clocks change.
 */
export interface CalendarDefinition {
  /** IANA zone name; only conversions to and from instants use it. */
  readonly timeZone: string;
  /** Seven entries, Monday first: the working spans of each weekday (empty = not working). */
  readonly week: readonly (readonly WorkingSpan[])[];
  /** Exception days; when two cover the same day the later one in the list wins (team exceptions go last). */
  readonly exceptions: readonly CalendarException[];
  /** Minutes in one "working day" when durations are quoted in days (MS Project's MinutesPerDay); by default the most common length of a working weekday. */
  readonly minutesPerDay?: number;
}

export type CalendarProblem = { readonly kind: 'calendar'; readonly message: string };

/** Spans sorted, with touching ones merged; undefined when they overlap or leave the day. */
export function normalizeSpans(spans: readonly WorkingSpan[]): WorkingSpan[] | undefined {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const out: WorkingSpan[] = [];
  for (const s of sorted) {
    if (!(s.start >= 0 && s.end <= MINUTES_PER_DAY && s.end > s.start)) return undefined;
    const last = out[out.length - 1];
    if (last && s.start < last.end) return undefined;
    if (last && s.start === last.end) out[out.length - 1] = { start: last.start, end: s.end };
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of `YYYY-MM-DD`, or undefined when it is not a real day. */
export function parseDay(text: string): number | undefined {
  const m = DAY.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return undefined;
  const n = dayNumber(y, mo, d);
  return n < dayNumber(mo === 12 ? y + 1 : y, mo === 12 ? 1 : mo + 1, 1) ? n : undefined;
}

const spanText = (s: WorkingSpan) => `${clock(s.start)}-${clock(s.end)}`;
const clock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

export interface CheckedDefinition {
  readonly timeZone: string;
  readonly week: readonly WorkingSpan[][];
  readonly exceptions: readonly { from: number; to: number; spans: WorkingSpan[] }[];
  readonly minutesPerDay: number;
}

/** Validates a definition: seven weekdays, spans within the day and not overlapping, real days, at least one working weekday. */
export function checkDefinition(def: CalendarDefinition): Result<CheckedDefinition, CalendarProblem[]> {
  const problems: CalendarProblem[] = [];
  const say = (message: string) => problems.push({ kind: 'calendar', message });
  if (!isTimeZone(def.timeZone)) say(`"${def.timeZone}" is not an IANA time zone; use a name such as "Europe/Berlin" or "UTC"`);
  if (def.week.length !== 7) say(`a week has 7 days (Monday first); got ${def.week.length}`);
  const week = def.week.map((spans, i) => {
    const n = normalizeSpans(spans);
    if (!n) say(`weekday ${i + 1} has overlapping or out-of-day spans: ${spans.map(spanText).join(', ')}`);
    return n ?? [];
  });
  if (!week.some((spans) => spans.length > 0)) say('a calendar needs at least one weekday with working hours');
  const exceptions = def.exceptions.map((e) => {
    const from = parseDay(e.from);
    const to = parseDay(e.to);
    if (from === undefined || to === undefined)
      say(`exception ${e.name ?? ''} ${e.from}..${e.to}: write days as YYYY-MM-DD`.replace('  ', ' '));
    else if (to < from) say(`exception ${e.from}..${e.to} ends before it starts`);
    const spans = normalizeSpans(e.spans);
    if (!spans) say(`exception ${e.from}..${e.to} has overlapping or out-of-day spans: ${e.spans.map(spanText).join(', ')}`);
    return { from: from ?? 0, to: to ?? -1, spans: spans ?? [] };
  });
  const minutesPerDay = def.minutesPerDay ?? commonDayLength(week);
  if (!(minutesPerDay > 0 && minutesPerDay <= MINUTES_PER_DAY)) say(`minutes per day must be in 1..1440; got ${minutesPerDay}`);
  if (problems.length > 0) return err(problems);
  return ok({ timeZone: def.timeZone, week, exceptions, minutesPerDay });
}

/** The most common working-day length of the week (longer wins a tie). */
function commonDayLength(week: readonly WorkingSpan[][]): number {
  const counts = new Map<number, number>();
  for (const spans of week) {
    const len = spans.reduce((sum, s) => sum + s.end - s.start, 0);
    if (len > 0) counts.set(len, (counts.get(len) ?? 0) + 1);
  }
  let best = 0;
  let bestCount = 0;
  for (const [len, count] of counts) {
    if (count > bestCount || (count === bestCount && len > best)) [best, bestCount] = [len, count];
  }
  return best;
}

/** A team's calendar: the program's, with the team's exception days applied after the program's own. */
export function deriveCalendar(base: CalendarDefinition, team: { readonly exceptions: readonly CalendarException[] }): CalendarDefinition {
  return { ...base, exceptions: [...base.exceptions, ...team.exceptions] };
}

/** Monday-to-Friday, 09:00-17:00, in `timeZone`. */
export function standardWeek(spans: readonly WorkingSpan[] = [{ start: 9 * 60, end: 17 * 60 }]): WorkingSpan[][] {
  return [0, 1, 2, 3, 4, 5, 6].map((i) => (i < 5 ? [...spans] : []));
}
