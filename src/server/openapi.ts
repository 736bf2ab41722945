import { z } from 'zod';
import type { Route } from './route.js';

const problemRef = { $ref: '#/components/schemas/Problem' };
const STATUS_TEXT: Record<number, string> = {
  400: 'Bad request: the field errors say what to fix',
  401: 'Not signed in, or a bad API token',
  403: 'Not allowed for your role, or a missing CSRF token',
  404: 'Not found (or not visible to you)',
  409: 'Conflict: changed by someone else, or already exists',
  422: 'Understood but not valid: each problem at its field',
  428: 'If-Match required',
  429: 'Too many attempts: see Retry-After',
};

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Record<
    string,
    unknown
  >;
  return rest;
}

/** OpenAPI 3.1 from the routes' own zod schemas: the document can never drift from what is checked. */
export function openApiDocument(routes: readonly Route[], version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const parameters: unknown[] = [];
    for (const [where, schema] of [
      ['path', r.params],
      ['query', r.query],
    ] as const) {
      if (!schema) continue;
      const s = jsonSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, property] of Object.entries(s.properties ?? {})) {
        parameters.push({ name, in: where, required: where === 'path' || (s.required ?? []).includes(name), schema: property });
      }
    }
    if (r.method === 'patch' || r.method === 'delete') {
      if (r.problems?.includes(428)) parameters.push({ name: 'If-Match', in: 'header', required: true, schema: { type: 'string' } });
    }
    const responses: Record<string, unknown> = {};
    const ok = String(r.responseStatus ?? (r.response || r.produces ? 200 : 204));
    responses[ok] = r.response
      ? { description: 'OK', content: { 'application/json': { schema: jsonSchema(r.response, 'output') } } }
      : r.produces
        ? { description: 'OK', content: Object.fromEntries(r.produces.map((t) => [t, {}])) }
        : { description: 'Done' };
    const statuses = new Set([400, ...(r.access === 'public' ? [] : [401, 403]), ...(r.params ? [404] : []), ...(r.problems ?? [])]);
    for (const s of [...statuses].sort()) {
      responses[String(s)] = { description: STATUS_TEXT[s] ?? 'Problem', content: { 'application/problem+json': { schema: problemRef } } };
    }
    const operation: Record<string, unknown> = {
      tags: [r.tag],
      summary: r.summary,
      ...(r.description ? { description: r.description } : {}),
      'x-access': r.access,
      parameters,
      responses,
      ...(r.access === 'public' ? { security: [] } : {}),
    };
    if (r.body) operation.requestBody = { required: true, content: { 'application/json': { schema: jsonSchema(r.body, 'input') } } };
    if (r.rawBody)
      operation.requestBody = {
        required: true,
        content: Object.fromEntries(r.rawBody.contentTypes.map((t) => [t, { schema: { type: 'string' } }])),
      };
    paths[r.path] = { ...(paths[r.path] ?? {}), [r.method]: operation };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Throughline API',
      version,
      description:
        'Programs, their items, dependencies, risks and decisions; plans, forecasts, reports and exports. Sign in with POST /api/session (cookie; echo X-CSRF-Token on writes) or send an API token as Authorization: Bearer. Errors are application/problem+json.',
    },
    servers: [{ url: '/' }],
    security: [{ session: [] }, { token: [] }],
    paths,
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'tl_session' },
        token: { type: 'http', scheme: 'bearer' },
      },
      schemas: {
        Problem: {
          type: 'object',
          required: ['type', 'title', 'status', 'detail'],
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string' },
            errors: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } } },
          },
        },
      },
    },
  };
}

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);

/** A browsable reference, rendered on the server from the same routes: no script, no CDN. */
export function referencePage(routes: readonly Route[]): string {
  const tags = [...new Set(routes.map((r) => r.tag))];
  const sections = tags.map((tag) => {
    const rows = routes
      .filter((r) => r.tag === tag)
      .map(
        (r) => `<article><h3><span class="m ${r.method}">${r.method.toUpperCase()}</span> <code>${escapeHtml(r.path)}</code></h3>
<p><strong>${escapeHtml(r.summary)}</strong> · <em>${escapeHtml(r.access)}</em></p>${r.description ? `<p>${escapeHtml(r.description)}</p>` : ''}</article>`,
      )
      .join('\n');
    return `<section id="${escapeHtml(tag)}"><h2>${escapeHtml(tag)}</h2>${rows}</section>`;
  });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Throughline API reference</title><style>
:root{color-scheme:light dark;font-family:system-ui,sans-serif;line-height:1.5}body{max-width:60rem;margin:2rem auto;padding:0 1rem}
nav a{margin-right:1rem}article{border-top:1px solid #8884;padding:.5rem 0}h3{font-size:1rem;margin:.25rem 0}
.m{display:inline-block;min-width:4.5rem;font:600 .8rem ui-monospace,monospace;padding:.1rem .4rem;border-radius:.25rem;color:#fff;background:#555}
.get{background:#2563eb}.post{background:#16a34a}.patch{background:#d97706}.put{background:#7c3aed}.delete{background:#dc2626}
</style></head><body><h1>Throughline API</h1><p>The machine-readable document: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1).</p>
<nav>${tags.map((t) => `<a href="#${escapeHtml(t)}">${escapeHtml(t)}</a>`).join('')}</nav>${sections.join('\n')}</body></html>`;
}
