import type { ExternalActivity, SyncSummary } from '../../domain/external-work.js';
import type { ProgramId } from '../../domain/ids.js';
import type { ProgramModel } from '../../domain/program-model.js';
import { err, ok, type Result } from '../../domain/result.js';
import type { SyncSystem, WorkItem } from '../../domain/work-item.js';
import { mergeExternal } from '../../engine/sync/merge-external.js';
import { validateModel } from '../../engine/validate-model.js';
import type { ProgramStore } from '../../store/program-store.js';
import { dayIn } from '../day-in-zone.js';
import type { IntegrationError } from './http-client.js';
import type { ProgressSink, WorkSource } from './work-source.js';

export interface SyncOptions {
  /** Compute and report, write nothing. */
  readonly dryRun: boolean;
  /** Fetch everything, not only what changed since the last sync. */
  readonly full?: boolean;
  /** Stop after this many issues (a preview); removals are not looked for. */
  readonly limit?: number;
  /** The instant of the sync (passed in): the change set's time and the day removals are dated. */
  readonly at: Date;
  readonly actor: string;
  readonly progress: ProgressSink;
  /** Records tracker history (Jira changelog) beside the item history; returns how many were new. */
  readonly recordActivity?: (programId: ProgramId, entries: readonly ExternalActivity[]) => Promise<number>;
}

export interface SyncOutcome {
  readonly summary: SyncSummary;
  readonly dryRun: boolean;
  /** The tracker time the fetch started from; undefined for a full fetch. */
  readonly since?: string;
  /** The program's version after the sync (unchanged when nothing changed or on a dry run). */
  readonly version?: number;
  /** Milliseconds per step, for progress reports and benches. */
  readonly timings: {
    readonly fetch: number;
    readonly keys: number;
    readonly merge: number;
    readonly save: number;
    readonly activity: number;
  };
}

export type SyncError =
  | IntegrationError
  | { readonly kind: 'no-program'; readonly message: string }
  /** The merged program breaks a rule (a dependency cycle through the tracker's links, say): nothing was written. */
  | { readonly kind: 'invalid'; readonly message: string; readonly problems: readonly string[] };

/**
 * Brings a stored program in step with a tracker: fetches what changed since the newest issue the
 * program has from it (everything on the first sync or with `full`), lists the selection's keys to
 * find issues that left it, merges (`engine/sync/merge-external.ts`) and saves in one change set
 * attributed to the sync. The merge runs again on the locked, current program, so an edit made
 * while the tracker was being read is not lost. Re-running with nothing changed writes nothing.
 */
export async function syncProgram(
  store: ProgramStore,
  programId: ProgramId,
  source: WorkSource,
  options: SyncOptions,
): Promise<Result<SyncOutcome, SyncError>> {
  const read = await store.readVersioned(programId);
  if (!read) return err({ kind: 'no-program', message: `There is no program "${programId}". Load it first: throughline load <file>` });
  const { model } = read;
  const since = options.full || options.limit !== undefined ? undefined : newestUpdate(model.items, source.system);
  const today = dayIn(model.program.calendar.timezone, options.at);

  let t = performance.now();
  options.progress({ phase: 'fetching', done: 0 });
  const fetched = await source.fetch(since, options.progress, options.limit);
  if (!fetched.ok) return fetched;
  const batch = fetched.value;
  const fetchMs = performance.now() - t;

  t = performance.now();
  let present: Set<string> | undefined;
  if (options.limit === undefined) {
    if (since === undefined) present = new Set(batch.works.map((w) => w.key));
    else {
      options.progress({ phase: 'listing', done: 0 });
      const keys = await source.keys(options.progress);
      if (!keys.ok) return keys;
      present = new Set(keys.value);
      // Milestones made from fix versions or GitHub milestones are not issues the listing names;
      // they leave only when a full fetch no longer produces them.
      for (const item of model.items) if (item.kind === 'milestone' && item.source?.system === source.system) present.add(item.source.key);
      for (const w of batch.works) present.add(w.key);
    }
  }
  const keysMs = performance.now() - t;

  t = performance.now();
  options.progress({ phase: 'merging', done: batch.works.length, total: batch.works.length });
  const mergeOptions = { today, owned: source.owned, ...(present ? { present } : {}) };
  const preview = mergeExternal(model, batch, mergeOptions);
  const invalid = problemsOf(preview.model);
  if (invalid) return err(invalid);
  const mergeMs = performance.now() - t;
  const summaryOf = (merged: typeof preview.summary, activity: number): SyncSummary => ({
    ...merged,
    fetched: batch.works.length,
    activity,
  });
  const timings = { fetch: fetchMs, keys: keysMs, merge: mergeMs, save: 0, activity: 0 };
  if (options.dryRun) {
    return ok({ summary: summaryOf(preview.summary, batch.activity.length), dryRun: true, ...(since ? { since } : {}), timings });
  }

  t = performance.now();
  options.progress({ phase: 'saving', done: 0, total: batch.works.length });
  let summary = preview.summary;
  const saved = await store.editProgram<Extract<SyncError, { kind: 'invalid' }>>(
    programId,
    (current, version) => {
      // The store reads the program again under its lock; unless someone saved in between, that is
      // the program the preview merged, so its merge (and validation) stands.
      const merged = version === read.version ? preview : mergeExternal(current, batch, mergeOptions);
      if (merged !== preview) {
        const problem = problemsOf(merged.model);
        if (problem) return { error: problem };
      }
      summary = merged.summary;
      return { model: merged.model };
    },
    { actor: options.actor, at: options.at, source: `sync ${source.system}: ${source.describe}` },
  );
  if ('missing' in saved) return err({ kind: 'no-program', message: `The program "${programId}" was removed during the sync.` });
  if ('error' in saved) return err(saved.error);
  const saveMs = performance.now() - t;

  t = performance.now();
  const recorded = options.recordActivity && batch.activity.length > 0 ? await options.recordActivity(programId, batch.activity) : 0;
  const activityMs = performance.now() - t;
  options.progress({ phase: 'done', done: batch.works.length, total: batch.works.length });
  return ok({
    summary: summaryOf(summary, recorded),
    dryRun: false,
    ...(since ? { since } : {}),
    version: saved.saved.version,
    timings: { ...timings, save: saveMs, activity: activityMs },
  });
}

/** The newest tracker update time among the program's items from this tracker (ISO compared as instants). */
export function newestUpdate(items: readonly WorkItem[], system: SyncSystem): string | undefined {
  let best: string | undefined;
  let bestMs = Number.NEGATIVE_INFINITY;
  for (const item of items) {
    const updated = item.source?.system === system ? item.source.updated : undefined;
    if (updated === undefined) continue;
    const ms = Date.parse(updated);
    if (Number.isFinite(ms) && ms > bestMs) {
      bestMs = ms;
      best = updated;
    }
  }
  return best;
}

function problemsOf(model: ProgramModel): Extract<SyncError, { kind: 'invalid' }> | undefined {
  const problems = validateModel(model);
  if (problems.length === 0) return undefined;
  const lines = problems.slice(0, 20).map((p) => {
    const dep = p.at.entity === 'dependency' ? model.dependencies[p.at.index] : undefined;
    const id = p.at.entity === 'item' ? model.items[p.at.index]?.id : dep ? `${dep.from} → ${dep.to}` : undefined;
    return `${id ? `${id}: ` : ''}${p.message}${p.hint ? ` (${p.hint})` : ''}`;
  });
  return {
    kind: 'invalid',
    message: `The tracker's data would make the program invalid, so nothing was written: ${lines[0]}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`,
    problems: lines,
  };
}
