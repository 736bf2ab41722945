import { z } from 'zod';
import { postmortemView } from '../../app/reliability/postmortem-view.js';
import type { ProgramId } from '../../domain/ids.js';
import { ACTION_ITEM_STATES, postmortemSchema } from '../../domain/incident.js';
import { suggestion } from '../../domain/suggest.js';
import { ITEM_STATES } from '../../domain/work-item.js';
import { problem } from '../problem.js';
import { route } from '../route.js';
import { atQuery, cachedAt, noProgram } from './incidents.js';

const postmortemViewSchema = z.strictObject({
  postmortem: postmortemSchema,
  etag: z.string(),
  incident: z.strictObject({ id: z.string(), title: z.string(), severity: z.string() }).nullable(),
  actionItems: z.array(
    z.strictObject({
      id: z.string(),
      title: z.string(),
      ownerTeam: z.string(),
      due: z.string(),
      level: z.union([z.literal(1), z.literal(2)]),
      state: z.enum(ACTION_ITEM_STATES),
      item: z.string(),
      itemState: z.enum(ITEM_STATES).nullable(),
      overdue: z.boolean(),
    }),
  ),
  openActionItems: z.number(),
  markdown: z.string(),
});

export const postmortemRoutes = [
  route<{ programId: string; id: string }, { at?: string | undefined }>({
    method: 'get',
    path: '/api/programs/{programId}/postmortems/{id}/view',
    tag: 'Postmortems',
    summary: 'A post-mortem with its tracked action items',
    description:
      "Each action item with its tracked work item (`<post-mortem>-<action>`) and that item's state, overdue when still open after its due day (in the program's time zone) at `at` (default now); the open count; the whole post-mortem as Markdown in the blameless template's section order.",
    access: 'viewer',
    params: z.strictObject({ programId: z.string().min(1), id: z.string().min(1) }),
    query: z.strictObject(atQuery),
    response: postmortemViewSchema,
    async handle({ programId, params, query, deps }) {
      const current = await deps.cache.current(programId as ProgramId);
      if (!current) return noProgram(programId);
      const known = current.model.postmortems.map((p) => p.id as string);
      if (!known.includes(params.id)) {
        return problem(
          404,
          'not-found',
          'No such post-mortem',
          `there is no post-mortem "${params.id}" in "${programId}"; ${suggestion(params.id, known, 'post-mortems')}`,
        );
      }
      const now = query.at === undefined ? deps.now() : new Date(query.at);
      return cachedAt(deps, programId as string, current.version, `postmortem-view:${params.id}`, query.at, () =>
        postmortemView(current.model, params.id, now),
      );
    },
  }),
];
