import { SaxesParser } from 'saxes';
import { err, ok, type Result } from '../../domain/result.js';

/**
 * An XML element reduced to what the MSPDI reader needs: local name (namespace prefix dropped),
 * child elements, the trimmed text directly inside it, and the 1-based line of its start tag so
 * problems can point at the file.
 */
export interface XmlElement {
  readonly name: string;
  readonly line: number;
  readonly children: XmlElement[];
  text: string;
}

export interface XmlSyntaxError {
  readonly message: string;
  readonly line: number;
  readonly column: number;
}

/** Parses a whole document; a syntax error comes back as a value with its line and column. */
export function parseXml(text: string): Result<XmlElement, XmlSyntaxError> {
  const parser = new SaxesParser({ position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let failure: XmlSyntaxError | undefined;
  parser.on('error', (e) => {
    if (!failure) {
      // saxes prefixes its message with "line:column: "; keep just the reason.
      failure = { message: e.message.replace(/^[^:]*:\d+:\d+: /, ''), line: parser.line, column: parser.column + 1 };
    }
  });
  parser.on('opentag', (tag) => {
    const colon = tag.name.indexOf(':');
    const el: XmlElement = { name: colon < 0 ? tag.name : tag.name.slice(colon + 1), line: parser.line, children: [], text: '' };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(el);
    else root ??= el;
    stack.push(el);
  });
  parser.on('text', (t) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  });
  parser.on('cdata', (t) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  });
  parser.on('closetag', () => {
    const el = stack.pop();
    if (el) el.text = el.text.trim();
  });
  try {
    parser.write(text).close();
  } catch {
    // saxes throws after reporting through 'error' when it cannot go on; the first report is kept.
  }
  if (failure) return err(failure);
  if (!root) return err({ message: 'the document has no root element', line: 1, column: 1 });
  return ok(root);
}

/** The first child named `name`. */
export function child(el: XmlElement, name: string): XmlElement | undefined {
  for (const c of el.children) if (c.name === name) return c;
  return undefined;
}

/** Every child named `name`. */
export function children(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c) => c.name === name);
}

/** The text of the first child named `name`, or undefined when absent or empty. */
export function childText(el: XmlElement, name: string): string | undefined {
  const c = child(el, name);
  return c && c.text !== '' ? c.text : undefined;
}
