import { describe, expect, it } from 'vitest';
import { formatLocalDateTime } from '../../engine/calendar/local-date-time.js';
import { WorkingCalendar } from '../../engine/calendar/working-calendar.js';
import { parseDurationMinutes } from './mspdi-values.js';
import { readMspdi } from './read-mspdi.js';

const weekDay = (type: number, times: [string, string][]) =>
  `<WeekDay><DayType>${type}</DayType><DayWorking>${times.length > 0 ? 1 : 0}</DayWorking>${
    times.length > 0
      ? `<WorkingTimes>${times.map(([f, t]) => `<WorkingTime><FromTime>${f}</FromTime><ToTime>${t}</ToTime></WorkingTime>`).join('')}</WorkingTimes>`
      : ''
  }</WeekDay>`;

const standardDays = [
  weekDay(1, []),
  ...[2, 3, 4, 5, 6].map((d) =>
    weekDay(d, [
      ['08:00:00', '12:00:00'],
      ['13:00:00', '17:00:00'],
    ]),
  ),
  weekDay(7, []),
].join('');

function project({ calendars, tasks, extra = '' }: { calendars?: string; tasks: string; extra?: string }): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<Project xmlns="http://schemas.microsoft.com/project">
  <Name>t.xml</Name>
  <StartDate>2026-01-05T08:00:00</StartDate>
  <CalendarUID>1</CalendarUID>
  <MinutesPerDay>480</MinutesPerDay>
  <Calendars>${calendars ?? `<Calendar><UID>1</UID><Name>Standard</Name><IsBaseCalendar>1</IsBaseCalendar><BaseCalendarUID>-1</BaseCalendarUID><WeekDays>${standardDays}</WeekDays></Calendar>`}</Calendars>
  <Tasks>${tasks}</Tasks>
  ${extra}
