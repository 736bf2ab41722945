import type { Integrations } from '../../domain/integration.js';
import { err, ok, type Result } from '../../domain/result.js';
import { githubSource } from './github/github-source.js';
import type { HttpDeps } from './http-client.js';
import { jiraSource } from './jira/jira-source.js';
import type { WorkSource } from './work-source.js';

export interface SecretSources {
  /** The process environment, read at the edge (CLI, server) and passed in. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** A secret the server keeps for this integration; wins over the environment. */
  readonly stored?: string;
}

export type ConfigError = { readonly kind: 'config'; readonly message: string; readonly field?: string };

const TOKEN_HELP = {
  jira: 'an API token from https://id.atlassian.com/manage-profile/security/api-tokens (Cloud) or a personal access token (Data Center)',
  github: 'a fine-grained personal access token with read access to issues and projects (https://github.com/settings/tokens)',
} as const;

/** The tracker the integrations document configures for `system`, with its secret resolved. */
export function openWorkSource(
  system: 'jira' | 'github',
  integrations: Integrations,
  secrets: SecretSources,
  deps: HttpDeps,
): Result<WorkSource, ConfigError> {
  if (system === 'jira') {
    const jira = integrations.jira;
    if (!jira)
      return err({ kind: 'config', message: 'there is no jira: section in the integrations; add site, auth and select', field: 'jira' });
    const secret = secretOf(secrets, jira.auth.tokenEnv, TOKEN_HELP.jira);
    return secret.ok ? ok(jiraSource(jira, secret.value, deps)) : secret;
  }
  const github = integrations.github;
  if (!github)
    return err({
      kind: 'config',
      message: 'there is no github: section in the integrations; add select (repos or project)',
      field: 'github',
    });
  const secret = secretOf(secrets, github.tokenEnv, TOKEN_HELP.github);
  return secret.ok ? ok(githubSource(github, secret.value, deps)) : secret;
}

/** The stored secret, else the named environment variable; a missing one says what to set. */
export function secretOf(secrets: SecretSources, envName: string, help: string): Result<string, ConfigError> {
  const value = secrets.stored ?? secrets.env[envName];
  if (value !== undefined && value.trim() !== '') return ok(value.trim());
  return err({ kind: 'config', message: `no secret: set ${envName} to ${help}`, field: 'tokenEnv' });
}
