import { addDays, type CalendarDate, mondayOf } from '../domain/calendar-date.js';
import type { ProgramId } from '../domain/ids.js';
import type { ProgramModel } from '../domain/program-model.js';
import { err, ok, type Result } from '../domain/result.js';
import { WorkingCalendar } from '../engine/calendar/working-calendar.js';
import { programCalendar } from '../engine/plan/program-calendar.js';
import type { Rag, StatusReport } from '../formats/report/status-report.js';
import type { FrozenPlan } from './baselines.js';
import type { UsageReader } from './capacity/capacity-view.js';
import type { CostReader } from './cost/cost-risks.js';
import type { WorkerPool } from './engine-pool/worker-pool.js';
import { type ForecastView, forecastProgram } from './forecast-program.js';
import type { PlanError } from './plan-program.js';
import { planProgram } from './plan-program.js';
import { programDecisions } from './program-decisions.js';
import { programRisks, type Review } from './program-risks.js';
import { programSloStatuses, type SliReader } from './reliability/slo-status.js';
import { hasReliability, reliabilitySection } from './report-reliability.js';
import { reportSections } from './report-sections.js';
import { statusInstant } from './status-instant.js';

/** One change to one entity, as the history keeps it. */
export interface HistoryChange {
  readonly at: Date;
  readonly entity: string;
  readonly id: string;
  readonly op: 'create' | 'update' | 'delete';
  readonly before?: unknown;
  readonly after?: unknown;
}

/** What the last report said, as kept in a status snapshot. */
export interface ReportSnapshot {
  readonly asOf: string;
  readonly finishP80: string;
  readonly milestones: readonly { id: string; p50: string; p80: string }[];
  /** Each unfinished item's planned finish then (absent in snapshots kept before it was added). */
  readonly finishes?: Readonly<Record<string, string>>;
}

/** At most this many slipped items are listed, the largest slips first. */
const SLIPPED_SHOWN = 10;

export interface ReportRequest {
  readonly asOf: CalendarDate;
  readonly trials: number;
  readonly seed: number;
  readonly pool: WorkerPool;
  /** Stored programs only: */
  readonly history?: readonly HistoryChange[];
  readonly previous?: ReportSnapshot;
  readonly baseline?: { name: string; createdAt: Date; plan: FrozenPlan };
  readonly lastChanged?: ReadonlyMap<string, CalendarDate>;
  readonly reviews?: ReadonlyMap<string, Review>;
  /** The executive summary a person wrote, one sentence or paragraph each; replaces the computed one. */
  readonly writtenSummary?: readonly string[];
  /** The caller's clock: a report for today describes this instant rather than the day's end (`statusInstant`). */
  readonly now?: Date;
  /** Stored SLI data: error budgets in the reliability section and the SLO risk rules. */
  readonly sli?: SliReader;
  /** Stored capacity usage history (stored programs). */
  readonly usage?: UsageReader;
  /** Imported cloud cost data: switches on the cost risk rules. */
  readonly cost?: CostReader;
}

const WORST: Record<Rag, number> = { green: 0, amber: 1, red: 2 };
const worst = (rags: readonly Rag[]): Rag => rags.reduce<Rag>((a, b) => (WORST[b] > WORST[a] ? b : a), 'green');
const day = (dateTime: string) => dateTime.slice(0, 10);

/** RAG of a date forecast against a target (docs/status-report.md): red if P50 is late, amber if only P80 is. */
export function ragOf(target: string | null | undefined, p50: string, p80: string): Rag | null {
  if (!target) return null;
  return day(p50) > target ? 'red' : day(p80) > target ? 'amber' : 'green';
}

export async function buildStatusReport(
  model: ProgramModel,
  request: ReportRequest,
): Promise<Result<{ report: StatusReport; snapshot: ReportSnapshot }, PlanError>> {
  const forecast = await forecastProgram(model, request.pool, {
    trials: request.trials,
    seed: request.seed,
    asOf: request.asOf,
    curves: true,
  });
  if (!forecast.ok) return forecast;
  return statusReportFrom(model, forecast.value, request);
}

