import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { durationMs } from '../../app/reliability/slo-budget.js';
import { refreshSliFromPrometheus, type SliDataError, type SliDataSaved, storeSliCsv } from '../../app/reliability/slo-data.js';
import { importOpenSlo } from '../../app/reliability/slo-import.js';
import { type ProgramSloStatus, programSloStatuses, sloStatus } from '../../app/reliability/slo-status.js';
import { buildSloReport, type ObjectiveReport, type SloEntry } from '../../app/slo-report.js';
import type { ProgramId } from '../../domain/ids.js';
import type { ProgramModel } from '../../domain/program-model.js';
import { type ProgramSlo, toSlo } from '../../domain/program-slo.js';
import { availabilityTable, formatDuration } from '../../engine/slo/availability.js';
import { budgetFraction } from '../../engine/slo/error-budget.js';
import { readSliCsv } from '../../formats/sli-csv/read-sli-csv.js';
import type { StoredSli } from '../../store/sli-store.js';
import type { CliIo } from '../cli-io.js';
import { EXIT } from '../exit-codes.js';
import { renderFileProblems } from '../render/file-problems.js';
import { table } from '../render/table.js';
import { defaultActor } from '../with-store.js';
import { instantOption, withStoredProgram } from './incident.js';
import { withProgramTarget } from './program-target.js';
import { readSource } from './read-source.js';

export interface SloOptions {
  /** An SLI CSV for an OpenSLO file; `slo-id=file.csv` (repeatable) for a program file. */
  readonly data?: string | readonly string[];
  readonly at?: string;
  readonly lenient?: boolean;
  readonly nines?: string;
  readonly json?: boolean;
}

export async function sloCommand(io: CliIo, file: string | undefined, options: SloOptions): Promise<number> {
  if (options.nines !== undefined) return ninesTable(io, options.nines, options.json === true);
  if (file === undefined) {
    io.err(
      `${io.errStyle.red('error')}: give a program (its id, or a program file), an OpenSLO file, or --nines 99.9 for the availability table`,
    );
    return EXIT.usage;
  }
  if (!(await isOpenSloFile(io, file))) return programSlos(io, file, options);
  const dataFiles = options.data === undefined ? [] : typeof options.data === 'string' ? [options.data] : options.data;
  if (dataFiles.length > 1) {
    io.err(`${io.errStyle.red('error')}: an OpenSLO file takes one --data file (its SLOs share the samples)`);
    return EXIT.usage;
  }
  const dataFile = dataFiles[0];
  let atMs: number | undefined;
  if (options.at !== undefined) {
    atMs = Date.parse(options.at);
    if (!/(Z|[+-]\d{2}:?\d{2})$/.test(options.at) || Number.isNaN(atMs)) {
      io.err(`${io.errStyle.red('error')}: --at ${options.at} is not an ISO date-time with a zone, e.g. 2026-03-01T12:00:00Z`);
      return EXIT.usage;
    }
  }
  const source = await readSource(io, file);
  if ('error' in source) {
    io.err(`${io.errStyle.red('error')}: ${source.error}`);
    return EXIT.usage;
  }
  let data: { file: string; text: string } | undefined;
  if (dataFile !== undefined) {
    const d = await readSource(io, dataFile);
    if ('error' in d) {
      io.err(`${io.errStyle.red('error')}: ${d.error}`);
      return EXIT.usage;
    }
    data = { file: dataFile, text: d.text };
  }
  const result = buildSloReport({
    openslo: { file, text: source.text },
    lenient: options.lenient === true,
    ...(data ? { data } : {}),
    ...(atMs !== undefined ? { atMs } : {}),
  });
  if (!result.ok) {
    if (options.json) io.out(JSON.stringify({ file, problems: result.error }, null, 2));
    else io.err(renderFileProblems(result.error, io.errStyle));
    return EXIT.invalid;
  }
  const report = result.value;
  if (options.json) {
    io.out(JSON.stringify(report, null, 2));
    return EXIT.ok;
  }
  if (report.warnings.length > 0) io.err(renderFileProblems(report.warnings, io.errStyle, 'warning'));
  const blocks = report.slos.map((slo) => renderSlo(io, slo));
  io.out(blocks.join('\n\n'));
  if (report.slos.length === 0) io.out('no SLOs in the file');
  return EXIT.ok;
}

