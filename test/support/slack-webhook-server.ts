import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A Slack incoming webhook on loopback, answering as api.slack.com/messaging/webhooks documents:
 * `ok` (200, text/html) on success, else a plain-text error code with its status — invalid_payload
 * (400, not JSON), no_text (400), invalid_blocks (400, a block over Block Kit's limits), no_service
 * (404, unknown webhook path), channel_is_archived (410) — and 429 with Retry-After when asked.
 *
 * Its Block Kit checks are written here from api.slack.com/reference/block-kit/blocks, not taken
 * from the code under test, so a rendering that breaks a limit is caught by an independent reader.
 */
export interface SlackWebhookServer {
  /** The webhook URL (its path is the secret). */
  readonly webhookUrl: string;
  /** Payloads accepted (answered `ok`). */
  readonly accepted: unknown[];
  /** Every request: path and the answer given. */
  readonly log: { path: string; status: number; answer: string }[];
  /** The next `n` posts are answered 429 with this Retry-After (seconds). */
  rateLimitNext(n: number, retryAfterSeconds: number): void;
  /** From now on the channel is archived (410 channel_is_archived). */
  archive(): void;
  stop(): Promise<void>;
}

/** What Slack would object to, as its error code; undefined when the payload is fine. */
function refusal(payload: unknown): string | undefined {
  if (typeof payload !== 'object' || payload === null) return 'invalid_payload';
  const p = payload as { text?: unknown; blocks?: unknown };
  const hasText = typeof p.text === 'string' && p.text.trim() !== '';
  if (p.blocks === undefined) return hasText ? undefined : 'no_text';
  if (!Array.isArray(p.blocks)) return 'invalid_blocks_format';
  if (!hasText) return 'no_text';
  if (p.blocks.length > 50) return 'invalid_blocks';
  for (const b of p.blocks as Record<string, unknown>[]) {
    const text = (b.text as { type?: unknown; text?: unknown } | undefined)?.text;
    if (b.type === 'header' && (typeof text !== 'string' || text.length === 0 || text.length > 150)) return 'invalid_blocks';
    if (b.type === 'section') {
      const fields = b.fields as { text?: string }[] | undefined;
      if (text === undefined && fields === undefined) return 'invalid_blocks';
      if (typeof text === 'string' && (text.length === 0 || text.length > 3000)) return 'invalid_blocks';
      if (fields && (fields.length > 10 || fields.some((f) => (f.text ?? '').length > 2000))) return 'invalid_blocks';
    }
    if (b.type === 'context') {
      const elements = b.elements as unknown[] | undefined;
      if (!elements || elements.length === 0 || elements.length > 10) return 'invalid_blocks';
    }
    if (typeof b.block_id === 'string' && b.block_id.length > 255) return 'invalid_blocks';
  }
  return undefined;
}

const STATUS: Record<string, number> = {
  invalid_payload: 400,
  no_text: 400,
  invalid_blocks: 400,
  invalid_blocks_format: 400,
  no_service: 404,
  channel_is_archived: 410,
};

export async function startSlackWebhook(): Promise<SlackWebhookServer> {
  const secretPath = '/services/T0THROUGH/B0LINE42/q8Zx3kT4rWm9pLs2VbN7yHcE';
  const accepted: unknown[] = [];
  const log: SlackWebhookServer['log'] = [];
  let limited = 0;
  let retryAfter = 0;
  let archived = false;

  function reply(req: IncomingMessage, res: ServerResponse, status: number, answer: string, headers: Record<string, string> = {}) {
    log.push({ path: req.url ?? '', status, answer });
    res.writeHead(status, { 'content-type': 'text/html', ...headers });
    res.end(answer);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method !== 'POST' || req.url !== secretPath) return reply(req, res, 404, 'no_service');
    if (limited > 0) {
      limited--;
      return reply(req, res, 429, 'rate_limited', { 'retry-after': String(retryAfter) });
    }
    if (archived) return reply(req, res, 410, 'channel_is_archived');
    let payload: unknown;
    try {
      payload = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return reply(req, res, 400, 'invalid_payload');
    }
    const code = refusal(payload);
    if (code) return reply(req, res, STATUS[code] ?? 400, code);
    accepted.push(payload);
    return reply(req, res, 200, 'ok');
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => reply(req, res, 500, 'internal_error'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    webhookUrl: `http://127.0.0.1:${port}${secretPath}`,
    accepted,
    log,
    rateLimitNext: (n, seconds) => {
      limited = n;
      retryAfter = seconds;
    },
    archive: () => {
      archived = true;
    },
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
