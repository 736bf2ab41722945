/**
 * The subset of JQL the replay server understands: what the Jira client generates, plus the
 * selections tests configure. Anything else is answered 400 with Jira's error body, as Jira does
 * for a query it cannot parse or a field it does not know.
 *
 *   query   := or [ORDER BY field [ASC|DESC] {, field [ASC|DESC]}]
 *   or      := and {OR and}
 *   and     := atom {AND atom}
 *   atom    := ( or ) | field op value
 *   field   := project | key | issuekey | parent | updated | labels | "Epic Link" (when configured)
 *   op      := = | != | in | not in | >= | > | <= | <
 *   value   := word | "quoted" | ( value {, value} )
 *
 * Dates (`updated >= "2026/01/02 10:00"`, also `yyyy-MM-dd`, with or without HH:mm) are wall-clock
 * times in the user's time zone, the way Jira reads them; the server converts with that zone.
 * Keys order by project, then number (NET-9 before NET-10), as Jira orders `key`.
 */

export interface JqlIssue {
  readonly key: string;
  readonly fields: Readonly<Record<string, unknown>>;
}

export interface JqlQuery {
  readonly matches: (issue: JqlIssue) => boolean;
  readonly compare: (a: JqlIssue, b: JqlIssue) => number;
}

export interface JqlOptions {
  /** IANA zone the dates of the query are in (the user's profile zone in Jira). */
  readonly timeZone: string;
  /** The custom field id of the classic "Epic Link" field, if this site has one. */
  readonly epicLinkField?: string;
}

export type JqlParse = { readonly ok: true; readonly query: JqlQuery } | { readonly ok: false; readonly message: string };

type Token = { kind: 'word' | 'string' | 'op' | 'paren' | 'comma'; text: string; at: number };

const FIELDS = new Set(['project', 'key', 'issuekey', 'parent', 'updated', 'labels', 'epic link']);

