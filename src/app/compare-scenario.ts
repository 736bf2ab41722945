import type { CalendarDate } from '../domain/calendar-date.js';
import type { ModelProblem } from '../domain/problem.js';
import type { ProgramModel } from '../domain/program-model.js';
import { err, ok, type Result } from '../domain/result.js';
import { applyScenario, type ScenarioChange } from '../domain/scenario.js';
import { criticalPath } from '../engine/cpm/critical-path.js';
import { programInstance } from '../engine/plan/program-instance.js';
import { programNetwork } from '../engine/plan/program-network.js';
import { validateModel } from '../engine/validate-model.js';
import type { WorkerPool } from './engine-pool/worker-pool.js';
import { type ForecastView, forecastProgram } from './forecast-program.js';
import { type PlanError, planProgram } from './plan-program.js';
import { startsFromEarlyStarts, weeklyTeamLoad } from './team-load.js';

/** Live and scenario side by side; `--json` prints exactly this shape. */
export interface ScenarioComparison {
  readonly program: string;
  readonly scenario: string;
  readonly asOf: CalendarDate | null;
  readonly finish: {
    live: string;
    scenario: string;
    liveP50: string | null;
    scenarioP50: string | null;
    liveP80: string | null;
    scenarioP80: string | null;
  };
  readonly milestones: readonly {
    id: string;
    title: string;
    target: string | null;
    live: string | null;
    scenario: string | null;
    liveP50: string | null;
    scenarioP50: string | null;
    liveP80: string | null;
    scenarioP80: string | null;
  }[];
  /** The chain of work that sets the end date: what joins it and what leaves it. */
  readonly criticalPath: {
    readonly joins: readonly string[];
    readonly leaves: readonly string[];
    readonly live: readonly string[];
    readonly scenario: readonly string[];
  };
  /** Per team: its busiest week (booked person-days against available) and weeks over capacity, live and in the scenario. */
  readonly teamLoad: readonly { team: string; name: string; live: TeamPeak; scenario: TeamPeak }[];
  readonly forecast: { trials: number; seed: number } | null;
}

export interface TeamPeak {
  readonly week: string | null;
  readonly load: number;
  readonly capacity: number;
  readonly weeksOver: number;
}

export type ScenarioError =
  | PlanError
  | { kind: 'scenario'; problems: readonly { change: number; message: string }[] }
  | { kind: 'invalid'; problems: readonly ModelProblem[] };

/** Applies the scenario's changes to the live model and checks the result as a load would. */
export function scenarioModel(model: ProgramModel, changes: readonly ScenarioChange[]): Result<ProgramModel, ScenarioError> {
  const applied = applyScenario(model, changes);
  if (!applied.ok) return err({ kind: 'scenario', problems: applied.error });
  const problems = validateModel(applied.value);
  return problems.length > 0 ? err({ kind: 'invalid', problems }) : ok(applied.value);
}

