/** Process exit codes: the only place they are defined. */
export const EXIT = {
  ok: 0,
  /** The input has problems (an invalid program file). */
  invalid: 1,
  /** The command line itself is wrong. */
  usage: 2,
  /** The database cannot be opened: held by another process, or unreachable. */
  storeUnavailable: 3,
  /** A named program does not exist. */
  notFound: 4,
  /** A tracker or publishing target (Jira, GitHub, Confluence, Slack) refused, failed or could not be reached. */
  remote: 5,
} as const;
