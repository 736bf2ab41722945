import { z } from 'zod';
import { type CostImportError, type InventoryImportError, importFocus, importInventory, storedCostView } from '../../app/cost/cost-data.js';
import type { ProgramId } from '../../domain/ids.js';
import { importProblemSchema } from '../api-schemas.js';
import { problem } from '../problem.js';
import { type Reply, type RouteInput, route } from '../route.js';
import { attribution, noProgram } from './incidents.js';

type AnyInput = RouteInput<unknown, unknown, unknown>;
const programParams = z.strictObject({ programId: z.string().min(1) });
const viewQuery = z.strictObject({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month is YYYY-MM, e.g. 2026-03' })
    .optional(),
});
type ViewQuery = { month?: string | undefined };

const teamCost = z.looseObject({
  team: z.string(),
  monthToDate: z.number(),
  forecastMonth: z.number(),
  forecastQuarter: z.number(),
  trend: z.array(z.looseObject({ month: z.string(), cost: z.number() })),
});
const viewSchema = z.looseObject({
  currency: z.string(),
  metric: z.string(),
  rows: z.number(),
  summary: z.looseObject({ asOf: z.string(), month: z.string(), teams: z.array(teamCost), unallocated: teamCost, total: teamCost }),
  anomalies: z.looseObject({ method: z.string(), items: z.array(z.looseObject({ key: z.string(), day: z.string(), impact: z.number() })) }),
  daily: z.looseObject({ firstDay: z.string(), keys: z.array(z.string()), values: z.array(z.array(z.number())) }),
});
const responseSchema = z.object({ version: z.number(), view: viewSchema.nullable() });
const importedSchema = z.looseObject({ rows: z.number(), periods: z.array(z.string()), replaced: z.array(z.string()) });

function fileFailure(e: CostImportError | InventoryImportError, programId: string, what: string): Reply {
  if (e.kind === 'not-found') return noProgram(programId);
  return problem(
    422,
    'invalid-cost-data',
    `The ${what} has problems`,
    `${e.problems.length} problem(s) in ${e.problems[0]?.file ?? 'the file'}; nothing was stored`,
    {
      errors: e.problems.map((p) => ({ field: p.field ?? 'body', message: `line ${p.line}: ${p.message}${p.hint ? ` (${p.hint})` : ''}` })),
      problems: e.problems.map((p) =>
        importProblemSchema.parse({ code: p.code, message: p.message, hint: p.hint, line: p.line, column: 'column' in p ? p.column : 1 }),
      ),
    },
  );
}

/** After new cost data: pages refetch; the program did not change, so its version stays. */
async function published(input: AnyInput, programId: ProgramId, kind: string, body: object): Promise<Reply> {
  input.deps.cache.forgetDerived(programId);
  const version = await input.deps.store.versionOf(programId);
  if (version !== undefined) {
    const meta = attribution(input);
    input.deps.events.publish({
      programId,
      version,
      actor: meta.actor,
      source: meta.source,
      changes: [{ entity: kind, id: programId, op: 'update' }],
    });
  }
  return { body };
}

const viewRoute = (path: string, summary: string, description: string) =>
  route<{ programId: string }, ViewQuery>({
    method: 'get',
    path,
    tag: 'Cost',
    summary,
    description,
    access: 'viewer',
    params: programParams,
    query: viewQuery,
    response: responseSchema,
    problems: [400, 422],
    async handle(input) {
      const current = await input.deps.cache.current(input.params.programId as ProgramId);
      if (!current) return noProgram(input.params.programId);
      const v = await storedCostView(input.deps.store, current.model, input.query.month ? { month: input.query.month } : {});
      if ('none' in v) return { body: { version: current.version, view: null } };
      if ('error' in v)
        return problem(422, 'no-cost-month', 'No cost data for that month', v.error, { errors: [{ field: 'month', message: v.error }] });
      return { body: { version: current.version, view: v } };
    },
  });

/** Cloud cost (issue 7): the summary with trend, forecasts, anomalies and waste; uploads of FOCUS exports and inventories. */
export const costRoutes = [
  viewRoute(
    '/api/programs/{programId}/cost',
    'Cloud cost per team: month to date, budget, forecasts, trend, anomalies, waste',
    "From the imported FOCUS data, under the program's cost policy (metric, allocation rules, budgets): per team the month to date, budget, run-rate forecast to the end of the month and quarter (trailing 7-day average × days left), the monthly trend; the unallocated line (never hidden); tag values that name no team; anomalies of the last 30 days (rolling median and MAD per team and service); waste from the inventory with shares of storage and compute spend; daily cost per team for the last 90 days. `view` is null before any import. `month` (YYYY-MM) looks at a past month.",
  ),
  route<{ programId: string }, { file: string }, string>({
    method: 'put',
    path: '/api/programs/{programId}/cost/focus',
    tag: 'Cost',
    summary: 'Upload a FOCUS cost export (CSV)',
    description:
      'The body is a FOCUS 1.x CSV export (every mandatory column in the header; NULL or empty cells; Tags as a JSON object). Its billing periods replace the stored ones; other periods stay. Each problem is answered with its line and column name; nothing is stored then.',
    access: 'editor',
    params: programParams,
    query: z.strictObject({ file: z.string().min(1).default('focus.csv') }),
    rawBody: { contentTypes: ['text/csv', 'text/plain', 'application/csv'] },
    response: importedSchema,
    problems: [422],
    async handle(input) {
      const current = await input.deps.cache.current(input.params.programId as ProgramId);
      if (!current) return noProgram(input.params.programId);
      const id = current.model.program.id as ProgramId;
      const done = await importFocus(input.deps.store, id, [input.body], {
        file: input.query.file,
        actor: input.principal?.login ?? 'unknown',
        at: input.deps.now(),
      });
      return done.ok
        ? published(input as AnyInput, id, 'cost-data', done.value)
        : fileFailure(done.error, input.params.programId, 'cost export');
    },
  }),
  route<{ programId: string }, { file: string }, string>({
    method: 'put',
    path: '/api/programs/{programId}/cost/inventory',
    tag: 'Cost',
    summary: 'Upload a resource inventory (CSV)',
    description:
      'The body is CSV with a header holding at least resource_id and type, and for the waste rules state, attached_to (empty = attached to nothing), last_used, size_gb, created. Replaces the stored inventory.',
    access: 'editor',
    params: programParams,
    query: z.strictObject({ file: z.string().min(1).default('inventory.csv') }),
    rawBody: { contentTypes: ['text/csv', 'text/plain', 'application/csv'] },
    response: z.object({ resources: z.number() }),
    problems: [422],
    async handle(input) {
      const current = await input.deps.cache.current(input.params.programId as ProgramId);
      if (!current) return noProgram(input.params.programId);
      const id = current.model.program.id as ProgramId;
      const done = await importInventory(input.deps.store, id, input.body, {
        file: input.query.file,
        actor: input.principal?.login ?? 'unknown',
        at: input.deps.now(),
      });
      return done.ok
        ? published(input as AnyInput, id, 'cost-inventory', done.value)
        : fileFailure(done.error, input.params.programId, 'inventory');
    },
  }),
];