// Figures a TPM reads: percentages to 6 significant digits (99.9594 %), counts and rates rounded to
// what a decision needs; --json keeps full precision.
const percent = (fraction: number): string => `${Number((fraction * 100).toPrecision(6))} %`;
const num = (n: number): string => {
  if (Number.isInteger(n)) return String(n);
  const abs = Math.abs(n);
  return String(abs >= 1000 ? Math.round(n) : abs >= 1 ? Math.round(n * 100) / 100 : Number(n.toPrecision(3)));
};

function renderSlo(io: CliIo, slo: SloEntry): string {
  const s = io.style;
  const window = `${slo.window.kind} ${slo.window.duration}${slo.window.timeZone ? ` (${slo.window.timeZone})` : ''}`;
  const lines = [
    `${s.bold(`SLO ${slo.name}`)}${slo.displayName ? ` — ${slo.displayName}` : ''}`,
    `  service ${slo.service}, ${slo.sli} SLI, ${slo.budgetingMethod}, window ${window}`,
  ];
  for (const o of slo.objectives) lines.push(...renderObjective(io, slo, o));
  return lines.join('\n');
}

function renderObjective(io: CliIo, slo: SloEntry, o: ObjectiveReport): string[] {
  const s = io.style;
  const what = o.op !== null && o.value !== null ? `, good when value ${o.op} ${o.value}` : '';
  const sliceGood = o.timeSliceTarget !== null ? ` good at ${percent(o.timeSliceTarget)}` : '';
  const slices = o.timeSliceWindow !== null ? `, slices of ${o.timeSliceWindow}${sliceGood}` : '';
  const out = [`  objective ${o.displayName ?? ''}${o.displayName ? ': ' : ''}${percent(o.target)}${what}${slices}`];
  const allowed =
    slo.budgetingMethod === 'Occurrences'
      ? `    allowed: ${percent(o.allowedBadFraction)} of events bad`
      : `    allowed: ${percent(o.allowedBadFraction)} of the time bad`;
  const asTime = o.allowedDowntimeSeconds === null ? '' : `${formatDuration(o.allowedDowntimeSeconds)} per ${slo.window.duration}`;
  const downtime = asTime === '' ? '' : slo.budgetingMethod === 'Occurrences' ? ` (as time: ${asTime})` : ` = ${asTime}`;
  out.push(allowed + downtime);
  if (o.notComputed !== null) out.push(`    ${s.yellow('not computed')}: ${o.notComputed}`);
  const b = o.budget;
  if (b === null) return out;
  out.push(`    at ${new Date(b.atMs).toISOString()}: attained SLI ${b.attainedSli === null ? 'no data' : percent(b.attainedSli)}`);
  const state = b.exhausted ? s.red('exhausted') : 'left';
  out.push(`    budget ${num(b.total)} ${b.unit}, consumed ${num(b.consumed)}, remaining ${num(b.remaining)} ${b.unit} (${state})`);
  // Beyond an hour, seconds are noise.
  const tteSeconds = b.timeToExhaustionMs === null ? null : b.timeToExhaustionMs / 1000;
  const tte = tteSeconds === null ? 'not burning' : formatDuration(tteSeconds > 3600 ? Math.round(tteSeconds / 60) * 60 : tteSeconds);
  out.push(`    burn rate ${b.burnRate === null ? 'no data' : num(b.burnRate)}x, budget exhausted in ${tte}`);
  const fired = b.rules.filter((r) => r.fires);
  if (fired.length === 0) out.push(`    alerts: none fire`);
  for (const r of fired)
    out.push(
      `    ${b.alert === 'page' && r.severity === 'page' ? s.red('PAGE') : s.yellow(r.severity.toUpperCase())} ${r.name}: burn > ${r.burnRate}x over ` +
        `${formatDuration(r.longWindowMs / 1000)} (${num(r.longBurnRate ?? 0)}x) and ${formatDuration(r.shortWindowMs / 1000)} (${num(r.shortBurnRate ?? 0)}x)`,
    );
  return out;
}

function ninesTable(io: CliIo, written: string, json: boolean): number {
  const percents = written.split(',').map((t) => Number(t.trim()));
  if (percents.some((p) => !Number.isFinite(p) || p < 0 || p > 100)) {
    io.err(`${io.errStyle.red('error')}: --nines ${written} is not a list of percentages from 0 to 100, e.g. 99.9 or 99,99.9,99.99`);
    return EXIT.usage;
  }
  const rows = availabilityTable(percents);
  if (json) {
    io.out(JSON.stringify({ rows }, null, 2));
    return EXIT.ok;
  }
  io.out(
    table(
      ['availability', 'per year', 'per month (30 d)', 'per week', 'per day'],
      rows.map((r) => [
        `${r.percent} %`,
        formatDuration(r.downtimeSeconds.year),
        formatDuration(r.downtimeSeconds.month),
        formatDuration(r.downtimeSeconds.week),
        formatDuration(r.downtimeSeconds.day),
      ]),
    ),
  );
  return EXIT.ok;
}

