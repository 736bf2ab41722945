import { compileProgramCatalog, type ProgramBlastRadius, pathStep, programBlastRadius } from '../../app/reliability/program-catalog.js';
import { catalogBlastRadius, shortRef } from '../../app/service-catalog.js';
import type { CliIo } from '../cli-io.js';
import { EXIT } from '../exit-codes.js';
import { table } from '../render/table.js';
import { catalogTarget, readCatalogOrReport, withCatalogProgram } from './catalog-input.js';

export async function blastRadiusCommand(
  io: CliIo,
  file: string,
  ref: string,
  options: { json?: boolean; with?: string[] },
): Promise<number> {
  const json = options.json === true;
  const target = catalogTarget(io, file);
  if (target !== 'backstage') {
    if ((options.with ?? []).length > 0) {
      io.err(`${io.errStyle.red('error')}: --with adds Backstage catalog files; ${file} is a program`);
      return EXIT.usage;
    }
    return withCatalogProgram(io, file, target, 'blast-radius', async (model) => {
      const result = programBlastRadius(compileProgramCatalog(model), ref);
      if (!result.ok) {
        if (json) io.out(JSON.stringify({ program: model.program.id, of: ref, error: result.error }, null, 2));
        else io.err(`${io.errStyle.red('error')}: ${result.error.message}\n  ${io.errStyle.cyan('hint:')} ${result.error.hint}`);
        return EXIT.notFound;
      }
      if (json) io.out(JSON.stringify({ program: model.program.id, ...result.value }, null, 2));
      else io.out(renderProgramRadius(io, result.value));
      return EXIT.ok;
    });
  }
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

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Grouped by team, most critical team first; then the program work exposed, then the APIs that change. */
function renderProgramRadius(io: CliIo, r: ProgramBlastRadius): string {
  const s = io.style;
  const runs = r.affected.filter((a) => a.kind !== 'api');
  const apis = r.affected.filter((a) => a.kind === 'api');
  const out = [
    `Changing ${s.bold(pathStep(r.origin))} (${r.origin.kind} owned by ${r.origin.team}) affects ${plural(runs.length, 'service')} of ${plural(r.teams.length, 'team')}` +
      `${apis.length > 0 ? ` and ${plural(apis.length, 'API')}` : ''}; ` +
      (r.items.length === 0 ? 'no program item is exposed.' : `${plural(r.items.length, 'program item is', 'program items are')} exposed.`),
  ];
  if (runs.length > 0) {
    const rows: string[][] = [];
    for (const t of r.teams) {
      runs
        .filter((a) => a.team === t.team)
        .forEach((a, i) => {
          rows.push([
            i === 0 ? `${t.teamName} (${t.team})` : '',
            a.ref,
            a.kind,
            a.tier === null ? '-' : String(a.tier),
            String(a.distance),
            a.path.join(' → '),
          ]);
        });
    }
    out.push('', table(['team', 'affected', 'kind', 'tier', 'distance', 'path'], rows, [4]));
    out.push(
      '',
      table(
        ['team', 'affected', 'worst tier'],
        r.teams.map((t) => [`${t.teamName} (${t.team})`, String(t.count), t.worstTier === null ? '-' : String(t.worstTier)]),
        [1],
      ),
    );
  }
  if (apis.length > 0) out.push('', `APIs that change: ${apis.map((a) => `${a.ref} (${a.team})`).join(', ')}`);
  if (r.items.length > 0)
    out.push(
      '',
      'Program work exposed:',
      table(
        ['item', 'title', 'team', 'state', 'level', 'touches'],
        r.items.map((i) => [i.id, i.title, i.team ?? '-', i.state, i.priority === null ? '-' : String(i.priority), i.services.join(', ')]),
      ),
    );
  for (const c of r.cycles) out.push(`${s.yellow('cycle')}: ${c.join(' → ')}`);
  return out.join('\n');
}
