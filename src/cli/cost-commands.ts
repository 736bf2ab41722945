import type { Command } from 'commander';
import type { CliIo } from './cli-io.js';

/**
 * Cloud cost (issue 7): `cost <program|bill.csv>`, `cost import`, `cost anomalies`, `cost waste`.
 * Each command's module is imported only when it runs, as in run-cli.ts.
 */
export function registerCostCommands(cli: Command, io: CliIo, set: (promise: Promise<number>) => Promise<void>): void {
  const MONTH = 'the month to report, YYYY-MM (default: the last month with data)';
  const FOCUS = 'a FOCUS CSV to read instead of the stored data (needed for a program file)';
  const INVENTORY = 'a resource inventory CSV (resource_id,type,state,attached_to,last_used,size_gb,created) for waste findings';
  const withParent = <T>(o: T, c: Command) => ({ ...(c.parent?.opts() ?? {}), ...o });
  const cost = cli
    .command('cost')
    .description(
      'cloud cost from FOCUS exports: per team month to date, budget, forecast to month and quarter end, trend; unallocated cost; anomalies; waste',
    )
    .argument('<program>', 'a stored program id, a program file (with --focus), or a FOCUS CSV file (allocated by its team tag)')
    .option('--month <YYYY-MM>', MONTH)
    .option('--focus <bill.csv>', FOCUS)
    .option('--inventory <inventory.csv>', INVENTORY)
    .option('--team', 'per-team table (the default view)')
    .option('--by-tag <key>', 'for a bare FOCUS file: the tag naming the team (default team), e.g. business_unit')
    .option('--json', 'machine-readable output')
    .action((program: string, o) => set(import('./commands/cost.js').then((m) => m.costCommand(io, program, o))));
  cost
    .command('import')
    .description('store a FOCUS CSV export for a program: its billing periods replace the stored ones, others stay; progress on stderr')
    .argument('<program>', 'the id of a stored program')
    .argument('<file>', 'FOCUS 1.x CSV')
    .option('--inventory <inventory.csv>', INVENTORY)
    .option('--json', 'machine-readable output')
    .action((program: string, file: string, o, c: Command) =>
      set(import('./commands/cost.js').then((m) => m.costImportCommand(io, program, file, withParent(o, c)))),
    );
  for (const [name, what, description] of [
    ['anomalies', 'anomalies', 'days whose cost per team or service is far from the usual (rolling median and MAD), last 30 days'],
    ['waste', 'waste', 'unattached and idle storage, idle compute, old snapshots from the inventory, with their spend and share'],
  ] as const) {
    cost
      .command(name)
      .description(description)
      .argument('<program>', 'a stored program id, a program file (with --focus), or a FOCUS CSV file')
      .option('--month <YYYY-MM>', MONTH)
      .option('--focus <bill.csv>', FOCUS)
      .option('--inventory <inventory.csv>', INVENTORY)
      .option('--json', 'machine-readable output')
      .action((program: string, o, c: Command) =>
        set(import('./commands/cost.js').then((m) => m.costCommand(io, program, withParent(o, c), what))),
      );
  }
}
