import type { z } from 'zod';
import type { Principal } from '../app/accounts/accounts.js';
import type { ProgramId } from '../domain/ids.js';
import type { Role } from '../store/account-store.js';
import type { Problem } from './problem.js';
import type { ServerDeps } from './server-deps.js';

/**
 * Who may call a route. `public`: anyone; `signed-in`: any user; `site-admin`: administrators;
 * a role: that role or higher on the program named by the `programId` path parameter (a user
 * with no role there gets 404, so programs they cannot see do not exist for them).
 */
export type Access = 'public' | 'signed-in' | 'site-admin' | Role;

export interface RouteInput<P, Q, B> {
  readonly params: P;
  readonly query: Q;
  readonly body: B;
  readonly principal: Principal | undefined;
  /** The caller's role on the program, for program routes. */
  readonly role: Role | undefined;
  readonly programId: ProgramId | undefined;
  readonly header: (name: string) => string | undefined;
  readonly deps: ServerDeps;
  /** The signal of the request: aborted when the client goes away. */
  readonly signal: AbortSignal;
}

/** What a handler answers: a value checked against the route's response schema, or a problem. */
export type Reply =
  | { readonly status?: number; readonly body: unknown; readonly headers?: Record<string, string> }
  /** Already serialized and checked (cached per program version). */
  | { readonly status?: number; readonly json: string; readonly headers?: Record<string, string> }
  | { readonly status?: number; readonly text: string; readonly contentType: string; readonly headers?: Record<string, string> }
  | { readonly status: 204; readonly headers?: Record<string, string> }
  | { readonly status: number; readonly problem: Problem; readonly headers?: Record<string, string> }
  | { readonly stream: (write: (event: string, data: string) => Promise<void>, signal: AbortSignal) => Promise<void> };

export interface Route<P = unknown, Q = unknown, B = unknown> {
  readonly method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI style: `/api/programs/{programId}/items/{itemId}`. */
  readonly path: string;
  readonly tag: string;
  readonly summary: string;
  readonly description?: string;
  readonly access: Access;
  readonly params?: z.ZodType<P>;
  readonly query?: z.ZodType<Q>;
  readonly body?: z.ZodType<B>;
  /** Raw text bodies (file uploads): the body is the request's text. */
  readonly rawBody?: { readonly contentTypes: readonly string[] };
  /** The JSON response, checked before it is sent; absent for text, streams and 204. */
  readonly response?: z.ZodType;
  readonly responseStatus?: number;
  /** Non-JSON success responses, by media type. */
  readonly produces?: readonly string[];
  /** Problems this route can answer besides 400/401/403/404, for the reference. */
  readonly problems?: readonly number[];
  readonly handle: (input: RouteInput<P, Q, B>) => Promise<Reply>;
}

/** Keeps a route's parameter, query and body types tied to its schemas. */
export function route<P = Record<string, never>, Q = Record<string, never>, B = undefined>(r: Route<P, Q, B>): Route {
  return r as unknown as Route;
}
