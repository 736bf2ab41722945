import { z } from 'zod';
import { compareScenario, type ScenarioError, scenarioModel } from '../../app/compare-scenario.js';
import type { CalendarDate } from '../../domain/calendar-date.js';
import { type ProgramId, READABLE_ID } from '../../domain/ids.js';
import { type Scenario, type ScenarioChange, scenarioChangeSchema, scenarioSchema } from '../../domain/scenario.js';
import type { StoredScenario } from '../../store/insight-store.js';
import { programIdParam } from '../api-schemas.js';
import { problem } from '../problem.js';
import { type Reply, route } from '../route.js';
import type { ServerDeps } from '../server-deps.js';
import { asOfQuery, noProgram, planFailure, programAt } from './computed.js';

/** Each kind of change by its one key: `estimate`, `capacity`, `add-item`… */
const CHANGE_KINDS = new Map<string, z.ZodType>(
  scenarioChangeSchema.options.map((option) => [Object.keys(option.shape)[0] as string, option as z.ZodType]),
);
const KIND_LIST = [...CHANGE_KINDS.keys()].join(', ');

/**
 * A union reports "invalid input" for the whole change; people need the field. A change names its
 * kind by its one key, so judge it by that kind's schema alone, and an estimate by the branch its
 * keys point at (`days`, or optimistic/likely/pessimistic).
 */
function checkChange(change: unknown, index: number, ctx: z.RefinementCtx): void {
  const at = (path: readonly PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', path: [index, ...path], message });
  if (typeof change !== 'object' || change === null || Array.isArray(change)) {
    at([], `a change is an object with one key: ${KIND_LIST}`);
    return;
  }
  const keys = Object.keys(change);
  const kind = keys.length === 1 ? CHANGE_KINDS.get(keys[0] as string) : undefined;
  if (!kind) {
    at(
      keys.length === 1 ? [keys[0] as string] : [],
      keys.length === 1
        ? `"${keys[0]}" is not a change; a change is one of: ${KIND_LIST}`
        : `a change has exactly one key, one of: ${KIND_LIST}`,
    );
    return;
  }
  const key = keys[0] as string;
  const value = (change as Record<string, unknown>)[key];
  const schema =
    key === 'estimate' && typeof value === 'object' && value !== null && !('days' in value)
      ? z.strictObject({ estimate: scenarioChangeSchema.options[0].shape.estimate.options[1] })
      : key === 'estimate'
        ? z.strictObject({ estimate: scenarioChangeSchema.options[0].shape.estimate.options[0] })
        : kind;
  const parsed = schema.safeParse(change);
  if (!parsed.success) for (const issue of parsed.error.issues) at(issue.path, issue.message);
}

const changesSchema = z
  .array(z.unknown())
  .min(1, { message: 'a scenario needs at least one change' })
  .superRefine((changes, ctx) => {
    changes.forEach((c, i) => {
      checkChange(c, i, ctx);
    });
  })
  .pipe(z.array(scenarioChangeSchema))
  .meta({
    description: `What the scenario changes, applied in order; each change is an object with one key: ${KIND_LIST} (see docs/scenarios.md).`,
  });

const scenarioBody = z.strictObject({
  scenario: scenarioSchema.shape.scenario,
  description: z.string().optional(),
  changes: changesSchema,
});

export const storedScenarioSchema = z.strictObject({
  name: z.string(),
  description: z.string().optional(),
  createdAt: z.string(),
  actor: z.string(),
  baseVersion: z.number(),
  changes: z.array(z.record(z.string(), z.unknown())),
});

const peak = z.object({ week: z.string().nullable(), load: z.number(), capacity: z.number(), weeksOver: z.number() });
const day = z.string().nullable();
export const comparisonSchema = z.object({
  version: z.number(),
  program: z.string(),
  scenario: z.string(),
  asOf: z.string().nullable(),
  finish: z.object({
    live: z.string(),
    scenario: z.string(),
    liveP50: day,
    scenarioP50: day,
    liveP80: day,
    scenarioP80: day,
  }),
  milestones: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      target: day,
      live: day,
      scenario: day,
      liveP50: day,
      scenarioP50: day,
      liveP80: day,
      scenarioP80: day,
    }),
  ),
  criticalPath: z.object({
    joins: z.array(z.string()),
    leaves: z.array(z.string()),
    live: z.array(z.string()),
    scenario: z.array(z.string()),
  }),
  teamLoad: z.array(z.object({ team: z.string(), name: z.string(), live: peak, scenario: peak })),
  forecast: z.object({ trials: z.number(), seed: z.number() }).nullable(),
});

