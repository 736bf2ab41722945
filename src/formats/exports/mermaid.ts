import type { ExportInput } from './export-input.js';
import { dayOf } from './export-input.js';

/**
 * Mermaid (https://mermaid.js.org) text. Labels are sanitized rather than escaped: Mermaid's gantt
 * grammar has no escape for ':' or '#', and a label is for people, so "Phase 1: design" becomes
 * "Phase 1 - design".
 */
const label = (text: string) =>
  text
    .replace(/[:;#]/g, (c) => (c === ':' ? ' -' : c === ';' ? ',' : 'No.'))
    .replace(/[\r\n]+/g, ' ')
    .trim();

/** A Mermaid node or task id: letters, digits and underscores, never a keyword such as "end". */
const nodeId = (id: string) => `n_${id.replace(/[^A-Za-z0-9_]/g, '_')}`;

/** Day after `day` (YYYY-MM-DD), so that a task that starts and ends the same day is drawn. */
function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** A gantt chart of the plan, one section per workstream (or team), critical work marked `crit`. */
export function mermaidGantt(input: ExportInput, by: 'workstream' | 'team' = 'workstream'): string {
  const { model, plan } = input;
  const planned = new Map(plan.items.map((p) => [p.id, p]));
  const groups =
    by === 'team'
      ? model.teams.map((t) => ({ id: t.id as string, name: t.name }))
      : model.workstreams.map((w) => ({ id: w.id as string, name: w.name }));
  const groupOf = (item: (typeof model.items)[number]) => (by === 'team' ? item.team : item.workstream);
  const lines = ['gantt', `    title ${label(model.program.name)}`, '    dateFormat YYYY-MM-DD', '    axisFormat %Y-%m-%d'];
  const sections = [...groups, { id: '', name: by === 'team' ? 'No team' : 'Other work' }];
  for (const section of sections) {
    const items = model.items.filter((i) => (groupOf(i) ?? '') === section.id && planned.has(i.id));
    if (items.length === 0) continue;
    lines.push(`    section ${label(section.name)}`);
    for (const item of items) {
      const p = planned.get(item.id);
      if (!p) continue;
      const start = dayOf(p.start);
      const tags = [
        item.kind === 'milestone' ? 'milestone' : '',
        p.critical ? 'crit' : '',
        item.state === 'done' ? 'done' : item.state === 'in-progress' ? 'active' : '',
      ]
        .filter(Boolean)
        .join(', ');
      const when =
        item.kind === 'milestone' ? `${dayOf(p.finish)}, 0d` : `${start}, ${dayOf(p.finish) > start ? dayOf(p.finish) : nextDay(start)}`;
      lines.push(`    ${label(`${item.id} ${item.title}`)} :${tags ? `${tags}, ` : ''}${nodeId(item.id)}, ${when}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * A flowchart of the cross-team dependencies: each team a subgraph, each link between teams an
 * arrow, dashed while not accepted and labelled with its state.
 */
export function mermaidDependencies(input: ExportInput): string {
  const { model } = input;
  const byId = new Map(model.items.map((i) => [i.id as string, i]));
  const cross = model.dependencies.filter((d) => {
    const a = byId.get(d.from)?.team;
    const b = byId.get(d.to)?.team;
    return a !== undefined && b !== undefined && a !== b;
  });
  const involved = new Set(cross.flatMap((d) => [d.from as string, d.to as string]));
  const quote = (text: string) => `"${text.replace(/"/g, '#quot;').replace(/[\r\n]+/g, ' ')}"`;
  const lines = ['flowchart LR'];
  for (const team of model.teams) {
    const items = model.items.filter((i) => i.team === team.id && involved.has(i.id));
    if (items.length === 0) continue;
    lines.push(`    subgraph ${nodeId(`team_${team.id}`)}[${quote(team.name)}]`);
    for (const item of items) lines.push(`        ${nodeId(item.id)}[${quote(`${item.id}: ${item.title}`)}]`);
    lines.push('    end');
  }
  for (const d of cross) {
    const arrow = d.state === 'accepted' ? '-->' : `-.->|${d.state}|`;
    lines.push(`    ${nodeId(d.from)} ${arrow} ${nodeId(d.to)}`);
  }
  return `${lines.join('\n')}\n`;
}
