import { catalogBlastRadius, shortRef } from '../../app/service-catalog.js';
import type { CliIo } from '../cli-io.js';
import { EXIT } from '../exit-codes.js';
import { table } from '../render/table.js';
import { readCatalogOrReport } from './catalog-input.js';

export async function blastRadiusCommand(
  io: CliIo,
  file: string,
  ref: string,
  options: { json?: boolean; with?: string[] },
): Promise<number> {
  const json = options.json === true;
  const read = readCatalogOrReport(io, [file, ...(options.with ?? [])], json);
  if (typeof read === 'number') return read;
  const result = catalogBlastRadius(read.catalog, ref);
  if (!result.ok) {
    if (json) io.out(JSON.stringify({ file, ref, error: result.error }, null, 2));
    else io.err(`${io.errStyle.red('error')}: ${result.error.message}\n  ${io.errStyle.cyan('hint:')} ${result.error.hint}`);
    return EXIT.notFound;
  }
  const r = result.value;
  if (json) {
    io.out(JSON.stringify({ file, ...r }, null, 2));
    return EXIT.ok;
  }
  io.out(`Changing ${io.style.bold(shortRef(r.changed))} affects ${r.affected.length} entit${r.affected.length === 1 ? 'y' : 'ies'}:`);
  if (r.affected.length > 0) {
    io.out(
      table(
        ['affected', 'owner', 'tier', 'distance', 'path'],
        r.affected.map((a) => [
          shortRef(a.ref),
          shortRef(a.owner),
          a.tier === undefined ? '-' : String(a.tier),
          String(a.distance),
          a.path.map(shortRef).join(' → '),
        ]),
        [3],
      ),
    );
  }
  for (const c of r.cycles) io.out(`${io.style.yellow('cycle')}: ${c.map(shortRef).join(' → ')}`);
  return EXIT.ok;
}
