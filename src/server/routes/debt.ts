import { z } from 'zod';
import { debtView, defaultDebtInstant } from '../../app/debt/debt-view.js';
import { DEBT_CAUSES } from '../../domain/debt.js';
import type { ProgramId } from '../../domain/ids.js';
import { route } from '../route.js';
import { atQuery, cachedAt, noProgram } from './incidents.js';

const group = z.strictObject({ key: z.string(), items: z.number(), interestPerMonth: z.number(), toilHoursPerMonth: z.number() });
const row = z.strictObject({
  rank: z.number().nullable(),
  id: z.string(),
  title: z.string(),
  cause: z.enum(DEBT_CAUSES),
  state: z.string(),
  team: z.string().nullable(),
  priority: z.number().nullable(),
  services: z.array(z.string()),
  toilHoursPerMonth: z.number(),
  incidentHoursPerMonth: z.number(),
  interestPerMonth: z.number(),
  incidents: z.array(
    z.strictObject({
      id: z.string(),
      known: z.boolean(),
      title: z.string().optional(),
      severity: z.string().optional(),
      inWindow: z.boolean(),
      hours: z.number(),
    }),
  ),
  since: z.string().nullable(),
  ageDays: z.number().nullable(),
  planned: z.boolean(),
  estimate: z.unknown(),
  deadline: z.string().nullable(),
});
export const debtViewSchema = z.strictObject({
  at: z.string(),
  windowDays: z.number(),
  incidentCost: z.string(),
  open: z.array(row),
  closed: z.array(row),
  byCause: z.array(group),
  byService: z.array(group),
  totals: z.strictObject({
    items: z.number(),
    interestPerMonth: z.number(),
    toilHoursPerMonth: z.number(),
    incidentHoursPerMonth: z.number(),
    unplanned: z.number(),
  }),
});

export const debtRoutes = [
  route<{ programId: string }, { at?: string | undefined }>({
    method: 'get',
    path: '/api/programs/{programId}/debt',
    tag: 'Tech debt',
    summary: 'The tech-debt register',
    description:
      "Open debt items (work items with `debt`) ranked by interest: toil hours a month plus the responder-hours of linked incidents started in the 90 days before `at` (default now, or the last event of a linked incident when later) (impact start to mitigation × people named in the incident's roles), spread over 3 months. With cause, affected services, linked incidents, state and whether it has a plan (in progress, or a team and an estimate); totals; groups by cause and by service (an item counts in full for each of its services). Paid-off debt (done or cancelled) listed apart.",
    access: 'viewer',
    params: z.strictObject({ programId: z.string().min(1) }),
    query: z.strictObject(atQuery),
    response: debtViewSchema,
    async handle({ programId, query, deps }) {
      const current = await deps.cache.current(programId as ProgramId);
      if (!current) return noProgram(programId);
      const now = query.at === undefined ? defaultDebtInstant(current.model, deps.now()) : new Date(query.at);
      return cachedAt(deps, programId as string, current.version, 'debt', query.at, () => debtView(current.model, now));
    },
  }),
];
