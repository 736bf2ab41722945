import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProgram } from '../../src/app/load-program.js';
import type { ProgramId } from '../../src/domain/ids.js';
import { openStore } from '../../src/store/open-store.js';
import type { ProgramStore } from '../../src/store/program-store.js';
import { bigProgramYaml } from '../support/big-program.js';
import { finished, spawnCli } from '../support/run-cli.js';
import { freshDataDir } from '../support/stores.js';

const ITEMS = 4000;
const id = 'big' as ProgramId;

async function withStore<T>(dataDir: string, work: (store: ProgramStore) => Promise<T>): Promise<T> {
  const opened = await openStore({ kind: 'embedded', dataDir }, { now: new Date(), command: 'test' });
  if (!opened.ok) throw new Error(JSON.stringify(opened.error));
  try {
    return await work(opened.value);
  } finally {
    await opened.value.close();
  }
}

describe('a load killed with SIGKILL', () => {
  it('leaves the embedded store exactly as it was before, or fully loaded, never in between', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'throughline-kill-'));
    const v1 = bigProgramYaml({ items: ITEMS, teams: 12, revision: 1 });
    writeFileSync(join(cwd, 'v2.yaml'), bigProgramYaml({ items: ITEMS, teams: 12, revision: 2 }));

    const base = freshDataDir();
    const before = await withStore(base, async (store) => {
      const loaded = await loadProgram(store, { text: v1, file: 'v1.yaml', actor: 'test', at: new Date(0) });
      expect(loaded.ok).toBe(true);
      return store.readProgram(id);
    });

    let rolledBack = 0;
    // Kill at several moments after the transaction starts; 0 ms is certainly before its commit.
    for (const delay of [0, 100, 400]) {
      const dataDir = mkdtempSync(join(tmpdir(), 'throughline-kill-data-'));
      cpSync(base, dataDir, { recursive: true });
      const child = spawnCli(['load', 'v2.yaml', '--verbose'], { cwd, env: { THROUGHLINE_DATA_DIR: dataDir } });
      child.stderr?.on('data', (d: Buffer) => {
        if (d.toString().includes('saving')) setTimeout(() => child.kill('SIGKILL'), delay);
      });
      const run = await finished(child);

      await withStore(dataDir, async (store) => {
        const after = await store.readProgram(id);
        const sets = await store.history(id);
        if (run.signal === 'SIGKILL' && sets.length === 1) {
          rolledBack++;
          expect(after).toEqual(before);
        } else {
          // The kill came after the commit (or the load finished first): all of it is there, recorded once.
          expect(sets.map((s) => s.version)).toEqual([2, 1]);
          expect(after?.items.every((i) => i.title.endsWith('(rev 2)'))).toBe(true);
        }
        // The store is still usable: a normal load on top of whatever is there succeeds.
        const reload = await loadProgram(store, { text: v1, file: 'v1.yaml', actor: 'test', at: new Date(1) });
        expect(reload.ok).toBe(true);
        expect(await store.readProgram(id)).toEqual(before);
      });
    }
    expect(rolledBack).toBeGreaterThan(0);
  }, 180_000);
});
