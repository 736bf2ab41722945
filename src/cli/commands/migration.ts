import { dayIn } from '../../app/day-in-zone.js';
import { generateMigrationItems, recordStepDone } from '../../app/migration/migration-changes.js';
import {
  DEFAULT_MIGRATION_SEED,
  DEFAULT_MIGRATION_TRIALS,
  defaultAsOf,
  findMigration,
  migrationView,
  summariseMigration,
} from '../../app/migration/migration-view.js';
import { type CalendarDate, describeBadDate, isCalendarDate } from '../../domain/calendar-date.js';
import type { CliIo } from '../cli-io.js';
import { EXIT } from '../exit-codes.js';
import { renderMigration, renderMigrationList } from '../render/migration.js';
import { cliMeta, reportFailure, usage, withStoredProgram } from './incident.js';
import { withProgramTarget } from './program-target.js';

interface ViewOptions {
  at?: string;
  trials?: number;
  seed?: number;
  history?: number;
  json?: boolean;
}

/** `--at`/`--on`: a day, or today in the program's zone. */
function dayOption(flag: string, text: string | undefined): { day?: CalendarDate } | { error: string } {
  if (text === undefined) return {};
  return isCalendarDate(text) ? { day: text } : { error: `${flag} ${describeBadDate(text)}` };
}

/** `throughline migration <program> [id]`: every migration in a line, or one in full. */
export async function migrationCommand(io: CliIo, target: string, id: string | undefined, o: ViewOptions): Promise<number> {
  const at = dayOption('--at', o.at);
  if ('error' in at) return usage(io, at.error);
  return withProgramTarget(io, target, `throughline migration ${target}`, async ({ model }) => {
    const asOf = at.day ?? defaultAsOf(model, dayIn(model.program.calendar.timezone, io.now()));
    const options = {
      asOf,
      trials: o.trials ?? DEFAULT_MIGRATION_TRIALS,
      seed: o.seed ?? DEFAULT_MIGRATION_SEED,
      ...(o.history === undefined ? {} : { historyWeeks: o.history }),
    };
    const wanted = id ?? (model.migrations.length === 1 ? model.migrations[0]?.id : undefined);
    if (wanted === undefined) {
      const list = model.migrations.map((m) => summariseMigration(migrationView(model, m, options)));
      io.out(o.json ? JSON.stringify({ asOf, migrations: list }, null, 2) : renderMigrationList(model.program.id, asOf, list, io.style));
      return EXIT.ok;
    }
    const found = findMigration(model, wanted);
    if (!found.ok) {
      io.err(`${io.errStyle.red('error')}: ${found.error.message}; ${found.error.hint}`);
      return EXIT.notFound;
    }
    const view = migrationView(model, found.value, options);
    io.out(o.json ? JSON.stringify(view, null, 2) : renderMigration(view, io.style));
    return EXIT.ok;
  });
}

/** `throughline migration generate <program> <id>`: the work items, one change set. */
export async function migrationGenerateCommand(io: CliIo, target: string, id: string, o: { json?: boolean }): Promise<number> {
  return withStoredProgram(io, target, `throughline migration generate ${target}`, async (store, model, programId) => {
    const done = await generateMigrationItems(store, programId, id, cliMeta(io, 'migration generate'));
    if (!done.ok) {
      if (done.error.kind === 'not-found') {
        const f = findMigration(model, id);
        if (!f.ok) {
          io.err(`${io.errStyle.red('error')}: ${f.error.message}; ${f.error.hint}`);
          return EXIT.notFound;
        }
      }
      return reportFailure(io, done.error, programId, model);
    }
    const r = done.value;
    if (o.json) io.out(JSON.stringify(r, null, 2));
    else {
      const lines =
        r.added.length === 0
          ? [`${id}: nothing to add; its ${r.existing.length} work items are already in ${programId}`]
          : [
              `${id}: added ${r.added.length} work items and ${r.links} finish-to-start links to ${programId}${r.saved ? ` (version ${r.saved.version})` : ''}`,
              ...(r.existing.length > 0 ? [`  ${r.existing.length} were already there and were left as they are`] : []),
              `  e.g. ${r.added.slice(0, 3).join(', ')}`,
            ];
      for (const p of r.problems) lines.push(io.style.yellow(`  skipped: ${p.message}; ${p.hint}`));
      io.out(lines.join('\n'));
    }
    return EXIT.ok;
  });
}

/** `throughline migration done <program> <id> <service> <step> [--on day]`. */
export async function migrationDoneCommand(
  io: CliIo,
  target: string,
  id: string,
  service: string,
  step: string,
  o: { on?: string; json?: boolean },
): Promise<number> {
  const on = dayOption('--on', o.on);
  if ('error' in on) return usage(io, on.error);
  return withStoredProgram(io, target, `throughline migration done ${target}`, async (store, model, programId) => {
    const day = on.day ?? dayIn(model.program.calendar.timezone, io.now());
    const done = await recordStepDone(store, programId, id, service, step, day, cliMeta(io, 'migration done'));
    if (!done.ok) {
      if (done.error.kind === 'not-found') {
        const f = findMigration(model, id);
        if (!f.ok) {
          io.err(`${io.errStyle.red('error')}: ${f.error.message}; ${f.error.hint}`);
          return EXIT.notFound;
        }
      }
      return reportFailure(io, done.error, programId, model);
    }
    io.out(
      o.json
        ? JSON.stringify({ migration: done.value.value, etag: done.value.etag, version: done.value.saved.version }, null, 2)
        : `${id}: ${service} finished ${step} on ${day} (version ${done.value.saved.version})`,
    );
    return EXIT.ok;
  });
}
