import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { registerCapacityCommands } from './capacity-commands.js';
import type { CliIo } from './cli-io.js';
import { registerCostCommands } from './cost-commands.js';
import { EXIT } from './exit-codes.js';
import { registerIncidentCommands } from './incident-commands.js';
import { registerMigrationDebtCommands } from './migration-debt-commands.js';
import { registerSyncCommands } from './sync-commands.js';

const STORE_HELP = `
Storage:
  THROUGHLINE_DATA_DIR      embedded database folder (default ./.throughline)
  THROUGHLINE_DATABASE_URL  postgres://user:password@host:port/db selects PostgreSQL instead
  THROUGHLINE_ACTOR         the name recorded in the history (default: your login)`;

/**
 * Parses `argv` (without node and script), runs the command, and returns its exit code. A command's
 * module is imported only when it runs: `plan` and `forecast` never load the database drivers.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let code: number = EXIT.ok;
  const set = async (promise: Promise<number>) => {
    code = await promise;
  };
  const wholeNumber = (value: string) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number, 0 or more');
    return n;
  };
  const positiveNumber = (value: string) => {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a number greater than 0');
    return n;
  };
  const positive = (value: string) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a whole number greater than 0');
    return n;
  };

  const collect = (value: string, previous: string[]) => [...previous, value];

  const cli = new Command('throughline')
    .description('Model a cross-team program once; Throughline computes schedules, risks and status.')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) })
    .addHelpText('after', STORE_HELP);

  cli
    .command('init')
    .description('write a starter program file')
    .argument('[file]', 'where to write it', 'program.yaml')
    .option('--force', 'overwrite an existing file')
    .option('--json', 'machine-readable output')
    .action((file: string, o) => set(import('./commands/init.js').then((m) => m.initCommand(io, file, o))));

  cli
    .command('validate')
    .description('check a program file and print every problem with its line; exit 1 if there is any')
    .argument('<file>', 'program file (YAML)')
    .option('--json', 'machine-readable output')
    .action((file: string, o) => set(import('./commands/validate.js').then((m) => m.validateCommand(io, file, o))));

  cli
    .command('load')
    .description('load a program file into the store; only the differences are written and recorded in the history')
    .argument('<file>', 'program file (YAML)')
    .option('--program <id>', "load under this program id instead of the file's program.id")
    .option('--verbose', 'report each phase on stderr')
    .option('--json', 'machine-readable output')
    .addHelpText('after', STORE_HELP)
    .action((file: string, o) => set(import('./commands/load.js').then((m) => m.loadCommand(io, file, o))));

  cli
    .command('programs')
    .description('list the programs in the store')
    .option('--json', 'machine-readable output')
    .action((o) => set(import('./commands/programs.js').then((m) => m.programsCommand(io, o))));

  cli
    .command('show')
    .description('summarize a program: teams, workstreams, milestones, open dependencies, risks and decisions')
    .argument('<program>', 'program id')
    .option('--json', 'machine-readable output')
    .action((program: string, o) => set(import('./commands/show.js').then((m) => m.showCommand(io, program, o))));

  cli
    .command('history')
    .description('what changed in a program, newest first: who, when, and each field before → after')
    .argument('<program>', 'program id')
    .option('--limit <n>', 'at most this many change sets', positive)
    .option('--item <id>', 'only changes to this item')
    .option('--json', 'machine-readable output')
    .action((program: string, o) => set(import('./commands/history.js').then((m) => m.historyCommand(io, program, o))));

  const integer = (value: string) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number, 0 or more');
    return n;
  };

  cli
    .command('plan')
    .description(
      'critical-path plan of a program file, an MS Project XML file (.xml, .xml.gz) or a PSPLIB instance (.sm); --level adds capacity levelling',
    )
    .argument('<file>', 'program file (YAML/JSON), MS Project XML (.xml/.xml.gz) or PSPLIB .sm')
    .option('--level', 'level the plan so no team or resource is loaded over its capacity')
    .option('--schedules <n>', 'levelling budget: schedules the search may generate (default 5000)', positive)
    .option('--seed <n>', 'random seed of the levelling search (default 1)', integer)
    .option('--as-of <date>', 'status date: unfinished work starts no earlier (YYYY-MM-DD)')
    .option('--json', 'machine-readable output')
    .action((file: string, o) => set(import('./commands/plan.js').then((m) => m.planCommand(io, file, o))));

  cli
    .command('forecast')
    .description('Monte Carlo forecast of a program: finish and milestone percentiles, on-time odds, criticality, sensitivity')
    .argument('<file>', 'program file (YAML)')
    .option('--trials <n>', 'trials to run (default 10000)', positive)
    .option('--seed <n>', 'random seed; the same seed gives the same forecast (default 1)', integer)
    .option('--as-of <date>', 'status date: unfinished work starts no earlier (YYYY-MM-DD)')
    .option('--distribution <name>', 'pert (PERT-Beta, default) or triangular')
    .option('--level', 'level each trial by team capacity')
    .option('--workers <n>', 'worker threads (default: one per core)', positive)
    .option('--progress', 'report progress on stderr (on by default on a terminal)')
    .option('--json', 'machine-readable output')
    .action((file: string, o) =>
      set(import('./commands/forecast.js').then((m) => m.forecastCommand(io, file, o, io.stderrIsTty ?? false))),
    );

  cli
    .command('risks')
    .description(
      'detected risks (critical path, dependencies, capacity, forecast, orders, funnel, error budgets, incidents, post-mortem actions, history) and the risk register',
    )
    .argument('<program>', 'a program file, or the id of a stored program')
    .option('--as-of <date>', 'status date (YYYY-MM-DD; default today in the program time zone)')
    .option('--trials <n>', 'forecast trials for the forecast-based rules; 0 skips them (default 2000)', wholeNumber)
    .option('--seed <n>', 'forecast seed (default 1)', integer)
    .option('--near <days>', 'working days of float that count as near-critical (default 5)', wholeNumber)
    .option('--stale-days <n>', 'days without a change after which work in progress is stale (default 14)', positive)
    .option('--baseline <name>', 'baseline for the scope rule (default: the latest; stored programs)')
    .option('--ack <key>', 'acknowledge a detected risk by its key (stored programs; with --reason)')
    .option('--dismiss <key>', 'dismiss a detected risk by its key (stored programs; with --reason)')
    .option('--reason <text>', 'why: kept with the verdict')
    .option('--json', 'machine-readable output')
    .action((program: string, o) => set(import('./commands/risks.js').then((m) => m.risksCommand(io, program, o))));

  cli
    .command('impact')
    .description('what moves if an item slips or a team loses people: milestones (plan, P50, P80) and the work downstream')
    .argument('<program>', 'a program file, or the id of a stored program')
    .option('--item <id>', 'the item that changes; alone, shows its blast radius')
    .option('--slip <days>', 'working days the item slips (negative: finishes earlier)', integer)
    .option('--team <id>', 'the team that changes; alone, shows its blast radius')
    .option('--lose <people>', 'people the team loses', positiveNumber)
    .option('--from <date>', 'first day without them (YYYY-MM-DD)')
    .option('--to <date>', 'last day without them (YYYY-MM-DD)')
    .option('--as-of <date>', 'status date: unfinished work starts no earlier (YYYY-MM-DD)')
    .option('--trials <n>', 'forecast trials for the P50/P80 shift; 0 skips the forecast (default 1000)', wholeNumber)
    .option('--seed <n>', 'forecast seed (default 1)', integer)
    .option('--json', 'machine-readable output')
    .action((program: string, o) => set(import('./commands/impact.js').then((m) => m.impactCommand(io, program, o))));

  cli
    .command('export')
    .description('the program and its plan as Mermaid, Graphviz DOT, CSV, iCalendar or JSON')
    .argument('<program>', 'a program file, or the id of a stored program')
    .option('--format <name>', 'mermaid-gantt, mermaid-deps, dot, csv, ical or json (default: from --out)')
    .option('--out <file>', 'write here instead of standard output')
    .option('--as-of <date>', 'status date: unfinished work starts no earlier (YYYY-MM-DD)')
    .option('--json', 'the same as --format json')
    .action((program: string, o) => set(import('./commands/export.js').then((m) => m.exportCommand(io, program, o))));

  cli
    .command('decisions')
    .description('decisions needed, by the day they block work, and the log of decisions made')
    .argument('<program>', 'a program file, or the id of a stored program')
    .option('--as-of <date>', 'status date (YYYY-MM-DD; default today in the program time zone)')
    .option('--json', 'machine-readable output')
    .action((program: string, o) => set(import('./commands/decisions.js').then((m) => m.decisionsCommand(io, program, o))));

  cli
    .command('baseline')
    .description('save a baseline of a stored program, list them, or show every slip against one')
    .argument('<program>', 'the id of a stored program')
    .option('--save <name>', 'freeze the current model and plan under this name')
    .option('--compare <name>', 'each item and milestone against that baseline: start and finish slip')
    .option('--trend', "each milestone's 80 %-sure date in every kept status report: how the forecast moved")
    .option('--as-of <date>', 'status date of the current plan (YYYY-MM-DD)')
    .option('--json', 'machine-readable output')
    .action((program: string, o) => set(import('./commands/baseline.js').then((m) => m.baselineCommand(io, program, o))));

  cli
    .command('report')
    .description(
      'status report for leaders: summary, RAG, milestones and trend, what changed, risks, asks, the chain that sets the end date',
    )
    .argument('<program>', 'a program file, or the id of a stored program')
    .option('--as-of <date>', 'status date (YYYY-MM-DD; default today in the program time zone)')
    .option('--format <name>', 'markdown (default), html, confluence, slack or json (default: from --out)')
    .option('--out <file>', 'write here instead of standard output')
    .option('--trials <n>', 'forecast trials (default 2000)', positive)
    .option('--seed <n>', 'forecast seed (default 1)', integer)
    .option('--no-record', 'do not keep this report as the one the next report compares with (stored programs)')
    .option('--json', 'the same as --format json: the report as data')
    .action((program: string, o) => set(import('./commands/report.js').then((m) => m.reportCommand(io, program, o))));

  cli
    .command('scenario')
    .description('what-if: lay changes over the live plan and compare side by side; keep, apply (recorded in history) or throw away')
    .argument('<program>', 'a program file, or the id of a stored program')
    .option('--file <scenario.yaml>', 'the changes (docs/scenarios.md); compared with the live plan')
    .option('--save', 'keep the scenario of --file in the store under its name')
    .option('--compare <name>', 'compare a kept scenario with the live plan')
    .option('--apply <name>', 'apply a kept scenario to the live plan (recorded in the history)')
    .option('--discard <name>', 'throw a kept scenario away')
    .option('--as-of <date>', 'status date (YYYY-MM-DD)')
    .option('--trials <n>', 'forecast trials for the P80 columns; 0 skips them (default 1000)', wholeNumber)
    .option('--seed <n>', 'forecast seed (default 1)', integer)
    .option('--json', 'machine-readable output')
    .action((program: string, o) => set(import('./commands/scenario.js').then((m) => m.scenarioCommand(io, program, o))));

  const services = cli
    .command('services')
    .description(
      'the service catalog of a program (file or stored) or of Backstage catalog files: owner team, tier, lifecycle, APIs, dependencies; for a program also who uses each, its work items, SLOs and open incidents',
    )
    .argument('<catalog>', 'a program file, a stored program id, or a root Backstage catalog file (Locations are followed)')
    .option('--with <file>', 'another root catalog file, e.g. where the groups are (repeatable)', collect, [])
    .option('--json', 'machine-readable output')
    .action((file: string, o) => set(import('./commands/services.js').then((m) => m.servicesCommand(io, file, o))));
  services
    .command('import')
    .description(
      "a Backstage catalog into a stored program: components become services, resources resources, owner groups teams; replaces the program's services of the same id, keeps the others; one change in the history",
    )
    .argument('<catalog...>', 'root catalog files (Locations are followed)')
    .requiredOption('--program <id>', 'the stored program to import into')
    .option('--with <file>', 'another root catalog file (repeatable)', collect, [])
    .option('--team <group=team>', 'put a Backstage group under a program team of another id (repeatable)', collect, [])
    .option('--json', 'machine-readable output')
    .action((files: string[], o) => {
      // Commander gives options both commands declare (--with, --json) to the parent.
      const outer = services.opts<{ with: string[]; json?: boolean }>();
      const merged = { ...o, with: [...o.with, ...outer.with], json: o.json === true || outer.json === true };
      return set(import('./commands/services.js').then((m) => m.servicesImportCommand(io, files, merged)));
    });

  cli
    .command('blast-radius')
    .description(
      '"change X": every transitive consumer of a service, API or resource, with owner team, tier, distance and path; for a program, grouped by team with the program items exposed',
    )
    .argument('<catalog>', 'a program file, a stored program id, or a root Backstage catalog file')
    .argument(
      '<ref>',
      'what changes: a service or resource id or an API name (api:NAME when they clash); in Backstage files [kind:][namespace/]name',
    )
    .option('--with <file>', 'another root catalog file, e.g. where the groups are (repeatable)', collect, [])
    .option('--json', 'machine-readable output')
    .action((file: string, ref: string, o) =>
      set(import('./commands/blast-radius.js').then((m) => m.blastRadiusCommand(io, file, ref, o))),
    );

  const slo = cli
    .command('slo')
    .description(
      "SLOs of a program (stored id or program file) or of an OpenSLO file: objective, window, allowed downtime; with data, error budget, burn rate, time to exhaustion and the Workbook alert that fires. Subcommands store a stored program's SLI data and import OpenSLO",
    )
    .argument('[target]', 'a stored program id, a program file, or an OpenSLO v1 file (YAML)')
    .option(
      '--data <sli.csv>',
      'SLI samples (timestamp,good,total or timestamp,value); for a program file <slo-id>=<file.csv>, repeatable',
      collect,
      [],
    )
    .option('--at <time>', 'report instant, ISO 8601 with a zone (default: a stored program now, a file its last sample)')
    .option('--lenient', 'OpenSLO files: read go-sdk-invalid but spec-valid files, with warnings')
    .option('--nines <list>', 'print the availability table for these percentages instead, e.g. 99.9 or 99,99.9')
    .option('--json', 'machine-readable output')
    .action((file: string | undefined, o) =>
      set(import('./commands/slo.js').then((m) => m.sloCommand(io, file, { ...o, ...(o.data.length === 0 ? { data: undefined } : {}) }))),
    );
  // Subcommand options: --json and --at also parse on `slo`, so each subcommand reads both.
  const sloOpts = <T>(o: T, c: Command) => ({ ...(c.parent?.opts() ?? {}), ...o });
  slo
    .command('data')
    .description("store a CSV of SLI samples as an SLO's data (replaces what was stored)")
    .argument('<program>', 'the id of a stored program')
    .argument('<slo>', 'SLO id')
    .argument('<file>', 'CSV: timestamp,good,total (ratio) or timestamp,value (threshold)')
    .option('--json', 'machine-readable output')
    .action((program: string, id: string, file: string, o, c: Command) =>
      set(import('./commands/slo.js').then((m) => m.sloDataCommand(io, program, id, file, sloOpts(o, c)))),
    );
  slo
    .command('refresh')
    .description("pull an SLO's SLI from its Prometheus source over its window (and at least 3 days) ending at --at")
    .argument('<program>', 'the id of a stored program')
    .argument('<slo>', 'SLO id (its source: { prometheus: URL })')
    .option('--at <time>', 'end of the window, ISO 8601 with a zone (default: now)')
    .option('--json', 'machine-readable output')
    .action((program: string, id: string, o, c: Command) =>
      set(import('./commands/slo.js').then((m) => m.sloRefreshCommand(io, program, id, sloOpts(o, c)))),
    );
  slo
    .command('import')
    .description(
      'import OpenSLO v1 SLOs into a stored program (one SLO per objective; missing services created for --team), one change set',
    )
    .argument('<files...>', 'OpenSLO v1 files (YAML)')
    .requiredOption('--program <id>', 'the stored program to import into')
    .option('--team <id>', 'owner team of the services the import creates')
    .option('--lenient', 'read go-sdk-invalid but spec-valid files, with warnings')
    .option('--json', 'machine-readable output')
    .action((files: string[], o, c: Command) => set(import('./commands/slo.js').then((m) => m.sloImportCommand(io, files, sloOpts(o, c)))));

  registerIncidentCommands(cli, io, set, { collect, wholeNumber });
  registerMigrationDebtCommands(cli, io, set);
  registerCapacityCommands(cli, io, set, { collect, wholeNumber });
  registerCostCommands(cli, io, set);
  registerSyncCommands(cli, io, set);

  const publish = cli
    .command('publish')
    .description("publish a program's status report: a Confluence page (created, then updated as a new version) or a Slack message");
  for (const [target, what] of [
    ['confluence', 'create or update the page the confluence: section of the integrations file names'],
    ['slack', 'post to the channel of the incoming webhook the slack: section names (always within Block Kit limits)'],
  ] as const)
    publish
      .command(target)
      .description(what)
      .argument('<program>', 'the id of a stored program, or a program file')
      .option('--config <file>', 'the integrations file (default integrations.yaml)')
      .option('--dry-run', 'show what would be sent; send nothing (needs no secret)')
      .option('--trials <n>', 'Monte Carlo trials of the report (default 2000)', positive)
      .option('--link <url>', 'the full report, linked from Slack when the message must leave things out')
      .option('--json', 'machine-readable output')
      .action((program: string, o) => set(import('./commands/publish.js').then((m) => m.publishCommand(io, target, program, o))));

  cli
    .command('generate')
    .description('write a realistic random program (layered cross-team DAG, milestones, three-point estimates) for benchmarks and tests')
    .requiredOption('--items <n>', 'work items, milestones included (required)', positive)
    .requiredOption('--teams <n>', 'teams (required)', positive)
    .option('--seed <n>', 'random seed; the same seed writes the same program (default 1)', integer)
    .option('--out <file>', 'write here (.json for JSON, else YAML) instead of standard output')
    .option('--json', 'machine-readable summary')
    .action((o) => set(import('./commands/generate.js').then((m) => m.generateCommand(io, o))));

  cli
    .command('demo')
    .description('load the sample program (a checkout platform moving to the cloud) and show it')
    .option('--json', 'machine-readable output')
    .action((o) => set(import('./commands/demo.js').then((m) => m.demoCommand(io, o))));

  cli
    .command('schema')
    .description('print the JSON Schema of the program file (for editor completion)')
    .option('--out <file>', 'write it to a file instead')
    .action((o) => set(import('./commands/schema.js').then((m) => m.schemaCommand(io, o))));

  try {
    await cli.parseAsync([...argv], { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help' ? EXIT.ok : EXIT.usage;
    }
    throw e;
  }
  return code;
}
