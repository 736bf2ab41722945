import type { Style } from './render/style.js';

/** Everything a command touches outside itself, passed in so commands run the same in tests. */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  readonly now: () => Date;
  readonly style: Style;
  readonly errStyle: Style;
  /** Progress lines can redraw in place on a terminal. */
  readonly stderrIsTty?: boolean;
}

/** Who the history says made a change: THROUGHLINE_ACTOR, else the login name. */
export function actorOf(io: CliIo, fallback: string): string {
  return io.env.THROUGHLINE_ACTOR?.trim() || fallback;
}
