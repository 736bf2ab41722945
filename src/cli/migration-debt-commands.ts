import { type Command, InvalidArgumentError } from 'commander';
import type { CliIo } from './cli-io.js';

const positive = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a whole number greater than 0');
  return n;
};
const whole = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number, 0 or more');
  return n;
};

/**
 * The infrastructure TPM's migration tracker and tech-debt register (issue 7): `migration` (view,
 * `generate`, `done`) and `debt`. Each command's module is imported only when it runs, as in run-cli.ts.
 */
export function registerMigrationDebtCommands(cli: Command, io: CliIo, set: (promise: Promise<number>) => Promise<void>): void {
  const PROGRAM = 'a program file, or the id of a stored program';
  const migration = cli
    .command('migration')
    .description(
      'migrations of a program: progress per team and step, burn-down, a throughput Monte Carlo forecast of completion (P50/P80/P95, chance by the target), laggard teams; subcommands generate the work items and record finished steps',
    )
    .argument('<program>', PROGRAM)
    .argument('[id]', 'the migration (default: the only one; with several, a line each)')
    .option('--at <day>', "the status day, YYYY-MM-DD (default: today in the program's zone, or the last recorded done day if later)")
    .option('--trials <n>', 'Monte Carlo trials (default 5000)', positive)
    .option('--seed <n>', 'random seed; the same seed gives the same forecast (default 7)', whole)
    .option('--history <weeks>', 'weeks of throughput history resampled (default 12)', positive)
    .option('--json', 'machine-readable output')
    .action((program: string, id: string | undefined, o) =>
      set(import('./commands/migration.js').then((m) => m.migrationCommand(io, program, id, o))),
    );
  migration
    .command('generate')
    .description('add a work item per service and step (<migration>-<service>-<step>, chained finish-to-start) to a stored program; once')
    .argument('<program>', 'the id of a stored program')
    .argument('<id>', 'the migration')
    .option('--json', 'machine-readable output')
    .action((program: string, id: string, o) =>
      set(import('./commands/migration.js').then((m) => m.migrationGenerateCommand(io, program, id, o))),
    );
  migration
    .command('done')
    .description('record that a service finished a step (its generated item becomes done); steps finish in order')
    .argument('<program>', 'the id of a stored program')
    .argument('<id>', 'the migration')
    .argument('<service>', 'the service, e.g. checkout-api')
    .argument('<step>', 'the step, e.g. cutover')
    .option('--on <day>', "the day it finished, YYYY-MM-DD (default: today in the program's zone)")
    .option('--json', 'machine-readable output')
    .action((program: string, id: string, service: string, step: string, o) =>
      set(import('./commands/migration.js').then((m) => m.migrationDoneCommand(io, program, id, service, step, o))),
    );
  cli
    .command('debt')
    .description(
      'the tech-debt register: open debt ranked by interest (toil + incident hours a month), cause, affected services, linked incidents, plan',
    )
    .argument('<program>', PROGRAM)
    .option('--by <group>', 'group by cause or service instead of the ranked list')
    .option(
      '--at <time>',
      'the instant, ISO 8601 with its zone (default: now, or the last event of a linked incident if later); incidents of the 90 days before count',
    )
    .option('--json', 'machine-readable output')
    .action((program: string, o) => set(import('./commands/debt.js').then((m) => m.debtCommand(io, program, o))));
}
