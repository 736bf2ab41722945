import { err, ok, type Result } from '../../domain/result.js';
import { type CalendarDefinition, type CalendarProblem, type CheckedDefinition, checkDefinition, parseDay } from './calendar-definition.js';
import { isoWeekday, type LocalMinute, MINUTES_PER_DAY, parseLocalDateTime } from './local-date-time.js';
import { type TimeZone, timeZone } from './time-zone.js';

/** Which side of a boundary a working-minute offset names: the start of the next minute, or the end of the previous one. */
export type Edge = 'start' | 'end';

/** Days a calendar covers past what it has been asked about, so neighbouring look-ups do not grow it again. */
const MARGIN_DAYS = 366;
/** A calendar never spans more than this many days (about 400 years): past it an offset is a bug, not a date. */
const MAX_DAYS = 146_097;

/**
 * A compiled working-time calendar. Time inside it is a **working-minute offset**: the working
 * minutes between midnight at the start of `origin` and a moment (negative before it). Offsets are
 * plain numbers, may have fractions (seconds), and only grow while working time passes, so the
 * schedule engines can add and compare them freely.
 *
 * Per covered day it keeps, in typed arrays, the day's span pattern and the offset at its
 * midnight; a look-up is a binary search plus a walk over the day's few spans. The covered range
 * grows on demand (deterministically), so any date can be asked about.
 */
export class WorkingCalendar {
  readonly timeZone: string;
  /** Day number (1970-01-01 = 0) whose midnight is offset 0. */
  readonly origin: number;
  readonly minutesPerDay: number;
  readonly definition: CheckedDefinition;
  readonly #zone: TimeZone;
  /** Flat `[start, end, start, end, …]` per distinct day pattern. */
  readonly #patterns: Float64Array[] = [];
  readonly #patternMinutes: number[] = [];
  readonly #weekPattern = new Int32Array(7);
  readonly #exceptionPattern = new Map<number, number>();
  #firstDay = 0;
  #dayPattern = new Int32Array(0);
  /** `#midnight[i]` = offset at the start of day `#firstDay + i`; one entry more than days. */
  #midnight = new Float64Array(1);

  private constructor(def: CheckedDefinition, origin: number) {
    this.definition = def;
    this.timeZone = def.timeZone;
    this.origin = origin;
    this.minutesPerDay = def.minutesPerDay;
    this.#zone = timeZone(def.timeZone);
    const index = new Map<string, number>();
    const patternOf = (spans: readonly { start: number; end: number }[]) => {
      const key = spans.map((s) => `${s.start}-${s.end}`).join(',');
      let i = index.get(key);
      if (i === undefined) {
        i = this.#patterns.length;
        index.set(key, i);
        this.#patterns.push(Float64Array.from(spans.flatMap((s) => [s.start, s.end])));
        this.#patternMinutes.push(spans.reduce((sum, s) => sum + s.end - s.start, 0));
      }
      return i;
    };
    def.week.forEach((spans, i) => {
      this.#weekPattern[i] = patternOf(spans);
    });
    // Later exceptions win: apply in order, overwriting.
    for (const e of def.exceptions) {
      const p = patternOf(e.spans);
      for (let d = e.from; d <= e.to; d++) this.#exceptionPattern.set(d, p);
    }
    this.#cover(origin - MARGIN_DAYS, origin + 3 * MARGIN_DAYS);
  }

  /** Compiles a definition; `origin` is the day (`YYYY-MM-DD`) whose midnight is offset 0. */
  static compile(def: CalendarDefinition, origin: string): Result<WorkingCalendar, CalendarProblem[]> {
    const checked = checkDefinition(def);
    const day = parseDay(origin);
    if (day === undefined) return err([{ kind: 'calendar', message: `origin "${origin}" is not a day; write it as YYYY-MM-DD` }]);
    if (!checked.ok) return checked;
    return ok(new WorkingCalendar(checked.value, day));
  }

