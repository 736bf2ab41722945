const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/** Field spans of the record being read, reused across records (no allocation per row). */
export class Spans {
  start = new Int32Array(64);
  end = new Int32Array(64);
  /** 1 = quoted, 2 = quoted with doubled quotes inside. */
  quoting = new Uint8Array(64);
  count = 0;
  newlines = 0;
  push(s: number, e: number, q: number): void {
    if (this.count === this.start.length) {
      const grow = <T extends Int32Array | Uint8Array>(a: T, b: T): T => {
        b.set(a);
        return b;
      };
      this.start = grow(this.start, new Int32Array(this.count * 2));
      this.end = grow(this.end, new Int32Array(this.count * 2));
      this.quoting = grow(this.quoting, new Uint8Array(this.count * 2));
    }
    this.start[this.count] = s;
    this.end[this.count] = e;
    this.quoting[this.count] = q;
    this.count++;
  }
}

/** Scans one RFC 4180 record from `i`. Returns the index after its line break, −1 when the record runs past the text (more is needed), −2 on a malformed quote (`spans.count` = the field). */
export function scanRecord(buf: string, i: number, final: boolean, spans: Spans): number {
  const n = buf.length;
  spans.count = 0;
  spans.newlines = 0;
  let nextBreak = -1;
  for (;;) {
    if (i < n && buf.charCodeAt(i) === QUOTE) {
      let j = i + 1;
      let quoting = 1;
      let q: number;
      for (;;) {
        q = buf.indexOf('"', j);
        if (q < 0) return final ? -2 : -1;
        if (q + 1 < n && buf.charCodeAt(q + 1) === QUOTE) {
          quoting = 2;
          j = q + 2;
          continue;
        }
        if (q + 1 >= n && !final) return -1;
        break;
      }
      // Line breaks inside the quotes: the next line break after the field start is found once and
      // reused while it lies beyond the fields read (most records have none inside quotes).
      if (nextBreak <= i) nextBreak = buf.indexOf('\n', i + 1);
      while (nextBreak >= 0 && nextBreak < q) {
        spans.newlines++;
        nextBreak = buf.indexOf('\n', nextBreak + 1);
      }
      if (nextBreak < 0) nextBreak = n;
      spans.push(i + 1, q, quoting);
      i = q + 1;
      if (i >= n) return final ? n : -1;
      const c = buf.charCodeAt(i);
      if (c === COMMA) {
        i++;
        continue;
      }
      if (c === LF) return i + 1;
      if (c === CR) {
        if (i + 1 < n) return buf.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
        return final ? n : -1;
      }
      return -2;
    }
    let j = i;
    let c = 0;
    for (; j < n; j++) {
      c = buf.charCodeAt(j);
      if (c === COMMA || c === LF || c === CR) break;
    }
    if (j >= n) {
      if (!final) return -1;
      spans.push(i, n, 0);
      return n;
    }
    spans.push(i, j, 0);
    if (c === COMMA) {
      i = j + 1;
      continue;
    }
    if (c === LF) return j + 1;
    if (j + 1 < n) return buf.charCodeAt(j + 1) === LF ? j + 2 : j + 1;
    return final ? n : -1;
  }
}

/** Every record of a small CSV text as cell texts with its 1-based line; blank lines skipped. `error` is set at the first malformed quote. */
export function csvRecords(text: string): { records: Array<{ line: number; cells: string[] }>; error?: { line: number } } {
  const spans = new Spans();
  const records: Array<{ line: number; cells: string[] }> = [];
  const buf = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let pos = 0;
  let line = 1;
  while (pos < buf.length) {
    const end = scanRecord(buf, pos, true, spans);
    if (end < 0) return { records, error: { line } };
    const cells: string[] = [];
    for (let k = 0; k < spans.count; k++) {
      const v = buf.slice(spans.start[k] ?? 0, spans.end[k] ?? 0);
      cells.push(spans.quoting[k] === 2 ? v.replaceAll('""', '"') : v);
    }
    if (!(cells.length === 1 && cells[0] === '')) records.push({ line, cells });
    line += 1 + spans.newlines;
    pos = end;
  }
  return { records };
}
