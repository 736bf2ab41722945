import type { ExportInput } from './export-input.js';

/**
 * One RFC 4180 field. Text that a spreadsheet would run as a formula (=, +, @, tab, CR at the
 * start) gets a leading apostrophe, so opening an export in Excel can never execute a title.
 */
function field(value: string | number | boolean | undefined, text = false): string {
  if (value === undefined) return '';
  let s = String(value);
  if (text && /^[=+@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const COLUMNS = [
  'id',
  'title',
  'kind',
  'team',
  'workstream',
  'parent',
  'state',
  'priority',
  'optimistic_days',
  'likely_days',
  'pessimistic_days',
  'depends_on',
  'start',
  'finish',
  'late_start',
  'late_finish',
  'total_float_days',
  'free_float_days',
  'critical',
] as const;

/** Items with their estimates, dependencies and planned dates: one row each, CRLF line ends. */
export function itemsCsv(input: ExportInput): string {
  const { model, plan } = input;
  const planned = new Map(plan.items.map((p) => [p.id, p]));
  const dependsOn = new Map<string, string[]>();
  for (const d of model.dependencies) dependsOn.set(d.to, [...(dependsOn.get(d.to) ?? []), d.from]);
  const rows = model.items.map((item) => {
    const p = planned.get(item.id);
    const e = item.estimate;
    const [o, m, pe] = e === undefined ? [] : typeof e === 'number' ? [e, e, e] : [e.optimistic, e.likely, e.pessimistic];
    return [
      field(item.id),
      field(item.title, true),
      field(item.kind),
      field(item.team),
      field(item.workstream),
      field(item.parent),
      field(item.state),
      field(item.priority),
      field(o),
      field(m),
      field(pe),
      field((dependsOn.get(item.id) ?? []).join(' ')),
      field(p?.start),
      field(p?.finish),
      field(p?.lateStart),
      field(p?.lateFinish),
      field(p?.totalFloat),
      field(p?.freeFloat),
      field(p?.critical),
    ].join(',');
  });
  return `${[COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}
