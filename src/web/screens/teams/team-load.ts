import type { Item, PlanItem, ProgramInfo, Team } from '../../api/types';
import { DAY, mondayOf, timeOf } from '../../components/charts/scales';

/** Person-days of work and of capacity of one team in one week (Monday, `YYYY-MM-DD`). */
export interface TeamWeek {
  readonly team: string;
  readonly week: string;
  readonly load: number;
  readonly capacity: number;
}

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);
const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/** The program calendar as the browser needs it: which days are worked, and worked minutes before a time of day. */
export class WorkCalendar {
  private readonly workdays: Set<number>;
  private readonly holidays: Set<string>;
  private readonly spans: [number, number][];
  readonly minutesPerDay: number;

  constructor(calendar: ProgramInfo['calendar']) {
    this.workdays = new Set(calendar.workdays.map((d) => WEEKDAYS.indexOf(d.toLowerCase().slice(0, 3))));
    this.holidays = new Set(
      calendar.holidays.flatMap((h) => {
        if (typeof h === 'string') return [h];
        const date = (h as { date?: unknown }).date;
        return typeof date === 'string' ? [date] : [];
      }),
    );
    this.spans = calendar.hours.map((span) => {
      const [a = '09:00', b = '17:00'] = span.split('-');
      return [minutesOf(a), minutesOf(b)];
    });
    this.minutesPerDay = this.spans.reduce((sum, [a, b]) => sum + Math.max(0, b - a), 0) || 480;
  }

  isWorkday(day: number): boolean {
    return this.workdays.has(new Date(day).getUTCDay()) && !this.holidays.has(isoDay(day));
  }

  /** Working minutes of a day before `minute` (minutes since midnight). */
  workedBefore(minute: number): number {
    return this.spans.reduce((sum, [a, b]) => sum + Math.max(0, Math.min(b, minute) - a), 0);
  }
}

/**
 * The unlevelled demand: each open item needs `effort` people of its team over its planned (CPM,
 * capacity-blind) dates, counted per working day — partly worked days in proportion — and summed
 * by week; capacity is the team's size on each working day, lowered by its exceptions. Epics with
 * children (their work is the children's), milestones and supplier lead times (procurement,
 * long-lead) take no people, as in levelling.
 */
export function unlevelledLoad(
  items: readonly Item[],
  plan: readonly PlanItem[],
  teams: readonly Team[],
  calendar: WorkCalendar,
): TeamWeek[] {
  const parents = new Set(items.flatMap((i) => (i.parent ? [i.parent] : [])));
  const planned = new Map(plan.map((p) => [p.id, p]));
  const load = new Map<string, number>();
  const key = (team: string, week: number) => `${team}|${isoDay(week)}`;
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const item of items) {
    const p = planned.get(item.id);
    if (!p || !item.team || parents.has(item.id)) continue;
    if (item.kind === 'milestone' || item.kind === 'procurement' || item.kind === 'long-lead') continue;
    if (item.state === 'done' || item.state === 'cancelled') continue;
    const start = timeOf(p.start);
    const finish = timeOf(p.finish);
    if (!(finish > start)) continue;
    for (let day = Math.floor(start / DAY) * DAY; day < finish; day += DAY) {
      if (!calendar.isWorkday(day)) continue;
      const from = Math.max(0, (start - day) / 60_000);
      const to = Math.min(24 * 60, (finish - day) / 60_000);
      const share = (calendar.workedBefore(to) - calendar.workedBefore(from)) / calendar.minutesPerDay;
      if (share <= 0) continue;
      const k = key(item.team, mondayOf(day));
      load.set(k, (load.get(k) ?? 0) + share * item.effort);
      first = Math.min(first, day);
      last = Math.max(last, day);
    }
  }
  if (!Number.isFinite(first)) return [];
  const rows: TeamWeek[] = [];
  for (const team of teams) {
    for (let week = mondayOf(first); week <= last; week += 7 * DAY) {
      let capacity = 0;
      for (let day = week; day < week + 7 * DAY; day += DAY) {
        if (!calendar.isWorkday(day)) continue;
        const d = isoDay(day);
        const exception = team.exceptions.find((e) => e.from <= d && d <= (e.to ?? e.from));
        capacity += exception ? exception.capacity : team.capacity;
      }
      const round = (x: number) => Math.round(x * 10) / 10;
      rows.push({ team: team.id, week: isoDay(week), load: round(load.get(key(team.id, week)) ?? 0), capacity: round(capacity) });
    }
  }
  return rows;
}
