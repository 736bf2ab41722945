import type { ReportSection } from './report-section.js';
import { RAG_LABEL, type Rag } from './status-report.js';

const ICON: Readonly<Record<Rag, string>> = { green: '🟢', amber: '🟠', red: '🔴' };
/** A table cell: pipes escaped, line breaks folded. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/** A feature's section as Markdown lines; its bars become a table, since Markdown draws no chart. */
export function sectionMarkdown(s: ReportSection): string[] {
  const out: string[] = [`## ${s.title}`, '', `${ICON[s.rag]} **${RAG_LABEL[s.rag]}.** ${s.headline}`, ''];
  for (const p of s.paragraphs ?? []) out.push(p, '');
  if (s.bullets && s.bullets.length > 0) out.push(...s.bullets.map((b) => `- ${b}`), '');
  for (const t of s.tables ?? []) {
    if (t.rows.length === 0) continue;
    if (t.caption) out.push(`**${t.caption}**`, '');
    out.push(`| ${t.columns.map((c) => cell(c.title)).join(' | ')} |`, `|${t.columns.map((c) => (c.numeric ? '---:' : '---')).join('|')}|`);
    t.rows.forEach((row, i) => {
      const rag = t.rowRag?.[i];
      out.push(`| ${row.map((c, k) => (k === 0 && rag ? `${ICON[rag]} ${cell(c)}` : cell(c))).join(' | ')} |`);
    });
    out.push('');
  }
  const b = s.bars;
  if (b && b.bars.length > 0) {
    const ref = b.referenceLabel ?? 'reference';
    const withRef = b.bars.some((x) => x.reference !== undefined);
    out.push(`**${b.title}**`, '', `| | ${b.unit} |${withRef ? ` ${ref} |` : ''}`, `|---|---:|${withRef ? '---:|' : ''}`);
    for (const x of b.bars)
      out.push(
        `| ${x.rag ? `${ICON[x.rag]} ` : ''}${cell(x.label)} | ${amount(x.value)} |${withRef ? ` ${x.reference === undefined ? '' : amount(x.reference)} |` : ''}`,
      );
    out.push('');
  }
  return out;
}

/** Thousands separated, at most 1 decimal: figures for reading. */
export const amount = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: Math.abs(x) >= 100 ? 0 : 1 });
