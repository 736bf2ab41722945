import type { CalendarDate } from '../domain/calendar-date.js';
import type { ProgramId } from '../domain/ids.js';
import type { ProgramModel } from '../domain/program-model.js';
import { err, ok, type Result } from '../domain/result.js';
import { riskExposure } from '../domain/risk.js';
import { criticalPath } from '../engine/cpm/critical-path.js';
import { detectRisks, rulesNotRun } from '../engine/insights/detect-risks.js';
import type { Finding } from '../engine/insights/finding.js';
import type { InsightInput, Schedule, SloBudgetState } from '../engine/insights/insight-input.js';
import { programInstance } from '../engine/plan/program-instance.js';
import { programNetwork } from '../engine/plan/program-network.js';
import { capacityStates, capacityView, type UsageReader, usageOf } from './capacity/capacity-view.js';
import { type CostReader, costStateOf } from './cost/cost-risks.js';
import type { WorkerPool } from './engine-pool/worker-pool.js';
import { type ForecastView, forecastProgram } from './forecast-program.js';
import type { PlanError } from './plan-program.js';
import { type ProgramSloStatus, programSloStatuses, type SliReader } from './reliability/slo-status.js';
import { statusInstant } from './status-instant.js';
import { startsFromEarlyStarts, weeklyTeamLoad } from './team-load.js';

/** The `risks` result; `--json` prints exactly this shape. */
export interface RiskReport {
  readonly program: string;
  readonly asOf: CalendarDate;
  /** Detected by the rules, most severe first; acknowledged ones carry their review. Dismissed ones are in `dismissed`. */
  readonly findings: readonly ReviewedFinding[];
  /** Detected, but dismissed by someone, with why. */
  readonly dismissed: readonly ReviewedFinding[];
  /** The baseline the scope rule compared with, if any. */
  readonly baseline: string | null;
  /** Rules that could not run on this input, and what they need. */
  readonly notRun: readonly { rule: string; needs: string }[];
  /** The manual risk register, by expected loss (days, then cost), open risks first. */
  readonly register: readonly {
    id: string;
    title: string;
    status: string;
    probability: number;
    impact: { days?: number | undefined; cost?: number | undefined };
    exposure: { days?: number; cost?: number };
    owner: string | null;
    mitigation: string | null;
    items: readonly string[];
  }[];
  readonly forecast: { trials: number; seed: number } | null;
}

export interface Review {
  readonly verdict: 'acknowledged' | 'dismissed';
  readonly reason: string;
  readonly actor: string;
  readonly at: string;
}

export type ReviewedFinding = Finding & { readonly review?: Review };

export interface RiskRequest {
  readonly asOf: CalendarDate;
  readonly nearCriticalDays?: number;
  /** Forecast trials for the forecast-based rules; 0 skips them. */
  readonly trials: number;
  readonly seed: number;
  readonly pool?: WorkerPool;
  readonly lastChanged?: ReadonlyMap<string, CalendarDate>;
  readonly staleDays?: number;
  readonly baseline?: { name: string; items: ReadonlySet<string> };
  /** A forecast already run on the same model and status date: used instead of running one. */
  readonly forecastView?: ForecastView;
  /** Verdicts people gave on findings, by finding key. */
  readonly reviews?: ReadonlyMap<string, Review>;
  /** The caller's clock: a status date of today is judged now rather than at its end (`statusInstant`). */
  readonly now?: Date;
  /** Stored SLI data (stored programs): switches on the error budget rules. */
  readonly sli?: SliReader;
  /** Stored usage history (stored programs): lets the capacity rule project fitted resources. */
  readonly usage?: UsageReader;
  /** Imported cloud cost data (stored programs): switches on the cost rules. */
  readonly cost?: CostReader;
}

/** The SLOs with a computed budget, as the rules read them. */
export function sloBudgetStates(statuses: readonly ProgramSloStatus[]): SloBudgetState[] {
  return statuses.flatMap((s): SloBudgetState[] => {
    const b = s.budget;
    if (b === null) return [];
    const firing = b.alert === null ? undefined : b.rules.find((r) => r.fires && r.severity === b.alert);
    return [
      {
        id: s.id,
        name: s.name,
        service: s.service,
        unit: s.unit,
        total: b.total,
        consumed: b.consumed,
        remaining: b.remaining,
        exhausted: b.exhausted,
        alert: b.alert,
        firing: firing
          ? { burnRate: firing.longBurnRate ?? firing.burnRate, longWindowMs: firing.longWindowMs, threshold: firing.burnRate }
          : null,
        timeToExhaustionMs: b.timeToExhaustionMs,
      },
    ];
  });
}

const NEAR_CRITICAL_DAYS = 5;

