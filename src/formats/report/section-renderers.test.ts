import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import type { ReportSection } from './report-section.js';
import { sectionConfluence } from './section-confluence.js';
import { sectionHtml } from './section-html.js';
import { sectionMarkdown } from './section-markdown.js';
import { sectionSlack } from './section-slack.js';

const section: ReportSection = {
  id: 'cost',
  title: 'Cloud cost',
  rag: 'amber',
  headline: 'Payments <will> overrun its budget by 12 % & Platform is on track.',
  paragraphs: ['Forecast to month end uses the last 7 days | at their daily average.'],
  bullets: ['one', 'two', 'three', 'four', 'five', 'six', 'seven'],
  tables: [
    {
      caption: 'Budget against actual, November',
      columns: [{ title: 'Team' }, { title: 'Spent' }, { title: 'Budget', numeric: true }],
      rows: [
        ['Payments | EU', '$112,000', '$100,000'],
        ['Platform', '$80,500', '$90,000'],
      ],
      rowRag: ['red', null],
    },
    { columns: [{ title: 'Empty' }], rows: [] },
  ],
  bars: {
    title: 'Forecast to month end',
    unit: 'USD',
    referenceLabel: 'budget',
    bars: [
      { label: 'Payments', value: 131_000, reference: 100_000, rag: 'red' },
      { label: 'Platform', value: 88_000.25, reference: 90_000 },
    ],
  },
};

describe('a feature section in each rendering', () => {
  it('Markdown: title, RAG and headline, escaped table cells, right-aligned numbers, bars as a table, empty tables left out', () => {
    const md = sectionMarkdown(section).join('\n');
    expect(md).toContain('## Cloud cost\n\n🟠 **At risk.** Payments <will> overrun');
    expect(md).toContain('Forecast to month end uses the last 7 days | at');
    expect(md).toContain(
      '| Team | Spent | Budget |\n|---|---|---:|\n| 🔴 Payments \\| EU | $112,000 | $100,000 |\n| Platform | $80,500 | $90,000 |',
    );
    expect(md).toContain('| 🔴 Payments | 131,000 | 100,000 |');
    expect(md).toContain('| Platform | 88,000 | 90,000 |');
    expect(md).not.toContain('Empty');
    expect(md.match(/^- /gm)).toHaveLength(7);
  });

  it('HTML: escaped text, one bar per label on a shared scale with its budget tick', () => {
    const html = sectionHtml(section);
    expect(html).toContain('<section id="cost">');
    expect(html).toContain('Payments &lt;will&gt; overrun its budget by 12 % &amp; Platform');
    const widths = [...html.matchAll(/<rect x="170" y="\d+" width="([\d.]+)"/g)].map((m) => Number(m[1]));
    // 640 wide, 170 of labels, 110 of value text: the largest value or reference (131,000) fills 360.
    expect(widths).toEqual([360, Number(((88_000.25 / 131_000) * 360).toFixed(1))]);
    expect(html).toContain('<title>budget 100,000 USD</title>');
    expect(html).not.toContain('Empty');
  });

  it('Confluence: well-formed storage XHTML with status lozenges', () => {
    const body = sectionConfluence(section).join('');
    const errors: string[] = [];
    const text: string[] = [];
    const parser = new SaxesParser({ xmlns: true });
    parser.on('error', (e) => errors.push(e.message));
    parser.on('text', (t) => text.push(t));
    parser.write(`<root xmlns="http://www.w3.org/1999/xhtml" xmlns:ac="http://atlassian.com/content">${body}</root>`).close();
    expect(errors).toEqual([]);
    expect(text.join('')).toContain('Payments <will> overrun its budget by 12 % & Platform');
    expect(body.match(/ac:name="status"/g)).toHaveLength(3);
  });

  it('Slack: title and headline, the first five bullets and a count of the rest', () => {
    const text = sectionSlack(section, (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
    expect(text.split('\n')).toEqual([
      ':large_orange_circle: *Cloud cost:* Payments &lt;will&gt; overrun its budget by 12 % &amp; Platform is on track.',
      '• one',
      '• two',
      '• three',
      '• four',
      '• five',
      '_…and 2 more in the full report_',
    ]);
  });
});
