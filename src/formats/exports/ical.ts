import type { ExportInput } from './export-input.js';
import { dayOf } from './export-input.js';

/** RFC 5545 TEXT: backslash, semicolon and comma escaped, line breaks as \n. */
const text = (s: string) => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

/** Folds a content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 character. */
function fold(line: string): string {
  const bytes = new TextEncoder().encode(line);
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const ch of line) {
    const n = new TextEncoder().encode(ch).length;
    // The first line holds 75 octets; continuation lines start with a space, so 74 more.
    if (size + n > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += ch;
    size += n;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const compact = (day: string) => day.replace(/-/g, '');

/**
 * The program's milestones as all-day events on their target day (on the planned day when a
 * milestone has no target), each saying where the plan has it. `now` stamps DTSTAMP; UIDs are
 * stable, so a calendar that subscribes updates events instead of duplicating them.
 */
export function milestonesIcal(input: ExportInput, now: Date): string {
  const { model, plan } = input;
  const planned = new Map(plan.items.map((p) => [p.id, p]));
  const stamp = `${now.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Throughline//Throughline 0.1//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${text(`${model.program.name}: milestones`)}`,
  ];
  for (const item of model.items.filter((i) => i.kind === 'milestone')) {
    const p = planned.get(item.id);
    const plannedDay = p ? dayOf(p.finish) : undefined;
    const day = item.target ?? plannedDay;
    if (day === undefined) continue;
    const next = new Date(`${day}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    const status =
      plannedDay === undefined
        ? 'Not planned.'
        : item.target === undefined
          ? `Planned for ${plannedDay}.`
          : plannedDay > item.target
            ? `Target ${item.target}; the plan has it on ${plannedDay}, late.`
            : `Target ${item.target}; the plan has it on ${plannedDay}.`;
    const who = item.stakeholders.length > 0 ? `\nStakeholders: ${item.stakeholders.join(', ')}.` : '';
    lines.push(
      'BEGIN:VEVENT',
      `UID:${model.program.id}.${item.id}@throughline`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compact(day)}`,
      `DTEND;VALUE=DATE:${compact(next.toISOString().slice(0, 10))}`,
      `SUMMARY:${text(`${item.title} (${model.program.name})`)}`,
      `DESCRIPTION:${text(`${status}${who}`)}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
