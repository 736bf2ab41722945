import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SOURCE_MAIN = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
// By URL, so the loader is found whatever the child's working folder is.
const TSX = new URL('../../node_modules/tsx/dist/loader.mjs', import.meta.url).href;
// Compiled once per run by global-setup.ts: tsx would compile the CLI's modules again in every process.
const COMPILED_MAIN = inject('cliMain');
const CLI = COMPILED_MAIN ? [COMPILED_MAIN] : ['--import', TSX, SOURCE_MAIN];

export interface CliRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Starts the real CLI in its own process, as a user would run it. */
export function spawnCli(args: readonly string[], options: { cwd: string; env?: Record<string, string> }): ChildProcess {
  return spawn(process.execPath, [...CLI, ...args], {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NO_COLOR: '1', THROUGHLINE_ACTOR: 'tester', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export function finished(child: ChildProcess): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

export function runCli(args: readonly string[], options: { cwd: string; env?: Record<string, string> }): Promise<CliRun> {
  return finished(spawnCli(args, options));
}
