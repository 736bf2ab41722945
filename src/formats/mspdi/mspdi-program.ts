import type { WorkingCalendar } from '../../domain/calendar.js';
import type { CalendarDate } from '../../domain/calendar-date.js';
import type { Dependency } from '../../domain/dependency.js';
import { type ItemId, type ProgramId, READABLE_ID, type TeamId, type WorkstreamId } from '../../domain/ids.js';
import type { ProgramModel } from '../../domain/program-model.js';
import { err, ok, type Result } from '../../domain/result.js';
import type { Team } from '../../domain/team.js';
import type { WorkItem } from '../../domain/work-item.js';
import type { Workstream } from '../../domain/workstream.js';
import { formatLocalDateTime, type LocalMinute, MINUTES_PER_DAY } from '../../engine/calendar/local-date-time.js';
import type { MspdiProblem, MspdiProject, MspdiTask } from './mspdi-project.js';
import { ELAPSED_FORMATS, PERCENT_FORMATS } from './mspdi-values.js';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
/** Exceptions longer than this are not copied as holidays one day at a time (a shutdown of months is a caveat). */
const MAX_HOLIDAY_SPAN_DAYS = 62;

/** A program id from a file name: `Plan Q3 (v2).xml` → `plan-q3-v2`. */
export function programIdFromFile(file: string): string {
  const base = (file.split(/[\\/]/).pop() ?? file).replace(/\.xml(\.gz)?$/i, '');
  const slug = base
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '')
    .slice(0, 64);
  return READABLE_ID.test(slug) ? slug : 'ms-project-plan';
}

const day = (t: LocalMinute): CalendarDate => formatLocalDateTime(t).slice(0, 10) as CalendarDate;
const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const roundDays = (x: number) => Math.round(x * 100) / 100;

export interface MspdiProgram {
  readonly model: ProgramModel;
  /** What could not be carried over exactly, each with the task, resource or calendar it is about. */
  readonly caveats: readonly MspdiProblem[];
}

/**
 * An MS Project plan as a program: each task becomes an item (`t` + its UID, so links and reports
 * can be traced back to the file), summary tasks become epics holding the tasks under them, the
 * top-level summary tasks also become workstreams, milestones stay milestones (their target is
 * MS Project's date for them), work resources become teams (capacity = max units), a task's team is
 * its largest assignment, and predecessor links become accepted dependencies (lags in working
 * days). Durations become estimates in working days of the file's MinutesPerDay.
 */