const comparisonQuery = z.strictObject({
  ...asOfQuery,
  trials: z.coerce
    .number()
    .int()
    .min(0)
    .max(20_000, { message: 'at most 20000 trials' })
    .default(500)
    .meta({ description: 'Monte Carlo trials on each side for P50/P80 (same seed both sides); 0 skips the forecast.' }),
  seed: z.coerce.number().int().default(1),
});
type ComparisonQuery = { asOf?: CalendarDate | undefined; trials: number; seed: number };

const nameParams = z.strictObject({
  programId: z.string().min(1),
  name: z.string().regex(READABLE_ID, { message: 'a scenario name uses letters, digits, ".", "_" or "-"' }),
});

const shown = (s: StoredScenario) => {
  const body = s.body as Scenario;
  return {
    name: s.name,
    ...(body.description !== undefined ? { description: body.description } : {}),
    createdAt: s.createdAt.toISOString(),
    actor: s.actor,
    baseVersion: s.baseVersion,
    changes: body.changes as unknown as Record<string, unknown>[],
  };
};

/** Why a scenario cannot apply to the program as it is now: each problem at its change. */
function scenarioFailure(e: ScenarioError, name: string): Reply {
  if (e.kind === 'scenario') {
    return problem(
      422,
      'scenario-does-not-apply',
      'The scenario does not apply',
      e.problems.map((p) => `change ${p.change + 1}: ${p.message}`).join('; '),
      { errors: e.problems.map((p) => ({ field: `changes.${p.change}`, message: p.message })) },
    );
  }
  if (e.kind === 'invalid') {
    return problem(
      422,
      'scenario-invalid-program',
      'The program would not be valid',
      `with scenario "${name}" the program has ${e.problems.length} problem(s): ${e.problems.map((p) => p.message).join('; ')}`,
      { errors: e.problems.map((p) => ({ field: 'changes', message: p.hint ? `${p.message} (${p.hint})` : p.message })) },
    );
  }
  return planFailure(e);
}

async function comparison(
  deps: ServerDeps,
  programId: string | undefined,
  scenario: { name: string; changes: readonly ScenarioChange[] },
  query: ComparisonQuery,
  cacheKey: string | undefined,
): Promise<Reply> {
  const at = await programAt(deps, programId, query.asOf);
  if (!at) return noProgram(programId);
  const run = async () => {
    const done = await compareScenario(at.model, scenario.name, scenario.changes, {
      asOf: at.asOf,
      trials: query.trials,
      seed: query.seed,
      pool: deps.pool,
    });
    if (!done.ok) return done;
    const body = { version: at.version, ...done.value };
    comparisonSchema.parse(body);
    return { ok: true as const, json: JSON.stringify(body) };
  };
  const result = cacheKey
    ? await deps.cache.derive(programId as ProgramId, at.version, `${cacheKey}:${at.asOf}:${query.trials}:${query.seed}`, run)
    : await run();
  return result.ok ? { json: result.json } : scenarioFailure(result.error, scenario.name);
}

const noScenario = async (deps: ServerDeps, programId: string | undefined, name: string) => {
  const known = (await deps.store.insights.listScenarios(programId as ProgramId)).map((s) => s.name);
  return problem(
    404,
    'no-scenario',
    'No such scenario',
    `"${programId}" has no scenario "${name}"${known.length > 0 ? `; its scenarios: ${known.join(', ')}` : ''}`,
  );
};

type Body = { scenario: string; description?: string | undefined; changes: ScenarioChange[] };

