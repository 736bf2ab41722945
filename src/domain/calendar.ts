import { z } from 'zod';
import { calendarDateSchema } from './calendar-date.js';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const HOURS = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)$/;

/** Minutes after midnight of each end of an `HH:MM-HH:MM` span; `end > start`. */
export function parseHourSpan(text: string): { start: number; end: number } | undefined {
  const m = HOURS.exec(text);
  if (!m) return undefined;
  const start = Number(m[1]) * 60 + Number(m[2]);
  const end = Number(m[3]) * 60 + Number(m[4]);
  return end > start && end <= 24 * 60 ? { start, end } : undefined;
}

/** True when the runtime knows the IANA zone (`Europe/Berlin`, `UTC`). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const holidaySchema = z.strictObject({
  date: calendarDateSchema,
  name: z.string().optional(),
});
export type Holiday = z.infer<typeof holidaySchema>;

export const workingCalendarSchema = z.strictObject({
  timezone: z
    .string()
    .refine(isTimeZone, {
      error: (issue) => `"${String(issue.input)}" is not an IANA time zone; use a name such as "Europe/Berlin" or "UTC"`,
    })
    .default('UTC'),
  workdays: z
    .array(
      z.enum(WEEKDAYS, {
        message: `a working day is one of ${WEEKDAYS.join(', ')}`,
      }),
    )
    .min(1, { message: 'a calendar needs at least one working day' })
    .default(['mon', 'tue', 'wed', 'thu', 'fri']),
  /** Working hours of each working day, in the program's zone; one working day is their sum. */
  hours: z
    .array(
      z.string().refine((s) => parseHourSpan(s) !== undefined, {
        error: (issue) => `"${String(issue.input)}" is not a span of hours; write HH:MM-HH:MM, e.g. 09:00-17:00`,
      }),
    )
    .min(1, { message: 'a calendar needs at least one span of working hours' })
    .default(['09:00-17:00']),
  holidays: z.array(holidaySchema).default([]),
});
export type WorkingCalendar = z.infer<typeof workingCalendarSchema>;