export function parseJql(text: string, options: JqlOptions): JqlParse {
  const tokens = tokenize(text);
  if (!tokens.ok) return tokens;
  let pos = 0;
  const list = tokens.tokens;
  const peek = () => list[pos];
  const isWord = (w: string) => {
    const t = peek();
    return t !== undefined && t.kind === 'word' && t.text.toLowerCase() === w;
  };
  const fail = (message: string): never => {
    throw new JqlError(message);
  };
  const describe = (t: Token | undefined) => (t ? `'${t.text}' at char ${t.at}` : 'the end of the query');

  function parseOr(): (i: JqlIssue) => boolean {
    const parts = [parseAnd()];
    while (isWord('or')) {
      pos++;
      parts.push(parseAnd());
    }
    return parts.length === 1 ? (parts[0] as (i: JqlIssue) => boolean) : (i) => parts.some((p) => p(i));
  }
  function parseAnd(): (i: JqlIssue) => boolean {
    const parts = [parseAtom()];
    while (isWord('and')) {
      pos++;
      parts.push(parseAtom());
    }
    return parts.length === 1 ? (parts[0] as (i: JqlIssue) => boolean) : (i) => parts.every((p) => p(i));
  }
  function parseAtom(): (i: JqlIssue) => boolean {
    const t = peek();
    if (t?.kind === 'paren' && t.text === '(') {
      pos++;
      const inner = parseOr();
      const close = peek();
      if (close?.kind !== 'paren' || close.text !== ')') fail(`Error in the JQL Query: Expecting ')' but got ${describe(close)}.`);
      pos++;
      return inner;
    }
    if (!t || (t.kind !== 'word' && t.kind !== 'string'))
      return fail(`Error in the JQL Query: Expecting a field name but got ${describe(t)}.`);
    pos++;
    const field = t.text.toLowerCase();
    if (!FIELDS.has(field) || (field === 'epic link' && !options.epicLinkField)) {
      return fail(`Field '${t.text}' does not exist or you do not have permission to view it.`);
    }
    let op = '';
    const o = peek();
    if (o?.kind === 'op') {
      op = o.text;
      pos++;
    } else if (isWord('in')) {
      op = 'in';
      pos++;
    } else if (isWord('not')) {
      pos++;
      if (!isWord('in')) fail(`Error in the JQL Query: Expecting 'in' after 'not' but got ${describe(peek())}.`);
      pos++;
      op = 'not in';
    } else fail(`Error in the JQL Query: Expecting an operator after '${t.text}' but got ${describe(o)}.`);
    const values = op === 'in' || op === 'not in' ? parseList() : [parseValue()];
    return predicate(field, t.text, op, values);
  }
  function parseValue(): string {
    const t = peek();
    if (!t || (t.kind !== 'word' && t.kind !== 'string')) return fail(`Error in the JQL Query: Expecting a value but got ${describe(t)}.`);
    pos++;
    return t.text;
  }
  function parseList(): string[] {
    const open = peek();
    if (open?.kind !== 'paren' || open.text !== '(') return fail(`Error in the JQL Query: Expecting '(' but got ${describe(open)}.`);
    pos++;
    const values = [parseValue()];
    while (peek()?.kind === 'comma') {
      pos++;
      values.push(parseValue());
    }
    const close = peek();
    if (close?.kind !== 'paren' || close.text !== ')') fail(`Error in the JQL Query: Expecting ')' but got ${describe(close)}.`);
    pos++;
    return values;
  }

  function predicate(field: string, name: string, op: string, values: string[]): (i: JqlIssue) => boolean {
    if (field === 'updated') {
      if (!['>=', '>', '<=', '<'].includes(op)) fail(`The operator '${op}' is not supported by the '${name}' field.`);
      const at = parseJqlDate(values[0] ?? '', options.timeZone);
      if (at === undefined) {
        fail(
          `Date value '${values[0]}' for field '${name}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.`,
        );
      }
      const limit = at as number;
      const cmp = {
        '>=': (x: number) => x >= limit,
        '>': (x: number) => x > limit,
        '<=': (x: number) => x <= limit,
        '<': (x: number) => x < limit,
      }[op as '>='];
      return (i) => {
        const updated = Date.parse(normalizeJiraTime(String(i.fields.updated ?? '')));
        return Number.isFinite(updated) && cmp(updated);
      };
    }
    if (!['=', '!=', 'in', 'not in'].includes(op)) fail(`The operator '${op}' is not supported by the '${name}' field.`);
    const wanted = new Set(values.map((v) => v.toUpperCase()));
    const negate = op === '!=' || op === 'not in';
    const read = reader(field);
    return (i) => {
      const has = read(i).some((v) => wanted.has(v.toUpperCase()));
      return negate ? !has : has;
    };
  }

  function reader(field: string): (i: JqlIssue) => string[] {
    switch (field) {
      case 'project':
        return (i) => {
          const p = i.fields.project as { key?: string; name?: string; id?: string } | undefined;
          return [p?.key, p?.name, p?.id, i.key.split('-')[0]].filter((v): v is string => typeof v === 'string');
        };
      case 'key':
      case 'issuekey':
        return (i) => [i.key];
      case 'parent':
        return (i) => {
          const p = i.fields.parent as { key?: string; id?: string } | undefined;
          return [p?.key, p?.id].filter((v): v is string => typeof v === 'string');
        };
      case 'labels':
        return (i) => (Array.isArray(i.fields.labels) ? i.fields.labels.map(String) : []);
      default: {
        const id = options.epicLinkField as string;
        return (i) => (typeof i.fields[id] === 'string' ? [i.fields[id] as string] : []);
      }
    }
  }

  function parseOrder(): (a: JqlIssue, b: JqlIssue) => number {
    const keys: ((a: JqlIssue, b: JqlIssue) => number)[] = [];
    if (isWord('order')) {
      pos++;
      if (!isWord('by')) fail(`Error in the JQL Query: Expecting 'by' but got ${describe(peek())}.`);
      pos++;
      for (;;) {
        const t = peek();
        if (t?.kind !== 'word') fail(`Error in the JQL Query: Expecting a field name but got ${describe(t)}.`);
        pos++;
        const name = (t as Token).text.toLowerCase();
        let dir = 1;
        if (isWord('asc')) pos++;
        else if (isWord('desc')) {
          pos++;
          dir = -1;
        }
        if (name === 'key' || name === 'issuekey') keys.push((a, b) => dir * compareKeys(a.key, b.key));
        else if (name === 'updated' || name === 'created')
          keys.push(
            (a, b) => dir * (Date.parse(normalizeJiraTime(String(a.fields[name]))) - Date.parse(normalizeJiraTime(String(b.fields[name])))),
          );
        else fail(`Not able to sort using field '${(t as Token).text}'.`);
        if (peek()?.kind !== 'comma') break;
        pos++;
      }
    }
    return (a, b) => {
      for (const k of keys) {
        const c = k(a, b);
        if (c !== 0) return c;
      }
      return compareKeys(a.key, b.key);
    };
  }

  try {
    const matches = list.length === 0 || isWord('order') ? () => true : parseOr();
    const compare = parseOrder();
    if (pos < list.length) fail(`Error in the JQL Query: Expecting either 'OR' or 'AND' but got ${describe(peek())}.`);
    return { ok: true, query: { matches, compare } };
  } catch (e) {
    if (e instanceof JqlError) return { ok: false, message: e.message };
    throw e;
  }
}

