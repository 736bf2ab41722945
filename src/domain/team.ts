import { z } from 'zod';
import { calendarDateSchema } from './calendar-date.js';
import { teamIdSchema } from './ids.js';

/** A span of days on which a team works at reduced capacity (0 = not at all): an offsite, a freeze, a local holiday. */
export const capacityExceptionSchema = z.strictObject({
  from: calendarDateSchema,
  /** Inclusive; a one-day exception may leave it out. */
  to: calendarDateSchema.optional(),
  /** People available on those days; 0 when left out. */
  capacity: z.number().nonnegative({ message: 'capacity is a number of people, 0 or more' }).default(0),
  reason: z.string().optional(),
});
export type CapacityException = z.infer<typeof capacityExceptionSchema>;

export const teamSchema = z.strictObject({
  id: teamIdSchema,
  name: z.string().min(1, { message: 'a team needs a name' }),
  /** People who can work on the program at once. */
  capacity: z.number().positive({ message: 'capacity is a number of people greater than 0' }),
  /** Most items the team should have in progress at once. */
  wipLimit: z.number().int().positive({ message: 'wipLimit is a whole number greater than 0' }).optional(),
  lead: z.string().optional(),
  exceptions: z.array(capacityExceptionSchema).default([]),
});
export type Team = z.infer<typeof teamSchema>;
