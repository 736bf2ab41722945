import { err, ok, type Result } from '../../domain/result.js';
import { type LocalMinute, parseLocalDateTime } from '../../engine/calendar/local-date-time.js';
import { readCalendars } from './mspdi-calendars.js';
import {
  CONSTRAINTS,
  type LinkType,
  type MspdiAssignment,
  type MspdiLink,
  type MspdiProblem,
  type MspdiProject,
  type MspdiResource,
  type MspdiTask,
} from './mspdi-project.js';
import { parseDurationMinutes, parseFlag, parseNumber } from './mspdi-values.js';
import { child, children, childText, parseXml, type XmlElement } from './xml-tree.js';

/** `PredecessorLink/Type`: 0 = FF, 1 = FS, 2 = SF, 3 = SS. */
const LINK_TYPES: readonly LinkType[] = ['FF', 'FS', 'SF', 'SS'];

/**
 * Reads an MS Project XML (MSPDI) document — the text, already gunzipped by the caller — into what
 * scheduling needs: project settings, calendars with inheritance resolved, tasks with their stored
 * dates and links, resources and assignments. Ids are the file's own UIDs. Every problem found is
 * returned (not just the first), each with the line of the element it is about.
 */
export function readMspdi(text: string, file: string): Result<MspdiProject, MspdiProblem[]> {
  const parsed = parseXml(text);
  if (!parsed.ok) {
    const e = parsed.error;
    return err([
      {
        code: 'xml-syntax',
        message: `not well-formed XML: ${e.message}`,
        hint: 'the file is damaged or not XML; save it again from MS Project as XML',
        file,
        line: e.line,
      },
    ]);
  }
  const root = parsed.value;
  if (root.name !== 'Project') {
    return err([
      {
        code: 'not-mspdi',
        message: `the root element is <${root.name}>, not <Project>`,
        hint: 'this is not an MS Project XML file; in MS Project use File › Save As › XML',
        file,
        line: root.line,
      },
    ]);
  }
  const problems: MspdiProblem[] = [];
  const caveats: MspdiProblem[] = [];

  const dateOf = (el: XmlElement, name: string, subject?: string): LocalMinute | undefined => {
    const c = child(el, name);
    if (!c || c.text === '') return undefined;
    const t = parseLocalDateTime(c.text);
    if (t === undefined) {
      problems.push({
        code: 'bad-value',
        message: `${subject ? `${subject}: ` : ''}<${name}> "${c.text}" is not a date-time`,
        hint: 'write it as YYYY-MM-DDTHH:MM:SS',
        file,
        line: c.line,
        ...(subject ? { subject } : {}),
      });
    }
    return t;
  };
  const numberOf = (el: XmlElement, name: string, subject: string): number | undefined => {
    const c = child(el, name);
    if (!c || c.text === '') return undefined;
    const v = parseNumber(c.text);
    if (v === undefined)
      problems.push({ code: 'bad-value', message: `${subject}: <${name}> "${c.text}" is not a number`, file, line: c.line, subject });
    return v;
  };
  const durationOf = (el: XmlElement, name: string, subject: string): number | undefined => {
    const c = child(el, name);
    if (!c || c.text === '') return undefined;
    const v = parseDurationMinutes(c.text);
    if (v === undefined) {
      problems.push({
        code: 'bad-value',
        message: `${subject}: <${name}> "${c.text}" is not an ISO 8601 duration in hours, minutes and seconds`,
        hint: 'write it as PT8H0M0S',
        file,
        line: c.line,
        subject,
      });
    }
    return v;
  };

  const startDate = dateOf(root, 'StartDate');
  if (startDate === undefined && !problems.some((p) => p.message.includes('<StartDate>'))) {
    problems.push({
      code: 'missing-element',
      message: 'the project has no <StartDate>',
      hint: 'set the project start date in MS Project and save again',
      file,
      line: root.line,
    });
  }
  const finishDate = dateOf(root, 'FinishDate');
  const calendarUid = childText(root, 'CalendarUID') ?? '1';
  const { calendars, problems: calendarProblems, caveats: calendarCaveats } = readCalendars(root, file);
  problems.push(...calendarProblems);
  caveats.push(...calendarCaveats);
  if (!calendars.has(calendarUid)) {
    problems.push({
      code: 'unknown-reference',
      message: `the project calendar UID ${calendarUid} is not among the file's <Calendars>`,
      hint: 'set <CalendarUID> to one of the calendars defined in the file',
      file,
      line: child(root, 'CalendarUID')?.line ?? root.line,
    });
  }

  const tasks: MspdiTask[] = [];
  const taskEls = child(root, 'Tasks');
  for (const el of taskEls ? children(taskEls, 'Task') : []) {
    const uid = childText(el, 'UID');
    if (uid === undefined) {
      problems.push({
        code: 'missing-element',
        message: 'a <Task> has no <UID>',
        hint: 'every task needs a unique UID',
        file,
        line: el.line,
      });
      continue;
    }
    const subject = `Task UID ${uid}`;
    if (parseFlag(childText(el, 'IsNull')) === true) continue;
    const summary = parseFlag(childText(el, 'Summary')) ?? false;
    const duration = durationOf(el, 'Duration', subject);
    if (duration === undefined && !summary && !problems.some((p) => p.subject === subject && p.message.includes('<Duration>'))) {
      problems.push({
        code: 'missing-element',
        message: `${subject} has no <Duration>`,
        hint: 'give the task a duration such as PT8H0M0S',
        file,
        line: el.line,
        subject,
      });
    }
    const ct = numberOf(el, 'ConstraintType', subject) ?? 0;
    const constraintType = CONSTRAINTS[ct];
    if (constraintType === undefined) {
      problems.push({
        code: 'bad-value',
        message: `${subject}: ConstraintType ${ct} is not 0-7`,
        hint: '0 ASAP, 1 ALAP, 2 MSO, 3 MFO, 4 SNET, 5 SNLT, 6 FNET, 7 FNLT',
        file,
        line: el.line,
        subject,
      });
    }
    const constraintDate = dateOf(el, 'ConstraintDate', subject);
    if (constraintType !== undefined && constraintType !== 'ASAP' && constraintType !== 'ALAP' && constraintDate === undefined) {
      problems.push({
        code: 'missing-element',
        message: `${subject} has a ${constraintType} constraint without a <ConstraintDate>`,
        hint: 'add the constraint date or set the constraint to ASAP',
        file,
        line: el.line,
        subject,
      });
    }
    const predecessors: MspdiLink[] = [];
    for (const link of children(el, 'PredecessorLink')) {
      const pred = childText(link, 'PredecessorUID');
      const typeCode = parseNumber(childText(link, 'Type')) ?? 1;
      const type = LINK_TYPES[typeCode];
      if (pred === undefined) {
        problems.push({
          code: 'missing-element',
          message: `${subject}: a <PredecessorLink> has no <PredecessorUID>`,
          file,
          line: link.line,
          subject,
        });
        continue;
      }
      if (type === undefined) {
        problems.push({
          code: 'bad-value',
          message: `${subject}: link from UID ${pred} has Type ${typeCode}`,
          hint: 'use 0 (FF), 1 (FS), 2 (SF) or 3 (SS)',
          file,
          line: link.line,
          subject,
        });
        continue;
      }
      const lagTenths = numberOf(link, 'LinkLag', subject) ?? 0;
      predecessors.push({
        predecessorUid: pred,
        type,
        lag: lagTenths / 10,
        lagFormat: numberOf(link, 'LagFormat', subject) ?? 7,
        line: link.line,
      });
    }
    const cal = childText(el, 'CalendarUID');
    const slack = (name: string) => {
      const v = numberOf(el, name, subject);
      return v === undefined ? undefined : v / 10;
    };
    const optional = {
      id: childText(el, 'ID'),
      remainingDuration: durationOf(el, 'RemainingDuration', subject),
      durationFormat: numberOf(el, 'DurationFormat', subject),
      start: dateOf(el, 'Start', subject),
      finish: dateOf(el, 'Finish', subject),
      earlyStart: dateOf(el, 'EarlyStart', subject),
      earlyFinish: dateOf(el, 'EarlyFinish', subject),
      lateStart: dateOf(el, 'LateStart', subject),
      lateFinish: dateOf(el, 'LateFinish', subject),
      actualStart: dateOf(el, 'ActualStart', subject),
      actualFinish: dateOf(el, 'ActualFinish', subject),
      totalSlack: slack('TotalSlack'),
      freeSlack: slack('FreeSlack'),
      critical: parseFlag(childText(el, 'Critical')),
      constraintDate,
      deadline: dateOf(el, 'Deadline', subject),
      calendarUid: cal === undefined || cal === '-1' ? undefined : cal,
    };
    tasks.push({
      uid,
      name: childText(el, 'Name') ?? '',
      line: el.line,
      summary,
      milestone: parseFlag(childText(el, 'Milestone')) ?? false,
      outlineLevel: numberOf(el, 'OutlineLevel', subject) ?? 1,
      active: parseFlag(childText(el, 'Active')) ?? true,
      manual: parseFlag(childText(el, 'Manual')) ?? false,
      isNull: false,
      duration: duration ?? 0,
      constraintType: constraintType ?? 'ASAP',
      percentComplete: numberOf(el, 'PercentComplete', subject) ?? 0,
      predecessors,
      ...definedOnly(optional),
    });
  }

  const taskUids = new Set<string>();
  for (const t of tasks) {
    if (taskUids.has(t.uid)) {
      problems.push({
        code: 'bad-value',
        message: `Task UID ${t.uid} is used by more than one task`,
        hint: 'UIDs identify tasks; give each task its own',
        file,
        line: t.line,
        subject: `Task UID ${t.uid}`,
      });
    }
    taskUids.add(t.uid);
  }
  for (const t of tasks) {
    for (const link of t.predecessors) {
      if (!taskUids.has(link.predecessorUid)) {
        problems.push({
          code: 'unknown-reference',
          message: `Task UID ${t.uid} has a predecessor UID ${link.predecessorUid} that is not a task of this file`,
          hint: 'remove the link or add the task (links to other projects are not supported)',
          file,
          line: link.line,
          subject: `Task UID ${t.uid}`,
        });
      }
    }
    if (t.calendarUid !== undefined && !calendars.has(t.calendarUid)) {
      problems.push({
        code: 'unknown-reference',
        message: `Task UID ${t.uid} uses calendar UID ${t.calendarUid}, which is not defined`,
        file,
        line: t.line,
        subject: `Task UID ${t.uid}`,
      });
    }
  }

  const resources: MspdiResource[] = [];
  const resEls = child(root, 'Resources');
  for (const el of resEls ? children(resEls, 'Resource') : []) {
    const uid = childText(el, 'UID');
    if (uid === undefined) {
      problems.push({ code: 'missing-element', message: 'a <Resource> has no <UID>', file, line: el.line });
      continue;
    }
    const cal = childText(el, 'CalendarUID');
    resources.push({
      uid,
      name: childText(el, 'Name') ?? '',
      line: el.line,
      maxUnits: numberOf(el, 'MaxUnits', `Resource UID ${uid}`) ?? 1,
      ...(cal !== undefined && cal !== '-1' ? { calendarUid: cal } : {}),
    });
  }
  const resourceUids = new Set(resources.map((r) => r.uid));

  const assignments: MspdiAssignment[] = [];
  const asgEls = child(root, 'Assignments');
  for (const el of asgEls ? children(asgEls, 'Assignment') : []) {
    const taskUid = childText(el, 'TaskUID');
    const resourceUid = childText(el, 'ResourceUID');
    const subject = `Assignment UID ${childText(el, 'UID') ?? '?'}`;
    if (taskUid === undefined || resourceUid === undefined) {
      problems.push({ code: 'missing-element', message: `${subject} lacks a <TaskUID> or <ResourceUID>`, file, line: el.line, subject });
      continue;
    }
    // MS Project writes unassigned work as an assignment to resource UID -65535: not a resource.
    if (!resourceUids.has(resourceUid)) continue;
    if (!taskUids.has(taskUid)) continue;
    assignments.push({ taskUid, resourceUid, units: numberOf(el, 'Units', subject) ?? 1, line: el.line });
  }

  if (problems.length > 0) return err(problems);
  const name = childText(root, 'Title') ?? childText(root, 'Name');
  return ok({
    file,
    ...(name !== undefined ? { name } : {}),
    startDate: startDate as number,
    ...(finishDate !== undefined ? { finishDate } : {}),
    scheduleFromStart: parseFlag(childText(root, 'ScheduleFromStart')) ?? true,
    minutesPerDay: parseNumber(childText(root, 'MinutesPerDay')) ?? 480,
    minutesPerWeek: parseNumber(childText(root, 'MinutesPerWeek')) ?? 2400,
    criticalSlackLimit: parseNumber(childText(root, 'CriticalSlackLimit')) ?? 0,
    calendarUid,
    honorConstraints: parseFlag(childText(root, 'HonorConstraints')) ?? true,
    calendars,
    tasks,
    resources,
    assignments,
    caveats,
  });
}

/** Drops undefined members, so optional properties are absent rather than present-and-undefined. */
function definedOnly<T extends Record<string, unknown>>(o: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out as { [K in keyof T]?: Exclude<T[K], undefined> };
}