class JqlError extends Error {}

function tokenize(text: string): { ok: true; tokens: Token[] } | { ok: false; message: string } {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(' || c === ')') {
      tokens.push({ kind: 'paren', text: c, at: i++ });
    } else if (c === ',') {
      tokens.push({ kind: 'comma', text: c, at: i++ });
    } else if (c === '"' || c === "'") {
      const end = text.indexOf(c, i + 1);
      if (end < 0) return { ok: false, message: `Error in the JQL Query: The quoted string starting at char ${i} has not been completed.` };
      tokens.push({ kind: 'string', text: text.slice(i + 1, end), at: i });
      i = end + 1;
    } else if (/[=!<>~]/.test(c)) {
      const two = text.slice(i, i + 2);
      const op = ['>=', '<=', '!=', '!~'].includes(two) ? two : c;
      if (op === '!' || op === '~' || op === '!~')
        return { ok: false, message: `Error in the JQL Query: The operator '${op}' is not supported here (char ${i}).` };
      tokens.push({ kind: 'op', text: op, at: i });
      i += op.length;
    } else {
      const m = /^[^\s()=,!<>~"']+/.exec(text.slice(i));
      const word = m?.[0] ?? c;
      tokens.push({ kind: 'word', text: word, at: i });
      i += word.length;
    }
  }
  return { ok: true, tokens };
}

/** NET-9 < NET-10 < OPS-1: project, then number, as Jira sorts keys. */
export function compareKeys(a: string, b: string): number {
  const da = a.lastIndexOf('-');
  const db = b.lastIndexOf('-');
  const pa = a.slice(0, da);
  const pb = b.slice(0, db);
  if (pa !== pb) return pa < pb ? -1 : 1;
  return Number(a.slice(da + 1)) - Number(b.slice(db + 1));
}

/** Jira writes offsets without a colon (`+0100`); Date.parse wants `+01:00`. */
export function normalizeJiraTime(text: string): string {
  return text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
}

/** `yyyy/MM/dd[ HH:mm]` or `yyyy-MM-dd[ HH:mm]` as wall time in `timeZone` → epoch ms. */
export function parseJqlDate(text: string, timeZone: string): number | undefined {
  const m = /^(\d{4})[/-](\d{2})[/-](\d{2})(?:\s+(\d{2}):(\d{2}))?$/.exec(text.trim());
  if (!m) return undefined;
  const [y, mo, d, h, mi] = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0'].map(Number) as [number, number, number, number, number];
  return zonedToEpoch(y, mo, d, h, mi, timeZone);
}

/** The instant whose wall-clock time in `timeZone` is the given one (the earlier one across a DST overlap). */
export function zonedToEpoch(y: number, mo: number, d: number, h: number, mi: number, timeZone: string): number {
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  // Two passes settle the offset even when the guess lands on the other side of a DST change.
  let t = guess - offsetMs(guess, timeZone);
  t = guess - offsetMs(t, timeZone);
  return t;
}

function offsetMs(epoch: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(epoch));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(epoch / 1000) * 1000;
}