export function mspdiProgram(project: MspdiProject, options: { programId: string }): Result<MspdiProgram, MspdiProblem[]> {
  const file = project.file;
  const caveats: MspdiProblem[] = [...project.caveats];
  const note = (message: string, where: { line?: number; subject?: string } = {}) =>
    caveats.push({ code: 'unsupported', message, file, ...where });
  const perDay = project.minutesPerDay > 0 ? project.minutesPerDay : 480;

  // The project's own summary (outline level 0, UID 0) is the program, not an item.
  const tasks = project.tasks.filter((t) => t.outlineLevel > 0);
  if (tasks.length === 0) {
    return err([
      {
        code: 'missing-element',
        message: 'the file has no tasks',
        hint: 'export a project with at least one task from MS Project (File › Save As › XML)',
        file,
      },
    ]);
  }
  const itemId = (uid: string) => `t${uid}` as ItemId;

  // Teams from work resources; ids from names, made unique.
  const teams: Team[] = [];
  const teamOf = new Map<string, TeamId>();
  const used = new Set<string>();
  for (const r of project.resources) {
    if (r.name.trim() === '') continue;
    let id = programIdFromFile(r.name);
    if (id === 'ms-project-plan' || used.has(id)) id = `${id === 'ms-project-plan' ? 'resource' : id}-${r.uid}`;
    used.add(id);
    teamOf.set(r.uid, id as TeamId);
    teams.push({ id: id as TeamId, name: r.name, capacity: r.maxUnits > 0 ? r.maxUnits : 1, exceptions: [] });
  }
  const largest = new Map<string, { team: TeamId; units: number }>();
  for (const a of project.assignments) {
    const team = teamOf.get(a.resourceUid);
    if (!team) continue;
    const prev = largest.get(a.taskUid);
    if (!prev || a.units > prev.units) largest.set(a.taskUid, { team, units: a.units });
  }

  // Outline: a task's parent is the nearest task above it with a lower outline level.
  const parentOf = new Map<string, MspdiTask>();
  const stack: MspdiTask[] = [];
  for (const t of tasks) {
    while (stack.length > 0 && (stack[stack.length - 1] as MspdiTask).outlineLevel >= t.outlineLevel) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) parentOf.set(t.uid, parent);
    stack.push(t);
  }
  const workstreams: Workstream[] = [];
  const workstreamOf = new Map<string, WorkstreamId>();
  for (const t of tasks) {
    const parent = parentOf.get(t.uid);
    if (!parent && t.summary) {
      const id = `ws-${t.uid}` as WorkstreamId;
      workstreams.push({ id, name: t.name || `Summary UID ${t.uid}` });
      workstreamOf.set(t.uid, id);
    } else if (parent) {
      const ws = workstreamOf.get(parent.uid);
      if (ws) workstreamOf.set(t.uid, ws);
    }
  }

  const items: WorkItem[] = tasks.map((t) => {
    const subject = `Task UID ${t.uid}`;
    const parent = parentOf.get(t.uid);
    const assigned = largest.get(t.uid);
    const kind = t.summary ? 'epic' : t.milestone || (t.duration === 0 && !t.summary) ? 'milestone' : 'task';
    if (t.durationFormat !== undefined && ELAPSED_FORMATS.has(t.durationFormat) && kind === 'task')
      note(`${subject} (${t.name}): an elapsed duration is counted as working days`, { line: t.line, subject });
    const done = t.percentComplete >= 100;
    const state = !t.active ? 'cancelled' : done ? 'done' : t.percentComplete > 0 ? 'in-progress' : 'not-started';
    const constraintStart = t.constraintType === 'SNET' || t.constraintType === 'MSO' ? t.constraintDate : undefined;
    const ws = workstreamOf.get(t.uid);
    const item: WorkItem = {
      id: itemId(t.uid),
      title: t.name.trim() || `Task UID ${t.uid}`,
      kind,
      effort: assigned && assigned.units > 0 ? assigned.units : 1,
      state,
      tags: [],
      links: [],
      stakeholders: [],
      ...(kind === 'task' ? { estimate: roundDays(t.duration / perDay) } : {}),
      ...(assigned && kind !== 'epic' ? { team: assigned.team } : {}),
      ...(ws ? { workstream: ws } : {}),
      ...(parent ? { parent: itemId(parent.uid) } : {}),
      ...(kind === 'task' && t.percentComplete > 0 && !done ? { percentComplete: t.percentComplete } : {}),
      ...(constraintStart !== undefined && kind !== 'epic' ? { startNoEarlierThan: day(constraintStart) } : {}),
      ...(t.deadline !== undefined && kind === 'task' ? { deadline: day(t.deadline) } : {}),
      ...(kind === 'milestone' && (t.deadline ?? t.finish) !== undefined ? { target: day((t.deadline ?? t.finish) as number) } : {}),
    };
    if (t.constraintType !== 'ASAP' && constraintStart === undefined && kind !== 'epic')
      note(`${subject} (${t.name}): constraint ${t.constraintType} is not carried over; only start-no-earlier-than is`, {
        line: t.line,
        subject,
      });
    return item;
  });

  const known = new Map(tasks.map((t) => [t.uid, t]));
  const dependencies: Dependency[] = [];
  const pairs = new Set<string>();
  for (const t of tasks) {
    for (const link of t.predecessors) {
      const pred = known.get(link.predecessorUid);
      const subject = `Task UID ${t.uid}`;
      if (!pred) {
        note(`${subject}: the link from UID ${link.predecessorUid} is left out; that task is the project summary or not in the file`, {
          line: link.line,
          subject,
        });
        continue;
      }
      const pair = `${pred.uid}>${t.uid}`;
      if (pair === `${t.uid}>${t.uid}` || pairs.has(pair)) continue;
      pairs.add(pair);
      let lagMinutes = link.lag;
      if (ELAPSED_FORMATS.has(link.lagFormat)) lagMinutes = (link.lag * project.minutesPerWeek) / (7 * MINUTES_PER_DAY);
      else if (PERCENT_FORMATS.has(link.lagFormat)) lagMinutes = (link.lag * 10 * pred.duration) / 100;
      dependencies.push({
        from: itemId(pred.uid),
        to: itemId(t.uid),
        type: link.type,
        lag: roundDays(lagMinutes / perDay),
        state: 'accepted',
      });
    }
  }

  const start = day(project.startDate);
  const finishes = tasks.map((t) => t.finish).filter((f): f is number => f !== undefined);
  const latest = project.finishDate ?? (finishes.length > 0 ? Math.max(...finishes) : undefined);
  const target = latest !== undefined && day(latest) >= start ? day(latest) : start;
  const summary = project.tasks.find((t) => t.outlineLevel === 0);
  const model: ProgramModel = {
    program: {
      id: options.programId as ProgramId,
      name: project.name?.trim() || summary?.name.trim() || options.programId,
      start,
      target,
      calendar: programCalendar(project, note),
    },
    teams,
    workstreams,
    items,
    dependencies,
    risks: [],
    decisions: [],
    services: [],
    slos: [],
    incidents: [],
    postmortems: [],
    capacity: [],
    migrations: [],
  };
  return ok({ model, caveats });
}

