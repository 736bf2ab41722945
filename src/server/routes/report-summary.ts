import { z } from 'zod';
import type { ProgramId } from '../../domain/ids.js';
import type { ReportSummary } from '../../store/report-summary-store.js';
import { programIdParam } from '../api-schemas.js';
import { problem } from '../problem.js';
import { route } from '../route.js';

/** The longest summary kept, in characters: a report's summary is read in a minute, not a page. */
const MAX_SUMMARY = 4000;

const summarySchema = z.strictObject({
  /** null: the report says what it computes. */
  written: z.strictObject({ text: z.string(), actor: z.string(), updatedAt: z.string() }).nullable(),
});

const shown = (s: ReportSummary | undefined) => ({
  written: s ? { text: s.text, actor: s.actor, updatedAt: s.updatedAt.toISOString() } : null,
});

/** The executive summary a TPM writes over the computed one; every rendering of the report (web, Markdown, HTML, Confluence, Slack, CLI) uses it. */
export const reportSummaryRoutes = [
  route<{ programId: string }>({
    method: 'get',
    path: '/api/programs/{programId}/report/summary',
    tag: 'Reports',
    summary: 'The written executive summary',
    description:
      'The summary a person wrote for the status report, with who and when; `written: null` when the report uses its computed summary.',
    access: 'viewer',
    params: programIdParam,
    response: summarySchema,
    async handle({ programId, deps }) {
      if ((await deps.store.versionOf(programId as ProgramId)) === undefined)
        return problem(404, 'no-program', 'No such program', `there is no program "${programId}"`);
      return { body: shown(await deps.store.reportSummaries.read(programId as ProgramId)) };
    },
  }),
  route<{ programId: string }, Record<string, never>, { text: string }>({
    method: 'put',
    path: '/api/programs/{programId}/report/summary',
    tag: 'Reports',
    summary: 'Write the executive summary',
    description:
      'One sentence or paragraph per line; it replaces the computed summary in every rendering of the report. Empty text goes back to the computed summary.',
    access: 'editor',
    params: programIdParam,
    body: z.strictObject({
      text: z.string().max(MAX_SUMMARY, { message: `keep the summary under ${MAX_SUMMARY} characters: executives read it in a minute` }),
    }),
    response: summarySchema,
    async handle({ programId, body, principal, deps }) {
      const id = programId as ProgramId;
      const version = await deps.store.versionOf(id);
      if (version === undefined) return problem(404, 'no-program', 'No such program', `there is no program "${programId}"`);
      const actor = principal?.login ?? 'unknown';
      const text = body.text.trim();
      if (text === '') await deps.store.reportSummaries.clear(id);
      else await deps.store.reportSummaries.write(id, { text, actor, updatedAt: deps.now() });
      // Open pages refetch the report; the program itself did not change, so its version stays.
      deps.events.publish({
        programId: id,
        version,
        actor,
        source: principal?.via === 'token' ? 'api token' : 'web',
        changes: [{ entity: 'report-summary', id: programId as string, op: text === '' ? 'delete' : 'update' }],
      });
      return { body: shown(await deps.store.reportSummaries.read(id)) };
    },
  }),
];
