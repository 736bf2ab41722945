import type { ConfluenceIntegration } from '../../../domain/integration.js';
import { err, ok, type Result } from '../../../domain/result.js';
import { type HttpClient, type HttpDeps, httpClient, type IntegrationError } from '../http-client.js';

/**
 * Publishing the status report as a Confluence Cloud page through the REST API v2
 * (developer.atlassian.com/cloud/confluence/rest/v2): the page is found by title in the space and
 * updated with the next version number, or created under the parent. A save by someone else in
 * between (409 Conflict on the version) is retried once with the fresh version.
 */

/** What a publish sends: the create (POST /pages) or update (PUT /pages/{id}) body. */
export interface ConfluencePageBody {
  readonly id?: string;
  readonly spaceId: string;
  readonly status: 'current';
  readonly title: string;
  readonly parentId?: string;
  readonly body: { readonly representation: 'storage'; readonly value: string };
  readonly version?: { readonly number: number; readonly message: string };
}

export interface ConfluencePublished {
  readonly pageId: string;
  readonly version: number;
  /** The page in the browser. */
  readonly url: string;
  /** True when the page was created, false when an existing one got a new version. */
  readonly created: boolean;
}

/** What a dry run would send, without any request. */
export interface ConfluenceDryRun {
  readonly site: string;
  readonly space: string;
  readonly title: string;
  readonly parentId: string | null;
  /** The storage-format XHTML body. */
  readonly storage: string;
  /** The create body, with the space id still to be looked up from the key. */
  readonly payload: ConfluencePageBody;
}

/** The version comment shown in the page history. */
export const versionMessage = (asOf: string) => `Throughline status ${asOf}`;

/** The body of a new page (pure). */
export function createPageBody(config: ConfluenceIntegration, spaceId: string, storage: string): ConfluencePageBody {
  return {
    spaceId,
    status: 'current',
    title: config.title,
    ...(config.parent ? { parentId: config.parent } : {}),
    body: { representation: 'storage', value: storage },
  };
}

/** The body of the next version of an existing page (pure). */
export function updatePageBody(
  config: ConfluenceIntegration,
  page: { id: string; spaceId: string },
  currentVersion: number,
  storage: string,
  asOf: string,
): ConfluencePageBody {
  return {
    id: page.id,
    spaceId: page.spaceId,
    status: 'current',
    title: config.title,
    body: { representation: 'storage', value: storage },
    version: { number: currentVersion + 1, message: versionMessage(asOf) },
  };
}

/** The payload a dry run shows; nothing is looked up or sent. */
export function confluenceDryRun(config: ConfluenceIntegration, storage: string): ConfluenceDryRun {
  return {
    site: config.site,
    space: config.space,
    title: config.title,
    parentId: config.parent ?? null,
    storage,
    payload: createPageBody(config, `<id of space ${config.space}>`, storage),
  };
}

interface PageJson {
  readonly id?: unknown;
  readonly spaceId?: unknown;
  readonly title?: unknown;
  readonly version?: { readonly number?: unknown };
  readonly _links?: { readonly webui?: unknown; readonly base?: unknown };
}

const badResponse = (message: string): IntegrationError => ({ kind: 'bad-response', message });

/** The browser URL of a page: Confluence gives `_links.webui` relative to the site's /wiki. */
function pageUrl(site: string, page: PageJson): string {
  const webui = typeof page._links?.webui === 'string' ? page._links.webui : `/pages/viewpage.action?pageId=${String(page.id)}`;
  const base = typeof page._links?.base === 'string' ? page._links.base : `${site.replace(/\/$/, '')}/wiki`;
  return `${base}${webui}`;
}

function published(site: string, body: unknown, created: boolean): Result<ConfluencePublished, IntegrationError> {
  const page = (body ?? {}) as PageJson;
  const version = Number(page.version?.number);
  if (typeof page.id !== 'string' || !Number.isInteger(version))
    return err(badResponse('Confluence answered without the page id and version'));
  return ok({ pageId: page.id, version, url: pageUrl(site, page), created });
}

export interface PublishConfluenceRequest {
  readonly config: ConfluenceIntegration;
  /** The API token of `config.email`. */
  readonly secret: string;
  /** The page body in storage format (reportConfluence). */
  readonly storage: string;
  /** The report's status date, for the version comment. */
  readonly asOf: string;
}

