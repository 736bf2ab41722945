#!/usr/bin/env node
import { styleFor } from './render/style.js';
import { runCli } from './run-cli.js';

/** EX_SOFTWARE from sysexits.h: an internal error, i.e. a bug. */
const INTERNAL_ERROR = 70;

// `throughline plan big.yaml | head`: the reader has gone, so there is nobody left to tell. Stop quietly.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

try {
  process.exitCode = await runCli(process.argv.slice(2), {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    env: process.env,
    cwd: process.cwd(),
    now: () => new Date(),
    style: styleFor(process.stdout, process.env),
    errStyle: styleFor(process.stderr, process.env),
    stderrIsTty: process.stderr.isTTY === true,
  });
} catch (e) {
  // Expected failures are values and were handled above; reaching here is a bug.
  const error = e as Error;
  process.stderr.write(
    `internal error: ${error.message ?? String(e)}\n` +
      (process.env.THROUGHLINE_DEBUG ? `${error.stack}\n` : 'Set THROUGHLINE_DEBUG=1 for the stack trace, and please report it.\n'),
  );
  process.exitCode = INTERNAL_ERROR;
}
