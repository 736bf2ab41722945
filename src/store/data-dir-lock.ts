import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { err, ok, type Result } from '../domain/result.js';

/** Who holds an embedded database folder. */
export interface LockHolder {
  readonly pid: number;
  readonly host: string;
  readonly since: string;
  readonly command: string;
}

export type LockError = { kind: 'lock-held'; dataDir: string; holder: LockHolder };

export interface DataDirLock {
  release(): void;
}

const LOCK_FILE = 'throughline.lock';

/**
 * PGlite allows one process per data folder, so the folder gets a lock file naming its holder.
 * A lock left by a process that no longer runs (killed, crashed) on this host is taken over.
 */
export function lockDataDir(dataDir: string, now: Date, command: string): Result<DataDirLock, LockError> {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    let fd: number;
    try {
      fd = openSync(path, 'wx');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = readHolder(path);
      if (holder && isAlive(holder)) return err({ kind: 'lock-held', dataDir, holder });
      unlinkIfPresent(path);
      continue;
    }
    const holder: LockHolder = { pid: process.pid, host: hostname(), since: now.toISOString(), command };
    writeSync(fd, JSON.stringify(holder));
    closeSync(fd);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      process.removeListener('exit', release);
      unlinkIfPresent(path);
    };
    process.on('exit', release);
    return ok({ release });
  }
  const holder = readHolder(path) ?? { pid: 0, host: hostname(), since: '', command: 'unknown' };
  return err({ kind: 'lock-held', dataDir, holder });
}

function readHolder(path: string): LockHolder | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockHolder;
  } catch {
    // Unreadable or half-written by a process killed while writing it: nobody holds it.
    return undefined;
  }
}

function isAlive(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return true;
  if (holder.pid === process.pid) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function unlinkIfPresent(path: string): void {
  try {
    unlinkSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
}
