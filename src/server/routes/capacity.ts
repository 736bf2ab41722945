import { z } from 'zod';
import {
  refreshUsageFromPrometheus,
  storedUsage,
  storeUsageCsv,
  type UsageDataError,
  type UsageDataSaved,
} from '../../app/capacity/capacity-data.js';
import { type OrderError, orderCapacity } from '../../app/capacity/capacity-order.js';
import { capacityResourceDetail, capacityView } from '../../app/capacity/capacity-view.js';
import { type CalendarDate, calendarDateSchema } from '../../domain/calendar-date.js';
import type { ProgramId } from '../../domain/ids.js';
import { parseWhatIf, WHAT_IF_HELP, type WhatIf } from '../../engine/capacity/what-if.js';
import { csvProblemsReply } from '../file-problems.js';
import { problem } from '../problem.js';
import { type Reply, type RouteInput, route } from '../route.js';
import { programAt } from './computed.js';
import { attribution, noProgram, reliabilityFailure } from './incidents.js';

type AnyInput = RouteInput<unknown, unknown, unknown>;
const DEFAULT_MONTHS = 6;
const programParams = z.strictObject({ programId: z.string().min(1) });
const resourceParams = z.strictObject({ programId: z.string().min(1), resourceId: z.string().min(1) });

const viewQuery = z.strictObject({
  asOf: calendarDateSchema.optional(),
  months: z.coerce
    .number()
    .int()
    .min(1, { message: 'months is 1 to 120' })
    .max(120, { message: 'months is 1 to 120' })
    .default(DEFAULT_MONTHS),
  whatIf: z.string().optional(),
});
type ViewQuery = { asOf?: CalendarDate | undefined; months: number; whatIf?: string | undefined };

const day = z.string();
const planSchema = z.looseObject({
  installed: z.number(),
  usable: z.number(),
  current: z.object({ date: day, value: z.number() }),
  runOut: day.nullable(),
  orderBy: day.nullable(),
  workingDaysUntilOrderBy: z.number().nullable(),
  late: z.boolean(),
  exhausted: z.boolean(),
  order: z.looseObject({ quantity: z.number(), arrival: day, coverUntil: day, runsOutAgain: day.nullable() }),
});
const fitSchema = z
  .looseObject({ kind: z.enum(['linear', 'exponential']), r2: z.number(), rmse: z.number(), samples: z.number() })
  .nullable();
const resourceSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  unit: z.string(),
  rag: z.enum(['red', 'amber', 'green']),
  headline: z.string(),
  plan: planSchema.nullable(),
  problem: z.string().nullable(),
  fits: z.object({ linear: fitSchema, exponential: fitSchema }),
  whatIfs: z.array(z.looseObject({ label: z.string(), runOut: day.nullable(), orderBy: day.nullable(), quantity: z.number() })),
  orderItem: z.looseObject({ id: z.string(), state: z.string() }).nullable(),
});
const viewSchema = z.object({
  version: z.number(),
  today: day,
  months: z.number(),
  resources: z.array(resourceSchema),
  counts: z.object({ red: z.number(), amber: z.number(), green: z.number() }),
});
const series = z.object({ start: day, values: z.array(z.number()) }).nullable();
const detailSchema = resourceSchema.extend({
  version: z.number(),
  today: day,
  months: z.number(),
  usage: z.object({ t: z.array(z.number()), v: z.array(z.number()) }),
  projection: series,
  whatIfProjections: z.array(series),
});
const savedSchema = z.object({
  resource: z.string(),
  samples: z.number(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  source: z.enum(['csv', 'prometheus']),
});
const orderBody = z.strictObject({
  months: z.number().int().min(1).max(120).optional(),
  asOf: calendarDateSchema.optional(),
});
const orderSchema = z.object({ etag: z.string(), value: z.looseObject({ id: z.string(), kind: z.string() }), plan: planSchema });

function whatIfs(text: string | undefined): WhatIf[] | Reply {
  const out: WhatIf[] = [];
  for (const part of (text ?? '').split(',').filter((s) => s.trim() !== '')) {
    const w = parseWhatIf(part);
    if (!w.ok) return problem(400, 'bad-what-if', 'Not a what-if', w.error, { errors: [{ field: 'whatIf', message: w.error }] });
    out.push(w.value);
  }
  return out;
}

function dataFailure(e: UsageDataError): Reply {
  switch (e.kind) {
    case 'no-resource':
      return problem(404, 'no-resource', 'No such capacity resource', e.message);
    case 'csv':
      return csvProblemsReply('invalid-usage-data', 'The usage history has problems', e.problems);
    case 'no-source':
      return problem(422, 'no-source', 'Nothing to refresh from', e.message, { errors: [{ field: 'source', message: e.message }] });
    case 'prometheus': {
      const upstream = e.error.kind === 'unreachable' || e.error.kind === 'http' || e.error.kind === 'bad-response';
      return problem(
        upstream ? 502 : 422,
        `prometheus-${e.error.kind}`,
        'Prometheus could not give the usage',
        `${e.error.message} (${e.error.hint})`,
        {
          errors: [{ field: 'source.prometheus', message: e.error.message }],
        },
      );
    }
  }
}

function orderFailure(e: OrderError, programId: string): Reply {
  switch (e.kind) {
    case 'no-resource':
      return problem(404, 'no-resource', 'No such capacity resource', e.message);
    case 'already-ordered':
      return problem(409, 'already-ordered', 'Already ordered', e.message, { item: e.item });
    case 'nothing-to-order':
      return problem(422, 'nothing-to-order', 'Nothing to order', e.message, { errors: [{ field: 'months', message: e.message }] });
    case 'no-plan':
    case 'calendar':
      return problem(422, e.kind, 'No capacity plan', e.message, { errors: [{ field: 'resource', message: e.message }] });
    default:
      return reliabilityFailure(e, programId);
  }
}

/** After new usage data: pages refetch; the program did not change, so its version stays. */
async function published(input: AnyInput, programId: ProgramId, saved: UsageDataSaved): Promise<Reply> {
  // Reports and findings cached for this version read usage data: they must not outlive it.
  input.deps.cache.forgetDerived(programId);
  const version = await input.deps.store.versionOf(programId);
  if (version !== undefined) {
    const meta = attribution(input);
    input.deps.events.publish({
      programId,
      version,
      actor: meta.actor,
      source: meta.source,
      changes: [{ entity: 'usage-data', id: saved.resource, op: 'update' }],
    });
  }
  return { body: saved };
}

/** Capacity planning (issue 7): status of every resource, one with its series, usage data, and the order. */
export const capacityRoutes = [
  route<{ programId: string }, ViewQuery>({
    method: 'get',
    path: '/api/programs/{programId}/capacity/status',
    tag: 'Capacity',
    summary: 'Capacity plan of every resource',
    description: `Per resource, worst first (RAG: red when headroom is used up, the order-by date has passed or is within 10 working days and the order is not placed; amber within 40): usable capacity under the headroom policy, current usage, the day headroom runs out, the order-by date (run-out minus lead time and margin in working days of the program calendar), working days until it, how much to order to cover \`months\` past arrival (in order units) and when that runs out again, the fits of the usage history (R², RMSE), and what-ifs: always "double the traffic" and "lead time slips 4 weeks", plus \`whatIf\` (comma-separated: ${WHAT_IF_HELP}). On \`asOf\` (default today in the program zone).`,
    access: 'viewer',
    params: programParams,
    query: viewQuery,
    response: viewSchema,
    problems: [400],
    async handle(input) {
      const at = await programAt(input.deps, input.params.programId, input.query.asOf);
      if (!at) return noProgram(input.params.programId);
      const extra = whatIfs(input.query.whatIf);
      if (!Array.isArray(extra)) return extra;
      const usage = await storedUsage(input.deps.store, at.model.program.id as ProgramId);
      const view = capacityView(at.model, usage, { today: at.asOf, months: input.query.months, whatIfs: extra });
      if (!view.ok) return problem(422, view.error.kind, 'No capacity plan', view.error.message);
      return { body: { version: at.version, ...view.value } };
    },
  }),
  route<{ programId: string; resourceId: string }, ViewQuery>({
    method: 'get',
    path: '/api/programs/{programId}/capacity/{resourceId}/plan',
    tag: 'Capacity',
    summary: 'Capacity plan of one resource, with its series',
    description:
      'The resource as in the status, plus its usage history (`t` ms since the epoch, `v` in its unit), the daily projected demand from the projection start (`start`, one value a day to the end of the order cover), the fitted values of both fits at each sample, and the projection under each what-if.',
    access: 'viewer',
    params: resourceParams,
    query: viewQuery,
    response: detailSchema,
    problems: [400],
    async handle(input) {
      const at = await programAt(input.deps, input.params.programId, input.query.asOf);
      if (!at) return noProgram(input.params.programId);
      const extra = whatIfs(input.query.whatIf);
      if (!Array.isArray(extra)) return extra;
      const history = (await input.deps.store.usage.read(at.model.program.id as ProgramId, input.params.resourceId))?.series;
      const detail = capacityResourceDetail(at.model, input.params.resourceId, history, {
        today: at.asOf,
        months: input.query.months,
        whatIfs: extra,
      });
      if (!detail.ok) {
        return detail.error.kind === 'no-resource'
          ? problem(404, 'no-resource', 'No such capacity resource', detail.error.message)
          : problem(422, detail.error.kind, 'No capacity plan', detail.error.message);
      }
      return { body: { version: at.version, today: at.asOf, months: input.query.months, ...detail.value } };
    },
  }),
  route<{ programId: string; resourceId: string }, { file: string }, string>({
    method: 'put',
    path: '/api/programs/{programId}/capacity/{resourceId}/usage',
    tag: 'Capacity',
    summary: 'Upload usage history (CSV)',
    description:
      'The body is CSV with the header `timestamp,value`: the usage in the resource unit at each time; timestamps are dates, ISO 8601 date-times with a zone, or epoch seconds, strictly increasing. Replaces the stored history. Each problem is answered with its line and column; nothing is stored then.',
    access: 'editor',
    params: resourceParams,
    query: z.strictObject({ file: z.string().min(1).default('usage.csv') }),
    rawBody: { contentTypes: ['text/csv', 'text/plain', 'application/csv'] },
    response: savedSchema,
    problems: [422],
    async handle(input) {
      const current = await input.deps.cache.current(input.params.programId as ProgramId);
      if (!current) return noProgram(input.params.programId);
      const programId = current.model.program.id as ProgramId;
      const saved = await storeUsageCsv(
        input.deps.store,
        programId,
        current.model,
        input.params.resourceId,
        { file: input.query.file, text: input.body },
        { actor: input.principal?.login ?? 'unknown', at: input.deps.now() },
      );
      return saved.ok ? published(input as AnyInput, programId, saved.value) : dataFailure(saved.error);
    },
  }),
  route<{ programId: string; resourceId: string }, { days: number }>({
    method: 'post',
    path: '/api/programs/{programId}/capacity/{resourceId}/refresh',
    tag: 'Capacity',
    summary: 'Pull usage history from Prometheus',
    description:
      "Runs the resource's `source.prometheus` query over /api/v1/query_range for the last `days` days (default 365) at one sample a day, and replaces the stored history. 502 when the server cannot be reached or answers nonsense, 422 when it refuses the query or has no data.",
    access: 'editor',
    params: resourceParams,
    query: z.strictObject({ days: z.coerce.number().int().min(3).max(3650).default(365) }),
    response: savedSchema,
    problems: [422, 502],
    async handle(input) {
      const current = await input.deps.cache.current(input.params.programId as ProgramId);
      if (!current) return noProgram(input.params.programId);
      const programId = current.model.program.id as ProgramId;
      const saved = await refreshUsageFromPrometheus(
        input.deps.store,
        programId,
        current.model,
        input.params.resourceId,
        { actor: input.principal?.login ?? 'unknown', at: input.deps.now() },
        input.query.days,
      );
      return saved.ok ? published(input as AnyInput, programId, saved.value) : dataFailure(saved.error);
    },
  }),
  route<{ programId: string; resourceId: string }, Record<string, never>, z.infer<typeof orderBody>>({
    method: 'post',
    path: '/api/programs/{programId}/capacity/{resourceId}/order',
    tag: 'Capacity',
    summary: 'Order: create the procurement item',
    description:
      'Creates a procurement item for the resource in one change set: the quantity to cover `months` (default 6) past arrival, team and vendor of the resource, `deadline` = the run-out day and `startNoEarlierThan` = the order-by date with the lead time and margin as its estimate (so the plan and the order-overdue risk use the same order-by date), tags `capacity` and `capacity:<resource>`, and a description with the reasoning. 409 when the resource has an open order item, 422 when nothing needs ordering.',
    access: 'editor',
    params: resourceParams,
    body: orderBody,
    response: orderSchema,
    responseStatus: 201,
    problems: [409, 422],
    async handle(input) {
      const at = await programAt(input.deps, input.params.programId, input.body.asOf);
      if (!at) return noProgram(input.params.programId);
      const programId = at.model.program.id as ProgramId;
      const history = (await input.deps.store.usage.read(programId, input.params.resourceId))?.series;
      const meta = attribution(input as AnyInput);
      const done = await orderCapacity(
        input.deps.store,
        programId,
        input.params.resourceId,
        { today: at.asOf, months: input.body.months ?? DEFAULT_MONTHS },
        meta,
        history,
      );
      if (!done.ok) return orderFailure(done.error, programId);
      const { saved, item, etag, plan } = done.value;
      input.deps.events.publish({
        programId,
        version: saved.version,
        actor: meta.actor,
        source: meta.source,
        changes: saved.changes.map((c) => ({ entity: c.entity, id: c.id, op: c.op })),
      });
      return { status: 201, body: { etag, value: item, plan }, headers: { etag } };
    },
  }),
];
