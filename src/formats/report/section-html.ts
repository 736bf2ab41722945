import type { ReportBars, ReportSection } from './report-section.js';
import { amount } from './section-markdown.js';
import { RAG_LABEL, type Rag } from './status-report.js';
import { esc } from './svg-charts.js';

const FILL: Readonly<Record<Rag, string>> = { green: '#16a34a', amber: '#d97706', red: '#dc2626' };
const badge = (r: Rag) => `<span class="rag ${r}">${RAG_LABEL[r]}</span>`;

export const SECTION_CSS = `
.section-head { display: flex; gap: 12px; align-items: baseline; }
.section-head p { margin: 0; }
table .dot { display: inline-block; width: 9px; height: 9px; border-radius: 50%; margin-right: 6px; }
svg.bars text { font: 12px system-ui, sans-serif; fill: #1f2937; }
svg.bars .muted { fill: #6b7280; }
`;

/** A feature's section as HTML: a RAG badge and headline, then paragraphs, bullets, tables and an SVG bar chart. */
export function sectionHtml(s: ReportSection): string {
  const out: string[] = [
    `<section id="${esc(s.id)}">`,
    `<h2>${esc(s.title)}</h2>`,
    `<div class="section-head">${badge(s.rag)}<p>${esc(s.headline)}</p></div>`,
    ...(s.paragraphs ?? []).map((p) => `<p>${esc(p)}</p>`),
  ];
  if (s.bullets && s.bullets.length > 0) out.push(`<ul>${s.bullets.map((b) => `<li>${esc(b)}</li>`).join('')}</ul>`);
  if (s.bars && s.bars.bars.length > 0) out.push(barsSvg(s.bars));
  for (const t of s.tables ?? []) {
    if (t.rows.length === 0) continue;
    out.push(
      '<table>',
      ...(t.caption ? [`<caption>${esc(t.caption)}</caption>`] : []),
      `<thead><tr>${t.columns.map((c) => `<th${c.numeric ? ' class="num"' : ''}>${esc(c.title)}</th>`).join('')}</tr></thead>`,
      '<tbody>',
      ...t.rows.map((row, i) => {
        const rag = t.rowRag?.[i];
        const cells = row.map((c, k) => {
          const dot = k === 0 && rag ? `<span class="dot" style="background:${FILL[rag]}" title="${RAG_LABEL[rag]}"></span>` : '';
          return `<td${t.columns[k]?.numeric ? ' class="num"' : ''}>${dot}${esc(c)}</td>`;
        });
        return `<tr>${cells.join('')}</tr>`;
      }),
      '</tbody></table>',
    );
  }
  out.push('</section>');
  return out.join('\n');
}

/** Horizontal bars on one shared scale, each with its value and, when given, a reference tick. */
function barsSvg(b: ReportBars): string {
  const label = 170;
  const width = 640;
  const plot = width - label - 110;
  const row = 24;
  const max = Math.max(...b.bars.map((x) => Math.max(x.value, x.reference ?? 0)), 1e-9);
  const x = (v: number) => label + (Math.max(0, v) / max) * plot;
  const height = 28 + b.bars.length * row;
  const rows = b.bars.map((bar, i) => {
    const y = 24 + i * row;
    const ref =
      bar.reference === undefined
        ? ''
        : `<line x1="${x(bar.reference).toFixed(1)}" x2="${x(bar.reference).toFixed(1)}" y1="${y - 2}" y2="${y + 16}" stroke="#1f2937" stroke-width="2"><title>${esc(`${b.referenceLabel ?? 'reference'} ${amount(bar.reference)} ${b.unit}`)}</title></line>`;
    return (
      `<text x="${label - 8}" y="${y + 11}" text-anchor="end">${esc(bar.label)}</text>` +
      `<rect x="${label}" y="${y}" width="${(x(bar.value) - label).toFixed(1)}" height="14" rx="2" fill="${FILL[bar.rag ?? 'green']}" opacity="0.85"></rect>${ref}` +
      `<text x="${(x(Math.max(bar.value, bar.reference ?? 0)) + 6).toFixed(1)}" y="${y + 11}" class="muted">${esc(`${amount(bar.value)} ${b.unit}`)}</text>`
    );
  });
  return `<figure><svg class="bars" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${esc(b.title)}"><text x="0" y="14" font-weight="600">${esc(b.title)}${b.referenceLabel ? ` <tspan class="muted">(tick = ${esc(b.referenceLabel)})</tspan>` : ''}</text>${rows.join('')}</svg></figure>`;
}
