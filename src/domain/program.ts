import { z } from 'zod';
import { workingCalendarSchema } from './calendar.js';
import { calendarDateSchema } from './calendar-date.js';
import { costPolicySchema } from './cost-policy.js';
import { programIdSchema } from './ids.js';
import { severityDefinitionSchema } from './incident.js';

export const programSchema = z.strictObject({
  id: programIdSchema,
  name: z.string().min(1, { message: 'a program needs a name' }),
  goal: z.string().optional(),
  sponsor: z.string().optional(),
  /** The TPM who runs the program. */
  tpm: z.string().optional(),
  start: calendarDateSchema,
  /** The date the program has committed to leadership. */
  target: calendarDateSchema,
  calendar: workingCalendarSchema.default({
    timezone: 'UTC',
    workdays: ['mon', 'tue', 'wed', 'thu', 'fri'],
    hours: ['09:00-17:00'],
    holidays: [],
  }),
  /** The program's own severity definitions, laid over the defaults (domain/incident.ts) severity by severity. */
  severities: z.array(severityDefinitionSchema).optional(),
  /** How the cloud bill is read and allocated to teams, and the teams' budgets (issue 7). */
  cost: costPolicySchema.optional(),
});
export type Program = z.infer<typeof programSchema>;
