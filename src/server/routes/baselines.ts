import { z } from 'zod';
import { compareWithBaseline, freezePlan } from '../../app/baselines.js';
import type { CalendarDate } from '../../domain/calendar-date.js';
import { type ProgramId, READABLE_ID } from '../../domain/ids.js';
import { programIdParam } from '../api-schemas.js';
import { problem } from '../problem.js';
import { route } from '../route.js';
import { asOfQuery, noProgram, planFailure, programAt } from './computed.js';

const baselineName = z
  .string()
  .regex(READABLE_ID, { message: 'a baseline name uses letters, digits, ".", "_" or "-" (at most 64), e.g. q1-plan' });

export const baselineListingSchema = z.strictObject({
  name: z.string(),
  createdAt: z.string(),
  actor: z.string(),
  version: z.number(),
});

const dates = z.object({ start: z.string(), finish: z.string() });
const variance = z.object({ id: z.string(), title: z.string(), kind: z.string(), change: z.enum(['added', 'removed', 'moved', 'same']) });
export const baselineSchema = baselineListingSchema.extend({
  plan: z.object({
    finish: z.string(),
    items: z.record(z.string(), dates),
    milestones: z.record(z.string(), z.object({ p50: z.string(), p80: z.string() })).optional(),
  }),
  variance: z.looseObject({
    finish: z.object({ baseline: z.string(), current: z.string(), slip: z.number() }),
    milestones: z.array(variance.loose()),
    items: z.array(variance.loose()),
    counts: z.object({ added: z.number(), removed: z.number(), later: z.number(), earlier: z.number(), same: z.number() }),
  }),
});

const listing = (b: { name: string; createdAt: Date; actor: string; version: number }) => ({
  name: b.name,
  createdAt: b.createdAt.toISOString(),
  actor: b.actor,
  version: b.version,
});

const nameParams = z.strictObject({ programId: z.string().min(1), name: baselineName });

export const baselineRoutes = [
  route<{ programId: string }>({
    method: 'get',
    path: '/api/programs/{programId}/baselines',
    tag: 'Baselines',
    summary: 'Saved baselines',
    description: 'Plans frozen under a name (oldest first), to measure what slipped since. Baselines are never overwritten.',
    access: 'viewer',
    params: programIdParam,
    response: z.object({ baselines: z.array(baselineListingSchema) }),
    async handle({ programId, deps }) {
      const list = await deps.store.insights.listBaselines(programId as ProgramId);
      return { body: { baselines: list.map(listing) } };
    },
  }),
  route<{ programId: string }, Record<string, never>, { name: string; asOf?: CalendarDate | undefined }>({
    method: 'post',
    path: '/api/programs/{programId}/baselines',
    tag: 'Baselines',
    summary: 'Save a baseline',
    description:
      "Freezes the current plan (each item's start and finish, from the status date `asOf`, default today in the program's time zone) under a new name. 409 when the name is taken: baselines are never overwritten.",
    access: 'editor',
    params: programIdParam,
    body: z.strictObject({ name: baselineName, ...asOfQuery }),
    response: baselineListingSchema,
    responseStatus: 201,
    problems: [409, 422],
    async handle({ programId, body, principal, deps }) {
      const at = await programAt(deps, programId, body.asOf);
      if (!at) return noProgram(programId);
      const plan = freezePlan(at.model, at.asOf);
      if (!plan.ok) return planFailure(plan.error);
      const saved = {
        name: body.name,
        createdAt: deps.now(),
        actor: principal?.login ?? 'unknown',
        version: at.version,
        model: at.model,
        plan: plan.value,
      };
      if (!(await deps.store.insights.saveBaseline(programId as ProgramId, saved))) {
        return problem(
          409,
          'baseline-exists',
          'Baseline name taken',
          `"${programId}" already has a baseline "${body.name}"; baselines are never overwritten, so pick a new name`,
          { errors: [{ field: 'name', message: `a baseline "${body.name}" exists` }] },
        );
      }
      return { status: 201, body: listing(saved) };
    },
  }),
  route<{ programId: string; name: string }, { asOf?: CalendarDate | undefined }>({
    method: 'get',
    path: '/api/programs/{programId}/baselines/{name}',
    tag: 'Baselines',
    summary: 'A baseline and what slipped since',
    description:
      'The frozen plan, and `variance`: every item of the current program against it (working days of start and finish slip, largest first; milestones apart; added and removed items), from the status date `asOf` (default today). Cached per program version.',
    access: 'viewer',
    params: nameParams,
    query: z.strictObject(asOfQuery),
    response: baselineSchema,
    problems: [422],
    async handle({ programId, params, query, deps }) {
      const id = programId as ProgramId;
      const at = await programAt(deps, programId, query.asOf);
      if (!at) return noProgram(programId);
      const baseline = await deps.store.insights.readBaseline(id, params.name);
      if (!baseline) {
        const known = (await deps.store.insights.listBaselines(id)).map((b) => b.name);
        return problem(
          404,
          'no-baseline',
          'No such baseline',
          `"${programId}" has no baseline "${params.name}"${known.length > 0 ? `; its baselines: ${known.join(', ')}` : '; save one first'}`,
        );
      }
      // A baseline is never overwritten, so its name and the version name the comparison for good.
      const compared = await deps.cache.derive(id, at.version, `baseline:${params.name}:${at.asOf}`, async () =>
        compareWithBaseline(at.model, baseline, at.asOf),
      );
      if (!compared.ok) return planFailure(compared.error);
      return {
        body: {
          ...listing(baseline),
          plan: baseline.plan,
          variance: compared.value,
        },
      };
    },
  }),
];
