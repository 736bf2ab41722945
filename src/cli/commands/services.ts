import { serviceRows, shortRef } from '../../app/service-catalog.js';
import type { CliIo } from '../cli-io.js';
import { EXIT } from '../exit-codes.js';
import { table } from '../render/table.js';
import { readCatalogOrReport } from './catalog-input.js';

export async function servicesCommand(io: CliIo, file: string, options: { json?: boolean; with?: string[] }): Promise<number> {
  const json = options.json === true;
  const read = readCatalogOrReport(io, [file, ...(options.with ?? [])], json);
  if (typeof read === 'number') return read;
  const rows = serviceRows(read.catalog);
  if (json) {
    io.out(JSON.stringify({ file, services: rows, warnings: read.warnings }, null, 2));
    return EXIT.ok;
  }
  const list = (refs: readonly string[]) => (refs.length === 0 ? '-' : refs.map(shortRef).join(', '));
  io.out(
    table(
      ['service', 'owner', 'tier', 'lifecycle', 'system', 'provides', 'consumes', 'depends on'],
      rows.map((r) => [
        r.name,
        shortRef(r.owner),
        r.tier === null ? '-' : String(r.tier),
        r.lifecycle,
        r.system === null ? '-' : shortRef(r.system),
        list(r.providesApis),
        list(r.consumesApis),
        list(r.dependsOn),
      ]),
    ),
  );
  io.out(`\n${rows.length} component${rows.length === 1 ? '' : 's'} in ${read.files.length} file${read.files.length === 1 ? '' : 's'}`);
  return EXIT.ok;
}
