import { type LocalMinute, MINUTES_PER_DAY } from './local-date-time.js';

/**
 * Converts between local wall-clock minutes in an IANA zone and instants (epoch milliseconds),
 * using the runtime's time-zone data through `Intl`; it never reads the clock.
 */
export interface TimeZone {
  readonly name: string;
  /** The local wall-clock time at an instant. */
  toLocal(epochMs: number): LocalMinute;
  /**
   * The instant a local wall-clock time names. In a spring-forward gap the time does not exist and
   * is moved forward by the gap (02:30 → 03:30), as Temporal's "compatible" choice does; in a
   * fall-back overlap the earlier of the two instants is taken.
   */
  toInstant(local: LocalMinute): number;
}

const zones = new Map<string, TimeZone>();

/** The zone named `name` (cached); throws RangeError for a name the runtime does not know — check with `isTimeZone` first. */
export function timeZone(name: string): TimeZone {
  let zone = zones.get(name);
  if (!zone) {
    zone = name === 'UTC' ? UTC : makeZone(name);
    zones.set(name, zone);
  }
  return zone;
}

const UTC: TimeZone = {
  name: 'UTC',
  toLocal: (epochMs) => epochMs / 60_000,
  toInstant: (local) => local * 60_000,
};

function makeZone(name: string): TimeZone {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: name,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  /** Minutes the zone is ahead of UTC at an instant (whole seconds; zone offsets have no finer part). */
  const offsetAt = (epochMs: number): number => {
    const whole = Math.floor(epochMs / 1000) * 1000;
    let y = 0;
    let mo = 0;
    let d = 0;
    let h = 0;
    let mi = 0;
    let s = 0;
    for (const part of format.formatToParts(new Date(whole))) {
      const v = Number(part.value);
      if (part.type === 'year') y = v;
      else if (part.type === 'month') mo = v;
      else if (part.type === 'day') d = v;
      else if (part.type === 'hour') h = v;
      else if (part.type === 'minute') mi = v;
      else if (part.type === 'second') s = v;
    }
    return (Date.UTC(y, mo - 1, d, h, mi, s) - whole) / 60_000;
  };
  return {
    name,
    toLocal: (epochMs) => epochMs / 60_000 + offsetAt(epochMs),
    toInstant: (local) => {
      // Offsets a day either side cover every transition; try both and keep one that round-trips.
      const guessBefore = offsetAt((local - MINUTES_PER_DAY) * 60_000);
      const guessAfter = offsetAt((local + MINUTES_PER_DAY) * 60_000);
      const candidates = [guessBefore, guessAfter]
        .map((offset) => (local - offset) * 60_000)
        .filter((ms) => Math.abs(ms / 60_000 + offsetAt(ms) - local) < 1e-9)
        .sort((a, b) => a - b);
      const first = candidates[0];
      if (first !== undefined) return first;
      // In a gap: keep the wall-clock reading of the offset before the jump, which lands after it.
      return (local - guessBefore) * 60_000;
    },
  };
}
