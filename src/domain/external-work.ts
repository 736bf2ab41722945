import type { LinkType } from './dependency.js';
import type { ItemId, TeamId, WorkstreamId } from './ids.js';
import type { SyncSystem, WorkItem } from './work-item.js';

/**
 * What a tracker says about the program, already mapped (issue 8): the readers in `formats/jira`
 * and `formats/github` produce it, `engine/sync` merges it into the program. Tracker-neutral.
 */

/** The item fields a sync may own; every other field of an item is local and survives every sync. */
export const SYNCED_FIELDS = [
  'title',
  'kind',
  'description',
  'team',
  'assignee',
  'workstream',
  'parent',
  'estimate',
  'state',
  'startNoEarlierThan',
  'deadline',
  'target',
  'tags',
] as const satisfies readonly (keyof WorkItem)[];
export type SyncedField = (typeof SYNCED_FIELDS)[number];

/** One issue as an item. `fields` holds exactly the fields the mapping owns; a missing value clears it. */
export interface ExternalWork {
  readonly key: string;
  readonly id: ItemId;
  readonly url?: string;
  /** The tracker's last-updated time, ISO 8601. */
  readonly updated?: string;
  readonly fields: { readonly [F in SyncedField]?: WorkItem[F] };
}

/** A dependency from an issue link: `from` must finish (or start) before `to`. */
export interface ExternalDependency {
  readonly from: ItemId;
  readonly to: ItemId;
  readonly type: LinkType;
  /** The link type's name in the tracker, for the dependency's note. */
  readonly link: string;
}

/** One change from the tracker's history of an issue (Jira changelog, GitHub timeline). */
export interface ExternalActivity {
  /** Unique per tracker and issue, so re-syncing records it once: e.g. `jira:10146:0`. */
  readonly id: string;
  readonly item: ItemId;
  /** ISO 8601. */
  readonly at: string;
  readonly actor: string;
  /** The tracker's field name, e.g. status, Sprint, Story Points. */
  readonly field: string;
  readonly from?: string;
  readonly to?: string;
}

/** Everything one fetch returned, mapped. */
export interface ExternalBatch {
  readonly system: SyncSystem;
  readonly works: readonly ExternalWork[];
  /**
   * The links of every issue in `works`, both directions: a sync replaces the tracker's links that
   * touch these items with these.
   */
  readonly dependencies: readonly ExternalDependency[];
  /** Teams named by the mapping; created when the program lacks them. */
  readonly teams: readonly { readonly id: TeamId; readonly name: string }[];
  /** Workstreams from epics; created or renamed. */
  readonly workstreams: readonly { readonly id: WorkstreamId; readonly name: string }[];
  readonly activity: readonly ExternalActivity[];
}

/** What a sync did, or would do with --dry-run. Item ids per bucket. */
export interface SyncSummary {
  readonly system: SyncSystem;
  readonly fetched: number;
  readonly created: readonly ItemId[];
  readonly updated: readonly ItemId[];
  readonly unchanged: number;
  /** Gone from the selection since the last sync: kept, cancelled, marked removed. */
  readonly removed: readonly ItemId[];
  /** Back in the selection after being removed. */
  readonly restored: readonly ItemId[];
  readonly dependencies: { readonly added: number; readonly removed: number };
  /** Tracker links left out because they closed a cycle, each with the cycle it closed. */
  readonly cycleLinksSkipped: readonly { readonly from: ItemId; readonly to: ItemId; readonly cycle: readonly ItemId[] }[];
  readonly teamsCreated: readonly TeamId[];
  readonly workstreamsCreated: readonly WorkstreamId[];
  /** Changelog entries recorded for the first time. */
  readonly activity: number;
}
