import type { CalendarDate } from '../../domain/calendar-date.js';
import { utcDay } from './jira-dates.js';
import type { SprintValue } from './jira-issue-schema.js';

export interface Sprint {
  readonly name?: string;
  /** Lower case: active, future, closed. */
  readonly state?: string;
  /** ISO date-time, or undefined for a sprint not yet planned. */
  readonly startDate?: string;
}

// Data Center writes each sprint as Java's toString of the sprint object:
// com.atlassian.greenhopper.service.sprint.Sprint@1a2b[id=3,rapidViewId=1,state=ACTIVE,name=Sprint 3,startDate=2015-…,endDate=…]
// A name may hold commas, so each attribute is found by its `,name=` boundary rather than split.
const DC_STATE = /[[,]state=([A-Za-z]+)/;
const DC_START = /[[,]startDate=([^,\]]*)/;
const DC_NAME =
  /[[,]name=(.*?)(?:,(?:startDate|endDate|completeDate|activatedDate|sequence|goal|autoStartStop|synced|incompleteIssuesDestinationId)=|\]$)/;

/** One sprint from either form. */
export function readSprint(value: SprintValue): Sprint {
  if (typeof value !== 'string') {
    const out: { name?: string; state?: string; startDate?: string } = {};
    if (value.name) out.name = value.name;
    if (value.state) out.state = value.state.toLowerCase();
    if (value.startDate) out.startDate = value.startDate;
    return out;
  }
  const out: { name?: string; state?: string; startDate?: string } = {};
  const state = DC_STATE.exec(value)?.[1];
  if (state) out.state = state.toLowerCase();
  const start = DC_START.exec(value)?.[1];
  if (start && start !== '<null>') out.startDate = start;
  const name = DC_NAME.exec(value)?.[1];
  if (name) out.name = name;
  else if (!value.includes('[')) out.name = value;
  return out;
}

/**
 * The day work may start, from the issue's sprints: the start (calendar day, UTC) of the latest
 * active or future sprint that has a start date. Closed sprints and unplanned ones say nothing.
 */
export function sprintStart(values: readonly SprintValue[]): CalendarDate | undefined {
  let latest: CalendarDate | undefined;
  for (const v of values) {
    const s = readSprint(v);
    if ((s.state !== 'active' && s.state !== 'future') || s.startDate === undefined) continue;
    const day = utcDay(s.startDate);
    if (day !== undefined && (latest === undefined || day > latest)) latest = day;
  }
  return latest;
}
