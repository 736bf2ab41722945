import type { CalendarDefinition, CalendarException, WorkingSpan } from '../../engine/calendar/calendar-definition.js';
import { civilDate, dayNumber, formatDay, isoWeekday, MINUTES_PER_DAY, parseLocalDateTime } from '../../engine/calendar/local-date-time.js';
import type { MspdiCalendar, MspdiProblem } from './mspdi-project.js';
import { parseClock, parseFlag, parseNumber } from './mspdi-values.js';
import { child, children, childText, type XmlElement } from './xml-tree.js';

/** MS Project's default working hours for a working day that lists none: 08:00-12:00 and 13:00-17:00. */
const DEFAULT_SPANS: WorkingSpan[] = [
  { start: 8 * 60, end: 12 * 60 },
  { start: 13 * 60, end: 17 * 60 },
];
/** Recurring exceptions and work weeks are expanded day by day; none reaches this far. */
const MAX_EXPANDED_DAYS = 40_000;

/** A weekday as written: its spans, or "working, hours not given" (`default`). */
type RawDay = WorkingSpan[] | 'default';

interface RawCalendar {
  readonly uid: string;
  readonly name: string;
  readonly line: number;
  readonly baseUid?: string;
  /** Monday first; undefined = inherited from the base calendar. */
  readonly week: (RawDay | undefined)[];
  readonly exceptions: CalendarException[];
}

export interface CalendarsRead {
  readonly calendars: Map<string, MspdiCalendar>;
  readonly problems: MspdiProblem[];
  readonly caveats: MspdiProblem[];
}

