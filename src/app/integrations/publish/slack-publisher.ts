import { err, ok, type Result } from '../../../domain/result.js';
import { type BlockKitViolation, checkBlockKit } from '../../../formats/report/block-kit-limits.js';
import { type HttpDeps, httpClient, type IntegrationError } from '../http-client.js';

/**
 * Posting the status report to a Slack channel through an incoming webhook
 * (api.slack.com/messaging/webhooks). The webhook URL is a secret: anyone holding it can post to
 * the channel, so it never appears in a message or an error; only its host does.
 */

export interface SlackPayload {
  readonly text: string;
  readonly blocks: readonly Record<string, unknown>[];
}

export interface SlackPublished {
  readonly blocks: number;
}

/**
 * Slack's answers to a webhook (api.slack.com/messaging/webhooks#handling_errors), as plain
 * text bodies, with what the TPM should do about each.
 */
const SLACK_ERRORS: Readonly<Record<string, string>> = {
  invalid_payload: 'Slack could not read the message (invalid_payload); this is a fault in Throughline, please report it',
  invalid_blocks: "Slack refused the message's blocks (invalid_blocks); this is a fault in Throughline's Slack rendering, please report it",
  invalid_blocks_format: 'Slack refused the shape of the blocks (invalid_blocks_format); this is a fault in Throughline, please report it',
  no_text: 'Slack refused a message without text (no_text); this is a fault in Throughline, please report it',
  too_many_attachments: 'Slack refused the attachments (too_many_attachments)',
  no_service: 'The webhook is disabled or was removed (no_service): create a new incoming webhook in the Slack app and store its URL',
  no_service_id: 'The webhook URL is incomplete (no_service_id): copy the whole URL from the Slack app',
  no_team: 'The Slack workspace of the webhook no longer exists or the URL is wrong (no_team)',
  team_disabled: 'The Slack workspace of the webhook is disabled (team_disabled)',
  invalid_token: 'Slack no longer accepts this webhook (invalid_token): create a new one and store its URL',
  channel_not_found: "The webhook's channel was deleted (channel_not_found): create a webhook for another channel",
  channel_is_archived: "The webhook's channel is archived (channel_is_archived): unarchive it or create a webhook for another channel",
  action_prohibited: 'A Slack admin has restricted posting to this channel (action_prohibited)',
  posting_to_general_channel_denied: 'Only admins may post to this channel (posting_to_general_channel_denied): use another channel',
  user_not_found: "The webhook's user was not found (user_not_found)",
};

/** Checks the URL is an https URL; says nothing of it but its host. */
function parseWebhook(url: string, env: string): Result<URL, IntegrationError> {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return err({
      kind: 'config',
      field: 'secret',
      message: `the Slack webhook URL in ${env} is not a URL; copy it from the Slack app's Incoming Webhooks page`,
    });
  }
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname)))
    return err({ kind: 'config', field: 'secret', message: `the Slack webhook URL in ${env} must start with https://` });
  return ok(parsed);
}

export interface PublishSlackRequest {
  /** The incoming webhook URL (secret). */
  readonly webhookUrl: string;
  /** The environment variable or store it came from, named in messages instead of the URL. */
  readonly webhookSource: string;
  readonly payload: SlackPayload;
}

/** Posts the message; a payload over Slack's Block Kit limits is refused before sending. */
export async function publishSlack(request: PublishSlackRequest, deps: HttpDeps): Promise<Result<SlackPublished, IntegrationError>> {
  const url = parseWebhook(request.webhookUrl, request.webhookSource);
  if (!url.ok) return url;
  const violations = checkBlockKit(request.payload);
  if (violations.length > 0) return err({ kind: 'config', message: describeViolations(violations) });
  const secretParts = [request.webhookUrl.trim(), url.value.href, url.value.pathname, url.value.pathname.split('/').at(-1) ?? ''].filter(
    (s) => s.length >= 8,
  );
  const redact = (text: string) => secretParts.reduce((t, s) => t.split(s).join('/…'), text);
  const http = httpClient(
    {
      baseUrl: url.value.origin,
      auth: { kind: 'none' },
      service: 'Slack',
      authHint: `the webhook URL in ${request.webhookSource}`,
      maxRetries: 3,
    },
    deps,
  );
  const sent = await http.send({ method: 'POST', path: `${url.value.pathname}${url.value.search}`, json: request.payload });
  if (sent.ok) return ok({ blocks: request.payload.blocks.length });
  const e = sent.error;
  const code = Object.keys(SLACK_ERRORS).find((c) => new RegExp(`\\b${c}\\b`).test(e.message));
  const host = url.value.host;
  if (code !== undefined) {
    const status = 'status' in e ? e.status : e.kind === 'not-found' ? 404 : 0;
    return err({ kind: 'http', status, message: `${SLACK_ERRORS[code]} (webhook at ${host} from ${request.webhookSource}).` });
  }
  if (e.kind === 'rate-limited')
    return err({ ...e, message: `Slack is rate-limiting the webhook at ${host}; the report was not posted. Try again in a minute.` });
  return err({ ...e, message: redact(e.message) });
}

function describeViolations(violations: readonly BlockKitViolation[]): string {
  const shown = violations.slice(0, 3).map((v) => `${v.path}: ${v.message}`);
  return `the Slack message breaks Block Kit limits, so it was not sent: ${shown.join('; ')}${violations.length > 3 ? ` (and ${violations.length - 3} more)` : ''}`;
}
