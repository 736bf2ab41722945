import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../../domain/calendar-date.js';
import type { ProgramModel } from '../../../domain/program-model.js';
import type { WorkItem } from '../../../domain/work-item.js';
import { insightInput } from '../test-input.js';
import { itemStale, scopeAdded } from './history-rules.js';

const item = (id: string, state: WorkItem['state']): WorkItem =>
  ({
    id,
    title: id,
    kind: 'task',
    team: 'net',
    estimate: 5,
    effort: 1,
    state,
    tags: [],
    links: [],
    stakeholders: [],
  }) as unknown as WorkItem;

const model = {
  program: {
    id: 'p',
    name: 'P',
    start: '2027-01-04',
    target: '2027-06-30',
    calendar: { timezone: 'UTC', workdays: ['mon', 'tue', 'wed', 'thu', 'fri'], hours: ['09:00-17:00'], holidays: [] },
  },
  teams: [{ id: 'net', name: 'Network', capacity: 3, exceptions: [] }],
  workstreams: [],
  items: [item('a', 'in-progress'), item('b', 'blocked'), item('c', 'in-progress'), item('d', 'not-started')],
  dependencies: [],
  risks: [],
  decisions: [],
} as unknown as ProgramModel;

const day = (d: string) => d as CalendarDate;

describe('history rules', () => {
  it('flags work in progress or blocked that has not changed for more than the stale days', () => {
    const lastChanged = new Map([
      ['a', day('2027-02-01')],
      ['b', day('2027-02-10')],
      ['c', day('2027-02-20')],
      ['d', day('2027-01-01')],
    ]);
    const findings = itemStale(insightInput(model, day('2027-02-25'), { lastChanged, staleDays: 14 }));
    expect(findings.map((f) => f.key)).toEqual(['item-stale:a', 'item-stale:b']);
    expect(findings[0]?.explanation).toContain('has not changed since 2027-02-01');
    expect(itemStale(insightInput(model, day('2027-02-25')))).toEqual([]);
  });

  it('lists the items added since the baseline', () => {
    const baseline = { name: 'q1-plan', items: new Set(['a', 'b']) };
    const [finding, ...rest] = scopeAdded(insightInput(model, day('2027-01-04'), { baseline }));
    expect(rest).toEqual([]);
    expect(finding?.items).toEqual(['c', 'd']);
    expect(finding?.severity).toBe('high');
    expect(finding?.title).toBe('2 items added since baseline "q1-plan"');
  });
});
