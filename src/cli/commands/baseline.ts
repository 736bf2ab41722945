import { type BaselineVariance, compareWithBaseline, freezePlan } from '../../app/baselines.js';
import type { PlanError } from '../../app/plan-program.js';
import type { ReportSnapshot } from '../../app/status-report.js';
import { type CalendarDate, isCalendarDate } from '../../domain/calendar-date.js';
import type { ProgramId } from '../../domain/ids.js';
import type { ProgramModel } from '../../domain/program-model.js';
import type { CliIo } from '../cli-io.js';
import { EXIT } from '../exit-codes.js';
import { describePlanError } from '../render/plan-error.js';
import type { Style } from '../render/style.js';
import { table } from '../render/table.js';
import { defaultActor, withStore } from '../with-store.js';
import { notFound } from './show.js';

export interface BaselineOptions {
  trend?: boolean;
  save?: string;
  compare?: string;
  asOf?: string;
  json?: boolean;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export async function baselineCommand(io: CliIo, program: string, o: BaselineOptions): Promise<number> {
  const usage = (message: string) => {
    io.err(`${io.errStyle.red('error')}: ${message}`);
    return EXIT.usage;
  };
  if (o.save !== undefined && o.compare !== undefined) return usage('give --save NAME or --compare NAME, not both');
  const name = o.save ?? o.compare;
  if (name !== undefined && !NAME.test(name))
    return usage(`"${name}" is not a baseline name: use letters, digits, ".", "_" or "-", e.g. q1-plan`);
  if (o.asOf !== undefined && !isCalendarDate(o.asOf)) return usage(`--as-of "${o.asOf}" is not a date; write it as YYYY-MM-DD`);
  const asOf = o.asOf as CalendarDate | undefined;
  return withStore(io, `throughline baseline ${program}`, async (store) => {
    const id = program as ProgramId;
    const model = await store.readProgram(id);
    if (!model) return notFound(io, store, program);
    const fail = (e: PlanError) => {
      io.err(`${io.errStyle.red('error')}: ${describePlanError(e)}`);
      return EXIT.invalid;
    };
    if (o.save !== undefined) {
      const plan = freezePlan(model, asOf);
      if (!plan.ok) return fail(plan.error);
      const version = (await store.listPrograms()).find((p) => p.id === id)?.version ?? 1;
      const saved = await store.insights.saveBaseline(id, {
        name: o.save,
        createdAt: io.now(),
        actor: defaultActor(io),
        version,
        model,
        plan: plan.value,
      });
      if (!saved) return usage(`${program} already has a baseline "${o.save}"; baselines are never overwritten, so pick a new name`);
      io.out(
        o.json
          ? JSON.stringify({ saved: o.save, version, finish: plan.value.finish })
          : `${io.style.green('✓')} baseline "${o.save}" saved: version ${version}, finish ${plan.value.finish.slice(0, 10)}`,
      );
      return EXIT.ok;
    }
    if (o.compare !== undefined) {
      const baseline = await store.insights.readBaseline(id, o.compare);
      if (!baseline) {
        const known = (await store.insights.listBaselines(id)).map((b) => b.name);
        io.err(
          `${io.errStyle.red('error')}: no baseline "${o.compare}" for ${program}. ${known.length > 0 ? `Baselines: ${known.join(', ')}.` : `Save one first: throughline baseline ${program} --save NAME`}`,
        );
        return EXIT.notFound;
      }
      const variance = compareWithBaseline(model, baseline, asOf);
      if (!variance.ok) return fail(variance.error);
      io.out(o.json ? JSON.stringify(variance.value, null, 2) : renderVariance(variance.value, io.style));
      return EXIT.ok;
    }
    if (o.trend) {
      const snapshots = await store.insights.statusSnapshots(id);
      const trend = forecastTrend(model, snapshots);
      if (o.json) io.out(JSON.stringify(trend, null, 2));
      else if (trend.reports.length === 0)
        io.out(`No report kept yet: each throughline report ${program} keeps its forecast for the trend.`);
      else
        io.out(
          [
            io.style.bold(`Forecast trend of ${program}: each milestone's 80 %-sure date, report by report`),
            table(
              ['MILESTONE', 'TARGET', ...trend.reports],
              trend.milestones.map((m) => [m.id, m.target ?? '—', ...m.p80.map((x) => (x ? x.slice(0, 10) : '—'))]),
            ),
          ].join('\n'),
        );
      return EXIT.ok;
    }
    const list = await store.insights.listBaselines(id);
    if (o.json) io.out(JSON.stringify(list, null, 2));
    else if (list.length === 0) io.out(`No baseline yet. Save one: throughline baseline ${program} --save q1-plan`);
    else
      io.out(
        table(
          ['NAME', 'SAVED', 'BY', 'VERSION'],
          list.map((b) => [b.name, b.createdAt.toISOString().slice(0, 16).replace('T', ' '), b.actor, String(b.version)]),
          [3],
        ),
      );
    return EXIT.ok;
  });
}

/** Each milestone's P80 in every kept report, oldest first: how the forecast moved over time. */
export function forecastTrend(
  model: ProgramModel,
  snapshots: readonly { asOf: string; summary: unknown }[],
): { reports: string[]; milestones: { id: string; target: string | null; p80: (string | null)[] }[] } {
  const reports = snapshots.map((s) => s.asOf);
  const byReport = snapshots.map((s) => new Map(((s.summary as ReportSnapshot).milestones ?? []).map((m) => [m.id, m.p80])));
  return {
    reports,
    milestones: model.items
      .filter((i) => i.kind === 'milestone')
      .map((i) => ({ id: i.id, target: i.target ?? null, p80: byReport.map((r) => r.get(i.id) ?? null) })),
  };
}

function renderVariance(v: BaselineVariance, s: Style): string {
  const day = (x: string | undefined) => (x ? x.slice(0, 10) : '—');
  const slip = (x: number | null) => (x === null ? '' : x > 0 ? s.red(`+${x}`) : x < 0 ? s.green(String(x)) : '0');
  const row = (r: BaselineVariance['items'][number]) => [
    r.id,
    r.title.slice(0, 46),
    r.change === 'added' ? s.yellow('added') : r.change === 'removed' ? s.dim('removed') : day(r.baseline?.finish),
    day(r.current?.finish),
    slip(r.startSlip),
    slip(r.finishSlip),
  ];
  const header = ['ID', 'TITLE', 'BASELINE FINISH', 'NOW', 'START SLIP', 'FINISH SLIP'];
  const c = v.counts;
  const out = [
    s.bold(`${v.program} against baseline "${v.baseline.name}" (saved ${v.baseline.createdAt.slice(0, 10)} by ${v.baseline.actor})`),
    `${s.bold('Finish')}: ${day(v.finish.baseline)} → ${day(v.finish.current)} (${slip(v.finish.slip) || '0'} working days)`,
    s.dim(
      `${c.later} items later, ${c.earlier} earlier, ${c.same} unchanged, ${c.added} added, ${c.removed} removed; slips in working days.`,
    ),
    '',
    s.bold('Milestones'),
    table(header, v.milestones.map(row), [4, 5]),
  ];
  const moved = v.items.filter((r) => r.change !== 'same');
  if (moved.length > 0) out.push('', s.bold(`Items that moved (${moved.length})`), table(header, moved.slice(0, 40).map(row), [4, 5]));
  if (moved.length > 40) out.push(s.dim(`… ${moved.length - 40} more (--json lists all)`));
  return out.join('\n');
}
