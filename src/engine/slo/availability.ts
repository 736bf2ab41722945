/**
 * Availability table: a number of nines → allowed downtime per year, month, week and day.
 *
 * Conventions (pinned, all in seconds):
 * - year = 365 days = 31,536,000 s (no leap day);
 * - month = 30 days = 2,592,000 s (the 30-day SLO period of Sloth and the SRE Workbook's examples);
 * - averageMonth = 365/12 days = 2,628,000 s (the SRE book's availability table uses this one:
 *   99.9 % → 43.8 min a month);
 * - quarter = 90 days, week = 7 days, day = 86,400 s, hour = 3,600 s.
 * The year, quarter, month, week, day and hour columns are those of the availability table in Google's
 * SRE book (Appendix A, "Availability Table": 99.9 % → 8.76 h a year, 2.16 h a quarter, 43.2 min a month, 10.1 min a week).
 *
 * Downtime is computed from the decimal text of the percentage, so 99.9 gives exactly 31,536 s a year
 * (the float 100 − 99.9 = 0.09999999999999432 would not).
 */

export const SECONDS_PER_DAY = 86_400;

export const PERIOD_SECONDS = {
  year: 365 * SECONDS_PER_DAY,
  month: 30 * SECONDS_PER_DAY,
  quarter: 90 * SECONDS_PER_DAY,
  averageMonth: (365 * SECONDS_PER_DAY) / 12,
  week: 7 * SECONDS_PER_DAY,
  day: SECONDS_PER_DAY,
  hour: 3_600,
} as const;

export type AvailabilityPeriod = keyof typeof PERIOD_SECONDS;

/** The rows printed by default. */
export const STANDARD_NINES: readonly number[] = [99, 99.5, 99.9, 99.95, 99.99, 99.999];

export interface AvailabilityRow {
  /** Availability in percent, e.g. 99.9. */
  readonly percent: number;
  /** Allowed downtime in seconds per period (may be fractional: 99.999 % of a day = 0.864 s). */
  readonly downtimeSeconds: Readonly<Record<AvailabilityPeriod, number>>;
}

/**
 * Allowed downtime in seconds for `percent` availability over `periodSeconds`.
 * Throws a RangeError on a percentage outside [0, 100] (a caller bug, not an expected failure).
 */
export function allowedDowntimeSeconds(percent: number, periodSeconds: number): number {
  if (!Number.isFinite(percent) || percent < 0 || percent > 100) {
    throw new RangeError(`availability must be a percentage in [0, 100], got ${percent}`);
  }
  // Scale the percentage to an integer through its shortest decimal text, then divide once:
  // integer numerator / power of ten is the correctly rounded quotient.
  const text = String(percent);
  const decimals = text.includes('e') ? 12 : (text.split('.')[1]?.length ?? 0);
  const scale = 10 ** decimals;
  const unavailableScaled = 100 * scale - Math.round(percent * scale);
  return (periodSeconds * unavailableScaled) / (100 * scale);
}

export function availabilityRow(percent: number): AvailabilityRow {
  const downtimeSeconds = {} as Record<AvailabilityPeriod, number>;
  for (const period of Object.keys(PERIOD_SECONDS) as AvailabilityPeriod[]) {
    downtimeSeconds[period] = allowedDowntimeSeconds(percent, PERIOD_SECONDS[period]);
  }
  return { percent, downtimeSeconds };
}

export function availabilityTable(percents: readonly number[] = STANDARD_NINES): AvailabilityRow[] {
  return percents.map(availabilityRow);
}

/**
 * `31536` → `8 h 45 m 36 s`; `315360` → `3 d 15 h 36 m`; `0.864` → `0.864 s`; `0` → `0 s`.
 * Zero units are left out; seconds keep up to three decimals (milliseconds), trailing zeros dropped.
 */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) throw new RangeError(`duration must be ≥ 0 s, got ${seconds}`);
  const millis = Math.round(seconds * 1000);
  const days = Math.floor(millis / 86_400_000);
  const hours = Math.floor((millis % 86_400_000) / 3_600_000);
  const minutes = Math.floor((millis % 3_600_000) / 60_000);
  const secMillis = millis % 60_000;
  const parts: string[] = [];
  if (days > 0) parts.push(`${days} d`);
  if (hours > 0) parts.push(`${hours} h`);
  if (minutes > 0) parts.push(`${minutes} m`);
  if (secMillis > 0 || parts.length === 0) parts.push(`${Number((secMillis / 1000).toFixed(3))} s`);
  return parts.join(' ');
}
