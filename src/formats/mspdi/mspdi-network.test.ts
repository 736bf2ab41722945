import { describe, expect, it } from 'vitest';
import { formatLocalDateTime } from '../../engine/calendar/local-date-time.js';
import { criticalPath } from '../../engine/cpm/critical-path.js';
import { criticalFlags, type MspdiNetwork, mspdiNetwork, summaryDates } from './mspdi-network.js';
import { readMspdi } from './read-mspdi.js';

// Standard calendar (Mon-Fri 08:00-12:00, 13:00-17:00); the project starts Monday 2026-01-05.
const weekDays = [1, 2, 3, 4, 5, 6, 7]
  .map((d) =>
    d === 1 || d === 7
      ? `<WeekDay><DayType>${d}</DayType><DayWorking>0</DayWorking></WeekDay>`
      : `<WeekDay><DayType>${d}</DayType><DayWorking>1</DayWorking><WorkingTimes><WorkingTime><FromTime>08:00:00</FromTime><ToTime>12:00:00</ToTime></WorkingTime><WorkingTime><FromTime>13:00:00</FromTime><ToTime>17:00:00</ToTime></WorkingTime></WorkingTimes></WeekDay>`,
  )
  .join('');

interface T {
  uid: number;
  days?: number;
  level?: number;
  summary?: boolean;
  extra?: string;
  preds?: [uid: number, type: number, lagDays?: number, format?: number][];
}

function build(tasks: T[], extra = '', calendars = ''): MspdiNetwork {
  const xml = `<Project xmlns="http://schemas.microsoft.com/project"><StartDate>2026-01-05T08:00:00</StartDate><CalendarUID>1</CalendarUID>
    <Calendars><Calendar><UID>1</UID><Name>Standard</Name><IsBaseCalendar>1</IsBaseCalendar><WeekDays>${weekDays}</WeekDays></Calendar>${calendars}</Calendars>
    <Tasks>${tasks
      .map(
        (t) =>
          `<Task><UID>${t.uid}</UID><Name>T${t.uid}</Name><OutlineLevel>${t.level ?? 1}</OutlineLevel><Summary>${t.summary ? 1 : 0}</Summary>` +
          `<Duration>PT${(t.days ?? 1) * 8}H0M0S</Duration>${t.extra ?? ''}` +
          (t.preds ?? [])
            .map(
              ([p, type, lag, format]) =>
                `<PredecessorLink><PredecessorUID>${p}</PredecessorUID><Type>${type}</Type><LinkLag>${(lag ?? 0) * 4800}</LinkLag><LagFormat>${format ?? 7}</LagFormat></PredecessorLink>`,
            )
            .join('') +
          '</Task>',
      )
      .join('')}</Tasks>${extra}</Project>`;
  const p = readMspdi(xml, 'n.xml');
  if (!p.ok) throw new Error(p.error.map((e) => e.message).join('; '));
  const n = mspdiNetwork(p.value);
  if (!n.ok) throw new Error(n.error.map((e) => e.message).join('; '));
  return n.value;
}

function schedule(net: MspdiNetwork) {
  const r = criticalPath(net.network, { projectStart: net.projectStart, criticalThreshold: net.criticalSlack });
  if (!r.ok) throw new Error('cycle');
  const cal = net.calendar;
  const row = (uid: string) => {
    const v = net.nodeOf.get(uid) as number;
    return {
      es: formatLocalDateTime(cal.dateTimeAt(r.value.earlyStart[v] as number, 'start')),
      ef: formatLocalDateTime(cal.dateTimeAt(r.value.earlyFinish[v] as number, 'end')),
      lf: formatLocalDateTime(cal.dateTimeAt(r.value.lateFinish[v] as number, 'end')),
      floatDays: cal.minutesToDays(r.value.totalFloat[v] as number),
    };
  };
  return { r: r.value, row, flags: criticalFlags(net, r.value) };
}

