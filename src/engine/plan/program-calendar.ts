import { parseHourSpan, WEEKDAYS } from '../../domain/calendar.js';
import type { Program } from '../../domain/program.js';
import type { Team } from '../../domain/team.js';
import type { CalendarDefinition, WorkingSpan } from '../calendar/calendar-definition.js';

/** The program's working calendar as the calendar engine reads it: Monday-first week, holidays as non-working days. */
export function programCalendar(program: Program): CalendarDefinition {
  const spans: WorkingSpan[] = program.calendar.hours.flatMap((h) => {
    const span = parseHourSpan(h);
    return span ? [span] : [];
  });
  return {
    timeZone: program.calendar.timezone,
    week: WEEKDAYS.map((day) => (program.calendar.workdays.includes(day) ? spans : [])),
    exceptions: program.calendar.holidays.map((h) => ({ from: h.date, to: h.date, spans: [], ...(h.name ? { name: h.name } : {}) })),
  };
}

/** Days a team does not work at all (capacity 0 exceptions); reduced capacity stays a levelling matter. */
export function teamCalendar(program: Program, team: Team): CalendarDefinition {
  const base = programCalendar(program);
  const off = team.exceptions.filter((e) => e.capacity === 0);
  return {
    ...base,
    exceptions: [
      ...base.exceptions,
      ...off.map((e) => ({ from: e.from, to: e.to ?? e.from, spans: [], ...(e.reason ? { name: e.reason } : {}) })),
    ],
  };
}
