import type { Command } from 'commander';
import type { CliIo } from './cli-io.js';

/**
 * Capacity planning (issue 7): `capacity <program> [resource]`, `capacity data`, `capacity refresh`,
 * `capacity order`. Each command's module is imported only when it runs, as in run-cli.ts.
 */
export function registerCapacityCommands(
  cli: Command,
  io: CliIo,
  set: (promise: Promise<number>) => Promise<void>,
  parse: {
    readonly collect: (value: string, previous: string[]) => string[];
    readonly wholeNumber: (value: string) => number;
  },
): void {
  const { collect, wholeNumber } = parse;
  const AT = 'the day to plan on, YYYY-MM-DD (default: today in the program time zone)';
  const MONTHS = 'the order covers demand this many months past its arrival (default 6)';
  // Options shared with `capacity` itself (--at, --months, --json) are parsed by it: merge them in.
  const withParent = <T>(o: T, c: Command) => ({ ...(c.parent?.opts() ?? {}), ...o });
  const capacity = cli
    .command('capacity')
    .description(
      'capacity planning: when headroom runs out, the order-by date (lead time and margin in working days), how much to order; what-ifs',
    )
    .argument('<program>', 'a program file, or the id of a stored program')
    .argument('[resource]', 'one capacity resource in detail: figures, fit of the history, what-ifs')
    .option('--at <date>', AT)
    .option('--months <n>', MONTHS, wholeNumber)
    .option('--what-if <change>', 'double-traffic, traffic=x1.5, lead-slip=4w (or 10d), step=2027-06-01:+400 (repeatable)', collect, [])
    .option('--data <resource=file.csv>', 'usage history for a program file: timestamp,value (repeatable)', collect, [])
    .option('--json', 'machine-readable output')
    .action((program: string, resource: string | undefined, o) =>
      set(import('./commands/capacity.js').then((m) => m.capacityCommand(io, program, resource, o))),
    );
  capacity
    .command('data')
    .description("store a CSV of usage samples as a capacity resource's history (replaces what was stored)")
    .argument('<program>', 'the id of a stored program')
    .argument('<resource>', 'capacity resource id')
    .argument('<file>', 'CSV: timestamp,value (usage in the resource unit)')
    .option('--json', 'machine-readable output')
    .action((program: string, resource: string, file: string, o, c: Command) =>
      set(import('./commands/capacity.js').then((m) => m.capacityDataCommand(io, program, resource, file, withParent(o, c)))),
    );
  capacity
    .command('refresh')
    .description("pull a capacity resource's usage from its Prometheus source, one sample a day (replaces what was stored)")
    .argument('<program>', 'the id of a stored program')
    .argument('<resource>', 'capacity resource id')
    .option('--days <n>', 'days of history to pull (default 365)', wholeNumber)
    .option('--json', 'machine-readable output')
    .action((program: string, resource: string, o, c: Command) =>
      set(import('./commands/capacity.js').then((m) => m.capacityRefreshCommand(io, program, resource, withParent(o, c)))),
    );
  capacity
    .command('order')
    .description('create the procurement item for a resource: deadline the run-out day, may start on the order-by date, tagged capacity')
    .argument('<program>', 'the id of a stored program')
    .argument('<resource>', 'capacity resource id')
    .option('--months <n>', MONTHS, wholeNumber)
    .option('--at <date>', AT)
    .option('--json', 'machine-readable output')
    .action((program: string, resource: string, o, c: Command) =>
      set(import('./commands/capacity.js').then((m) => m.capacityOrderCommand(io, program, resource, withParent(o, c)))),
    );
}