</Project>`;
}

const task = (uid: number, body = '') =>
  `<Task><UID>${uid}</UID><ID>${uid}</ID><Name>T${uid}</Name><Duration>PT8H0M0S</Duration>${body}</Task>`;

describe('readMspdi', () => {
  it('reads tasks, links, constraints, resources and assignments with the file’s own UIDs', () => {
    const r = readMspdi(
      project({
        tasks: [
          task(
            1,
            '<Summary>0</Summary><ConstraintType>4</ConstraintType><ConstraintDate>2026-01-06T08:00:00</ConstraintDate><Deadline>2026-01-20T17:00:00</Deadline>',
          ),
          task(
            2,
            '<PredecessorLink><PredecessorUID>1</PredecessorUID><Type>3</Type><LinkLag>4800</LinkLag><LagFormat>7</LagFormat></PredecessorLink><TotalSlack>9600</TotalSlack><Critical>0</Critical>',
          ),
        ].join(''),
        extra: `<Resources><Resource><UID>7</UID><Name>Billing</Name><MaxUnits>3.00</MaxUnits></Resource></Resources>
          <Assignments><Assignment><UID>1</UID><TaskUID>2</TaskUID><ResourceUID>7</ResourceUID><Units>0.5</Units></Assignment>
          <Assignment><UID>2</UID><TaskUID>2</TaskUID><ResourceUID>-65535</ResourceUID></Assignment></Assignments>`,
      }),
      't.xml',
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [t1, t2] = r.value.tasks;
    expect(t1?.constraintType).toBe('SNET');
    expect(formatLocalDateTime(t1?.constraintDate as number)).toBe('2026-01-06T08:00:00');
    expect(formatLocalDateTime(t1?.deadline as number)).toBe('2026-01-20T17:00:00');
    expect(t2?.predecessors).toEqual([{ predecessorUid: '1', type: 'SS', lag: 480, lagFormat: 7, line: expect.any(Number) }]);
    expect(t2?.totalSlack).toBe(960);
    expect(t2?.duration).toBe(480);
    expect(r.value.resources).toEqual([{ uid: '7', name: 'Billing', maxUnits: 3, line: expect.any(Number) }]);
    // The -65535 "unassigned" placeholder is not a resource.
    expect(r.value.assignments).toEqual([{ taskUid: '2', resourceUid: '7', units: 0.5, line: expect.any(Number) }]);
  });

  it('reports malformed XML with its line', () => {
    const r = readMspdi('<Project>\n<Tasks>\n<Task><UID>1</UID></Tsk>\n</Tasks></Project>', 'bad.xml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error[0]).toMatchObject({ code: 'xml-syntax', file: 'bad.xml', line: 3 });
    expect(r.error[0]?.message).toContain('not well-formed XML');
  });

  it('refuses a document that is not MS Project XML', () => {
    const r = readMspdi('<plan><item/></plan>', 'x.xml');
    expect(!r.ok && r.error[0]?.code).toBe('not-mspdi');
  });

  it('lists every missing or wrong element with its line and the task UID', () => {
    const text = project({
      tasks: [
        '<Task><Name>no uid</Name></Task>',
        '<Task><UID>5</UID><Name>no duration</Name></Task>',
        task(6, '<ConstraintType>2</ConstraintType>'),
        task(7, '<PredecessorLink><PredecessorUID>99</PredecessorUID><Type>1</Type></PredecessorLink>'),
        '<Task><UID>8</UID><Duration>eight hours</Duration></Task>',
        task(6),
      ].join('\n'),
    }).replace('<StartDate>2026-01-05T08:00:00</StartDate>', '');
    const r = readMspdi(text, 'p.xml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const lines = text.split('\n');
    const lineOf = (needle: string) => lines.findIndex((l) => l.includes(needle)) + 1;
    const got = r.error.map((p) => [p.code, p.line, p.message]);
    expect(got).toContainEqual(['missing-element', expect.any(Number), 'the project has no <StartDate>']);
    expect(got).toContainEqual(['missing-element', lineOf('no uid'), 'a <Task> has no <UID>']);
    expect(got).toContainEqual(['missing-element', lineOf('no duration'), 'Task UID 5 has no <Duration>']);
    expect(got).toContainEqual(['missing-element', lineOf('<UID>6<'), 'Task UID 6 has a MSO constraint without a <ConstraintDate>']);
    expect(got).toContainEqual([
      'unknown-reference',
      lineOf('<UID>7<'),
      'Task UID 7 has a predecessor UID 99 that is not a task of this file',
    ]);
    expect(got).toContainEqual([
      'bad-value',
      lineOf('eight hours'),
      'Task UID 8: <Duration> "eight hours" is not an ISO 8601 duration in hours, minutes and seconds',
    ]);
    expect(got).toContainEqual([
      'bad-value',
      lines.length -
        lines
          .slice()
          .reverse()
          .findIndex((l) => l.includes('<UID>6<')),
      'Task UID 6 is used by more than one task',
    ]);
    expect(r.error.every((p) => p.hint !== undefined || p.code === 'unknown-reference' || p.code === 'missing-element')).toBe(true);
  });

  it('resolves base calendars, old-style exception days, exceptions, work weeks and weekly recurrences', () => {
    const calendars = `
      <Calendar><UID>1</UID><Name>Standard</Name><IsBaseCalendar>1</IsBaseCalendar><BaseCalendarUID>-1</BaseCalendarUID>
        <WeekDays>${standardDays}
          <WeekDay><DayType>0</DayType><DayWorking>0</DayWorking><TimePeriod><FromDate>2026-01-07T00:00:00</FromDate><ToDate>2026-01-07T23:59:00</ToDate></TimePeriod></WeekDay>
        </WeekDays>
        <Exceptions>
          <Exception><TimePeriod><FromDate>2026-01-10T00:00:00</FromDate><ToDate>2026-01-10T23:59:00</ToDate></TimePeriod><Name>Saturday shift</Name><DayWorking>1</DayWorking>
            <WorkingTimes><WorkingTime><FromTime>09:00:00</FromTime><ToTime>11:00:00</ToTime></WorkingTime></WorkingTimes></Exception>
          <Exception><EnteredByOccurrences>1</EnteredByOccurrences><TimePeriod><FromDate>2026-02-02T00:00:00</FromDate><ToDate>2026-02-16T23:59:00</ToDate></TimePeriod>
            <Occurrences>2</Occurrences><Type>6</Type><Period>2</Period><DaysOfWeek>2</DaysOfWeek><DayWorking>0</DayWorking></Exception>
        </Exceptions>
        <WorkWeeks><WorkWeek><TimePeriod><FromDate>2026-03-02T00:00:00</FromDate><ToDate>2026-03-08T23:59:00</ToDate></TimePeriod>
          <WeekDays>${weekDay(6, [['08:00:00', '12:00:00']])}</WeekDays></WorkWeek></WorkWeeks>
      </Calendar>
      <Calendar><UID>2</UID><Name>Night</Name><IsBaseCalendar>0</IsBaseCalendar><BaseCalendarUID>1</BaseCalendarUID>
        <WeekDays>${weekDay(2, [['23:00:00', '00:00:00']])}</WeekDays>
        <Exceptions><Exception><TimePeriod><FromDate>2026-01-07T00:00:00</FromDate><ToDate>2026-01-08T00:00:00</ToDate></TimePeriod><DayWorking>1</DayWorking>
          <WorkingTimes><WorkingTime><FromTime>10:00:00</FromTime><ToTime>12:00:00</ToTime></WorkingTime></WorkingTimes></Exception></Exceptions>
      </Calendar>`;
    const r = readMspdi(project({ calendars, tasks: task(1) }), 'c.xml');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const compile = (uid: string) => {
      const def = r.value.calendars.get(uid)?.definition;
      if (!def) throw new Error(`no calendar ${uid}`);
      const c = WorkingCalendar.compile(def, '2026-01-05');
      if (!c.ok) throw new Error('compile');
      return c.value;
    };
    const standard = compile('1');
    expect(standard.workingMinutesOn('2026-01-07')).toBe(0); // DayType 0 exception
    expect(standard.workingMinutesOn('2026-01-10')).toBe(120); // Saturday shift
    expect(standard.workingMinutesOn('2026-02-02')).toBe(0); // every 2nd Monday, 2 occurrences
    expect(standard.workingMinutesOn('2026-02-09')).toBe(480);
    expect(standard.workingMinutesOn('2026-02-16')).toBe(0);
    expect(standard.workingMinutesOn('2026-03-06')).toBe(240); // work week: Fridays 08-12
    expect(standard.workingMinutesOn('2026-03-05')).toBe(480);
    const night = compile('2');
    expect(night.spansOn('2026-01-05')).toEqual([{ start: 1380, end: 1440 }]); // own Monday, until midnight
    expect(night.workingMinutesOn('2026-01-06')).toBe(480); // inherited Tuesday
    expect(night.workingMinutesOn('2026-01-07')).toBe(120); // own exception wins over the base's; ToDate at midnight ends the day before
    expect(night.workingMinutesOn('2026-01-08')).toBe(480);
  });

  it('reads ISO 8601 durations in working hours, minutes and seconds', () => {
    expect(parseDurationMinutes('PT8H0M0S')).toBe(480);
    expect(parseDurationMinutes('PT57H8M24S')).toBeCloseTo(3428.4, 10);
    expect(parseDurationMinutes('-PT1H')).toBe(-60);
    expect(parseDurationMinutes('P1M')).toBeUndefined();
    expect(parseDurationMinutes('PT')).toBeUndefined();
  });
});
