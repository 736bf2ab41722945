import { err, ok, type Result } from '../../domain/result.js';
import { formatDay, MINUTES_PER_DAY } from '../../engine/calendar/local-date-time.js';
import { WorkingCalendar } from '../../engine/calendar/working-calendar.js';
import type { CpmResult } from '../../engine/cpm/critical-path.js';
import { emptyConstraints, LINK, type ScheduleNetwork } from '../../engine/cpm/network.js';
import { buildGraph } from '../../engine/graph.js';
import type { MspdiProblem, MspdiProject, MspdiTask } from './mspdi-project.js';
import { ELAPSED_FORMATS, PERCENT_FORMATS } from './mspdi-values.js';

/** A summary task and the scheduled (leaf) tasks under it, as node indexes. */
export interface MspdiSummary {
  readonly uid: string;
  readonly leaves: Int32Array;
}

/**
 * An MSPDI project as a schedule network in **working minutes of the project calendar**, offset 0
 * being midnight at the start of the project's first day. Nodes are the active, non-summary tasks,
 * in file order.
 */
export interface MspdiNetwork {
  readonly network: ScheduleNetwork;
  readonly calendar: WorkingCalendar;
  /** Node index → task UID. */
  readonly uids: readonly string[];
  readonly nodeOf: ReadonlyMap<string, number>;
  /** The project start as an offset: pass it to `criticalPath` as `projectStart`. */
  readonly projectStart: number;
  /** Total slack (working minutes) at or below which MS Project calls a task critical. */
  readonly criticalSlack: number;
  /** 1 for tasks 100 % complete: MS Project never flags them critical. */
  readonly complete: Uint8Array;
  readonly summaries: readonly MspdiSummary[];
  /** Every place where the network is not exactly what MS Project schedules, with the reason. Empty = exact. */
  readonly caveats: readonly MspdiProblem[];
}

/**
 * Builds the network MS Project's forward and backward passes work on:
 * - durations from `Duration`; lags from `LinkLag` (working minutes; elapsed and percentage lags are
 *   converted approximately and listed in `caveats`);
 * - constraints as MS Project honours them: SNET and FNET bound the early start; MSO and MFO fix the
 *   start (links cannot move it, unless the project's HonorConstraints is off: then they only bound
 *   it from below) and bound the late finish; SNLT and FNLT bound the late finish;
 *   ALAP schedules like ASAP for early and late dates; a `Deadline` bounds the late finish;
 * - progress: a started task's start is fixed at its actual start; a finished task's late dates are
 *   its actual dates;
 * - summary tasks are not activities: a link to or from a summary applies to every scheduled task under it;
 * - inactive tasks and their links are left out, as MS Project does.
 */
