import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { batchSource } from '../../app/integrations/batch-source.js';
import { openWorkSource } from '../../app/integrations/open-work-source.js';
import { type SyncOutcome, syncProgram } from '../../app/integrations/sync-program.js';
import type { ProgressSink, WorkSource } from '../../app/integrations/work-source.js';
import type { ProgramId } from '../../domain/ids.js';
import { readJiraCsv } from '../../formats/jira/jira-csv.js';
import { jiraOwnedFields } from '../../formats/jira/map-issues.js';
import type { CliIo } from '../cli-io.js';
import { EXIT } from '../exit-codes.js';
import { readIntegrationsFile, usageError } from '../integrations-file.js';
import { renderFileProblems } from '../render/file-problems.js';
import { defaultActor, withStore } from '../with-store.js';

export interface SyncCommandOptions {
  readonly config?: string;
  readonly csv?: string;
  readonly full?: boolean;
  readonly dryRun?: boolean;
  readonly json?: boolean;
}

/**
 * `throughline sync jira|github <program>`: brings a stored program in step with the tracker the
 * integrations file names. Secrets come from the environment variables the file names.
 */
export async function syncCommand(io: CliIo, system: 'jira' | 'github', target: string, options: SyncCommandOptions): Promise<number> {
  const file = options.config ?? 'integrations.yaml';
  const config = await readIntegrationsFile(io, file, 'jira: or github:');
  if (typeof config === 'number') return config;
  let source: WorkSource;
  if (options.csv !== undefined) {
    if (system !== 'jira') return usageError(io, '--csv reads a Jira CSV export; it works with `sync jira` only');
    const jira = config.jira;
    if (!jira) return usageError(io, `${file} has no jira: section; the CSV is mapped with its mapping (site, mapping)`);
    const path = resolve(io.cwd, options.csv);
    if (!existsSync(path)) return usageError(io, `${options.csv} does not exist`);
    const read = readJiraCsv(await readFile(path, 'utf8'), jira.mapping, { site: jira.site, file: options.csv });
    if (!read.ok) {
      io.err(renderFileProblems(read.error, io.errStyle));
      return EXIT.invalid;
    }
    source = batchSource(read.value, jiraOwnedFields(jira.mapping), `Jira CSV export ${options.csv}`);
  } else {
    const opened = openWorkSource(
      system,
      config,
      { env: io.env },
      { sleep: (ms) => new Promise((r) => setTimeout(r, ms)), now: () => Date.now() },
    );
    if (!opened.ok) {
      io.err(`${io.errStyle.red('error')}: ${opened.error.message}`);
      return EXIT.usage;
    }
    source = opened.value;
  }

  return withStore(io, `throughline sync ${system} ${target}`, async (store) => {
    const integrations = store.integrations;
    const outcome = await syncProgram(store, target as ProgramId, source, {
      dryRun: options.dryRun === true,
      full: options.full === true || options.csv !== undefined,
      at: io.now(),
      actor: defaultActor(io),
      progress: progressLine(io),
      recordActivity: (id, entries) => integrations.recordActivity(id, entries),
    });
    if (io.stderrIsTty) io.err('');
    if (!outcome.ok) {
      const e = outcome.error;
      io.err(`${io.errStyle.red('error')}: ${e.message}`);
      if (e.kind === 'invalid') for (const p of e.problems.slice(1)) io.err(`  ${p}`);
      return e.kind === 'no-program' ? EXIT.notFound : e.kind === 'invalid' ? EXIT.invalid : e.kind === 'config' ? EXIT.usage : EXIT.remote;
    }
    if (options.json) io.out(JSON.stringify(jsonOf(outcome.value, source), null, 2));
    else io.out(render(outcome.value, source, target));
    return EXIT.ok;
  });
}

const PHASES: Record<string, string> = {
  connecting: 'Connecting',
  listing: 'Listing the selection',
  fetching: 'Fetching issues',
  merging: 'Merging',
  saving: 'Saving',
  done: 'Done',
};

/** One line per phase and every ~10 % off a terminal; redrawn in place on one. */
function progressLine(io: CliIo): ProgressSink {
  let lastPhase = '';
  let lastTenth = -1;
  return (p) => {
    const of = p.total !== undefined ? ` / ${p.total.toLocaleString('en-US')}` : '';
    const line = `  ${PHASES[p.phase] ?? p.phase}… ${p.done.toLocaleString('en-US')}${of}`;
    if (io.stderrIsTty) {
      io.err(`\u001b[2K\r${line}`);
      return;
    }
    const tenth = p.total ? Math.floor((p.done / p.total) * 10) : -1;
    if (p.phase !== lastPhase || tenth > lastTenth) io.err(line);
    if (p.phase !== lastPhase) lastTenth = -1;
    lastPhase = p.phase;
    lastTenth = Math.max(lastTenth, tenth);
  };
}

function jsonOf(outcome: SyncOutcome, source: WorkSource) {
  return { source: source.describe, ...outcome };
}

function render(outcome: SyncOutcome, source: WorkSource, target: string): string {
  const s = outcome.summary;
  const n = (k: number, one: string, many = `${one}s`) => `${k.toLocaleString('en-US')} ${k === 1 ? one : many}`;
  const lines = [
    `${outcome.dryRun ? 'Dry run — nothing written. ' : ''}${source.system === 'jira' ? 'Jira' : 'GitHub'} → ${target}: ${source.describe}`,
    `  ${outcome.since ? `changes since ${outcome.since}` : 'everything (full sync)'}: ${n(s.fetched, 'issue')} fetched`,
    `  ${n(s.created.length, 'item')} created, ${n(s.updated.length, 'item')} updated, ${s.unchanged.toLocaleString('en-US')} unchanged`,
  ];
  if (s.removed.length > 0) lines.push(`  ${n(s.removed.length, 'item')} removed from the selection (kept, cancelled): ${ids(s.removed)}`);
  if (s.restored.length > 0) lines.push(`  ${n(s.restored.length, 'item')} back in the selection: ${ids(s.restored)}`);
  lines.push(`  dependencies: ${s.dependencies.added} added, ${s.dependencies.removed} removed`);
  for (const c of s.cycleLinksSkipped) {
    lines.push(`  left out ${c.from} → ${c.to}: it closes the cycle ${c.cycle.join(' → ')} (fix the links in the tracker)`);
  }
  if (s.teamsCreated.length > 0) lines.push(`  new teams (capacity 1 until you set it): ${s.teamsCreated.join(', ')}`);
  if (s.workstreamsCreated.length > 0) lines.push(`  new workstreams: ${ids(s.workstreamsCreated)}`);
  if (s.activity > 0) lines.push(`  ${n(s.activity, 'history entry', 'history entries')} from the tracker recorded`);
  if (s.updated.length > 0 && s.updated.length <= 20) lines.push(`  updated: ${s.updated.join(', ')}`);
  if (!outcome.dryRun && outcome.version !== undefined) lines.push(`  program version ${outcome.version}`);
  return lines.join('\n');
}

function ids(list: readonly string[]): string {
  return list.length <= 10 ? list.join(', ') : `${list.slice(0, 10).join(', ')} and ${list.length - 10} more`;
}
