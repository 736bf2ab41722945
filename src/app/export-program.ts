import type { CalendarDate } from '../domain/calendar-date.js';
import type { ProgramModel } from '../domain/program-model.js';
import { ok, type Result } from '../domain/result.js';
import { itemsCsv } from '../formats/exports/csv.js';
import { dependencyDot } from '../formats/exports/dot.js';
import type { ExportInput } from '../formats/exports/export-input.js';
import { milestonesIcal } from '../formats/exports/ical.js';
import { mermaidDependencies, mermaidGantt } from '../formats/exports/mermaid.js';
import { writeProgram } from '../formats/program-yaml/write-program.js';
import { type PlanError, planProgram } from './plan-program.js';

export const EXPORT_FORMATS = {
  'mermaid-gantt': { extension: 'mmd', what: 'Mermaid gantt chart of the plan, by workstream' },
  'mermaid-deps': { extension: 'mmd', what: 'Mermaid flowchart of the cross-team dependencies' },
  dot: { extension: 'dot', what: 'Graphviz DOT of all dependencies, clustered by team, critical path in red' },
  csv: { extension: 'csv', what: 'CSV of items with estimates, dependencies and planned dates' },
  ical: { extension: 'ics', what: 'iCalendar of the milestones (subscribe-safe stable UIDs)' },
  json: { extension: 'json', what: 'the program file (JSON) and its plan' },
} as const;
export type ExportFormat = keyof typeof EXPORT_FORMATS;

export function isExportFormat(name: string): name is ExportFormat {
  return Object.hasOwn(EXPORT_FORMATS, name);
}

/** The program in one of the export formats, planned from `asOf`; `now` stamps calendar exports. */
export function exportProgram(
  model: ProgramModel,
  format: ExportFormat,
  options: { asOf?: CalendarDate; now: Date },
): Result<string, PlanError> {
  const planned = planProgram(model, options.asOf !== undefined ? { asOf: options.asOf } : {});
  if (!planned.ok) return planned;
  const plan = planned.value;
  const input: ExportInput = {
    model,
    plan: {
      finish: String(plan.finish),
      criticalPath: plan.criticalPath,
      items: plan.items.map((i) => ({
        id: i.id,
        start: String(i.start),
        finish: String(i.finish),
        lateStart: String(i.lateStart),
        lateFinish: String(i.lateFinish),
        totalFloat: i.totalFloat,
        freeFloat: i.freeFloat,
        critical: i.critical,
      })),
    },
  };
  switch (format) {
    case 'mermaid-gantt':
      return ok(mermaidGantt(input));
    case 'mermaid-deps':
      return ok(mermaidDependencies(input));
    case 'dot':
      return ok(dependencyDot(input));
    case 'csv':
      return ok(itemsCsv(input));
    case 'ical':
      return ok(milestonesIcal(input, options.now));
    case 'json':
      return ok(`${JSON.stringify({ program: JSON.parse(writeProgram(model, 'json')), plan }, null, 2)}\n`);
  }
}