/** Reads `<Calendars>` and resolves base-calendar inheritance: a derived calendar takes its base's weekdays where it sets none, and both calendars' exceptions (its own win). */
export function readCalendars(root: XmlElement, file: string): CalendarsRead {
  const problems: MspdiProblem[] = [];
  const caveats: MspdiProblem[] = [];
  const raw = new Map<string, RawCalendar>();
  const list = child(root, 'Calendars');
  for (const el of list ? children(list, 'Calendar') : []) {
    const uid = childText(el, 'UID');
    if (uid === undefined) {
      problems.push({
        code: 'missing-element',
        message: 'a <Calendar> has no <UID>',
        hint: 'give every calendar a unique UID',
        file,
        line: el.line,
      });
      continue;
    }
    const subject = `Calendar UID ${uid}`;
    const say = (line: number, message: string, hint?: string) =>
      problems.push({ code: 'bad-value', message: `${subject}: ${message}`, file, line, subject, ...(hint ? { hint } : {}) });
    const base = childText(el, 'BaseCalendarUID');
    const week: (RawDay | undefined)[] = [undefined, undefined, undefined, undefined, undefined, undefined, undefined];
    const exceptions: CalendarException[] = [];
    const days = child(el, 'WeekDays');
    for (const wd of days ? children(days, 'WeekDay') : []) {
      const type = parseNumber(childText(wd, 'DayType'));
      const spans = readDay(wd, say);
      if (type === 0) {
        // Before Project 2007, exception days are WeekDays of type 0 with a TimePeriod.
        const range = readPeriod(wd, say);
        if (range && spans !== undefined) exceptions.push({ ...range, spans: spans === 'default' ? DEFAULT_SPANS : spans });
      } else if (type !== undefined && type >= 1 && type <= 7 && Number.isInteger(type)) {
        // DayType 1 = Sunday … 7 = Saturday; our week starts on Monday.
        if (spans !== undefined) week[(type + 5) % 7] = spans;
      } else
        say(wd.line, `DayType "${childText(wd, 'DayType') ?? ''}" is not 0-7`, 'use 1 (Sunday) to 7 (Saturday), or 0 for an exception day');
    }
    const weeks = child(el, 'WorkWeeks');
    for (const ww of weeks ? children(weeks, 'WorkWeek') : []) {
      const range = readPeriod(ww, say);
      const wds = child(ww, 'WeekDays');
      if (!range || !wds) continue;
      const pattern: (RawDay | undefined)[] = new Array(7).fill(undefined);
      for (const wd of children(wds, 'WeekDay')) {
        const type = parseNumber(childText(wd, 'DayType'));
        if (type !== undefined && type >= 1 && type <= 7) pattern[(type + 5) % 7] = readDay(wd, say);
      }
      for (const d of daysOf(range, () => true)) {
        const p = pattern[isoWeekday(d) - 1];
        if (p !== undefined)
          exceptions.push({ from: formatDay(d), to: formatDay(d), spans: p === 'default' ? DEFAULT_SPANS : p, name: 'work week' });
      }
    }
    const ex = child(el, 'Exceptions');
    for (const e of ex ? children(ex, 'Exception') : []) {
      const range = readPeriod(e, say);
      const spans = readDay(e, say) ?? [];
      if (!range) continue;
      const resolved = spans === 'default' ? DEFAULT_SPANS : spans;
      const name = childText(e, 'Name');
      const type = parseNumber(childText(e, 'Type')) ?? 1;
      const period = Math.max(1, parseNumber(childText(e, 'Period')) ?? 1);
      const occurrences = parseNumber(childText(e, 'Occurrences'));
      let picked: number[] | undefined;
      if (type === 1) picked = undefined;
      else if (type === 7) picked = daysOf(range, (_d, i) => i % period === 0);
      else if (type === 6) {
        const mask = parseNumber(childText(e, 'DaysOfWeek')) ?? 0;
        const firstWeek = weekStart(dayOf(range.from));
        // Bit 1 = Sunday, 2 = Monday, … 64 = Saturday; weeks counted from the one holding FromDate.
        picked = daysOf(range, (d) => (mask & (1 << (isoWeekday(d) % 7))) !== 0 && ((weekStart(d) - firstWeek) / 7) % period === 0);
      } else if (type >= 2 && type <= 5) {
        picked = monthlyDays(range, {
          yearly: type === 2 || type === 3,
          relative: type === 3 || type === 5,
          period,
          month: parseNumber(childText(e, 'Month')),
          monthDay: parseNumber(childText(e, 'MonthDay')),
          monthItem: parseNumber(childText(e, 'MonthItem')),
          monthPosition: parseNumber(childText(e, 'MonthPosition')),
        });
      } else {
        caveats.push({
          code: 'unsupported',
          message: `${subject}: recurring exception "${name ?? ''}" has an unknown Type ${type}; its days count as ordinary days`,
          file,
          line: e.line,
          subject,
        });
        continue;
      }
      if (picked === undefined) exceptions.push({ ...range, spans: resolved, ...(name ? { name } : {}) });
      else {
        const limited =
          occurrences !== undefined && parseFlag(childText(e, 'EnteredByOccurrences')) ? picked.slice(0, occurrences) : picked;
        for (const d of limited) exceptions.push({ from: formatDay(d), to: formatDay(d), spans: resolved, ...(name ? { name } : {}) });
      }
    }
    raw.set(uid, {
      uid,
      name: childText(el, 'Name') ?? '',
      line: el.line,
      week,
      exceptions,
      // Base calendars carry BaseCalendarUID -1, or 0 (Project 2016+); negative UIDs are MS Project's placeholders.
      ...(base !== undefined && !base.startsWith('-') && base !== uid && parseFlag(childText(el, 'IsBaseCalendar')) !== true
        ? { baseUid: base }
        : {}),
    });
  }

  const calendars = new Map<string, MspdiCalendar>();
  const resolving = new Set<string>();
  const resolve = (uid: string): { week: WorkingSpan[][]; exceptions: CalendarException[] } | undefined => {
    const done = calendars.get(uid);
    if (done) return { week: done.definition.week.map((d) => [...d]), exceptions: [...done.definition.exceptions] };
    const cal = raw.get(uid);
    if (!cal || resolving.has(uid)) return undefined;
    resolving.add(uid);
    let base: { week: WorkingSpan[][]; exceptions: CalendarException[] } | undefined;
    if (cal.baseUid !== undefined) {
      base = resolve(cal.baseUid);
      if (!base) {
        // MS Project still opens such a file (the calendar falls back to the defaults), so this is a caveat, not an error.
        caveats.push({
          code: 'unknown-reference',
          message: `Calendar UID ${uid} is based on calendar UID ${cal.baseUid}, which ${raw.has(cal.baseUid) ? 'is part of a cycle of base calendars' : 'does not exist'}`,
          hint: 'point BaseCalendarUID at an existing base calendar, or -1',
          file,
          line: cal.line,
          subject: `Calendar UID ${uid}`,
        });
      }
    }
    const week = cal.week.map((d, i) => {
      const inherited = base?.week[i] ?? (i < 5 ? DEFAULT_SPANS : []);
      if (d === undefined) return inherited;
      if (d === 'default') return inherited.length > 0 ? inherited : DEFAULT_SPANS;
      return d;
    });
    const definition: CalendarDefinition = { timeZone: 'UTC', week, exceptions: [...(base?.exceptions ?? []), ...cal.exceptions] };
    calendars.set(uid, { uid, name: cal.name, line: cal.line, definition, ...(cal.baseUid !== undefined ? { baseUid: cal.baseUid } : {}) });
    resolving.delete(uid);
    return { week, exceptions: [...definition.exceptions] };
  };
  for (const uid of raw.keys()) resolve(uid);
  return { calendars, problems, caveats };
}

