import { z } from 'zod';
import type { ItemId, TeamId } from './ids.js';
import { itemIdSchema } from './ids.js';

/** Finish-to-start, start-to-start, finish-to-finish, start-to-finish, as in MS Project. */
export const LINK_TYPES = ['FS', 'SS', 'FF', 'SF'] as const;
export type LinkType = (typeof LINK_TYPES)[number];

/**
 * A cross-team dependency is an agreement between two teams, so it carries a negotiation state:
 * requested → accepted → at-risk → broken.
 */
export const DEPENDENCY_STATES = ['requested', 'accepted', 'at-risk', 'broken'] as const;
export type DependencyState = (typeof DEPENDENCY_STATES)[number];

export const dependencySchema = z.strictObject({
  /** The predecessor. */
  from: itemIdSchema,
  /** The successor, which waits on `from`. */
  to: itemIdSchema,
  type: z.enum(LINK_TYPES, { message: `type is one of ${LINK_TYPES.join(', ')}` }).default('FS'),
  /** Working days; negative is a lead (overlap). */
  lag: z
    .number({
      message: 'lag is a number of working days (negative for overlap)',
    })
    .default(0),
  state: z.enum(DEPENDENCY_STATES, {
    message: `state is one of ${DEPENDENCY_STATES.join(', ')}`,
  }),
  note: z.string().optional(),
  /**
   * The tracker whose issue link this is (issue 8): a sync adds and removes such links as the tracker
   * does; links without a source are the program's own and a sync never touches them.
   */
  source: z.enum(['jira', 'github'], { message: 'source is jira or github' }).optional(),
});
export type Dependency = z.infer<typeof dependencySchema>;

/** The stable key of a dependency: one link per ordered pair of items. */
export function dependencyKey(dep: { from: ItemId; to: ItemId }): string {
  return `${dep.from}->${dep.to}`;
}

/** Derived, never stored by hand: a dependency crosses teams when both ends have teams and they differ. */
export function crossesTeams(fromTeam: TeamId | undefined, toTeam: TeamId | undefined): boolean {
  return fromTeam !== undefined && toTeam !== undefined && fromTeam !== toTeam;
}