  /** The same calendar with offsets counted from another origin day. */
  withOrigin(origin: string): WorkingCalendar {
    const day = parseDay(origin);
    if (day === undefined) throw new RangeError(`origin "${origin}" is not a day`);
    return new WorkingCalendar(this.definition, day);
  }

  /** Index into the day pattern tables of a day number. */
  #patternOfDay(day: number): number {
    return this.#exceptionPattern.get(day) ?? (this.#weekPattern[isoWeekday(day) - 1] as number);
  }

  /** Recomputes the tables to cover days `from`..`to` (exclusive) at least. */
  #cover(from: number, to: number): void {
    const first = Math.min(from, this.#firstDay);
    const last = Math.max(to, this.#firstDay + this.#dayPattern.length);
    if (last - first > MAX_DAYS) throw new RangeError(`a calendar cannot cover more than ${MAX_DAYS} days; an offset is far out of range`);
    const n = last - first;
    const pattern = new Int32Array(n);
    const midnight = new Float64Array(n + 1);
    for (let i = 0; i < n; i++) {
      const p = this.#patternOfDay(first + i);
      pattern[i] = p;
      midnight[i + 1] = (midnight[i] as number) + (this.#patternMinutes[p] as number);
    }
    // Shift so that the origin's midnight is 0.
    const base = midnight[this.origin - first] as number;
    for (let i = 0; i <= n; i++) midnight[i] = (midnight[i] as number) - base;
    this.#firstDay = first;
    this.#dayPattern = pattern;
    this.#midnight = midnight;
  }

  #index(day: number): number {
    const n = this.#dayPattern.length;
    if (day < this.#firstDay || day >= this.#firstDay + n) {
      const span = Math.max(n, MARGIN_DAYS);
      this.#cover(day < this.#firstDay ? day - span : this.#firstDay, day >= this.#firstDay + n ? day + span : this.#firstDay + n);
    }
    return day - this.#firstDay;
  }

  /** Working minutes scheduled on a day (after exceptions). */
  workingMinutesOn(day: number | string): number {
    const d = typeof day === 'string' ? dayOrThrow(day) : day;
    return this.#patternMinutes[this.#dayPattern[this.#index(d)] as number] as number;
  }

  isWorkingDay(day: number | string): boolean {
    return this.workingMinutesOn(day) > 0;
  }

  /** The working spans of a day, in minutes after midnight. */
  spansOn(day: number | string): { start: number; end: number }[] {
    const d = typeof day === 'string' ? dayOrThrow(day) : day;
    const p = this.#patterns[this.#dayPattern[this.#index(d)] as number] as Float64Array;
    const out: { start: number; end: number }[] = [];
    for (let k = 0; k < p.length; k += 2) out.push({ start: p[k] as number, end: p[k + 1] as number });
    return out;
  }

  /**
   * The working-minute offset of a local wall-clock time: the working time from the origin up to
   * it. A time outside working hours has the offset of the next working minute's start (which is
   * also the previous one's end): 12:30 in a 12:00-13:00 lunch break has the offset of 12:00 and 13:00.
   */
  offsetOf(local: LocalMinute | string): number {
    const t = typeof local === 'string' ? localOrThrow(local) : local;
    const day = Math.floor(t / MINUTES_PER_DAY);
    const i = this.#index(day);
    const minute = t - day * MINUTES_PER_DAY;
    const p = this.#patterns[this.#dayPattern[i] as number] as Float64Array;
    let offset = this.#midnight[i] as number;
    for (let k = 0; k < p.length; k += 2) {
      const s = p[k] as number;
      if (minute <= s) break;
      const e = p[k + 1] as number;
      offset += (minute < e ? minute : e) - s;
    }
    return offset;
  }

  /**
   * The local wall-clock time at a working-minute offset. At a boundary between working spans
   * (17:00 Friday and 09:00 Monday have the same offset) `'start'` gives the later moment — where
   * work at this offset begins — and `'end'` the earlier one — where work up to it stops. A task
   * starting at offset k starts at `dateTimeAt(k, 'start')` and one finishing at k finishes at
   * `dateTimeAt(k, 'end')`.
   */
  dateTimeAt(offset: number, edge: Edge): LocalMinute {
    if (!Number.isFinite(offset)) throw new RangeError(`offset ${offset} is not a finite number`);
    const i = this.#dayAt(offset, edge);
    const p = this.#patterns[this.#dayPattern[i] as number] as Float64Array;
    let rest = offset - (this.#midnight[i] as number);
    const midnight = (this.#firstDay + i) * MINUTES_PER_DAY;
    for (let k = 0; k < p.length; k += 2) {
      const s = p[k] as number;
      const len = (p[k + 1] as number) - s;
      // The last span takes whatever is left: rounding in `offset - midnight` must not lose the day #dayAt found.
      if ((edge === 'start' ? rest < len : rest <= len) || k + 2 >= p.length) return midnight + s + Math.min(Math.max(rest, 0), len);
      rest -= len;
    }
    // Unreachable: #dayAt only picks days with working time.
    throw new Error(`offset ${offset} fell on a day without working time`);
  }

  /**
   * The index of the day holding offset: for `'start'` the day with `midnight ≤ offset < next midnight`,
   * for `'end'` the day with `midnight < offset ≤ next midnight` (both skip days without work).
   */
  #dayAt(offset: number, edge: Edge): number {
    for (;;) {
      const m = this.#midnight;
      const n = this.#dayPattern.length;
      const first = m[0] as number;
      const last = m[n] as number;
      const below = edge === 'start' ? offset < first : offset <= first;
      const above = edge === 'start' ? offset >= last : offset > last;
      if (below) {
        this.#index(this.#firstDay - Math.max(n, MARGIN_DAYS));
        continue;
      }
      if (above) {
        this.#index(this.#firstDay + n + Math.max(n, MARGIN_DAYS) - 1);
        continue;
      }
      // First index whose midnight is > offset ('start') or ≥ offset ('end'); the day is the one before it.
      let lo = 0;
      let hi = n;
      if (edge === 'start') {
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if ((m[mid] as number) <= offset) lo = mid + 1;
          else hi = mid;
        }
      } else {
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if ((m[mid] as number) < offset) lo = mid + 1;
          else hi = mid;
        }
      }
      return lo - 1;
    }
  }

  /** The offset of an instant (epoch milliseconds), read on the calendar's local clock. */
  offsetOfInstant(epochMs: number): number {
    return this.offsetOf(this.#zone.toLocal(epochMs));
  }

  /** The instant (epoch milliseconds) at an offset; see `dateTimeAt` for `edge`. */
  instantAt(offset: number, edge: Edge): number {
    return this.#zone.toInstant(this.dateTimeAt(offset, edge));
  }

  /** Working minutes from `from` to `to` (negative when `to` is earlier). */
  workingMinutesBetween(from: LocalMinute | string, to: LocalMinute | string): number {
    return this.offsetOf(to) - this.offsetOf(from);
  }

  /** Working minutes in `days` working days of this calendar's length. */
  daysToMinutes(days: number): number {
    return days * this.minutesPerDay;
  }

  /** Working days (of this calendar's length) in `minutes` working minutes. */
  minutesToDays(minutes: number): number {
    return minutes / this.minutesPerDay;
  }
}

function dayOrThrow(text: string): number {
  const d = parseDay(text);
  if (d === undefined) throw new RangeError(`"${text}" is not a day; write it as YYYY-MM-DD`);
  return d;
}

function localOrThrow(text: string): LocalMinute {
  const t = parseLocalDateTime(text);
  if (t === undefined) throw new RangeError(`"${text}" is not a local date-time; write it as YYYY-MM-DDTHH:MM[:SS]`);
  return t;
}