/** Plans the program twice (from today and as planned), forecasts it, and runs every detection rule. */
export async function programRisks(model: ProgramModel, request: RiskRequest): Promise<Result<RiskReport, PlanError>> {
  const schedule = (asOf?: CalendarDate): Result<Schedule, PlanError> => {
    const built = programNetwork(model, asOf !== undefined ? { asOf } : {});
    if (!built.ok) return err({ kind: 'calendar', message: built.error.problems.map((p) => p.message).join('; ') });
    const cpm = criticalPath(built.value.network);
    if (!cpm.ok) return err({ kind: 'cycle', path: (cpm.error.cycles[0] ?? []).map((v) => built.value.items[v]?.id ?? String(v)) });
    return ok({ pn: built.value, cpm: cpm.value });
  };
  const current = schedule(request.asOf);
  if (!current.ok) return current;
  const planned = schedule();
  if (!planned.ok) return planned;
  const { pn, cpm } = current.value;
  const inst = programInstance(model, pn);
  const teamLoad = inst.ok
    ? weeklyTeamLoad(model, pn, inst.value, startsFromEarlyStarts(inst.value, cpm.earlyStart, pn.calendar.minutesPerDay))
    : undefined;
  let forecast: InsightInput['forecast'];
  let view = request.forecastView;
  if (!view && request.trials > 0 && request.pool) {
    const run = await forecastProgram(model, request.pool, { trials: request.trials, seed: request.seed, asOf: request.asOf });
    if (!run.ok) return run;
    view = run.value;
  }
  if (view)
    forecast = { trials: view.trials, criticality: new Map(view.criticality.map((c) => [c.id, c.index])), milestones: view.milestones };
  const nowMs = statusInstant(request.asOf, model.program.calendar.timezone, request.now);
  const sloBudgets =
    request.sli && model.slos.length > 0
      ? sloBudgetStates(await programSloStatuses(request.sli, model.program.id as ProgramId, model, nowMs))
      : undefined;
  // Capacity plans need no store for compound growth; fitted resources need the stored history.
  const capacityPlans =
    model.capacity.length > 0
      ? capacityView(model, await usageOf(request.usage, model.program.id as ProgramId), { today: request.asOf, months: 6 })
      : undefined;
  const costState = request.cost ? await costStateOf(request.cost, model) : undefined;
  const input: InsightInput = {
    model,
    nowMs,
    ...(costState ? { cost: costState } : {}),
    ...(capacityPlans?.ok ? { capacity: capacityStates(capacityPlans.value) } : {}),
    ...(sloBudgets ? { sloBudgets } : {}),
    asOf: request.asOf,
    current: current.value,
    planned: planned.value,
    nearCriticalDays: request.nearCriticalDays ?? NEAR_CRITICAL_DAYS,
    ...(teamLoad ? { teamLoad } : {}),
    ...(forecast ? { forecast } : {}),
    ...(request.lastChanged ? { lastChanged: request.lastChanged } : {}),
    ...(request.staleDays !== undefined ? { staleDays: request.staleDays } : {}),
    ...(request.baseline ? { baseline: request.baseline } : {}),
  };
  const open = (status: string) => (status === 'closed' ? 1 : 0);
  const register = model.risks
    .map((r) => ({
      id: r.id as string,
      title: r.title,
      status: r.status,
      probability: r.probability,
      impact: r.impact,
      exposure: riskExposure(r),
      owner: r.owner ?? null,
      mitigation: r.mitigation ?? null,
      items: r.items as readonly string[],
    }))
    .sort(
      (a, b) =>
        open(a.status) - open(b.status) ||
        (b.exposure.days ?? 0) - (a.exposure.days ?? 0) ||
        (b.exposure.cost ?? 0) - (a.exposure.cost ?? 0) ||
        (a.id < b.id ? -1 : 1),
    );
  const report: RiskReport = {
    program: model.program.id,
    asOf: request.asOf,
    findings: detectRisks(input),
    dismissed: [],
    baseline: request.baseline?.name ?? null,
    notRun: rulesNotRun(input),
    register,
    forecast: view ? { trials: view.trials, seed: view.seed } : null,
  };
  return ok(request.reviews ? withReviews(report, request.reviews) : report);
}

/**
 * The report with people's verdicts: each finding carries its review, dismissed ones move to
 * `dismissed`. Verdicts change without a new program version, so a server caches the report
 * without them and applies the current ones on every read.
 */
export function withReviews(report: RiskReport, reviews: ReadonlyMap<string, Review>): RiskReport {
  const reviewed: ReviewedFinding[] = [...report.findings, ...report.dismissed].map((f) => {
    const { review: _, ...finding } = f;
    const review = reviews.get(f.key);
    return review ? { ...finding, review } : finding;
  });
  return {
    ...report,
    findings: reviewed.filter((f) => f.review?.verdict !== 'dismissed'),
    dismissed: reviewed.filter((f) => f.review?.verdict === 'dismissed'),
  };
}
