import type { ConfluenceIntegration } from '../../domain/integration.js';
import { err, ok, type Result } from '../../domain/result.js';
import { type HttpDeps, httpClient, type IntegrationError } from './http-client.js';
import type { ConnectionOk } from './integration-runs.js';

/**
 * "Test connection" for the publishing targets: it reads, it never publishes. Confluence: the
 * space the report goes to, read with the e-mail and token. Slack: an incoming webhook cannot be
 * called without posting, so only its URL is checked.
 */

/** Confluence Cloud: the space by key (REST v2 GET /wiki/api/v2/spaces?keys=), signed in with the e-mail and token. */
export async function checkConfluence(config: unknown, secret: string, deps: HttpDeps): Promise<Result<ConnectionOk, IntegrationError>> {
  const c = config as ConfluenceIntegration;
  const client = httpClient(
    {
      baseUrl: c.site,
      auth: { kind: 'basic', user: c.email, secret },
      service: 'Confluence',
      authHint: `the API token in ${c.tokenEnv} (or the one stored here) and the e-mail ${c.email}`,
      maxRetries: 2,
    },
    deps,
  );
  const spaces = await client.send({ path: '/wiki/api/v2/spaces', query: { keys: c.space, limit: 1 } });
  if (!spaces.ok) return spaces;
  const space = (spaces.value.body as { results?: { key?: string; name?: string }[] }).results?.[0];
  if (!space) {
    return err({
      kind: 'not-found',
      message: `Confluence has no space "${c.space}" that ${c.email} can see: check the space key (it is in the space's URL, /wiki/spaces/KEY) and that this account may add pages there`,
    });
  }
  return ok({
    account: c.email,
    detail: `space ${space.key ?? c.space} “${space.name ?? c.space}”; the page “${c.title}” is created or updated there`,
  });
}

const WEBHOOK = /^https:\/\/hooks\.slack(?:-gov)?\.com\/services\/(T[A-Z0-9]+)\/(B[A-Z0-9]+)\/[A-Za-z0-9]+$/;

/** Slack: the webhook URL has the shape Slack gives (https://hooks.slack.com/services/T…/B…/…); nothing is posted. */
export async function checkSlack(config: unknown, secret: string): Promise<Result<ConnectionOk, IntegrationError>> {
  const env = (config as { webhookEnv: string }).webhookEnv;
  const m = WEBHOOK.exec(secret.trim());
  if (!m) {
    return err({
      kind: 'config',
      field: 'secret',
      message: `the webhook URL (stored here or in ${env}) is not a Slack incoming webhook: it looks like https://hooks.slack.com/services/T…/B…/…; copy it from the Slack app's Incoming Webhooks page`,
    });
  }
  return ok({
    account: `workspace ${m[1]}`,
    detail: `incoming webhook ${m[2]} (checked, not called: a test message would post to the channel)`,
  });
}
