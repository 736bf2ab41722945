import { buildSloReport, type ObjectiveReport, type SloEntry } from '../../app/slo-report.js';
import { availabilityTable, formatDuration } from '../../engine/slo/availability.js';
import type { CliIo } from '../cli-io.js';
import { EXIT } from '../exit-codes.js';
import { renderFileProblems } from '../render/file-problems.js';
import { table } from '../render/table.js';
import { readSource } from './read-source.js';

export interface SloOptions {
  readonly data?: string;
  readonly at?: string;
  readonly lenient?: boolean;
  readonly nines?: string;
  readonly json?: boolean;
}

export async function sloCommand(io: CliIo, file: string | undefined, options: SloOptions): Promise<number> {
  if (options.nines !== undefined) return ninesTable(io, options.nines, options.json === true);
  if (file === undefined) {
    io.err(`${io.errStyle.red('error')}: give an OpenSLO file, or --nines 99.9 for the availability table`);
    return EXIT.usage;
  }
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
  if (options.data !== undefined) {
    const d = await readSource(io, options.data);
    if ('error' in d) {
      io.err(`${io.errStyle.red('error')}: ${d.error}`);
      return EXIT.usage;
    }
    data = { file: options.data, text: d.text };
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

const percent = (fraction: number): string => `${Number((fraction * 100).toPrecision(10))} %`;
const num = (n: number): string => String(Number(n.toPrecision(10)));

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
  const tte = b.timeToExhaustionMs === null ? 'not burning' : formatDuration(b.timeToExhaustionMs / 1000);
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
