/** An RFC 9457 problem: what went wrong, in words a person can act on, and where (`errors`). */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  /** Field-level errors: `field` is a dotted path into the request body or query. */
  readonly errors?: readonly { field: string; message: string }[];
  readonly [extra: string]: unknown;
}

export const problem = (
  status: number,
  code: string,
  title: string,
  detail: string,
  extra: Record<string, unknown> = {},
): { status: number; problem: Problem } => ({
  status,
  problem: { type: `https://throughline.dev/problems/${code}`, title, status, detail, ...extra },
});
