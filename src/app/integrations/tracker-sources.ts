import { err } from '../../domain/result.js';
import type { SourceFactories } from './integration-runs.js';
import type { WorkSource } from './work-source.js';

// Temporary until the Jira and GitHub sources land: a source that says it is missing.
const missing = (system: 'jira' | 'github'): WorkSource => {
  const error = err({ kind: 'config' as const, message: `the ${system} connector is not in this build of the server yet` });
  return { system, owned: [], describe: system, test: async () => error, fetch: async () => error, keys: async () => error };
};

/** The trackers the server syncs from. */
export const TRACKER_SOURCES: SourceFactories = {
  jira: () => missing('jira'),
  github: () => missing('github'),
};