export async function compareScenario(
  model: ProgramModel,
  name: string,
  changes: readonly ScenarioChange[],
  request: { asOf?: CalendarDate; trials: number; seed: number; pool?: WorkerPool },
): Promise<Result<ScenarioComparison, ScenarioError>> {
  const other = scenarioModel(model, changes);
  if (!other.ok) return other;
  const asOf = request.asOf !== undefined ? { asOf: request.asOf } : {};
  const livePlan = planProgram(model, asOf);
  if (!livePlan.ok) return livePlan;
  const scenarioPlan = planProgram(other.value, asOf);
  if (!scenarioPlan.ok) return scenarioPlan;
  let live: ForecastView | undefined;
  let scen: ForecastView | undefined;
  if (request.trials > 0 && request.pool) {
    const base = { trials: request.trials, seed: request.seed, ...asOf };
    const a = await forecastProgram(model, request.pool, base);
    if (!a.ok) return a;
    // The same seed on both sides: differences come from the changes, not from sampling.
    const b = await forecastProgram(other.value, request.pool, base);
    if (!b.ok) return b;
    [live, scen] = [a.value, b.value];
  }
  const finishOf = (plan: typeof livePlan.value, id: string) => plan.items.find((i) => i.id === id)?.finish ?? null;
  const p50Of = (f: ForecastView | undefined, id: string) => f?.milestones.find((m) => m.id === id)?.p50 ?? null;
  const p80Of = (f: ForecastView | undefined, id: string) => f?.milestones.find((m) => m.id === id)?.p80 ?? null;
  const ids = [...new Set([...model.items, ...other.value.items].filter((i) => i.kind === 'milestone').map((i) => i.id as string))];
  const byId = new Map([...model.items, ...other.value.items].map((i) => [i.id as string, i]));
  const livePath = livePlan.value.criticalPath;
  const scenarioPath = scenarioPlan.value.criticalPath;
  const loadLive = peaks(model, request.asOf);
  const loadScenario = peaks(other.value, request.asOf);
  return ok({
    program: model.program.id,
    scenario: name,
    asOf: request.asOf ?? null,
    finish: {
      live: String(livePlan.value.finish),
      scenario: String(scenarioPlan.value.finish),
      liveP50: live?.finish.p50 ?? null,
      scenarioP50: scen?.finish.p50 ?? null,
      liveP80: live?.finish.p80 ?? null,
      scenarioP80: scen?.finish.p80 ?? null,
    },
    milestones: ids.map((id) => ({
      id,
      title: byId.get(id)?.title ?? id,
      target: byId.get(id)?.target ?? null,
      live: finishOf(livePlan.value, id) as string | null,
      scenario: finishOf(scenarioPlan.value, id) as string | null,
      liveP50: p50Of(live, id),
      scenarioP50: p50Of(scen, id),
      liveP80: p80Of(live, id),
      scenarioP80: p80Of(scen, id),
    })),
    criticalPath: {
      joins: scenarioPath.filter((id) => !livePath.includes(id)),
      leaves: livePath.filter((id) => !scenarioPath.includes(id)),
      live: livePath,
      scenario: scenarioPath,
    },
    teamLoad: other.value.teams.map((t) => ({
      team: t.id,
      name: t.name,
      live: loadLive.get(t.id) ?? { week: null, load: 0, capacity: 0, weeksOver: 0 },
      scenario: loadScenario.get(t.id) ?? { week: null, load: 0, capacity: 0, weeksOver: 0 },
    })),
    forecast: live ? { trials: request.trials, seed: request.seed } : null,
  });
}

/** Each team's busiest week in the unlevelled plan, and how many weeks it is over capacity. */
function peaks(model: ProgramModel, asOf: CalendarDate | undefined): Map<string, TeamPeak> {
  const built = programNetwork(model, asOf !== undefined ? { asOf } : {});
  if (!built.ok) return new Map();
  const cpm = criticalPath(built.value.network);
  const inst = programInstance(model, built.value);
  if (!cpm.ok || !inst.ok) return new Map();
  const rows = weeklyTeamLoad(
    model,
    built.value,
    inst.value,
    startsFromEarlyStarts(inst.value, cpm.value.earlyStart, built.value.calendar.minutesPerDay),
  );
  const out = new Map<string, TeamPeak>();
  for (const r of rows) {
    const prev = out.get(r.team) ?? { week: null, load: 0, capacity: 0, weeksOver: 0 };
    const ratio = (x: { load: number; capacity: number }) =>
      x.capacity > 0 ? x.load / x.capacity : x.load > 0 ? Number.POSITIVE_INFINITY : 0;
    const over = r.load > r.capacity + 1e-9 ? 1 : 0;
    const busier = prev.week === null || ratio(r) > ratio(prev);
    out.set(
      r.team,
      busier
        ? { week: r.week, load: r.load, capacity: r.capacity, weeksOver: prev.weeksOver + over }
        : { ...prev, weeksOver: prev.weeksOver + over },
    );
  }
  return out;
}
