import { err, type Result } from '../../domain/result.js';
import { type RcpspInstance, validateInstance } from '../../engine/rcpsp/instance.js';

/** Something wrong in a PSPLIB file, pinned to its 1-based line. */
export interface PsplibProblem {
  readonly code: 'psplib-missing' | 'psplib-row' | 'psplib-unsupported' | 'psplib-instance';
  readonly line: number;
  readonly message: string;
}

interface Line {
  readonly no: number;
  readonly text: string;
}

/**
 * Reads a single-mode PSPLIB `.sm` file (Kolisch & Sprecher 1996). Activity index i is job number i + 1,
 * which is also its id; jobs 1 and n are the dummy source and sink. Only renewable resources are kept.
 */
export function readPsplib(text: string): Result<RcpspInstance, PsplibProblem[]> {
  const problems: PsplibProblem[] = [];
  const lines: Line[] = text.split(/\r?\n/).map((t, i) => ({ no: i + 1, text: t }));
  const sections = splitSections(lines);
  const lastLine = lines.length;
  const missing = (what: string) => problems.push({ code: 'psplib-missing', line: lastLine, message: `no ${what} found` });

  const n = headerNumber(sections.flat(), /^jobs\s*\(incl\. supersource\/sink\s*\)\s*:\s*(\S+)/i, 'jobs', problems);
  const R = headerNumber(sections.flat(), /^\s*-\s*renewable\s*:\s*(\S+)/i, 'renewable resources', problems);
  const N = headerNumber(sections.flat(), /^\s*-\s*nonrenewable\s*:\s*(\S+)/i, 'nonrenewable resources', problems) ?? 0;
  if (n === undefined) missing('"jobs (incl. supersource/sink )" line');
  if (R === undefined) missing('"- renewable" line');
  const precedence = sectionAfter(sections, 'PRECEDENCE RELATIONS:');
  const requests = sectionAfter(sections, 'REQUESTS/DURATIONS:');
  const availability = sectionAfter(sections, 'RESOURCEAVAILABILITIES:');
  if (!precedence) missing('PRECEDENCE RELATIONS section');
  if (!requests) missing('REQUESTS/DURATIONS section');
  if (!availability) missing('RESOURCEAVAILABILITIES section');
  if (n === undefined || R === undefined || !precedence || !requests || !availability || problems.length > 0) return err(problems);

  const duration = new Int32Array(n);
  const demand = new Int32Array(n * R);
  const capacity = new Int32Array(R);
  const successors: number[][] = Array.from({ length: n }, () => []);
  const rowLine = new Int32Array(n);
  const requestLine = new Int32Array(n);
  const row = (line: Line, message: string) => problems.push({ code: 'psplib-row', line: line.no, message });
  const job = (line: Line, value: number, seen: Uint8Array, what: string): number | undefined => {
    if (value < 1 || value > n) return void row(line, `${what} ${value} is outside 1..${n}`);
    if (seen[value - 1]) return void row(line, `job ${value} appears twice in ${what === 'job' ? 'this section' : what}`);
    seen[value - 1] = 1;
    return value - 1;
  };

  const seenPrecedence = new Uint8Array(n);
  for (const line of dataRows(precedence)) {
    const v = integers(line, row);
    if (!v) continue;
    const [jobNo, modes, count] = v;
    if (jobNo === undefined || modes === undefined || count === undefined || v.length !== 3 + count) {
      row(line, `expected "jobnr #modes #successors successor..." with as many successors as announced, got ${v.length} numbers`);
      continue;
    }
    if (modes !== 1)
      problems.push({
        code: 'psplib-unsupported',
        line: line.no,
        message: `job ${jobNo} has ${modes} modes; only single-mode files are read`,
      });
    const j = job(line, jobNo, seenPrecedence, 'job');
    if (j === undefined) continue;
    rowLine[j] = line.no;
    for (const s of v.slice(3)) {
      if (s < 1 || s > n) row(line, `successor ${s} is outside 1..${n}`);
      else successors[j]?.push(s - 1);
    }
  }
  const seenRequests = new Uint8Array(n);
  for (const line of dataRows(requests)) {
    const v = integers(line, row);
    if (!v) continue;
    if (v.length !== 3 + R + N) {
      row(line, `expected "jobnr mode duration" and ${R + N} resource requests, got ${v.length} numbers`);
      continue;
    }
    const j = job(line, v[0] as number, seenRequests, 'job');
    if (j === undefined) continue;
    requestLine[j] = line.no;
    duration[j] = v[2] as number;
    for (let r = 0; r < R; r++) demand[j * R + r] = v[3 + r] as number;
  }
  const capacityRows = dataRows(availability);
  const capacityLine = capacityRows[0];
  const caps = capacityLine ? integers(capacityLine, row) : undefined;
  if (!capacityLine) missing('resource availability row');
  else if (caps && caps.length < R) row(capacityLine, `expected ${R} capacities, got ${caps.length}`);
  else if (caps) capacity.set(caps.slice(0, R));
  for (let j = 0; j < n; j++) {
    if (!seenPrecedence[j]) missing(`precedence row for job ${j + 1}`);
    if (!seenRequests[j]) missing(`request row for job ${j + 1}`);
  }
  if (problems.length > 0) return err(problems);

  const succStart = new Int32Array(n + 1);
  for (let j = 0; j < n; j++) succStart[j + 1] = (succStart[j] as number) + (successors[j]?.length ?? 0);
  const succ = Int32Array.from(successors.flat());
  const ids = Array.from({ length: n }, (_, j) => String(j + 1));
  const checked = validateInstance({ n, duration, succStart, succ, resourceCount: R, demand, capacity, ids });
  if (!checked.ok) {
    return err(
      checked.error.map((p) => ({
        code: 'psplib-instance' as const,
        line: p.activity === undefined ? lastLine : ((p.code === 'cycle' ? rowLine : requestLine)[p.activity] as number),
        message: p.message.replace(/\bactivity\b/g, 'job').replace(/\bresource (\d+)/g, (_, k: string) => `resource R${Number(k) + 1}`),
      })),
    );
  }
  return checked;
}

/** Sections are separated by lines of asterisks. */
function splitSections(lines: Line[]): Line[][] {
  const out: Line[][] = [[]];
  for (const line of lines) {
    if (/^\*{3,}\s*$/.test(line.text)) out.push([]);
    else out[out.length - 1]?.push(line);
  }
  return out;
}

function sectionAfter(sections: Line[][], title: string): Line[] | undefined {
  return sections.find((s) => s.some((l) => l.text.trim().toUpperCase() === title));
}

/** Rows of numbers in a section: everything after its title that starts with a digit. */
function dataRows(section: Line[]): Line[] {
  return section.filter((l) => /^\s*-?\d/.test(l.text));
}

function integers(line: Line, row: (line: Line, message: string) => void): number[] | undefined {
  const parts = line.text.trim().split(/\s+/);
  const values = parts.map(Number);
  const bad = parts.findIndex((p, i) => !/^-?\d+$/.test(p) || !Number.isSafeInteger(values[i]));
  if (bad >= 0) return void row(line, `"${parts[bad]}" is not an integer`);
  return values;
}

function headerNumber(lines: Line[], pattern: RegExp, what: string, problems: PsplibProblem[]): number | undefined {
  for (const line of lines) {
    const m = pattern.exec(line.text);
    if (!m) continue;
    const v = Number(m[1]);
    if (Number.isSafeInteger(v) && v >= 0) return v;
    problems.push({ code: 'psplib-row', line: line.no, message: `number of ${what} "${m[1]}" is not a non-negative integer` });
    return undefined;
  }
  return undefined;
}
