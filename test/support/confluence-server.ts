import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SaxesParser } from 'saxes';

/**
 * A Confluence Cloud on loopback answering the REST API v2 calls a publish makes, as documented at
 * developer.atlassian.com/cloud/confluence/rest/v2 (Space: GET /spaces; Page: GET /pages,
 * GET /pages/{id}, POST /pages, PUT /pages/{id}):
 * - HTTP basic auth with the account's e-mail and API token, else 401;
 * - ids are numeric strings; a page starts at version 1 and each PUT must carry the current
 *   version + 1, else 409 Conflict (someone saved in between);
 * - an unknown page is 404; two current pages of one title in a space are refused (400);
 * - a body that is not well-formed storage XHTML is refused with 400, as Confluence's own parser does.
 * Errors use v2's shape: { errors: [{ status, code, title, detail }] }. Every request is recorded.
 */
export interface ConfluencePage {
  id: string;
  spaceId: string;
  title: string;
  parentId: string | null;
  status: 'current';
  version: { number: number; message: string; createdAt: string };
  body: string;
}

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Record<string, string>;
  readonly body: unknown;
}

export interface ConfluenceServer {
  /** The site URL, e.g. http://127.0.0.1:41234 (the API lives under /wiki). */
  readonly url: string;
  readonly requests: RecordedRequest[];
  readonly pages: Map<string, ConfluencePage>;
  /** Runs once, right before the next PUT is answered: to simulate someone saving in between. */
  beforeNextPut(action: () => void): void;
  /** Saves a new version as another user would (in the editor). */
  editByHand(pageId: string, body: string): void;
  stop(): Promise<void>;
}

export interface ConfluenceServerOptions {
  readonly email: string;
  readonly token: string;
  readonly spaces: readonly { key: string; name: string }[];
}

/** Every saxes error in a storage-format body, inside a root that declares the ac:/ri: prefixes. */
export function storageErrors(body: string): string[] {
  const errors: string[] = [];
  const parser = new SaxesParser({ xmlns: true });
  parser.on('error', (e) => errors.push(e.message));
  parser
    .write(
      `<root xmlns="http://www.w3.org/1999/xhtml" xmlns:ac="http://atlassian.com/content" xmlns:ri="http://atlassian.com/resource/identifier">${body}</root>`,
    )
    .close();
  return errors;
}

