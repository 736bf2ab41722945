import type { ExportInput } from './export-input.js';

/** A DOT string literal: quotes and backslashes escaped, line breaks as centred breaks. */
const quoted = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;

/**
 * Graphviz DOT of the whole dependency graph: one cluster per team, critical items and the links
 * between them in red, links not yet accepted dashed and labelled with their state.
 */
export function dependencyDot(input: ExportInput): string {
  const { model, plan } = input;
  const critical = new Set(plan.items.filter((p) => p.critical).map((p) => p.id));
  const lines = [
    `digraph ${quoted(model.program.id)} {`,
    `  label=${quoted(`${model.program.name}: dependencies (critical path in red)`)};`,
    '  labelloc=t; rankdir=LR; fontname="Helvetica";',
    '  node [shape=box, style="rounded,filled", fillcolor=white, fontname="Helvetica", fontsize=10];',
    '  edge [fontname="Helvetica", fontsize=9];',
  ];
  const node = (item: (typeof model.items)[number], indent: string) => {
    const attrs = [`label=${quoted(`${item.id}\n${item.title}`)}`];
    if (item.kind === 'milestone') attrs.push('shape=diamond');
    if (critical.has(item.id)) attrs.push('color=red', 'penwidth=2');
    if (item.state === 'done') attrs.push('fillcolor="#e8f5e9"');
    if (item.state === 'blocked') attrs.push('fillcolor="#ffebee"');
    return `${indent}${quoted(item.id)} [${attrs.join(', ')}];`;
  };
  model.teams.forEach((team, t) => {
    const items = model.items.filter((i) => i.team === team.id);
    if (items.length === 0) return;
    lines.push(`  subgraph cluster_${t} {`, `    label=${quoted(team.name)}; style="rounded"; color="#999999";`);
    for (const item of items) lines.push(node(item, '    '));
    lines.push('  }');
  });
  for (const item of model.items.filter((i) => i.team === undefined)) lines.push(node(item, '  '));
  for (const d of model.dependencies) {
    const attrs: string[] = [];
    if (d.type !== 'FS' || d.lag !== 0)
      attrs.push(`label=${quoted(`${d.type}${d.lag ? (d.lag > 0 ? ` +${d.lag}d` : ` ${d.lag}d`) : ''}`)}`);
    if (d.state !== 'accepted') attrs.push('style=dashed', `xlabel=${quoted(d.state)}`);
    if (critical.has(d.from) && critical.has(d.to)) attrs.push('color=red', 'penwidth=2');
    lines.push(`  ${quoted(d.from)} -> ${quoted(d.to)}${attrs.length > 0 ? ` [${attrs.join(', ')}]` : ''};`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
