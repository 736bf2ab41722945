import { z } from 'zod';
import { calendarDateSchema } from './calendar-date.js';
import { debtSchema } from './debt.js';
import { estimateSchema } from './estimate.js';
import { itemIdSchema, teamIdSchema, workstreamIdSchema } from './ids.js';
import { serviceIdSchema } from './program-service.js';

export const ITEM_KINDS = ['task', 'epic', 'milestone', 'procurement', 'long-lead'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export const ITEM_STATES = ['not-started', 'in-progress', 'blocked', 'done', 'cancelled'] as const;
export type ItemState = (typeof ITEM_STATES)[number];

/** The infrastructure priority funnel: never work on 4 while 1 is broken. */
export const PRIORITY_LEVELS = {
  1: 'Stability',
  2: 'Reliability',
  3: 'Efficiency',
  4: 'Scale',
} as const;

export const externalLinkSchema = z.union(
  [
    z.strictObject({
      jira: z.string().regex(/^[A-Z][A-Z0-9_]+-\d+$/, {
        message: 'a Jira key looks like NET-123',
      }),
    }),
    z.strictObject({
      url: z.url({
        message: 'expected a full URL, e.g. https://wiki.example.com/page',
      }),
      title: z.string().optional(),
    }),
  ],
  { message: 'a link is { jira: KEY-123 } or { url: https://…, title: … }' },
);
export type ExternalLink = z.infer<typeof externalLinkSchema>;

/** Trackers an item can be synced from (issue 8). */
export const SYNC_SYSTEMS = ['jira', 'github'] as const;
export type SyncSystem = (typeof SYNC_SYSTEMS)[number];

/**
 * Where a synced item comes from. Written by `sync`, not by hand: the fields the mapping owns follow
 * the tracker on every sync; every other field (risks, three-point estimates, notes) stays local.
 */
export const itemSourceSchema = z.strictObject({
  system: z.enum(SYNC_SYSTEMS, { message: `source.system is one of ${SYNC_SYSTEMS.join(', ')}` }),
  /** The tracker's own key: `NET-123`, `octo/api#12`. */
  key: z.string().min(1, { message: 'source.key is the issue key, e.g. NET-123' }),
  url: z.url({ message: 'source.url is the issue page, a full URL' }).optional(),
  /** The tracker's last-updated time of the issue, ISO 8601 with offset; incremental syncs start from the newest. */
  updated: z.string().optional(),
  /** The day a sync found the issue gone from the selection; the item is kept, cancelled, and shown as removed. */
  removed: calendarDateSchema.optional(),
});
export type ItemSource = z.infer<typeof itemSourceSchema>;

export const workItemSchema = z.strictObject({
  id: itemIdSchema,
  title: z.string().min(1, { message: 'an item needs a title' }),
  kind: z.enum(ITEM_KINDS, { message: `kind is one of ${ITEM_KINDS.join(', ')}` }).default('task'),
  description: z.string().optional(),
  team: teamIdSchema.optional(),
  assignee: z.string().optional(),
  workstream: workstreamIdSchema.optional(),
  /** The epic this item belongs to. */
  parent: itemIdSchema.optional(),
  estimate: estimateSchema.optional(),
  /** People working on the item at once; its load on the team's capacity. */
  effort: z.number().positive({ message: 'effort is a number of people greater than 0' }).default(1),
  state: z.enum(ITEM_STATES, { message: `state is one of ${ITEM_STATES.join(', ')}` }).default('not-started'),
  percentComplete: z.number().min(0).max(100, { message: 'percentComplete is between 0 and 100' }).optional(),
  /** Working days left, when the team knows better than a percentage. */
  remaining: z
    .number()
    .nonnegative({
      message: 'remaining is a number of working days, 0 or more',
    })
    .optional(),
  startNoEarlierThan: calendarDateSchema.optional(),
  deadline: calendarDateSchema.optional(),
  priority: z
    .union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], {
      message: 'priority is a funnel level: 1 Stability, 2 Reliability, 3 Efficiency, 4 Scale',
    })
    .optional(),
  tags: z.array(z.string().min(1)).default([]),
  links: z.array(externalLinkSchema).default([]),
  /** Milestones: the date promised to stakeholders. */
  target: calendarDateSchema.optional(),
  /** Milestones: who is told when it moves. */
  stakeholders: z.array(z.string().min(1)).default([]),
  /** Procurement and long-lead items: supplier and the date the order was placed. */
  vendor: z.string().optional(),
  orderedOn: calendarDateSchema.optional(),
  /** Services (by id) this item changes, e.g. the migration of a service. */
  services: z.array(serviceIdSchema).optional(),
  /** Tech debt: why it was taken on and the interest it costs (funnel level 2 unless \`priority\` says otherwise). */
  debt: debtSchema.optional(),
  /** Synced from a tracker (issue 8). */
  source: itemSourceSchema.optional(),
});
export type WorkItem = z.infer<typeof workItemSchema>;
