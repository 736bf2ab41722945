/**
 * Atlassian Document Format (Jira Cloud's v3 rich text) → short plain text for an item's
 * description: top-level blocks separated by a blank line, paragraphs and headings as lines, lists as `- ` / `1. ` lines indented by depth,
 * task items as `[ ]` / `[x]`, code blocks as they are, mentions as `@Name`, links as
 * `text (url)`, table rows as cells joined by ` | `. Media is dropped. The result is capped at
 * MAX_DESCRIPTION characters (as GitHub bodies are): the item keeps a summary, Jira keeps the whole text.
 *
 * https://developer.atlassian.com/cloud/jira/platform/apis/document/structure/
 */

export const MAX_DESCRIPTION = 4000;

interface AdfNode {
  readonly type?: unknown;
  readonly text?: unknown;
  readonly attrs?: Record<string, unknown>;
  readonly marks?: readonly { readonly type?: unknown; readonly attrs?: Record<string, unknown> }[];
  readonly content?: readonly unknown[];
}

const asNode = (v: unknown): AdfNode | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as AdfNode) : undefined);
const attr = (n: AdfNode, name: string): string | undefined => {
  const v = n.attrs?.[name];
  return typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined;
};

/** True when `value` looks like an ADF document (an object with `type: 'doc'`). */
export function isAdf(value: unknown): boolean {
  return asNode(value)?.type === 'doc';
}

/** The plain text of an ADF document, or of a plain string (Data Center wiki text), trimmed and capped. */
export function descriptionText(value: unknown): string | undefined {
  let text: string;
  if (typeof value === 'string') text = value.replaceAll('\r\n', '\n');
  else if (isAdf(value)) {
    const lines: string[] = [];
    // Top-level blocks are separated by a blank line, as paragraphs are in plain text.
    for (const block of asNode(value)?.content ?? []) {
      blocks([block], lines, '');
      if (lines.length > 0 && lines[lines.length - 1] !== '') lines.push('');
    }
    text = lines.join('\n');
  } else return undefined;
  text = text.replace(/\n{3,}/g, '\n\n').trim();
  if (text === '') return undefined;
  return text.length > MAX_DESCRIPTION ? `${text.slice(0, MAX_DESCRIPTION - 1).trimEnd()}…` : text;
}

/** Appends the lines of block nodes; `indent` prefixes each line (list nesting, quotes). */
function blocks(content: readonly unknown[] | undefined, lines: string[], indent: string): void {
  if (!content) return;
  for (const raw of content) {
    const n = asNode(raw);
    if (!n) continue;
    switch (n.type) {
      case 'paragraph':
      case 'heading':
        pushText(lines, indent, inline(n.content));
        break;
      case 'bulletList':
      case 'orderedList': {
        let k = Number(n.attrs?.order ?? 1) || 1;
        for (const item of n.content ?? []) {
          const bullet = n.type === 'bulletList' ? '- ' : `${k++}. `;
          listItem(asNode(item), lines, indent, bullet);
        }
        break;
      }
      case 'taskList':
      case 'decisionList':
        for (const item of n.content ?? []) {
          const it = asNode(item);
          const done = attr(it ?? {}, 'state') === 'DONE' || attr(it ?? {}, 'state') === 'DECIDED';
          pushText(lines, indent, `${done ? '[x]' : '[ ]'} ${inline(it?.content)}`);
        }
        break;
      case 'codeBlock':
        for (const line of inline(n.content).replace(/\n+$/, '').split('\n')) lines.push(`${indent}${line}`);
        break;
      case 'blockquote':
        blocks(n.content, lines, `${indent}> `);
        break;
      case 'rule':
        lines.push(`${indent}---`);
        break;
      case 'table':
        for (const row of n.content ?? []) {
          const cells = (asNode(row)?.content ?? []).map((cell) => {
            const cellLines: string[] = [];
            blocks(asNode(cell)?.content, cellLines, '');
            return cellLines.join(' ');
          });
          pushText(lines, indent, cells.join(' | '));
        }
        break;
      case 'expand':
      case 'nestedExpand': {
        const title = attr(n, 'title');
        if (title) lines.push(`${indent}${title}`);
        blocks(n.content, lines, indent);
        break;
      }
      case 'mediaSingle':
      case 'mediaGroup':
      case 'media':
        break;
      case 'blockCard':
      case 'embedCard': {
        const url = attr(n, 'url');
        if (url) lines.push(`${indent}${url}`);
        break;
      }
      default:
        // panel, layoutSection, layoutColumn, bodiedExtension and any newer container: read inside.
        if (n.content) blocks(n.content, lines, indent);
        else pushText(lines, indent, inline([n]));
    }
  }
}

function listItem(item: AdfNode | undefined, lines: string[], indent: string, bullet: string): void {
  if (!item) return;
  let first = true;
  for (const raw of item.content ?? []) {
    const child = asNode(raw);
    if (!child) continue;
    if (first && (child.type === 'paragraph' || child.type === 'heading')) {
      lines.push(`${indent}${bullet}${inline(child.content)}`);
    } else blocks([child], lines, `${indent}  `);
    first = false;
  }
}

function pushText(lines: string[], indent: string, text: string): void {
  for (const line of text.split('\n')) if (line.trim() !== '') lines.push(`${indent}${line}`);
}

/** The text of inline nodes. */
function inline(content: readonly unknown[] | undefined): string {
  if (!content) return '';
  let out = '';
  for (const raw of content) {
    const n = asNode(raw);
    if (!n) continue;
    switch (n.type) {
      case 'text': {
        const text = typeof n.text === 'string' ? n.text : '';
        const href = n.marks?.find((m) => m.type === 'link')?.attrs?.href;
        out += typeof href === 'string' && href !== text ? `${text} (${href})` : text;
        break;
      }
      case 'hardBreak':
        out += '\n';
        break;
      case 'mention': {
        const name = attr(n, 'text') ?? 'someone';
        out += name.startsWith('@') ? name : `@${name}`;
        break;
      }
      case 'emoji':
        out += attr(n, 'text') ?? attr(n, 'shortName') ?? '';
        break;
      case 'inlineCard': {
        const url = attr(n, 'url');
        if (url) out += out === '' || /\s$/.test(out) ? url : ` ${url}`;
        break;
      }
      case 'status':
        out += `[${attr(n, 'text') ?? ''}]`;
        break;
      case 'date': {
        const ms = Number(attr(n, 'timestamp'));
        out += Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 10) : '';
        break;
      }
      default:
        out += inline(n.content);
    }
  }
  return out;
}
