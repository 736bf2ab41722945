import type { ExternalBatch, SyncedField } from '../../domain/external-work.js';
import type { Result } from '../../domain/result.js';
import type { SyncSystem } from '../../domain/work-item.js';
import type { IntegrationError } from './http-client.js';

/** Where a sync is, for progress bars: `done` of `total` (issues), total unknown until the tracker says. */
export interface SyncProgress {
  readonly phase: 'connecting' | 'listing' | 'fetching' | 'merging' | 'saving' | 'done';
  readonly done: number;
  readonly total?: number;
}
export type ProgressSink = (progress: SyncProgress) => void;

/** A tracker the program syncs from: Jira or GitHub, already configured with its mapping and secret. */
export interface WorkSource {
  readonly system: SyncSystem;
  /** The item fields this mapping owns (everything else stays local). */
  readonly owned: readonly SyncedField[];
  /** What the selection is, in words, for messages: `JQL "project = NET"`, `octo/api, octo/web`. */
  readonly describe: string;
  /** Checks the connection and credentials: who we are signed in as, and a detail line. */
  test(): Promise<Result<{ readonly account: string; readonly detail: string }, IntegrationError>>;
  /**
   * The issues of the selection updated at or after `since` (ISO 8601; undefined: all), mapped.
   * `limit` stops after that many issues (a preview).
   */
  fetch(since: string | undefined, progress: ProgressSink, limit?: number): Promise<Result<ExternalBatch, IntegrationError>>;
  /** The keys of every issue in the selection now, to find the ones that left it. */
  keys(progress: ProgressSink): Promise<Result<ReadonlySet<string>, IntegrationError>>;
}
