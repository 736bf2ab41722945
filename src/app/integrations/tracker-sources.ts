import { err } from '../../domain/result.js';
import type { SourceFactories } from './integration-runs.js';
import { jiraSource } from './jira/jira-source.js';
import type { WorkSource } from './work-source.js';

// Until the GitHub source is in this build: a source that says so on every call.
const missing = (system: 'github'): WorkSource => {
  const error = err({ kind: 'config' as const, message: `the ${system} connector is not in this build of the server yet` });
  return { system, owned: [], describe: system, test: async () => error, fetch: async () => error, keys: async () => error };
};

/** The trackers the server syncs from. */
export const TRACKER_SOURCES: SourceFactories = {
  jira: jiraSource,
  github: () => missing('github'),
};