/** An OpenSLO file says `apiVersion: openslo/…`; anything else is a program (a file, or a stored id). */
async function isOpenSloFile(io: CliIo, target: string): Promise<boolean> {
  if (!existsSync(resolve(io.cwd, target))) return false;
  const source = await readSource(io, target);
  return 'text' in source && /^\s*-?\s*apiVersion:\s*["']?openslo\//m.test(source.text);
}

/** `slo <program>`: every SLO of a stored program (its stored data) or of a program file (`--data slo=file.csv`). */
async function programSlos(io: CliIo, target: string, options: SloOptions): Promise<number> {
  const given = options.data === undefined ? [] : typeof options.data === 'string' ? [options.data] : options.data;
  if (options.lenient) {
    io.err(`${io.errStyle.red('error')}: --lenient is for OpenSLO files; a program's SLOs are already checked when it loads`);
    return EXIT.usage;
  }
  return withProgramTarget(io, target, 'slo', async (program) => {
    const model = program.model;
    let statuses: ProgramSloStatus[];
    let atMs: number;
    if (program.kind === 'stored') {
      if (given.length > 0) {
        io.err(
          `${io.errStyle.red('error')}: a stored program keeps its SLI data; store it with: throughline slo data ${target} <slo> <file.csv>`,
        );
        return EXIT.usage;
      }
      const at = instantOption(io, options.at);
      if ('error' in at) return usage(io, at.error);
      atMs = at.getTime();
      statuses = await programSloStatuses(program.store, model.program.id as ProgramId, model, atMs);
    } else {
      const data = await dataForFile(io, model, given);
      if ('code' in data) return data.code;
      const lastSample = Math.max(...[...data.values()].map((d) => d.toMs ?? Number.NEGATIVE_INFINITY));
      const at = options.at === undefined && Number.isFinite(lastSample) ? new Date(lastSample) : instantOption(io, options.at);
      if ('error' in at) return usage(io, at.error);
      atMs = at.getTime();
      statuses = model.slos.map((s) => sloStatus(s, data.get(s.id), atMs));
    }
    if (options.json) {
      io.out(JSON.stringify({ program: model.program.id, at: new Date(atMs).toISOString(), slos: statuses }, null, 2));
      return EXIT.ok;
    }
    if (statuses.length === 0) {
      io.out(
        `program ${model.program.id} has no SLOs; add them under slos: in the program file, or: throughline slo import <openslo.yaml> --program ${model.program.id}`,
      );
      return EXIT.ok;
    }
    const stored = program.kind === 'stored';
    io.out(`${io.style.bold(headline(model.program.id, atMs, statuses))}\n`);
    io.out(
      statuses
        .map((st, i) => {
          const s = model.slos[i] as ProgramSlo;
          const lines = renderSlo(io, entryOf(s, st)).split('\n');
          // After the header, the objective and the allowed budget: where the figures below come from.
          lines.splice(
            4,
            0,
            st.data !== null
              ? `    data: ${st.data.samples} samples from ${st.data.source}, ${st.data.from ?? '-'} to ${st.data.to ?? '-'}`
              : stored
                ? `    no data yet: throughline slo data ${model.program.id} ${s.id} <file.csv>${s.source ? ` (or: throughline slo refresh ${model.program.id} ${s.id})` : ''}`
                : `    no data yet: --data ${s.id}=<file.csv>`,
          );
          return lines.join('\n');
        })
        .join('\n\n'),
    );
    return EXIT.ok;
  });
}

/** One line first, as a TPM asks it: how many budgets are gone, what is alerting, which budget is most spent. */
function headline(program: string, atMs: number, statuses: readonly ProgramSloStatus[]): string {
  const computed = statuses.filter((s) => s.budget !== null);
  const exhausted = computed.filter((s) => s.budget?.exhausted).map((s) => s.id);
  const alerting = computed.filter((s) => s.budget?.alert).map((s) => `${s.id} (${s.budget?.alert})`);
  const spent = (s: ProgramSloStatus) => (s.budget && s.budget.total > 0 ? s.budget.consumed / s.budget.total : 0);
  const most = [...computed].sort((a, b) => spent(b) - spent(a))[0];
  const parts = [
    `${program} at ${new Date(atMs).toISOString()}: ${statuses.length} SLO${statuses.length === 1 ? '' : 's'}, ${computed.length} with a budget`,
    exhausted.length > 0 ? `exhausted: ${exhausted.join(', ')}` : 'none exhausted',
    alerting.length > 0 ? `alerting: ${alerting.join(', ')}` : 'nothing alerting',
  ];
  if (most && exhausted.length === 0) parts.push(`most spent: ${most.id} (${Math.round(spent(most) * 100)} % of its budget)`);
  return parts.join('; ');
}

const usage = (io: CliIo, message: string): number => {
  io.err(`${io.errStyle.red('error')}: ${message}`);
  return EXIT.usage;
};

/** `--data slo-id=file.csv` for a program file: read, not stored. */
async function dataForFile(io: CliIo, model: ProgramModel, given: readonly string[]): Promise<Map<string, StoredSli> | { code: number }> {
  const data = new Map<string, StoredSli>();
  for (const g of given) {
    const eq = g.indexOf('=');
    const id = g.slice(0, eq);
    const file = g.slice(eq + 1);
    const slo = model.slos.find((s) => s.id === id);
    if (eq < 1 || file === '' || slo === undefined) {
      const ids = model.slos.map((s) => s.id).join(', ') || 'none';
      return { code: usage(io, `--data ${g}: write --data <slo-id>=<file.csv>, with an SLO of the program (${ids})`) };
    }
    const source = await readSource(io, file);
    if ('error' in source) return { code: usage(io, source.error) };
    const csv = readSliCsv(source.text, file);
    if (!csv.ok) {
      io.err(renderFileProblems(csv.error, io.errStyle));
      return { code: EXIT.invalid };
    }
    const n = csv.value.timestamps.length;
    data.set(id, {
      slo: slo.id,
      kind: csv.value.kind,
      source: 'csv',
      samples: n,
      fromMs: n === 0 ? null : (csv.value.timestamps[0] as number),
      toMs: n === 0 ? null : (csv.value.timestamps[n - 1] as number),
      actor: '',
      updatedAt: new Date(0),
      series: csv.value,
    });
  }
  return data;
}

/** A program SLO's status in the shape the OpenSLO report prints. */
function entryOf(s: ProgramSlo, st: ProgramSloStatus): SloEntry {
  const threshold = 'threshold' in s.indicator ? s.indicator.threshold : undefined;
  return {
    name: s.id,
    displayName: s.name ?? null,
    service: s.service,
    sli: threshold ? 'threshold' : 'ratio',
    budgetingMethod: s.budgeting,
    window: { kind: s.calendar ? 'calendar' : 'rolling', duration: s.window, timeZone: s.calendar?.timeZone ?? null },
    windowMs: durationMs(toSlo(s).timeWindow.duration),
    objectives: [
      {
        displayName: null,
        target: s.objective / 100,
        op: threshold?.op ?? null,
        value: threshold?.value ?? null,
        timeSliceTarget: s.timeSlice?.target === undefined ? null : s.timeSlice.target / 100,
        timeSliceWindow: s.timeSlice?.window ?? null,
        allowedBadFraction: budgetFraction(s.objective / 100),
        allowedDowntimeSeconds: st.allowedDowntimeSeconds,
        budget: st.budget === null ? null : { ...st.budget, unit: st.unit },
        // The "add data" line says what to do when there is none.
        notComputed: st.data === null ? null : st.notComputed,
      },
    ],
  };
}

const savedLine = (d: SliDataSaved, program: string) =>
  `stored ${d.samples} samples for SLO ${d.slo} of ${program} from ${d.source}${d.from ? `, ${d.from} to ${d.to}` : ''}`;

function dataFailure(io: CliIo, e: SliDataError, json: boolean): number {
  if (json) io.out(JSON.stringify({ error: e }, null, 2));
  if (e.kind === 'csv') {
    if (!json) io.err(renderFileProblems(e.problems, io.errStyle));
    return EXIT.invalid;
  }
  if (!json)
    io.err(
      `${io.errStyle.red('error')}: ${e.kind === 'prometheus' ? `${e.error.message}\n  ${io.errStyle.cyan('hint:')} ${e.error.hint}` : e.message}`,
    );
  return e.kind === 'no-slo' ? EXIT.notFound : EXIT.invalid;
}

export interface SloDataOptions {
  readonly json?: boolean;
}

/** `slo data <program> <slo> <file.csv>`: replaces the SLO's stored samples. */
export async function sloDataCommand(io: CliIo, program: string, slo: string, file: string, options: SloDataOptions): Promise<number> {
  const source = await readSource(io, file);
  if ('error' in source) return usage(io, source.error);
  return withStoredProgram(io, program, 'slo data', async (store, model, id) => {
    const saved = await storeSliCsv(store, id, model, slo, { file, text: source.text }, { actor: defaultActor(io), at: io.now() });
    if (!saved.ok) return dataFailure(io, saved.error, options.json === true);
    io.out(options.json ? JSON.stringify(saved.value, null, 2) : savedLine(saved.value, id));
    return EXIT.ok;
  });
}

export interface SloRefreshOptions {
  readonly at?: string;
  readonly json?: boolean;
}

/** `slo refresh <program> <slo>`: pulls the window ending at --at (default now) from the SLO's Prometheus. */
export async function sloRefreshCommand(io: CliIo, program: string, slo: string, options: SloRefreshOptions): Promise<number> {
  const at = instantOption(io, options.at);
  if ('error' in at) return usage(io, at.error);
  return withStoredProgram(io, program, 'slo refresh', async (store, model, id) => {
    const saved = await refreshSliFromPrometheus(store, id, model, slo, at.getTime(), { actor: defaultActor(io), at: io.now() });
    if (!saved.ok) return dataFailure(io, saved.error, options.json === true);
    io.out(options.json ? JSON.stringify(saved.value, null, 2) : savedLine(saved.value, id));
    return EXIT.ok;
  });
}

export interface SloImportOptions {
  readonly program: string;
  readonly team?: string;
  readonly lenient?: boolean;
  readonly json?: boolean;
}

/** `slo import <openslo.yaml…> --program <id> [--team t]`: SLOs (and missing services) into a stored program, one change set. */
export async function sloImportCommand(io: CliIo, files: readonly string[], options: SloImportOptions): Promise<number> {
  const sources: { file: string; text: string }[] = [];
  for (const file of files) {
    const source = await readSource(io, file);
    if ('error' in source) return usage(io, source.error);
    sources.push({ file, text: source.text });
  }
  return withStoredProgram(io, options.program, 'slo import', async (store, _model, id) => {
    const done = await importOpenSlo(
      store,
      id,
      { files: sources, lenient: options.lenient === true, ...(options.team !== undefined ? { team: options.team } : {}) },
      { actor: defaultActor(io), at: io.now(), source: `slo import ${files.join(' ')}` },
    );
    if (!done.ok) {
      const e = done.error;
      if (options.json) io.out(JSON.stringify({ error: e }, null, 2));
      else if (e.kind === 'openslo') io.err(renderFileProblems(e.problems, io.errStyle));
      else if (e.kind === 'invalid') io.err(e.errors.map((x) => `${io.errStyle.red('error')}: ${x.field}: ${x.message}`).join('\n'));
      else io.err(`${io.errStyle.red('error')}: ${e.message}`);
      if (e.kind === 'no-program') return EXIT.notFound;
      return e.kind === 'needs-team' || e.kind === 'unknown-team' ? EXIT.usage : EXIT.invalid;
    }
    const r = done.value;
    if (options.json) {
      io.out(
        JSON.stringify(
          { ...r, saved: { programId: r.saved.programId, version: r.saved.version, changes: r.saved.changes.length } },
          null,
          2,
        ),
      );
      return EXIT.ok;
    }
    for (const w of r.warnings)
      io.err('line' in w ? renderFileProblems([w], io.errStyle, 'warning') : `${io.errStyle.yellow('warning')}: ${w.message}`);
    io.out(
      `imported ${r.slos} SLO${r.slos === 1 ? '' : 's'} (${r.sloIds.join(', ') || 'none'}) and created ${r.services} service${r.services === 1 ? '' : 's'}` +
        `${r.services > 0 ? ` (${r.serviceIds.join(', ')}, owned by ${options.team})` : ''} in ${id}: version ${r.saved.version}, ${r.saved.changes.length} change${r.saved.changes.length === 1 ? '' : 's'}`,
    );
    return EXIT.ok;
  });
}
