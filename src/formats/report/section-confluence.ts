import type { ReportSection } from './report-section.js';
import { amount } from './section-markdown.js';
import { RAG_LABEL, type Rag } from './status-report.js';
import { esc } from './svg-charts.js';

const COLOUR: Readonly<Record<Rag, string>> = { green: 'Green', amber: 'Yellow', red: 'Red' };

/** Confluence's status lozenge macro. */
const lozenge = (rag: Rag) =>
  `<ac:structured-macro ac:name="status"><ac:parameter ac:name="colour">${COLOUR[rag]}</ac:parameter><ac:parameter ac:name="title">${esc(RAG_LABEL[rag])}</ac:parameter></ac:structured-macro>`;

/** A feature's section in Confluence storage format; its bars become a table (storage format draws no SVG). */
export function sectionConfluence(s: ReportSection): string[] {
  const out: string[] = [
    `<h2>${esc(s.title)}</h2>`,
    `<p>${lozenge(s.rag)} ${esc(s.headline)}</p>`,
    ...(s.paragraphs ?? []).map((p) => `<p>${esc(p)}</p>`),
  ];
  if (s.bullets && s.bullets.length > 0) out.push(`<ul>${s.bullets.map((b) => `<li>${esc(b)}</li>`).join('')}</ul>`);
  for (const t of s.tables ?? []) {
    if (t.rows.length === 0) continue;
    if (t.caption) out.push(`<p><strong>${esc(t.caption)}</strong></p>`);
    out.push(
      `<table><tbody><tr>${t.columns.map((c) => `<th>${esc(c.title)}</th>`).join('')}</tr>`,
      ...t.rows.map((row, i) => {
        const rag = t.rowRag?.[i];
        return `<tr>${row.map((c, k) => `<td>${k === 0 && rag ? `${lozenge(rag)} ` : ''}${esc(c)}</td>`).join('')}</tr>`;
      }),
      '</tbody></table>',
    );
  }
  const b = s.bars;
  if (b && b.bars.length > 0) {
    const withRef = b.bars.some((x) => x.reference !== undefined);
    out.push(
      `<p><strong>${esc(b.title)}</strong></p>`,
      `<table><tbody><tr><th></th><th>${esc(b.unit)}</th>${withRef ? `<th>${esc(b.referenceLabel ?? 'reference')}</th>` : ''}</tr>`,
      ...b.bars.map(
        (x) =>
          `<tr><td>${x.rag ? `${lozenge(x.rag)} ` : ''}${esc(x.label)}</td><td>${esc(amount(x.value))}</td>${withRef ? `<td>${x.reference === undefined ? '' : esc(amount(x.reference))}</td>` : ''}</tr>`,
      ),
      '</tbody></table>',
    );
  }
  return out;
}
