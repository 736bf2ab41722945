import { describe, expect, it } from 'vitest';
import type { ProgramModel } from '../../domain/program-model.js';
import { itemsCsv } from './csv.js';
import { dependencyDot } from './dot.js';
import type { ExportInput } from './export-input.js';
import { milestonesIcal } from './ical.js';
import { mermaidGantt } from './mermaid.js';

const item = (id: string, title: string, extra: object = {}) => ({
  id,
  title,
  kind: 'task',
  effort: 1,
  state: 'not-started',
  tags: [],
  links: [],
  stakeholders: [],
  ...extra,
});
const model = {
  program: { id: 'p', name: 'Edge; "refresh", phase 1: go', start: '2027-01-04', target: '2027-06-30' },
  teams: [{ id: 'net', name: 'Net "core"', capacity: 2, exceptions: [] }],
  workstreams: [],
  items: [
    item('a', '=HYPERLINK("http://evil")', { team: 'net', estimate: 3 }),
    item('b', 'Line one\nline two, with "quotes"', { team: 'net' }),
    item('m', `Go-live: ${'é'.repeat(60)}`, { kind: 'milestone', target: '2027-03-01', stakeholders: ['CFO'] }),
  ],
  dependencies: [{ from: 'a', to: 'b', type: 'SS', lag: -2, state: 'requested' }],
  risks: [],
  decisions: [],
} as unknown as ProgramModel;
const planned = (id: string, start: string, finish: string) => ({
  id,
  start,
  finish,
  lateStart: start,
  lateFinish: finish,
  totalFloat: 0,
  freeFloat: 0,
  critical: id !== 'b',
});
const input: ExportInput = {
  model,
  plan: {
    finish: '2027-03-05T17:00',
    criticalPath: ['a', 'm'],
    items: [
      planned('a', '2027-01-04T09:00', '2027-01-06T17:00'),
      planned('b', '2027-01-04T09:00', '2027-01-04T17:00'),
      planned('m', '2027-03-05T17:00', '2027-03-05T17:00'),
    ],
  },
};

describe('exports, escaping what their formats cannot hold', () => {
  it('CSV quotes commas, quotes and line breaks, and disarms formulas', () => {
    const lines = itemsCsv(input).split('\r\n');
    expect(lines[1]).toMatch(/^a,"'=HYPERLINK\(""http:\/\/evil""\)",task,net,/);
    expect(itemsCsv(input)).toContain('"Line one\nline two, with ""quotes"""');
  });

  it('iCalendar escapes text and folds long lines at 75 octets without splitting a character', () => {
    const text = milestonesIcal(input, new Date(Date.UTC(2026, 10, 26, 12, 0, 0)));
    expect(text).toContain('X-WR-CALNAME:Edge\\; "refresh"\\, phase 1: go: milestones');
    expect(text).toContain('DTSTAMP:20261126T120000Z');
    for (const line of text.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    const unfolded = text.replace(/\r\n /g, '');
    expect(unfolded).toContain('DESCRIPTION:Target 2027-03-01\\; the plan has it on 2027-03-05\\, late.\\nStakeholders: CFO.');
    expect(unfolded).toContain(`SUMMARY:Go-live: ${'é'.repeat(60)} (Edge\\; "refresh"\\, phase 1: go)`);
  });

  it('DOT escapes quotes and labels links that are not plain finish-to-start', () => {
    const dot = dependencyDot(input);
    expect(dot).toContain('label="Net \\"core\\""');
    expect(dot).toContain('"a" -> "b" [label="SS -2d", style=dashed, xlabel="requested"]');
  });

  it('Mermaid gantt labels lose the characters its grammar cannot hold', () => {
    const gantt = mermaidGantt(input, 'team');
    expect(gantt).toContain('title Edge, "refresh", phase 1 - go');
    expect(gantt).toContain('a =HYPERLINK("http -//evil") :crit, n_a, 2027-01-04, 2027-01-06');
    expect(gantt).toContain('b Line one line two, with "quotes" :n_b, 2027-01-04, 2027-01-05');
  });
});