function client(config: ConfluenceIntegration, secret: string, deps: HttpDeps): HttpClient {
  return httpClient(
    {
      baseUrl: config.site,
      auth: { kind: 'basic', user: config.email, secret },
      service: 'Confluence',
      authHint: `the API token in ${config.tokenEnv} (or the one stored on the server) and the e-mail ${config.email}`,
      maxRetries: 4,
    },
    deps,
  );
}

/** Creates or updates the page; see the file comment for the calls. */
export async function publishConfluence(
  request: PublishConfluenceRequest,
  deps: HttpDeps,
): Promise<Result<ConfluencePublished, IntegrationError>> {
  const { config, storage, asOf } = request;
  const http = client(config, request.secret, deps);

  const spaces = await http.send({ path: '/wiki/api/v2/spaces', query: { keys: config.space, limit: 1 } });
  if (!spaces.ok) return spaces;
  const space = (spaces.value.body as { results?: { id?: unknown }[] } | undefined)?.results?.[0];
  if (!space || (typeof space.id !== 'string' && typeof space.id !== 'number')) {
    return err({
      kind: 'not-found',
      message: `Confluence has no space with the key "${config.space}" that ${config.email} can see: check the key (it is in the space's URL, /wiki/spaces/KEY) and that this account may add pages there`,
    });
  }
  const spaceId = String(space.id);

  const found = await http.send({
    path: '/wiki/api/v2/pages',
    query: { 'space-id': spaceId, title: config.title, status: 'current', 'body-format': 'storage', limit: 1 },
  });
  if (!found.ok) return found;
  const existing = (found.value.body as { results?: PageJson[] } | undefined)?.results?.[0];

  if (!existing) {
    const created = await http.send({ method: 'POST', path: '/wiki/api/v2/pages', json: createPageBody(config, spaceId, storage) });
    if (!created.ok) return err(explain(created.error, config));
    return published(config.site, created.value.body, true);
  }
  if (typeof existing.id !== 'string') return err(badResponse('Confluence listed the page without its id'));
  const page = { id: existing.id, spaceId: typeof existing.spaceId === 'string' ? existing.spaceId : spaceId };
  let version = Number(existing.version?.number);
  if (!Number.isInteger(version)) return err(badResponse(`Confluence gave page ${page.id} without a version number`));

  for (let attempt = 0; ; attempt++) {
    const put = await http.send({
      method: 'PUT',
      path: `/wiki/api/v2/pages/${page.id}`,
      json: updatePageBody(config, page, version, storage, asOf),
    });
    if (put.ok) return published(config.site, put.value.body, false);
    const conflict = put.error.kind === 'http' && put.error.status === 409;
    if (!conflict || attempt > 0) {
      if (conflict)
        return err({
          kind: 'http',
          status: 409,
          message: `The page "${config.title}" was saved by someone else twice while publishing; publish again in a moment`,
        });
      return err(explain(put.error, config));
    }
    // Someone saved in between: read the version now current and try once more on top of it.
    const fresh = await http.send({ path: `/wiki/api/v2/pages/${page.id}` });
    if (!fresh.ok) return fresh;
    version = Number((fresh.value.body as PageJson).version?.number);
    if (!Number.isInteger(version)) return err(badResponse(`Confluence gave page ${page.id} without a version number`));
  }
}

/** Confluence's 400s in words: a title taken by a page that is not current, or a body it cannot parse (our fault, not the user's). */
function explain(e: IntegrationError, config: ConfluenceIntegration): IntegrationError {
  if (e.kind === 'http' && e.status === 400 && /title already exists/i.test(e.message))
    return {
      ...e,
      message: `${e.message} A page titled "${config.title}" exists in ${config.space} but is not a current page (archived, a draft or in the trash): restore it, or change the title.`,
    };
  if (e.kind === 'http' && e.status === 400 && /xhtml|storage|body|parse/i.test(e.message))
    return {
      ...e,
      message: `${e.message} Confluence could not read the report's page body: this is a fault in Throughline, please report it.`,
    };
  if (e.kind === 'auth' && e.status === 403)
    return { ...e, message: `${e.message} The account needs permission to add and edit pages in the space ${config.space}.` };
  return e;
}
