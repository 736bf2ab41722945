import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { importBackstageFiles } from '../../app/reliability/catalog-import.js';
import { programCatalogView } from '../../app/reliability/catalog-view.js';
import { serviceRows, shortRef } from '../../app/service-catalog.js';
import type { ProgramId } from '../../domain/ids.js';
import type { ProgramModel } from '../../domain/program-model.js';
import type { CliIo } from '../cli-io.js';
import { EXIT } from '../exit-codes.js';
import { renderFileProblems } from '../render/file-problems.js';
import { table } from '../render/table.js';
import { defaultActor, withStore } from '../with-store.js';
import { catalogTarget, readCatalogOrReport, withCatalogProgram } from './catalog-input.js';
import { notFound } from './show.js';

/** `services X`: the catalog of a program (file or stored) or of Backstage catalog files. */
export async function servicesCommand(io: CliIo, file: string, options: { json?: boolean; with?: string[] }): Promise<number> {
  const json = options.json === true;
  const target = catalogTarget(io, file);
  if (target !== 'backstage') {
    if ((options.with ?? []).length > 0) {
      io.err(`${io.errStyle.red('error')}: --with adds Backstage catalog files; ${file} is a program`);
      return EXIT.usage;
    }
    return withCatalogProgram(io, file, target, 'services', async (model, version) => {
      const view = programCatalogView(model);
      if (json) io.out(JSON.stringify({ program: model.program.id, version, ...view }, null, 2));
      else io.out(renderProgramCatalog(model, view));
      return EXIT.ok;
    });
  }
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

const list = (values: readonly string[]) => (values.length === 0 ? '-' : values.join(', '));

function renderProgramCatalog(model: ProgramModel, view: ReturnType<typeof programCatalogView>): string {
  const { services, apis } = view;
  if (services.length === 0)
    return `${model.program.name} has no services yet; add them under services: in the program file, or run: throughline services import CATALOG.yaml --program ${model.program.id}`;
  const out = [
    table(
      ['service', 'kind', 'owner', 'tier', 'lifecycle', 'used by', 'provides', 'consumes', 'depends on', 'work', 'SLOs', 'open incidents'],
      services.map((s) => [
        s.id,
        s.kind,
        s.teamName,
        s.tier === null ? '-' : String(s.tier),
        s.lifecycle,
        String(s.consumers),
        list(s.provides),
        list(s.consumes),
        list(s.dependsOn),
        list(s.items.map((i) => i.id)),
        list(s.slos),
        s.openIncidents === 0 ? '-' : String(s.openIncidents),
      ]),
      [5],
    ),
  ];
  if (apis.length > 0)
    out.push(
      '',
      table(
        ['API', 'provider', 'consumers'],
        apis.map((a) => [a.name, a.provider, list(a.consumers)]),
      ),
    );
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const resources = services.filter((s) => s.kind === 'resource').length;
  out.push(
    '',
    `${plural(services.length - resources, 'service')}, ${plural(resources, 'resource')} and ${plural(apis.length, 'API')} in ${model.program.name} (${model.program.id})`,
  );
  return out.join('\n');
}

/**
 * `services import CATALOG… --program ID`: the catalog's components and resources into a stored
 * program, replacing services of the same id; `--team group=team` maps a Backstage group onto a
 * program team of another name.
 */
export async function servicesImportCommand(
  io: CliIo,
  files: readonly string[],
  options: { program?: string; with?: string[]; team?: string[]; json?: boolean },
): Promise<number> {
  const json = options.json === true;
  if (options.program === undefined) {
    io.err(`${io.errStyle.red('error')}: say which stored program to import into: --program ID (see: throughline programs)`);
    return EXIT.usage;
  }
  const teamFor: Record<string, string> = {};
  for (const pair of options.team ?? []) {
    const [group, team] = pair.split('=');
    if (!group || !team) {
      io.err(`${io.errStyle.red('error')}: --team takes GROUP=TEAM, e.g. --team team-a=identity (got "${pair}")`);
      return EXIT.usage;
    }
    teamFor[group] = team;
  }
  const roots = [...files, ...(options.with ?? [])];
  const readFile = (path: string): string | undefined => {
    try {
      return readFileSync(resolve(io.cwd, path), 'utf8');
    } catch {
      return undefined;
    }
  };
  const programId = options.program;
  return withStore(io, 'services import', async (store) => {
    const done = await importBackstageFiles(store, roots, readFile, {
      programId: programId as ProgramId,
      label: files.join(' '),
      actor: defaultActor(io),
      at: io.now(),
      teamFor,
    });
    if (!done.ok) {
      const e = done.error;
      if (json) io.out(JSON.stringify({ program: programId, error: e }, null, 2));
      if (e.kind === 'no-program') {
        return json ? EXIT.notFound : notFound(io, store, programId);
      }
      if (e.kind === 'unreadable') {
        if (!json) {
          if (e.warnings.length > 0) io.err(renderFileProblems(e.warnings, io.errStyle, 'warning'));
          io.err(renderFileProblems(e.problems, io.errStyle));
        }
        return e.problems.every((p) => p.code === 'missing-file') ? EXIT.usage : EXIT.invalid;
      }
      if (!json) {
        io.err(`${io.errStyle.red('error')}: the catalog cannot go into ${programId}; nothing was changed:`);
        for (const p of e.problems) io.err(`  ${p.message}${p.hint ? `\n    ${io.errStyle.cyan('hint:')} ${p.hint}` : ''}`);
      }
      return EXIT.invalid;
    }
    const r = done.value;
    if (json) {
      io.out(
        JSON.stringify(
          {
            program: programId,
            version: r.saved.version,
            changes: r.saved.changes.length,
            services: r.services,
            added: r.added,
            replaced: r.replaced,
            teamsCreated: r.teamsCreated,
            warnings: r.warnings,
          },
          null,
          2,
        ),
      );
      return EXIT.ok;
    }
    for (const w of r.warnings)
      io.err(
        `${w.file !== undefined ? `${io.errStyle.bold(`${w.file}:${w.line}:${w.column}`)} ` : ''}${io.errStyle.yellow(`warning[${w.code}]`)}: ${w.message}`,
      );
    io.out(
      `Imported ${r.services} service${r.services === 1 ? '' : 's'} into ${programId}: ${r.added.length} added, ${r.replaced.length} replaced` +
        (r.saved.changes.length === 0 ? ' (nothing changed)' : `, version ${r.saved.version}`),
    );
    if (r.teamsCreated.length > 0) io.out(`Teams created (capacity 1, set the real one): ${r.teamsCreated.join(', ')}`);
    return EXIT.ok;
  });
}