/** The report from a forecast already run: everything here but the forecast is what bench/report.ts times. */
export async function statusReportFrom(
  model: ProgramModel,
  f: ForecastView,
  request: Omit<ReportRequest, 'pool'> & { pool?: WorkerPool },
): Promise<Result<{ report: StatusReport; snapshot: ReportSnapshot }, PlanError>> {
  const { asOf } = request;
  const plan = planProgram(model, { asOf });
  if (!plan.ok) return plan;
  const risks = await programRisks(model, {
    asOf,
    trials: 0,
    seed: request.seed,
    forecastView: f,
    ...(request.lastChanged ? { lastChanged: request.lastChanged } : {}),
    ...(request.reviews ? { reviews: request.reviews } : {}),
    ...(request.baseline ? { baseline: { name: request.baseline.name, items: new Set(Object.keys(request.baseline.plan.items)) } } : {}),
    ...(request.now ? { now: request.now } : {}),
    ...(request.sli ? { sli: request.sli } : {}),
    ...(request.usage ? { usage: request.usage } : {}),
    ...(request.cost ? { cost: request.cost } : {}),
  });
  if (!risks.ok) return risks;
  const decisions = programDecisions(model, asOf);
  if (!decisions.ok) return decisions;
  const compiled = WorkingCalendar.compile(programCalendar(model.program), model.program.start);
  if (!compiled.ok) return err({ kind: 'calendar', message: compiled.error.map((p) => p.message).join('; ') });
  const cal = compiled.value;
  const workingDays = (from: string, to: string) =>
    Math.round(((cal.offsetOf(to.slice(0, 16)) - cal.offsetOf(from.slice(0, 16))) / cal.minutesPerDay) * 10) / 10;

  const items = new Map(model.items.map((i) => [i.id as string, i]));
  const planned = new Map(plan.value.items.map((i) => [i.id, i]));
  const previous = new Map((request.previous?.milestones ?? []).map((m) => [m.id, m]));
  const curves = new Map((f.curves ?? []).map((c) => [c.id, c.points]));
  const finishP80 = f.finish.p80;

  // Milestones, and the program's own target as the last word on the finish.
  const milestones = f.milestones.map((m) => {
    const item = items.get(m.id);
    const before = previous.get(m.id);
    return {
      id: m.id,
      title: item?.title ?? m.id,
      target: m.target,
      planned: String(planned.get(m.id)?.finish ?? ''),
      p50: m.p50,
      p80: m.p80,
      rag: ragOf(m.target, m.p50, m.p80),
      previousP80: before?.p80 ?? null,
      trendDays: before ? workingDays(before.p80, m.p80) : null,
      curve: curves.get(m.id) ?? [],
    };
  });
  const programRag = ragOf(model.program.target, f.finish.p50, f.finish.p80) as Rag;
  const late = milestones.filter((m) => m.rag === 'red' || m.rag === 'amber');
  const overall = worst([programRag, ...milestones.flatMap((m) => (m.rag ? [m.rag] : []))]);
  const worstMilestone = [...milestones].filter((m) => m.rag === overall).sort((a, b) => (a.target ?? '').localeCompare(b.target ?? ''))[0];
  const overallWhy =
    overall === 'green'
      ? `Every milestone and the finish (target ${model.program.target}) are forecast on time with 80 % confidence.`
      : worstMilestone?.target
        ? `"${worstMilestone.title}" is due ${worstMilestone.target}; it is forecast by ${day(worstMilestone.p50)} at even odds and by ${day(worstMilestone.p80)} with 80 % confidence.`
        : `The finish is due ${model.program.target}; it is forecast by ${day(f.finish.p50)} at even odds and by ${day(f.finish.p80)} with 80 % confidence.`;

  // Workstreams (docs/status-report.md): red when one of their milestones is; amber when one is at
  // risk, or when a high-severity schedule finding sits on their work; green otherwise.
  const SCHEDULE_RULES: ReadonlySet<string> = new Set([
    'critical-blocked',
    'critical-not-started',
    'dependency-unaccepted',
    'order-overdue',
  ]);
  const troubled = new Map<string, string>();
  for (const finding of risks.value.findings) {
    if (finding.severity !== 'high' || !SCHEDULE_RULES.has(finding.rule)) continue;
    // The work that waits: a dependency's successor, otherwise the finding's item.
    const subject = finding.rule === 'dependency-unaccepted' ? finding.items[1] : finding.items[0];
    if (subject !== undefined && !troubled.has(subject)) troubled.set(subject, finding.title);
  }
  // A milestone counts for its own workstream, or else for the workstreams of the work it waits on directly.
  const milestoneStreams = new Map<string, Set<string>>();
  for (const m of milestones) {
    const own = items.get(m.id)?.workstream;
    const streams = own
      ? [own as string]
      : model.dependencies
          .filter((d) => d.to === m.id)
          .flatMap((d) => (items.get(d.from)?.workstream ? [items.get(d.from)?.workstream as string] : []));
    milestoneStreams.set(m.id, new Set(streams));
  }
  const workstreams = model.workstreams.map((ws) => {
    const own = model.items.filter((i) => i.workstream === ws.id);
    const fromMilestones = milestones.filter((m) => milestoneStreams.get(m.id)?.has(ws.id) && m.rag !== null);
    const trouble = own.map((i) => troubled.get(i.id)).find((t) => t !== undefined);
    const rag = worst([...fromMilestones.map((m) => m.rag as Rag), ...(trouble ? (['amber'] as Rag[]) : [])]);
    const lateMilestone = fromMilestones.find((m) => m.rag === rag && rag !== 'green');
    const why =
      rag === 'green'
        ? 'Its milestones are on time and no serious schedule risk sits on its work.'
        : lateMilestone
          ? `Milestone "${lateMilestone.title}" is ${rag === 'red' ? 'more likely than not to miss' : 'at risk of missing'} ${lateMilestone.target}.`
          : `${trouble}.`;
    return { id: ws.id as string, name: ws.name, rag, why };
  });

  // What changed since the last report (or the last seven days), from the history.
  const since = request.previous?.asOf ?? addDays(asOf, -7);
  const history = request.history;
  const recent = (history ?? []).filter((c) => c.at.toISOString().slice(0, 10) > since);
  const field = (value: unknown, key: string) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined);
  const finished = recent
    .filter((c) => c.entity === 'item' && field(c.after, 'state') === 'done' && field(c.before, 'state') !== 'done')
    .map((c) => ({ id: c.id, title: String(field(c.after, 'title') ?? c.id) }));
  const newRisks = recent
    .filter((c) => c.entity === 'risk' && c.op === 'create')
    .map((c) => ({ id: c.id, title: String(field(c.after, 'title') ?? c.id) }));
  const closedRisks = recent
    .filter((c) => c.entity === 'risk' && field(c.after, 'status') === 'closed' && field(c.before, 'status') !== 'closed')
    .map((c) => ({ id: c.id, title: String(field(c.after, 'title') ?? c.id) }));
  const decisionsMade = recent
    .filter((c) => c.entity === 'decision' && field(c.after, 'status') === 'decided' && field(c.before, 'status') !== 'decided')
    .map((c) => {
      const d = model.decisions.find((x) => x.id === c.id);
      return {
        id: c.id,
        title: String(field(c.after, 'title') ?? c.id),
        outcome: d?.options.find((o) => o.id === d.outcome)?.title ?? d?.outcome ?? null,
      };
    });
  // Slips: milestones whose 80 %-sure date moved later, then work whose planned finish did.
  const earlier = request.previous?.finishes ?? {};
  const itemSlips = plan.value.items
    .filter((p) => items.get(p.id)?.kind !== 'milestone' && earlier[p.id] !== undefined)
    .map((p) => ({ id: p.id, title: items.get(p.id)?.title ?? p.id, days: workingDays(earlier[p.id] as string, String(p.finish)) }))
    .filter((x) => x.days > 0)
    .sort((a, b) => b.days - a.days || a.id.localeCompare(b.id))
    .slice(0, SLIPPED_SHOWN);
  const slipped = [
    ...milestones.filter((m) => (m.trendDays ?? 0) > 0).map((m) => ({ id: m.id, title: m.title, days: m.trendDays as number })),
    ...itemSlips,
  ];

  // The chain of work that sets the end date, in words.
  const chain = plan.value.criticalPath.filter((id) => items.get(id)?.kind !== 'milestone');
  const teamNames = new Map(model.teams.map((t) => [t.id as string, t.name]));
  const chainTeams = [...new Set(chain.flatMap((id) => (items.get(id)?.team ? [teamNames.get(items.get(id)?.team as string) ?? ''] : [])))];
  const first = items.get(chain[0] ?? '');
  const last = items.get(chain[chain.length - 1] ?? '');
  const criticalSentence =
    chain.length === 0
      ? 'No chain of work sets the end date yet.'
      : `The end date is set by a chain of ${chain.length} pieces of work by ${
          chainTeams.length > 3
            ? `${chainTeams.slice(0, 3).join(', ')} and ${chainTeams.length - 3 === 1 ? 'one more team' : `${chainTeams.length - 3} more teams`}`
            : listOf(chainTeams)
        }, from "${first?.title}" to "${last?.title}".`;

  const topRisks = risks.value.findings.slice(0, 5).map((x) => ({ severity: x.severity, title: x.title, action: x.action }));
  const decisionsNeeded = decisions.value.needed.map((d) => ({ id: d.id, title: d.title, blocksOn: d.blocksOn, why: d.why }));
  const asks = [
    ...decisions.value.needed
      .filter((d) => d.daysLeft !== null && d.daysLeft <= 14)
      .map((d) => `Decide "${d.title}" by ${d.blocksOn}: ${d.why}.`),
    ...risks.value.findings.filter((x) => x.severity === 'high').map((x) => `${x.title}: ${x.action}`),
  ].slice(0, 5);

  // Gantt snapshot by workstream, with the baseline's finish as a ghost.
  const span = (ids: readonly string[]) => {
    const rows = ids.flatMap((id) => (planned.has(id) ? [planned.get(id) as (typeof plan.value.items)[number]] : []));
    if (rows.length === 0) return undefined;
    return {
      start: rows.map((r) => String(r.start)).reduce((a, b) => (b < a ? b : a)),
      finish: rows.map((r) => String(r.finish)).reduce((a, b) => (b > a ? b : a)),
      critical: rows.some((r) => r.critical),
    };
  };
  const ganttRows = model.workstreams.flatMap((ws) => {
    const ids = model.items.filter((i) => i.workstream === ws.id).map((i) => i.id as string);
    const s = span(ids);
    if (!s) return [];
    const ghost = request.baseline
      ? ids
          .map((id) => request.baseline?.plan.items[id]?.finish)
          .filter((x): x is string => x !== undefined)
          .reduce<string | null>((a, b) => (a === null || b > a ? b : a), null)
      : null;
    return [{ name: ws.name, start: day(s.start), finish: day(s.finish), baselineFinish: ghost ? day(ghost) : null, critical: s.critical }];
  });
  const end = [String(plan.value.finish), finishP80, ...milestones.map((m) => m.p80)].map(day).reduce((a, b) => (b > a ? b : a));

  // Burn-up: planned completions per week; actual ones from the history where it is known.
  const work = model.items.filter((i) => i.kind !== 'milestone' && i.kind !== 'epic' && i.state !== 'cancelled');
  const doneAt = new Map<string, string>();
  for (const c of [...(history ?? [])].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    if (c.entity === 'item' && field(c.after, 'state') === 'done' && !doneAt.has(c.id)) doneAt.set(c.id, c.at.toISOString().slice(0, 10));
  }
  const weeks: { week: string; planned: number; actual: number | null }[] = [];
  for (let w = mondayOf(model.program.start); w <= end; w = addDays(w as CalendarDate, 7)) {
    const weekEnd = addDays(w as CalendarDate, 6);
    const plannedDone = work.filter((i) => day(String(planned.get(i.id)?.finish ?? '9999')) <= weekEnd).length;
    const actual =
      w > asOf
        ? null
        : history
          ? work.filter((i) => i.state === 'done' && (doneAt.get(i.id) ?? model.program.start) <= weekEnd).length
          : weekEnd >= asOf
            ? work.filter((i) => i.state === 'done').length
            : null;
    weeks.push({ week: w, planned: plannedDone, actual });
  }

  const done = work.filter((i) => i.state === 'done').length;
  const onTrack = milestones.filter((m) => m.rag === 'green').length;
  const withTarget = milestones.filter((m) => m.rag !== null).length;
  const finishMove = request.previous ? workingDays(request.previous.finishP80, finishP80) : null;
  const summary = [
    `Overall the program is ${RAG_WORDS[overall]}: with 80 % confidence it finishes by ${day(finishP80)}, against a target of ${model.program.target}.`,
    late.length === 0
      ? `All ${withTarget} dated milestones are on track.`
      : `${onTrack} of ${withTarget} dated milestones are on track; ${listOf(late.slice(0, 3).map((m) => `"${m.title}"`))}${late.length > 3 ? ` and ${late.length - 3} more` : ''} ${late.length === 1 ? 'is' : 'are'} at risk of missing ${late.length === 1 ? 'its date' : 'their dates'}.`,
    finishMove === null
      ? `${done} of ${work.length} pieces of work are done.`
      : `Since the last report the likely finish moved ${finishMove === 0 ? 'not at all' : `${Math.abs(finishMove)} working days ${finishMove > 0 ? 'later' : 'earlier'}`}, and ${finished.length} pieces of work were finished (${done} of ${work.length} in all).`,
    criticalSentence,
    decisionsNeeded.length > 0
      ? `${decisionsNeeded.length === 1 ? 'One decision is' : `${decisionsNeeded.length} decisions are`} needed from leadership, the first by ${decisionsNeeded[0]?.blocksOn ?? 'soon'}: ${decisionsNeeded[0]?.title}.`
      : topRisks[0]
        ? `The main risk: ${topRisks[0].title}.`
        : 'No decision is waiting on leadership.',
  ];

  const written = request.writtenSummary?.filter((s) => s.trim() !== '');

  // Reliability (issue 6), over the same period as "what changed".
  let reliability: StatusReport['reliability'];
  if (hasReliability(model)) {
    const zone = model.program.calendar.timezone;
    const atMs = statusInstant(asOf, zone, request.now);
    const sloStatuses =
      request.sli && model.slos.length > 0 ? await programSloStatuses(request.sli, model.program.id as ProgramId, model, atMs) : undefined;
    reliability = reliabilitySection(model, {
      atMs,
      sinceMs: statusInstant(since as CalendarDate, zone),
      since,
      ...(sloStatuses ? { sloStatuses } : {}),
    });
  }

  const sections = await reportSections({
    model,
    asOf,
    atMs: statusInstant(asOf, model.program.calendar.timezone, request.now),
    since: since as CalendarDate,
    request,
  });

  const report: StatusReport = {
    program: { id: model.program.id, name: model.program.name, tpm: model.program.tpm ?? null, target: model.program.target },
    asOf,
    comparedWith: request.previous
      ? { kind: 'report', label: `the report of ${request.previous.asOf}`, date: request.previous.asOf }
      : request.baseline
        ? { kind: 'baseline', label: `baseline "${request.baseline.name}"`, date: request.baseline.createdAt.toISOString().slice(0, 10) }
        : null,
    summary: written && written.length > 0 ? written : summary,
    rag: { overall, why: overallWhy, workstreams },
    finish: {
      planned: String(plan.value.finish),
      p50: f.finish.p50,
      p80: finishP80,
      previousP80: request.previous?.finishP80 ?? null,
      trials: f.trials,
    },
    milestones,
    changes: {
      known: history !== undefined,
      since: history !== undefined ? since : null,
      finished,
      slipped,
      newRisks,
      closedRisks,
      decisionsMade,
    },
    topRisks,
    decisionsNeeded,
    asks,
    criticalPath: { sentence: criticalSentence, items: chain },
    gantt: {
      start: mondayOf(model.program.start),
      end,
      rows: ganttRows,
      milestones: milestones.map((m) => ({ id: m.id, at: day(m.planned), target: m.target })),
    },
    burnUp: { total: work.length, weeks },
    ...(reliability ? { reliability } : {}),
    ...(sections.length > 0 ? { sections } : {}),
  };
  const snapshot: ReportSnapshot = {
    asOf,
    finishP80,
    milestones: milestones.map((m) => ({ id: m.id, p50: m.p50, p80: m.p80 })),
    finishes: Object.fromEntries(
      plan.value.items.filter((p) => !FINISHED.has(items.get(p.id)?.state ?? '')).map((p) => [p.id, String(p.finish)]),
    ),
  };
  return ok({ report, snapshot });
}

const FINISHED: ReadonlySet<string> = new Set(['done', 'cancelled']);
const RAG_WORDS: Record<Rag, string> = { green: 'on track', amber: 'at risk', red: 'off track' };

function listOf(parts: readonly string[]): string {
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
