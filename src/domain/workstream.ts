import { z } from 'zod';
import { workstreamIdSchema } from './ids.js';

export const workstreamSchema = z.strictObject({
  id: workstreamIdSchema,
  name: z.string().min(1, { message: 'a workstream needs a name' }),
  lead: z.string().optional(),
  description: z.string().optional(),
});
export type Workstream = z.infer<typeof workstreamSchema>;
