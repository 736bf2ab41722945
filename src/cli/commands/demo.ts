import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { loadProgram } from '../../app/load-program.js';
import { loadSampleSli } from '../../app/reliability/slo-sample.js';
import type { CliIo } from '../cli-io.js';
import { EXIT } from '../exit-codes.js';
import { renderProblems } from '../render/problems.js';
import { defaultActor, describeStore, withStore } from '../with-store.js';
import { PACKAGE_ROOT } from './package-root.js';
import { showProgram } from './show.js';

export const SAMPLE_PROGRAM = join(PACKAGE_ROOT, 'examples', 'checkout-migration.yaml');

/** Loads the sample program into the configured store (idempotently) and shows it. */
export async function demoCommand(io: CliIo, options: { json?: boolean }): Promise<number> {
  const text = await readFile(SAMPLE_PROGRAM, 'utf8');
  const near = relative(io.cwd, SAMPLE_PROGRAM);
  const file = near.startsWith('..') || near === '' ? SAMPLE_PROGRAM : near;
  return withStore(io, 'throughline demo', async (store, config) => {
    const loaded = await loadProgram(store, { text, file, actor: defaultActor(io), at: io.now() });
    if (!loaded.ok) {
      io.err(renderProblems(loaded.error.problems, io.errStyle));
      return EXIT.invalid;
    }
    // The sample's SLI data, examples/sli/<slo-id>.csv (scripts/sample-sli.ts); an SLO without a file has none.
    const sampleSli = (id: string) =>
      readFile(join(PACKAGE_ROOT, 'examples', 'sli', `${id}.csv`), 'utf8').then(
        (text) => ({ file: `examples/sli/${id}.csv`, text }),
        () => undefined,
      );
    const model = await store.readProgram(loaded.value.programId);
    if (model)
      await loadSampleSli(store, model.program.id, model, sampleSli, {
        actor: defaultActor(io),
        at: io.now(),
      });
    if (!options.json) {
      const what = loaded.value.changes.length === 0 ? 'already loaded' : 'loaded';
      io.out(io.style.dim(`Sample program ${what} from ${file} into the ${describeStore(config)}.\n`));
    }
    const code = await showProgram(io, store, loaded.value.programId, options);
    if (!options.json) {
      const id = loaded.value.programId;
      io.out(
        io.style.dim(
          `\nNext: throughline risks ${id} · throughline report ${id} --out status.html · throughline impact ${id} --item net-03 --slip 10 · throughline --help`,
        ),
      );
    }
    return code;
  });
}