/**
 * The project calendar in the program's terms: working weekdays, one set of hours for all of them
 * (the first working day's; a week with different hours per day is a caveat), and whole non-working
 * exception days as holidays. MSPDI has no time zone: UTC.
 */
function programCalendar(
  project: MspdiProject,
  note: (message: string, where?: { line?: number; subject?: string }) => void,
): WorkingCalendar {
  const cal = project.calendars.get(project.calendarUid);
  const fallback: WorkingCalendar = {
    timezone: 'UTC',
    workdays: ['mon', 'tue', 'wed', 'thu', 'fri'],
    hours: ['09:00-17:00'],
    holidays: [],
  };
  if (!cal) return fallback;
  const subject = `Calendar UID ${cal.uid}`;
  const week = cal.definition.week;
  const workdays = WEEKDAYS.filter((_, i) => (week[i]?.length ?? 0) > 0);
  const first = week.find((spans) => spans.length > 0);
  if (!first || workdays.length === 0) return fallback;
  const same = week.every((spans) => spans.length === 0 || JSON.stringify(spans) === JSON.stringify(first));
  if (!same)
    note(
      `calendar "${cal.name}" works different hours on different weekdays; every working day gets ${first.map((s) => `${hhmm(s.start)}-${hhmm(s.end)}`).join(', ')}`,
      {
        line: cal.line,
        subject,
      },
    );
  const holidays: { date: CalendarDate; name?: string }[] = [];
  for (const e of cal.definition.exceptions) {
    if (e.spans.length > 0) continue;
    const from = Date.parse(`${e.from}T00:00:00Z`);
    const to = Date.parse(`${e.to}T00:00:00Z`);
    const days = Math.round((to - from) / 86_400_000) + 1;
    if (!(days >= 1) || days > MAX_HOLIDAY_SPAN_DAYS) {
      note(`calendar "${cal.name}": the non-working exception ${e.from}..${e.to} is too long to copy as holidays`, {
        line: cal.line,
        subject,
      });
      continue;
    }
    for (let k = 0; k < days; k++) {
      const date = new Date(from + k * 86_400_000).toISOString().slice(0, 10) as CalendarDate;
      holidays.push({ date, ...(e.name ? { name: e.name } : {}) });
    }
  }
  return { timezone: 'UTC', workdays, hours: first.map((s) => `${hhmm(s.start)}-${hhmm(s.end)}`), holidays };
}
