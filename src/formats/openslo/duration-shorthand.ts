import type { Duration, DurationUnit } from '../../domain/slo.js';

/** Minutes per fixed-length unit; `M`, `Q` and `Y` depend on the calendar and have none. */
const FIXED_MINUTES: Partial<Record<DurationUnit, number>> = { s: 1 / 60, m: 1, h: 60, d: 1440, w: 10080 };

/**
 * Parses OpenSLO's duration shorthand: a positive integer then one case-sensitive unit letter
 * (`s m h d w M Q Y`), no spaces. Returns the reason when it is not one.
 */
export function parseDurationShorthand(text: string): { ok: true; value: Duration } | { ok: false; reason: string } {
  const match = /^([1-9][0-9]*)([smhdwMQY])$/.exec(text);
  if (!match) {
    return {
      ok: false,
      reason: `"${text}" is not a duration: write a positive integer and one unit, s m h d w (seconds … weeks) or M Q Y (months, quarters, years); units are case-sensitive`,
    };
  }
  return { ok: true, value: { count: Number(match[1]), unit: match[2] as DurationUnit } };
}

/** The duration in minutes, or undefined for calendar units (months, quarters, years). */
export function fixedMinutes(duration: Duration): number | undefined {
  const per = FIXED_MINUTES[duration.unit];
  return per === undefined ? undefined : duration.count * per;
}
