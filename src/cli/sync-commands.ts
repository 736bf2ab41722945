import type { Command } from 'commander';
import type { CliIo } from './cli-io.js';

/**
 * Trackers (issue 8): `sync jira <program>`, `sync github <program>`. The module runs only when the
 * command does, as in run-cli.ts.
 */
export function registerSyncCommands(cli: Command, io: CliIo, set: (promise: Promise<number>) => Promise<void>): void {
  const sync = cli
    .command('sync')
    .description(
      'bring a stored program in step with Jira or GitHub: only what changed since the last sync; removed issues are kept and marked',
    );
  for (const [system, what] of [
    ['jira', 'a JQL selection, a board or epics, as the jira: section of the integrations file says'],
    ['github', 'repositories or a Projects (v2) board, as the github: section of the integrations file says'],
  ] as const) {
    const command = sync
      .command(system)
      .description(`sync ${what}`)
      .argument('<program>', 'the id of a stored program')
      .option('--config <file>', 'the integrations file (default integrations.yaml)')
      .option('--full', 'fetch everything, not only what changed since the last sync')
      .option('--dry-run', 'show what would change; write nothing')
      .option('--json', 'machine-readable output');
    if (system === 'jira') command.option('--csv <export.csv>', "read Jira's CSV export instead of calling Jira (offline)");
    command.action((program: string, o) => set(import('./commands/sync.js').then((m) => m.syncCommand(io, system, program, o))));
  }
}
