/** The integrations API's shapes (src/server/routes/integrations.ts). */
export type IntegrationKind = 'jira' | 'github' | 'confluence' | 'slack';
export type TrackerKind = 'jira' | 'github';
export const isTracker = (k: IntegrationKind): k is TrackerKind => k === 'jira' || k === 'github';

export interface SyncSummary {
  system: string;
  fetched: number;
  created: string[];
  updated: string[];
  unchanged: number;
  removed: string[];
  restored: string[];
  dependencies: { added: number; removed: number };
  /** Tracker links left out because they close a cycle (absent in results recorded before it existed). */
  cycleLinksSkipped?: { from: string; to: string; cycle: string[] }[];
  teamsCreated: string[];
  workstreamsCreated: string[];
  activity: number;
}

export interface IntegrationResult {
  at: string;
  kind: 'sync' | 'publish' | 'test';
  ok: boolean;
  summary: unknown;
  error: string | null;
  actor: string;
}

export interface SyncProgress {
  phase: 'connecting' | 'listing' | 'fetching' | 'merging' | 'saving' | 'done';
  done: number;
  total?: number;
}

export interface SyncRun {
  runId: string;
  kind: TrackerKind;
  actor: string;
  startedAt: string;
  progress: SyncProgress;
  finishedAt: string | null;
  ok: boolean | null;
  summary: SyncSummary | null;
  error: string | null;
  version: number | null;
}

export interface Schedule {
  every: string;
  at: string;
  timeZone: string;
  text: string;
  /** ISO 8601. */
  next: string;
}

export interface Integration {
  kind: IntegrationKind;
  config: Record<string, unknown> | null;
  hasSecret: boolean;
  secretEnv: string | null;
  secretSource: 'stored' | 'env' | 'none';
  describe: string | null;
  schedule: Schedule | null;
  updatedAt: string | null;
  updatedBy: string | null;
  results: IntegrationResult[];
  running: SyncRun | null;
}

export interface PreviewRow {
  key: string;
  id: string;
  url: string | null;
  title: string | null;
  kind: string | null;
  team: string | null;
  estimate: number | null;
  state: string | null;
  parent: string | null;
  workstream: string | null;
  dependencies: number;
  action: 'create' | 'update' | 'unchanged';
}

export interface Preview {
  describe: string;
  limit: number;
  rows: PreviewRow[];
  summary: SyncSummary;
}

export interface TestOk {
  ok: true;
  account: string;
  detail: string;
}

export const KIND_NAMES: Record<IntegrationKind, string> = { jira: 'Jira', github: 'GitHub', confluence: 'Confluence', slack: 'Slack' };
export const KIND_ROLES: Record<IntegrationKind, string> = {
  jira: 'Issues, epics and links from a JQL query, a board or epics',
  github: 'Issues from repositories or a Projects board',
  confluence: 'The status report as a Confluence page',
  slack: 'A status summary posted to a channel',
};