describe('mspdiNetwork', () => {
  it('schedules links with lags in working time: FS across a weekend, SS with a lag, a lead clamped at the project start', () => {
    const net = build([
      { uid: 1, days: 4 },
      { uid: 2, preds: [[1, 1]] },
      { uid: 3, preds: [[1, 3, 2]] },
      { uid: 4, preds: [[1, 1, -10]] },
    ]);
    const { row } = schedule(net);
    expect(row('2')).toMatchObject({ es: '2026-01-09T08:00:00', ef: '2026-01-09T17:00:00' });
    expect(row('3').es).toBe('2026-01-07T08:00:00');
    expect(row('4').es).toBe('2026-01-05T08:00:00');
    expect(net.caveats).toEqual([]);
  });

  it('honours SNET, FNET, MSO and MFO in the forward pass and deadlines in the backward pass', () => {
    const net = build([
      { uid: 1, days: 5 },
      { uid: 2, extra: '<ConstraintType>4</ConstraintType><ConstraintDate>2026-01-07T08:00:00</ConstraintDate>' },
      { uid: 3, extra: '<ConstraintType>6</ConstraintType><ConstraintDate>2026-01-08T17:00:00</ConstraintDate>' },
      // MSO wins over its predecessor, as MS Project does when it honours constraints.
      { uid: 4, preds: [[1, 1]], extra: '<ConstraintType>2</ConstraintType><ConstraintDate>2026-01-06T08:00:00</ConstraintDate>' },
      { uid: 5, days: 2, extra: '<ConstraintType>3</ConstraintType><ConstraintDate>2026-01-14T17:00:00</ConstraintDate>' },
      { uid: 6, preds: [[1, 1]], extra: '<Deadline>2026-01-09T17:00:00</Deadline>' },
    ]);
    const { row, flags } = schedule(net);
    expect(row('2').es).toBe('2026-01-07T08:00:00');
    expect(row('3').ef).toBe('2026-01-08T17:00:00');
    expect(row('4').es).toBe('2026-01-06T08:00:00');
    expect(row('4').lf).toBe('2026-01-06T17:00:00');
    expect(row('5')).toMatchObject({ es: '2026-01-13T08:00:00', lf: '2026-01-14T17:00:00' });
    // Task 6 cannot start before Monday 12th, yet is due Friday 9th: one day late.
    expect(row('6').floatDays).toBe(-1);
    expect(flags[net.nodeOf.get('6') as number]).toBe(1);
  });

  it('lets links push a must-start-on task when the project does not honour constraint dates', () => {
    const tasks: T[] = [
      { uid: 1, days: 5 },
      { uid: 2, preds: [[1, 1]], extra: '<ConstraintType>2</ConstraintType><ConstraintDate>2026-01-06T08:00:00</ConstraintDate>' },
      { uid: 3, extra: '<ConstraintType>2</ConstraintType><ConstraintDate>2026-01-06T08:00:00</ConstraintDate>' },
    ];
    const { row } = schedule(build(tasks, '<HonorConstraints>0</HonorConstraints>'));
    expect(row('2').es).toBe('2026-01-12T08:00:00');
    expect(row('2').floatDays).toBe(-4);
    expect(row('3').es).toBe('2026-01-06T08:00:00');
  });

  it('applies links to and from summary tasks to every task under them, rolls summary dates up and leaves out inactive tasks', () => {
    const net = build([
      { uid: 10, summary: true, level: 1, days: 3 },
      { uid: 11, level: 2, days: 2 },
      { uid: 12, level: 2, days: 3 },
      { uid: 13, preds: [[10, 1]] },
      { uid: 14, extra: '<Active>0</Active>', preds: [[13, 1]] },
      { uid: 15, preds: [[14, 1]] },
    ]);
    expect(net.uids).toEqual(['11', '12', '13', '15']);
    const { r, row } = schedule(net);
    expect(row('13').es).toBe('2026-01-08T08:00:00');
    expect(row('15').es).toBe('2026-01-05T08:00:00');
    const [s] = summaryDates(net, r);
    expect(s).toMatchObject({ uid: '10', earlyStart: 0, earlyFinish: 3 * 480, lateFinish: 3 * 480, critical: true });
    expect(net.caveats.map((c) => c.message)).toContain(
      'Task UID 13 (T13): the link from UID 10 involves a summary task; it is applied to every task under it',
    );
  });

  it('lists what it cannot schedule exactly: elapsed and percentage lags, own calendars, resource calendars, manual tasks, elapsed durations, split tasks', () => {
    const night = `<Calendar><UID>9</UID><Name>Night</Name><IsBaseCalendar>0</IsBaseCalendar><BaseCalendarUID>1</BaseCalendarUID><WeekDays>
      <WeekDay><DayType>2</DayType><DayWorking>1</DayWorking><WorkingTimes><WorkingTime><FromTime>22:00:00</FromTime><ToTime>00:00:00</ToTime></WorkingTime></WorkingTimes></WeekDay>
      </WeekDays></Calendar><Calendar><UID>8</UID><Name>Same as Standard</Name><IsBaseCalendar>0</IsBaseCalendar><BaseCalendarUID>1</BaseCalendarUID></Calendar>`;
    const net = build(
      [
        { uid: 1 },
        { uid: 2, preds: [[1, 1, 1, 8]] },
        { uid: 3, extra: '<Manual>1</Manual>' },
        { uid: 4, extra: '<CalendarUID>9</CalendarUID>' },
        { uid: 5 },
        { uid: 6, preds: [[1, 1, 0, 19]] },
        { uid: 7, extra: '<CalendarUID>8</CalendarUID>' },
        { uid: 8, extra: '<DurationFormat>8</DurationFormat>' },
        // One day of work stored over two working days: split, or on another calendar.
        { uid: 9, extra: '<Start>2026-01-05T08:00:00</Start><Finish>2026-01-06T17:00:00</Finish>' },
        { uid: 10, extra: '<Start>2026-01-05T08:00:00</Start><Finish>2026-01-06T08:00:00</Finish>' },
      ],
      `<Resources><Resource><UID>1</UID><Name>Night crew</Name><CalendarUID>9</CalendarUID></Resource></Resources>
       <Assignments><Assignment><UID>1</UID><TaskUID>5</TaskUID><ResourceUID>1</ResourceUID><Units>1</Units></Assignment></Assignments>`,
      night,
    );
    const found = net.caveats.map((c) => [c.subject, c.message.replace(/^Task UID \d+ \(T\d+\): /, '').split(/[;,:]/)[0]]);
    expect(found.sort()).toEqual([
      ['Task UID 2', 'the link from UID 1 has an elapsed lag'],
      ['Task UID 3', 'is manually scheduled'],
      ['Task UID 4', 'runs on its own calendar UID 9'],
      ['Task UID 5', 'is assigned resource UID 1 whose calendar UID 9 differs from the project calendar'],
      ['Task UID 6', 'the link from UID 1 has a percentage lag'],
      ['Task UID 8', 'has an elapsed duration (calendar time'],
      ['Task UID 9', 'MS Project stored it over 960 working minutes of the project calendar for a duration of 480'],
    ]);
  });

  it('fixes started work at its actual start and never calls finished work critical', () => {
    const net = build([
      { uid: 1, days: 2, extra: '<PercentComplete>100</PercentComplete><ActualStart>2026-01-05T08:00:00</ActualStart>' },
      { uid: 2, days: 1, extra: '<PercentComplete>50</PercentComplete><ActualStart>2026-01-06T13:00:00</ActualStart>' },
    ]);
    const { row, flags } = schedule(net);
    expect(row('1')).toMatchObject({ es: '2026-01-05T08:00:00', lf: '2026-01-06T17:00:00', floatDays: 0 });
    expect(flags[net.nodeOf.get('1') as number]).toBe(0);
    expect(row('2')).toMatchObject({ es: '2026-01-06T13:00:00', ef: '2026-01-07T12:00:00' });
  });
});