export const scenarioRoutes = [
  route<{ programId: string }>({
    method: 'get',
    path: '/api/programs/{programId}/scenarios',
    tag: 'Scenarios',
    summary: 'Saved what-if scenarios',
    description: 'Named sets of changes laid over the live program (oldest first); the live program is never changed by them.',
    access: 'viewer',
    params: programIdParam,
    response: z.object({ scenarios: z.array(storedScenarioSchema) }),
    async handle({ programId, deps }) {
      return { body: { scenarios: (await deps.store.insights.listScenarios(programId as ProgramId)).map(shown) } };
    },
  }),
  route<{ programId: string }, Record<string, never>, Body>({
    method: 'post',
    path: '/api/programs/{programId}/scenarios',
    tag: 'Scenarios',
    summary: 'Save a scenario',
    description:
      'Body as a scenario file: `{ scenario: NAME, description?, changes: [...] }`. Each change must apply to the program as it is now (422 naming the change, `changes.N`, otherwise); 409 when the name is taken.',
    access: 'editor',
    params: programIdParam,
    body: scenarioBody,
    response: storedScenarioSchema,
    responseStatus: 201,
    problems: [409, 422],
    async handle({ programId, body, principal, deps }) {
      const at = await programAt(deps, programId, undefined);
      if (!at) return noProgram(programId);
      const checked = scenarioModel(at.model, body.changes);
      if (!checked.ok) return scenarioFailure(checked.error, body.scenario);
      const stored: StoredScenario = {
        name: body.scenario,
        createdAt: deps.now(),
        actor: principal?.login ?? 'unknown',
        baseVersion: at.version,
        body: {
          scenario: body.scenario,
          ...(body.description !== undefined ? { description: body.description } : {}),
          changes: body.changes,
        },
      };
      if (!(await deps.store.insights.saveScenario(programId as ProgramId, stored))) {
        return problem(
          409,
          'scenario-exists',
          'Scenario name taken',
          `"${programId}" already has a scenario "${body.scenario}"; delete it first or pick another name`,
          { errors: [{ field: 'scenario', message: `a scenario "${body.scenario}" exists` }] },
        );
      }
      return { status: 201, body: shown(stored) };
    },
  }),
  route<{ programId: string }, ComparisonQuery, Body>({
    method: 'post',
    path: '/api/programs/{programId}/scenarios/preview',
    tag: 'Scenarios',
    summary: 'Preview a scenario without saving it',
    description:
      'The same comparison as for a saved scenario, for a scenario body sent now: live plan against the plan with the changes (finish and milestone dates, P50/P80 when trials > 0, critical chain, team peaks). Nothing is stored.',
    access: 'viewer',
    params: programIdParam,
    query: comparisonQuery,
    body: scenarioBody,
    response: comparisonSchema,
    problems: [422],
    async handle({ programId, body, query, deps }) {
      return comparison(deps, programId, { name: body.scenario, changes: body.changes }, query, undefined);
    },
  }),
  route<{ programId: string; name: string }>({
    method: 'get',
    path: '/api/programs/{programId}/scenarios/{name}',
    tag: 'Scenarios',
    summary: 'A saved scenario',
    access: 'viewer',
    params: nameParams,
    response: storedScenarioSchema,
    async handle({ programId, params, deps }) {
      const found = await deps.store.insights.readScenario(programId as ProgramId, params.name);
      return found ? { body: shown(found) } : noScenario(deps, programId, params.name);
    },
  }),
  route<{ programId: string; name: string }>({
    method: 'delete',
    path: '/api/programs/{programId}/scenarios/{name}',
    tag: 'Scenarios',
    summary: 'Throw a scenario away',
    description: 'The live program is unchanged.',
    access: 'editor',
    params: nameParams,
    async handle({ programId, params, deps }) {
      const gone = await deps.store.insights.deleteScenario(programId as ProgramId, params.name);
      return gone ? { status: 204 } : noScenario(deps, programId, params.name);
    },
  }),
  route<{ programId: string; name: string }, ComparisonQuery>({
    method: 'get',
    path: '/api/programs/{programId}/scenarios/{name}/comparison',
    tag: 'Scenarios',
    summary: 'Live plan against a saved scenario',
    description:
      "Finish and each milestone's date live and with the scenario, P50/P80 of both from the same seed (trials > 0), what joins and leaves the critical chain, and each team's busiest week. The changes apply to the program as it is now; 422 when one no longer applies (e.g. its item was deleted). Cached per program version.",
    access: 'viewer',
    params: nameParams,
    query: comparisonQuery,
    response: comparisonSchema,
    problems: [422],
    async handle({ programId, params, query, deps }) {
      const found = await deps.store.insights.readScenario(programId as ProgramId, params.name);
      if (!found) return noScenario(deps, programId, params.name);
      const body = found.body as Scenario;
      // Names can be reused after a delete: the creation time tells the two apart.
      return comparison(
        deps,
        programId,
        { name: found.name, changes: body.changes },
        query,
        `scenario:${found.name}:${found.createdAt.getTime()}`,
      );
    },
  }),
];
