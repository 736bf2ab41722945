import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { descriptionText, MAX_DESCRIPTION } from './adf-text.js';

const CORPUS = fileURLToPath(new URL('../../../../shared/corpora/jira/', import.meta.url));

describe('ADF → plain text', () => {
  it("reads jira-cli's real ADF document (headings, quote, card, panels, mention, marks, nested lists, tables, code)", () => {
    const doc = JSON.parse(readFileSync(`${CORPUS}jira-cli/pkg/adf/testdata/md.json`, 'utf8'));
    const text = descriptionText(doc) ?? '';
    expect(text.split('\n\n').slice(0, 8)).toEqual([
      'H1',
      'H2',
      '1. Some text\n2. Some more text',
      '> Blockquote text',
      'Inline Node https://antiklabs.atlassian.net/wiki/spaces/ANK/pages/124234/hello-world',
      'Implement epic browser',
      'Panel paragraph',
      '@Person A',
    ]);
    expect(text).toContain('Link (https://ankit.pl)');
    expect(text).toContain(
      '- Prefix: Unordered list item 1\n  - Next\n    - Another\n      - New level\n- Unordered list item 2\n- Unordered list item 3',
    );
    expect(text).toContain('3. Ordered list item 3\n  1. nested\n    1. second level');
    expect(text).toContain(
      'Table Header 1 | Table Header 2 | Table Header 3\nTable row 1 column 1 | Table row 1 column 2 | Table row 1 column 3',
    );
    expect(text).toContain('package main\n\nimport (\n\t"fmt"\n)');
    expect(text).not.toMatch(/\n{3}/);
  });

  it('reads task lists, status lozenges, dates, emoji and links to other text', () => {
    const doc = {
      type: 'doc',
      version: 1,
      content: [
        {
          type: 'taskList',
          attrs: { localId: 't' },
          content: [
            { type: 'taskItem', attrs: { localId: '1', state: 'DONE' }, content: [{ type: 'text', text: 'Design' }] },
            { type: 'taskItem', attrs: { localId: '2', state: 'TODO' }, content: [{ type: 'text', text: 'Build' }] },
          ],
        },
        {
          type: 'paragraph',
          content: [
            { type: 'status', attrs: { text: 'AT RISK', color: 'red' } },
            { type: 'text', text: ' since ' },
            { type: 'date', attrs: { timestamp: '1800000000000' } },
            { type: 'text', text: ' ' },
            { type: 'emoji', attrs: { shortName: ':warning:', text: '⚠️' } },
            { type: 'text', text: ' see ' },
            { type: 'text', text: 'the RFC', marks: [{ type: 'link', attrs: { href: 'https://wiki.example.com/rfc' } }] },
          ],
        },
        { type: 'mediaSingle', content: [{ type: 'media', attrs: { id: 'x', type: 'file' } }] },
        { type: 'rule' },
        {
          type: 'orderedList',
          attrs: { order: 3 },
          content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'third' }] }] }],
        },
      ],
    };
    expect(descriptionText(doc)).toBe(
      '[x] Design\n[ ] Build\n\n[AT RISK] since 2027-01-15 ⚠️ see the RFC (https://wiki.example.com/rfc)\n\n---\n\n3. third',
    );
  });

  it('keeps Data Center text, drops empty documents, and caps long ones', () => {
    expect(descriptionText('line 1\r\nline 2  ')).toBe('line 1\nline 2');
    expect(descriptionText({ type: 'doc', version: 1, content: [] })).toBeUndefined();
    expect(descriptionText('   ')).toBeUndefined();
    expect(descriptionText(null)).toBeUndefined();
    expect(descriptionText({ type: 'paragraph' })).toBeUndefined();
    const long = descriptionText('x'.repeat(MAX_DESCRIPTION + 50)) ?? '';
    expect(long).toHaveLength(MAX_DESCRIPTION);
    expect(long.endsWith('…')).toBe(true);
  });
});
