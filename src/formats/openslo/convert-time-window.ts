import type { TimeWindow } from '../../domain/slo.js';
import type { ConversionContext } from './conversion-context.js';
import type { PathSegment } from './openslo-problem.js';
import type { SloObject } from './openslo-v1-schema.js';

export function convertWindow(window: SloObject['spec']['timeWindow'][number] | undefined, ctx: ConversionContext): TimeWindow | undefined {
  if (!window) return undefined;
  const path: PathSegment[] = ['spec', 'timeWindow', 0];
  const duration = ctx.duration(window.duration, [...path, 'duration']);
  if (window.isRolling === true && window.calendar) {
    ctx.report(
      'bad-time-window',
      [...path, 'isRolling'],
      'a time window is either rolling or calendar-aligned, not both',
      'remove calendar for a rolling window, or set isRolling: false',
    );
    return undefined;
  }
  if (window.isRolling !== true && !window.calendar) {
    ctx.report(
      'bad-time-window',
      path,
      'the time window is neither rolling nor calendar-aligned',
      'write isRolling: true, or a calendar with startTime and timeZone',
    );
    return undefined;
  }
  if (duration && duration.unit === 'm') {
    // The case-sensitivity trap: examples/budgeting-method/timeslices-slo.yaml writes `1m` for "1 month".
    ctx.report(
      'suspicious-window',
      [...path, 'duration'],
      `an SLO window of ${duration.count} minute${duration.count === 1 ? '' : 's'} ("${window.duration}") is almost surely a mistake`,
      `units are case-sensitive: m is minutes, M is months; write ${duration.count}M for ${duration.count} month${duration.count === 1 ? '' : 's'}`,
      true,
    );
  }
  if (window.calendar) {
    const { startTime, timeZone } = window.calendar;
    let zoneOk = true;
    try {
      new Intl.DateTimeFormat('en', { timeZone });
    } catch {
      zoneOk = false;
      ctx.report(
        'bad-time-zone',
        [...path, 'calendar', 'timeZone'],
        `unknown time zone "${timeZone}"`,
        'use an IANA time zone name such as UTC, America/New_York or Europe/Warsaw',
      );
    }
    const startOk = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(startTime);
    if (!startOk) {
      ctx.report(
        'schema',
        [...path, 'calendar', 'startTime'],
        `startTime "${startTime}" is not a local date and time`,
        'write it as YYYY-MM-DD HH:MM:SS, without a time zone (timeZone says which)',
      );
    }
    if (!duration || !zoneOk || !startOk) return undefined;
    return { kind: 'calendar', duration, startTime, timeZone };
  }
  return duration ? { kind: 'rolling', duration } : undefined;
}
