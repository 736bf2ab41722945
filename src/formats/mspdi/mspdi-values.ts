/** Reading MSPDI's scalar values: ISO 8601 durations, clock times, flags and numbers. */

const DURATION =
  /^(-)?P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/**
 * Minutes in an MSPDI duration (`PT8H0M0S`, `PT57H8M24S`). MS Project writes working time as hours,
 * minutes and seconds; a `D` part is read as 24 hours. Years and months are refused (undefined):
 * their length in working time is not defined.
 */
export function parseDurationMinutes(text: string): number | undefined {
  const m = DURATION.exec(text);
  if (!m || text === 'P' || text.endsWith('T')) return undefined;
  if (m[2] !== undefined || m[3] !== undefined) return undefined;
  const n = (i: number) => (m[i] === undefined ? 0 : Number(m[i]));
  const minutes = n(4) * 1440 + n(5) * 60 + n(6) + n(7) / 60;
  return m[1] ? -minutes : minutes;
}

/** Minutes after midnight of `HH:MM:SS`; `00:00:00` as an end of working time is 24:00 (MS Project's "until midnight"). */
export function parseClock(text: string, asEnd: boolean): number | undefined {
  const m = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (!m) return undefined;
  const minutes = Number(m[1]) * 60 + Number(m[2]) + (m[3] ? Number(m[3]) / 60 : 0);
  if (minutes > 1440) return undefined;
  return asEnd && minutes === 0 ? 1440 : minutes;
}

export function parseFlag(text: string | undefined): boolean | undefined {
  if (text === undefined) return undefined;
  if (text === '1' || text === 'true') return true;
  if (text === '0' || text === 'false') return false;
  return undefined;
}

export function parseNumber(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const v = Number(text);
  return Number.isFinite(v) ? v : undefined;
}

/**
 * Link lag formats (MSPDI `LagFormat`): elapsed ones count calendar time, percentage ones a share
 * of the predecessor's duration; the others (m, h, d, w, mo, and their "estimated" variants) are
 * working time and only change how the lag is displayed.
 */
export const ELAPSED_FORMATS = new Set([4, 6, 8, 10, 12, 36, 38, 40, 42, 44]);
export const PERCENT_FORMATS = new Set([19, 20, 51, 52]);