export function mspdiNetwork(project: MspdiProject): Result<MspdiNetwork, MspdiProblem[]> {
  const file = project.file;
  const projectCal = project.calendars.get(project.calendarUid);
  if (!projectCal)
    return err([{ code: 'unknown-reference', message: `the project calendar UID ${project.calendarUid} is not defined`, file }]);
  const origin = formatDay(Math.floor(project.startDate / MINUTES_PER_DAY));
  const compiled = WorkingCalendar.compile({ ...projectCal.definition, minutesPerDay: project.minutesPerDay }, origin);
  if (!compiled.ok) {
    return err(
      compiled.error.map((p) => ({
        code: 'bad-value' as const,
        message: `project calendar "${projectCal.name}" (UID ${projectCal.uid}): ${p.message}`,
        file,
        line: projectCal.line,
        subject: `Calendar UID ${projectCal.uid}`,
      })),
    );
  }
  const cal = compiled.value;
  const caveats: MspdiProblem[] = [...project.caveats];
  const note = (t: MspdiTask | undefined, message: string, line?: number) =>
    caveats.push({
      code: 'unsupported',
      message: t ? `Task UID ${t.uid} (${t.name}): ${message}` : message,
      file,
      ...(line !== undefined || t ? { line: line ?? (t as MspdiTask).line } : {}),
      ...(t ? { subject: `Task UID ${t.uid}` } : {}),
    });

  // Outline: a task's parent is the nearest task above it with a lower outline level.
  const tasks = project.tasks;
  const parent = new Int32Array(tasks.length).fill(-1);
  const stack: number[] = [];
  tasks.forEach((t, i) => {
    while (stack.length > 0 && (tasks[stack[stack.length - 1] as number] as MspdiTask).outlineLevel >= t.outlineLevel) stack.pop();
    parent[i] = stack.length > 0 ? (stack[stack.length - 1] as number) : -1;
    stack.push(i);
  });
  const inactive = new Uint8Array(tasks.length);
  tasks.forEach((t, i) => {
    const p = parent[i] as number;
    inactive[i] = !t.active || (p >= 0 && inactive[p] === 1) ? 1 : 0;
  });

  const uids: string[] = [];
  const nodeOf = new Map<string, number>();
  const indexOfUid = new Map<string, number>();
  tasks.forEach((t, i) => {
    indexOfUid.set(t.uid, i);
    if (!t.summary && inactive[i] === 0) {
      nodeOf.set(t.uid, uids.length);
      uids.push(t.uid);
    }
  });
  const leavesOf = new Map<number, number[]>();
  tasks.forEach((t, i) => {
    const node = nodeOf.get(t.uid);
    if (node === undefined) return;
    for (let p = parent[i] as number; p >= 0; p = parent[p] as number) {
      const list = leavesOf.get(p);
      if (list) list.push(node);
      else leavesOf.set(p, [node]);
    }
  });
  const nodesFor = (uid: string): number[] => {
    const node = nodeOf.get(uid);
    if (node !== undefined) return [node];
    const i = indexOfUid.get(uid);
    if (i === undefined || inactive[i] === 1) return [];
    return leavesOf.get(i) ?? [];
  };

  const n = uids.length;
  const duration = new Float64Array(n);
  const { notBefore, finishBy, fixedStart } = emptyConstraints(n);
  const complete = new Uint8Array(n);
  const projectSame = sameCalendar(project, project.calendarUid);
  const resourceCalendar = new Map(project.resources.map((r) => [r.uid, r.calendarUid]));
  const assignmentsOf = new Map<string, string[]>();
  for (const a of project.assignments) {
    const list = assignmentsOf.get(a.taskUid) ?? [];
    list.push(a.resourceUid);
    assignmentsOf.set(a.taskUid, list);
  }

  for (let v = 0; v < n; v++) {
    const t = tasks[indexOfUid.get(uids[v] as string) as number] as MspdiTask;
    const d = t.duration;
    duration[v] = d;
    if (t.calendarUid !== undefined && !projectSame(t.calendarUid)) {
      note(t, `runs on its own calendar UID ${t.calendarUid}; its duration and lags are counted on the project calendar here`);
    }
    for (const r of assignmentsOf.get(t.uid) ?? []) {
      const rc = resourceCalendar.get(r);
      if (rc !== undefined && !projectSame(rc) && t.calendarUid === undefined) {
        note(
          t,
          `is assigned resource UID ${r} whose calendar UID ${rc} differs from the project calendar; MS Project schedules its work on that calendar`,
        );
      }
    }
    const at = (local: number) => cal.offsetOf(local);
    switch (t.constraintType) {
      case 'SNET':
        notBefore[v] = at(t.constraintDate as number);
        break;
      case 'FNET':
        notBefore[v] = at(t.constraintDate as number) - d;
        break;
      // When the project does not honour constraint dates over links, links may push MSO/MFO tasks later.
      case 'MSO':
        if (project.honorConstraints) fixedStart[v] = at(t.constraintDate as number);
        else notBefore[v] = at(t.constraintDate as number);
        finishBy[v] = at(t.constraintDate as number) + d;
        break;
      case 'MFO':
        if (project.honorConstraints) fixedStart[v] = at(t.constraintDate as number) - d;
        else notBefore[v] = at(t.constraintDate as number) - d;
        finishBy[v] = at(t.constraintDate as number);
        break;
      case 'SNLT':
        finishBy[v] = at(t.constraintDate as number) + d;
        break;
      case 'FNLT':
        finishBy[v] = at(t.constraintDate as number);
        break;
      default:
        break;
    }
    if (t.deadline !== undefined) finishBy[v] = Math.min(finishBy[v] as number, at(t.deadline));
    if (t.manual) note(t, 'is manually scheduled: MS Project does not move it with its links; it is scheduled automatically here');
    if (t.durationFormat !== undefined && ELAPSED_FORMATS.has(t.durationFormat)) {
      note(t, 'has an elapsed duration (calendar time, nights and weekends included); it is counted as working time here');
    } else if (t.start !== undefined && t.finish !== undefined && t.percentComplete === 0 && !t.manual) {
      // MS Project's own dates must span exactly the duration on the project calendar; if not, the
      // task is split, or MS Project scheduled it on another (resource or task) calendar.
      const span = at(t.finish) - at(t.start);
      if (Math.abs(span - d) > 1e-6) {
        note(
          t,
          `MS Project stored it over ${span} working minutes of the project calendar for a duration of ${d}: it is split or scheduled on another calendar`,
        );
      }
    }
    if (t.percentComplete > 0) {
      const started = t.actualStart ?? t.start;
      if (started !== undefined) fixedStart[v] = at(started);
      if (t.percentComplete >= 100) {
        complete[v] = 1;
        finishBy[v] = Math.min(finishBy[v] as number, (fixedStart[v] as number) + d);
      }
    }
  }

  const from: number[] = [];
  const to: number[] = [];
  const types: number[] = [];
  const lags: number[] = [];
  for (const t of tasks) {
    const succs = nodesFor(t.uid);
    for (const link of t.predecessors) {
      const preds = nodesFor(link.predecessorUid);
      if (preds.length === 0 || succs.length === 0) continue;
      const predTask = tasks[indexOfUid.get(link.predecessorUid) as number] as MspdiTask;
      let lag = link.lag;
      if (ELAPSED_FORMATS.has(link.lagFormat)) {
        lag = (link.lag * project.minutesPerWeek) / (7 * MINUTES_PER_DAY);
        note(
          t,
          `the link from UID ${link.predecessorUid} has an elapsed lag; it is converted at the average working share of a week`,
          link.line,
        );
      } else if (PERCENT_FORMATS.has(link.lagFormat)) {
        lag = (link.lag * 10 * predTask.duration) / 100;
        note(
          t,
          `the link from UID ${link.predecessorUid} has a percentage lag, read as LinkLag per cent of the predecessor's duration`,
          link.line,
        );
      }
      if (predTask.summary || t.summary)
        note(t, `the link from UID ${link.predecessorUid} involves a summary task; it is applied to every task under it`, link.line);
      for (const p of preds) {
        for (const s of succs) {
          if (p === s) continue;
          from.push(p);
          to.push(s);
          types.push(LINK[link.type]);
          lags.push(lag);
        }
      }
    }
  }

  const network: ScheduleNetwork = {
    graph: buildGraph(n, Int32Array.from(from), Int32Array.from(to)),
    linkType: Uint8Array.from(types),
    lag: Float64Array.from(lags),
    duration,
    notBefore,
    finishBy,
    fixedStart,
  };
  const summaries: MspdiSummary[] = [];
  tasks.forEach((t, i) => {
    if (t.summary && inactive[i] === 0) summaries.push({ uid: t.uid, leaves: Int32Array.from(leavesOf.get(i) ?? []) });
  });
  return ok({
    network,
    calendar: cal,
    uids,
    nodeOf,
    projectStart: cal.offsetOf(project.startDate),
    criticalSlack: project.criticalSlackLimit * project.minutesPerDay,
    complete,
    summaries,
    caveats,
  });
}

