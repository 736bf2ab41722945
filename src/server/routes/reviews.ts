import { z } from 'zod';
import type { CalendarDate } from '../../domain/calendar-date.js';
import type { ProgramId } from '../../domain/ids.js';
import { RULE_IDS } from '../../engine/insights/finding.js';
import { problem } from '../problem.js';
import { route } from '../route.js';
import { asOfQuery, detectedRisks, noProgram, planFailure, programAt } from './computed.js';

export const reviewSchema = z.strictObject({
  key: z.string(),
  verdict: z.enum(['acknowledged', 'dismissed']),
  reason: z.string(),
  actor: z.string(),
  at: z.string(),
});

const reviewBody = z.strictObject({
  verdict: z.enum(['acknowledged', 'dismissed'], { message: 'verdict is acknowledged or dismissed' }),
  reason: z
    .string({ message: 'reason is text' })
    .trim()
    .min(1, { message: 'say why (e.g. "owner is on it", "accepted by the steering group"): the reason is kept with the verdict' })
    .max(2000, { message: 'a reason has at most 2000 characters' }),
});

/** The trials of GET /findings by default: a review checks the key against that run (cached). */
const FINDINGS_TRIALS = 1000;

export const reviewRoutes = [
  route<{ programId: string; key: string }, { asOf?: CalendarDate | undefined }, { verdict: 'acknowledged' | 'dismissed'; reason: string }>(
    {
      method: 'put',
      path: '/api/programs/{programId}/findings/{key}/review',
      tag: 'Risks',
      summary: 'Acknowledge or dismiss a detected risk',
      description:
        'Records (or replaces) the verdict on a finding of `GET /findings`, by its key (`rule:subject`). Both need a reason. Acknowledged findings stay listed with their review; dismissed ones move to `dismissed`. The key must be among the findings detected as of `asOf` (default today). The verdict holds while the situation lasts: the key is stable.',
      access: 'editor',
      params: z.strictObject({ programId: z.string().min(1), key: z.string().min(1) }),
      query: z.strictObject(asOfQuery),
      body: reviewBody,
      response: reviewSchema,
      problems: [422],
      async handle({ programId, params, query, body, principal, deps }) {
        const rule = params.key.split(':')[0] as string;
        if (!(RULE_IDS as string[]).includes(rule)) {
          return problem(
            404,
            'no-finding',
            'No such finding',
            `"${params.key}" is no finding key: a key is RULE:SUBJECT, and the rules are ${RULE_IDS.join(', ')}`,
          );
        }
        const at = await programAt(deps, programId, query.asOf);
        if (!at) return noProgram(programId);
        const detected = await detectedRisks(deps, at, FINDINGS_TRIALS);
        if (!detected.ok) return planFailure(detected.error);
        const all = [...detected.value.findings, ...detected.value.dismissed];
        if (!all.some((f) => f.key === params.key)) {
          const keys = all.map((f) => f.key);
          return problem(
            404,
            'no-finding',
            'No such finding',
            `no detected risk "${params.key}" as of ${at.asOf}; the current keys: ${keys.slice(0, 12).join(', ') || 'none'}${keys.length > 12 ? ', …' : ''}`,
          );
        }
        const review = {
          key: params.key,
          verdict: body.verdict,
          reason: body.reason,
          actor: principal?.login ?? 'unknown',
          at: deps.now(),
        };
        await deps.store.insights.reviewFinding(programId as ProgramId, review);
        return { body: { ...review, at: review.at.toISOString() } };
      },
    },
  ),
];
