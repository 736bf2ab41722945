import { mkdtempSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockDataDir } from './data-dir-lock.js';

const now = new Date('2027-01-04T09:00:00Z');

describe('the embedded data folder lock', () => {
  it('lets one holder in and tells the next who holds it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lock-'));
    const first = lockDataDir(dir, now, 'throughline load a.yaml');
    expect(first.ok).toBe(true);
    const second = lockDataDir(dir, now, 'throughline show');
    expect(second).toEqual({
      ok: false,
      error: {
        kind: 'lock-held',
        dataDir: dir,
        holder: { pid: process.pid, host: hostname(), since: now.toISOString(), command: 'throughline load a.yaml' },
      },
    });
    if (first.ok) first.value.release();
    expect(lockDataDir(dir, now, 'throughline show').ok).toBe(true);
  });

  it('takes over a lock left by a process that is gone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lock-'));
    // Far above any real pid (the kernel caps pid_max at 2^22), so no such process exists.
    writeFileSync(join(dir, 'throughline.lock'), JSON.stringify({ pid: 99_999_999, host: hostname(), since: '', command: 'killed' }));
    expect(lockDataDir(dir, now, 'throughline load').ok).toBe(true);
  });

  it('takes over a half-written lock file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lock-'));
    writeFileSync(join(dir, 'throughline.lock'), '{"pid": 12');
    expect(lockDataDir(dir, now, 'throughline load').ok).toBe(true);
  });
});