export async function startConfluence(options: ConfluenceServerOptions): Promise<ConfluenceServer> {
  const requests: RecordedRequest[] = [];
  const pages = new Map<string, ConfluencePage>();
  const spaces = options.spaces.map((s, i) => ({ id: String(98_304 + i), key: s.key, name: s.name }));
  let nextId = 65_537;
  let beforePut: (() => void) | undefined;
  const expectedAuth = `Basic ${Buffer.from(`${options.email}:${options.token}`).toString('base64')}`;
  let base = '';

  const pageJson = (p: ConfluencePage, withBody: boolean) => ({
    id: p.id,
    status: p.status,
    title: p.title,
    spaceId: p.spaceId,
    parentId: p.parentId,
    parentType: p.parentId ? 'page' : null,
    authorId: '5b10ac8d82e05b22cc7d4ef5',
    createdAt: '2027-01-04T09:00:00.000Z',
    version: { ...p.version, minorEdit: false, authorId: '5b10ac8d82e05b22cc7d4ef5' },
    ...(withBody ? { body: { storage: { representation: 'storage', value: p.body } } } : {}),
    _links: {
      webui: `/spaces/${spaces.find((s) => s.id === p.spaceId)?.key}/pages/${p.id}/${encodeURIComponent(p.title).replace(/%20/g, '+')}`,
      editui: `/pages/resumedraft.action?draftId=${p.id}`,
      tinyui: `/x/${Number(p.id).toString(36)}`,
    },
  });

  function answer(res: ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { 'content-type': 'application/json;charset=UTF-8' });
    res.end(JSON.stringify(body));
  }
  /** v2 puts the reason in `title` ("A page with this title already exists…"), `detail` mostly null. */
  const error = (res: ServerResponse, status: number, code: string, title: string) =>
    answer(res, status, { errors: [{ status, code, title, detail: null }] });

  /** Checks a create or update body as Confluence does: a known space, a title, a storage body that parses. */
  function badBody(body: Record<string, unknown>): string | undefined {
    if (typeof body.title !== 'string' || body.title.trim() === '') return 'Title cannot be empty';
    if (!spaces.some((s) => s.id === String(body.spaceId))) return `No space with id ${String(body.spaceId)}`;
    const b = body.body as { representation?: unknown; value?: unknown } | undefined;
    if (b?.representation !== 'storage' || typeof b?.value !== 'string') return 'body must be { representation: storage, value }';
    const xml = storageErrors(b.value);
    if (xml.length > 0) return `Error parsing xhtml: ${xml[0]}`;
    return undefined;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', base);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    let body: unknown;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      body = text;
    }
    const method = req.method ?? 'GET';
    requests.push({ method, path: url.pathname, query: Object.fromEntries(url.searchParams), body });
    if (req.headers.authorization !== expectedAuth) return error(res, 401, 'UNAUTHORIZED', 'Unauthorized; scope does not match');

    const path = url.pathname;
    if (method === 'GET' && path === '/wiki/api/v2/spaces') {
      const keys = (url.searchParams.get('keys') ?? '').split(',').filter(Boolean);
      const found = spaces.filter((s) => keys.length === 0 || keys.includes(s.key));
      return answer(res, 200, {
        results: found.map((s) => ({
          id: s.id,
          key: s.key,
          name: s.name,
          type: 'global',
          status: 'current',
          _links: { webui: `/spaces/${s.key}` },
        })),
        _links: { base: `${base}/wiki` },
      });
    }
    if (method === 'GET' && path === '/wiki/api/v2/pages') {
      const spaceId = url.searchParams.get('space-id');
      const title = url.searchParams.get('title');
      const withBody = url.searchParams.get('body-format') === 'storage';
      const found = [...pages.values()].filter((p) => (spaceId === null || p.spaceId === spaceId) && (title === null || p.title === title));
      return answer(res, 200, { results: found.map((p) => pageJson(p, withBody)), _links: { base: `${base}/wiki` } });
    }
    const one = /^\/wiki\/api\/v2\/pages\/([^/]+)$/.exec(path);
    if (method === 'GET' && one) {
      const page = pages.get(one[1] ?? '');
      if (!page) return error(res, 404, 'NOT_FOUND', `No page with id ${one[1]}`);
      return answer(res, 200, pageJson(page, url.searchParams.get('body-format') === 'storage'));
    }
    if (method === 'POST' && path === '/wiki/api/v2/pages') {
      const b = (body ?? {}) as Record<string, unknown>;
      const bad = badBody(b);
      if (bad) return error(res, 400, 'INVALID_REQUEST_PARAMETER', bad);
      if ([...pages.values()].some((p) => p.spaceId === String(b.spaceId) && p.title === b.title))
        return error(res, 400, 'INVALID_REQUEST_PARAMETER', 'A page with this title already exists');
      if (b.parentId !== undefined && !pages.has(String(b.parentId)))
        return error(res, 404, 'NOT_FOUND', `No parent page with id ${String(b.parentId)}`);
      const page: ConfluencePage = {
        id: String(nextId++),
        spaceId: String(b.spaceId),
        title: String(b.title),
        parentId: b.parentId === undefined ? null : String(b.parentId),
        status: 'current',
        version: { number: 1, message: '', createdAt: new Date().toISOString() },
        body: String((b.body as { value: string }).value),
      };
      pages.set(page.id, page);
      return answer(res, 200, pageJson(page, false));
    }
    if (method === 'PUT' && one) {
      const page = pages.get(one[1] ?? '');
      if (!page) return error(res, 404, 'NOT_FOUND', `No page with id ${one[1]}`);
      const run = beforePut;
      beforePut = undefined;
      run?.();
      const b = (body ?? {}) as Record<string, unknown>;
      const bad = badBody({ ...b, spaceId: b.spaceId ?? page.spaceId });
      if (bad) return error(res, 400, 'INVALID_REQUEST_PARAMETER', bad);
      const version = (b.version ?? {}) as { number?: unknown; message?: unknown };
      if (version.number !== page.version.number + 1)
        return error(res, 409, 'CONFLICT', `Version must be incremented on update. Current version is: ${page.version.number}`);
      page.title = String(b.title);
      page.body = String((b.body as { value: string }).value);
      page.version = {
        number: page.version.number + 1,
        message: typeof version.message === 'string' ? version.message : '',
        createdAt: new Date().toISOString(),
      };
      return answer(res, 200, pageJson(page, false));
    }
    return error(res, 404, 'NOT_FOUND', `No route ${method} ${path}`);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => error(res, 500, 'INTERNAL', String(e)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    requests,
    pages,
    beforeNextPut: (action) => {
      beforePut = action;
    },
    editByHand: (pageId, body) => {
      const page = pages.get(pageId);
      if (!page) throw new Error(`no page ${pageId}`);
      page.body = body;
      page.version = { number: page.version.number + 1, message: 'edited by hand', createdAt: new Date().toISOString() };
    },
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