/** The spans of a WeekDay or Exception: [] when not working, 'default' when working without hours, undefined on bad values (reported). */
function readDay(el: XmlElement, say: (line: number, message: string, hint?: string) => void): RawDay | undefined {
  const working = parseFlag(childText(el, 'DayWorking'));
  if (working === false) return [];
  const times = child(el, 'WorkingTimes');
  const spans: WorkingSpan[] = [];
  for (const wt of times ? children(times, 'WorkingTime') : []) {
    const fromText = childText(wt, 'FromTime');
    const toText = childText(wt, 'ToTime');
    if (fromText === undefined && toText === undefined) continue;
    const start = fromText === undefined ? undefined : parseClock(fromText, false);
    const end = toText === undefined ? undefined : parseClock(toText, true);
    if (start === undefined || end === undefined || end <= start) {
      say(
        wt.line,
        `working time ${fromText ?? '?'}-${toText ?? '?'} is not a span of the day`,
        'write FromTime and ToTime as HH:MM:SS, FromTime before ToTime (00:00:00 as ToTime means midnight)',
      );
      return undefined;
    }
    spans.push({ start, end });
  }
  if (spans.length > 0) return spans;
  return working === true ? 'default' : [];
}

interface DayRange {
  readonly from: string;
  readonly to: string;
}

/** The days a `<TimePeriod>` covers. A ToDate at exactly midnight ends the day before (MS Project writes 23:59 for "through that day"). */
function readPeriod(el: XmlElement, say: (line: number, message: string, hint?: string) => void): DayRange | undefined {
  const tp = child(el, 'TimePeriod');
  const fromText = tp ? childText(tp, 'FromDate') : undefined;
  const toText = tp ? childText(tp, 'ToDate') : undefined;
  const from = fromText === undefined ? undefined : parseLocalDateTime(fromText);
  const to = toText === undefined ? undefined : parseLocalDateTime(toText);
  if (from === undefined || to === undefined) {
    say(
      tp?.line ?? el.line,
      `time period ${fromText ?? '(none)'}..${toText ?? '(none)'} is not a pair of date-times`,
      'give <TimePeriod> a FromDate and a ToDate as YYYY-MM-DDTHH:MM:SS',
    );
    return undefined;
  }
  const first = Math.floor(from / MINUTES_PER_DAY);
  let last = Math.floor(to / MINUTES_PER_DAY);
  if (to === last * MINUTES_PER_DAY && last > first) last -= 1;
  if (last < first) {
    say(tp?.line ?? el.line, `time period ${fromText}..${toText} ends before it starts`);
    return undefined;
  }
  return { from: formatDay(first), to: formatDay(Math.min(last, first + MAX_EXPANDED_DAYS)) };
}

function dayOf(text: string): number {
  return Math.floor((parseLocalDateTime(text) as number) / MINUTES_PER_DAY);
}

/** Day number of the Sunday starting the week that holds `day` (MS Project weeks in masks start on Sunday). */
function weekStart(day: number): number {
  return day - (isoWeekday(day) % 7);
}

interface MonthlyRule {
  readonly yearly: boolean;
  /** "The second Tuesday" rather than "the 14th". */
  readonly relative: boolean;
  /** Every `period` months (monthly rules). */
  readonly period: number;
  /** 0 = January (yearly rules). */
  readonly month: number | undefined;
  readonly monthDay: number | undefined;
  /** 3 = Sunday, 4 = Monday … 9 = Saturday. */
  readonly monthItem: number | undefined;
  /** 0-3 = first to fourth, 4 = last. */
  readonly monthPosition: number | undefined;
}

/**
 * Days of a monthly or yearly recurring exception (MSPDI Exception Type 2-5) within its range:
 * every `period` months from FromDate's month (every year, in month `month`, for yearly ones), on
 * day `monthDay` (the month's last day when it is shorter) or on the n-th (or last) given weekday.
 */
function monthlyDays(range: DayRange, rule: MonthlyRule): number[] {
  const first = dayOf(range.from);
  const last = dayOf(range.to);
  const start = civilDate(first);
  let year = start.year;
  let month = rule.yearly ? (rule.month ?? 0) + 1 : start.month;
  const step = rule.yearly ? 12 : Math.max(1, rule.period);
  const out: number[] = [];
  for (;;) {
    const monthStart = dayNumber(year, month, 1);
    if (monthStart > last) break;
    const length = dayNumber(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - monthStart;
    let day: number;
    if (rule.relative) {
      const item = rule.monthItem ?? 4;
      const weekday = item === 3 ? 7 : item - 3; // ISO: 1 = Monday … 7 = Sunday
      const position = rule.monthPosition ?? 0;
      const firstMatch = monthStart + ((weekday - isoWeekday(monthStart) + 7) % 7);
      day = position >= 4 ? firstMatch + 7 * Math.floor((monthStart + length - 1 - firstMatch) / 7) : firstMatch + 7 * position;
    } else {
      day = monthStart + Math.min(Math.max(rule.monthDay ?? 1, 1), length) - 1;
    }
    if (day >= first && day <= last && day < monthStart + length) out.push(day);
    month += step;
    while (month > 12) {
      month -= 12;
      year += 1;
    }
  }
  return out;
}

function daysOf(range: DayRange, keep: (day: number, index: number) => boolean): number[] {
  const out: number[] = [];
  const first = dayOf(range.from);
  const last = dayOf(range.to);
  for (let d = first; d <= last; d++) if (keep(d, d - first)) out.push(d);
  return out;
}