/** True when calendar `uid` has the same working time as calendar `reference` (same weekdays and exceptions after inheritance). */
function sameCalendar(project: MspdiProject, reference: string): (uid: string) => boolean {
  const key = (uid: string) => {
    const c = project.calendars.get(uid);
    return c ? JSON.stringify([c.definition.week, c.definition.exceptions.map((e) => [e.from, e.to, e.spans])]) : `missing ${uid}`;
  };
  const ref = key(reference);
  const memo = new Map<string, boolean>();
  return (uid) => {
    const known = memo.get(uid);
    if (known !== undefined) return known;
    const same = key(uid) === ref;
    memo.set(uid, same);
    return same;
  };
}

/** Early and late dates of summary tasks, rolled up from the tasks under them as MS Project does; total slack is the smaller of start and finish slack. */
export interface SummaryDates {
  readonly uid: string;
  readonly earlyStart: number;
  readonly earlyFinish: number;
  readonly lateStart: number;
  readonly lateFinish: number;
  readonly totalSlack: number;
  readonly critical: boolean;
}

export function summaryDates(net: MspdiNetwork, cpm: CpmResult): SummaryDates[] {
  const out: SummaryDates[] = [];
  for (const s of net.summaries) {
    if (s.leaves.length === 0) continue;
    let es = Number.POSITIVE_INFINITY;
    let ef = Number.NEGATIVE_INFINITY;
    let ls = Number.POSITIVE_INFINITY;
    let lf = Number.NEGATIVE_INFINITY;
    for (const v of s.leaves) {
      es = Math.min(es, cpm.earlyStart[v] as number);
      ef = Math.max(ef, cpm.earlyFinish[v] as number);
      ls = Math.min(ls, cpm.lateStart[v] as number);
      lf = Math.max(lf, cpm.lateFinish[v] as number);
    }
    const totalSlack = Math.min(ls - es, lf - ef);
    out.push({
      uid: s.uid,
      earlyStart: es,
      earlyFinish: ef,
      lateStart: ls,
      lateFinish: lf,
      totalSlack,
      critical: totalSlack <= net.criticalSlack + 1e-9,
    });
  }
  return out;
}

/** MS Project's Critical flag for each node: total slack at or below the project's limit, and never for finished work. */
export function criticalFlags(net: MspdiNetwork, cpm: CpmResult): Uint8Array {
  const out = new Uint8Array(net.uids.length);
  for (let v = 0; v < out.length; v++) {
    out[v] = net.complete[v] === 0 && (cpm.totalFloat[v] as number) <= net.criticalSlack + 1e-9 ? 1 : 0;
  }
  return out;
}
