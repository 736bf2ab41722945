import { z } from 'zod';
import { storedProgramFunnel } from '../../app/reliability/funnel-view.js';
import type { ProgramId } from '../../domain/ids.js';
import { route } from '../route.js';
import { atQuery, noProgram } from './incidents.js';

const item = z.strictObject({ id: z.string(), title: z.string(), team: z.string().nullable(), state: z.string() });
const reason = z.looseObject({ kind: z.string(), message: z.string() });
const funnelSchema = z.strictObject({
  level1Broken: z.boolean(),
  reasons: z.array(reason),
  flagged: z.array(z.strictObject({ item: z.string(), title: z.string(), team: z.string().nullable(), reasons: z.array(reason) })),
  levels: z.array(
    z.strictObject({
      level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
      name: z.string(),
      inProgress: z.number(),
      items: z.array(item),
    }),
  ),
  unlevelled: z.number(),
  at: z.string(),
  version: z.number(),
});

export const funnelRoutes = [
  route<{ programId: string }, { at?: string | undefined }>({
    method: 'get',
    path: '/api/programs/{programId}/funnel',
    tag: 'Funnel',
    summary: 'The priority funnel',
    description:
      'Whether level 1 (Stability) is broken at `at` (default now) and why: open SEV1/SEV2 incidents, SLOs whose stored SLI data shows the error budget exhausted, level-1 post-mortem action items and security patches past their due day; work in progress per level (1 Stability, 2 Reliability, 3 Efficiency, 4 Scale); level-4 items in progress while level 1 is broken, each with the reasons. Not cached: uploaded SLI data changes the answer without a new program version.',
    access: 'viewer',
    params: z.strictObject({ programId: z.string().min(1) }),
    query: z.strictObject(atQuery),
    response: funnelSchema,
    async handle({ programId, query, deps }) {
      const current = await deps.cache.current(programId as ProgramId);
      if (!current) return noProgram(programId);
      const now = query.at === undefined ? deps.now() : new Date(query.at);
      const funnel = await storedProgramFunnel(deps.store, programId as ProgramId, current.model, now);
      return { body: { ...funnel, at: now.toISOString(), version: current.version } };
    },
  }),
];
