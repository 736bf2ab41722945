import type { Command } from 'commander';
import type { CliIo } from './cli-io.js';

/**
 * The incident commander's commands (issue 6): `incident`, `postmortem` and `funnel`. Each command's
 * module is imported only when it runs, as in run-cli.ts.
 */
export function registerIncidentCommands(
  cli: Command,
  io: CliIo,
  set: (promise: Promise<number>) => Promise<void>,
  parse: {
    readonly collect: (value: string, previous: string[]) => string[];
    readonly wholeNumber: (value: string) => number;
  },
): void {
  const { collect, wholeNumber } = parse;
  const AT = 'the instant, ISO 8601 with its zone, e.g. 2026-11-16T09:30:00Z (default: now)';
  const incident = cli
    .command('incident')
    .description('incidents of a program: list, show, open, log the timeline, post updates, move the status, resolve; metrics');
  incident
    .command('list')
    .description('incidents, open first: severity, status, time to resolve, next stakeholder update (overdue ones flagged)')
    .argument('<program>', 'a program file, or the id of a stored program')
    .option('--status <list>', 'only these statuses (comma-separated; "open" = not resolved)')
    .option('--at <time>', AT)
    .option('--json', 'machine-readable output')
    .action((program: string, o) => set(import('./commands/incident.js').then((m) => m.incidentListCommand(io, program, o))));
  incident
    .command('show')
    .description('one incident: roles, impact, TTD/TTA/TTM/TTR, update cadence, timeline, updates, next statuses')
    .argument('<program>', 'a program file, or the id of a stored program')
    .argument('<id>', 'incident id, e.g. inc-102')
    .option('--at <time>', AT)
    .option('--json', 'machine-readable output')
    .action((program: string, id: string, o) =>
      set(import('./commands/incident.js').then((m) => m.incidentShowCommand(io, program, id, o))),
    );
  incident
    .command('open')
    .description(
      "declare an incident (stored programs); its id continues the program's numbering (inc-2027-019 → inc-2027-020) unless --id",
    )
    .argument('<program>', 'the id of a stored program')
    .requiredOption('--title <text>', 'what is wrong, in a line')
    .requiredOption('--severity <sev>', 'SEV1, SEV2, SEV3 or SEV4')
    .option('--id <id>', "incident id (default: the next in the program's numbering)")
    .option('--service <id>', 'an affected service (repeatable)', collect, [])
    .option('--impact-start <time>', 'when customers started to feel it, if earlier than now')
    .option('--impact <text>', 'what customers see')
    .option('--customers <n>', 'customers affected', wholeNumber)
    .option('--commander <name>', 'incident commander')
    .option('--comms <name>', 'communications lead')
    .option('--ops <name>', 'ops lead')
    .option('--scribe <name>', 'scribe')
    .option('--at <time>', `when it was declared; ${AT}`)
    .option('--json', 'machine-readable output')
    .action((program: string, o) => set(import('./commands/incident.js').then((m) => m.incidentOpenCommand(io, program, o))));
  incident
    .command('log')
    .description('add a timeline entry: detected, acknowledged, mitigated, resolved, note, status-change or update-sent')
    .argument('<program>', 'the id of a stored program')
    .argument('<id>', 'incident id')
    .argument('<kind>', 'detected, acknowledged, mitigated, resolved, note, status-change or update-sent')
    .argument('[text...]', 'what happened')
    .option('--author <name>', 'who (default: THROUGHLINE_ACTOR or your login)')
    .option('--at <time>', AT)
    .option('--json', 'machine-readable output')
    .action((program: string, id: string, kind: string, text: string[], o) =>
      set(import('./commands/incident.js').then((m) => m.incidentLogCommand(io, program, id, kind, text, o))),
    );
  incident
    .command('update')
    .description('record a stakeholder update as sent; restarts the update cadence of its severity')
    .argument('<program>', 'the id of a stored program')
    .argument('<id>', 'incident id')
    .argument('<text...>', 'the update')
    .option('--audience <who>', 'who received it, e.g. executives, customers, #incident (default: stakeholders)')
    .option('--author <name>', 'who sent it (default: THROUGHLINE_ACTOR or your login)')
    .option('--at <time>', AT)
    .option('--json', 'machine-readable output')
    .action((program: string, id: string, text: string[], o) =>
      set(import('./commands/incident.js').then((m) => m.incidentUpdateCommand(io, program, id, text, o))),
    );
  incident
    .command('status')
    .description('move the status forward (investigating → identified → monitoring → resolved), or reopen with --reason')
    .argument('<program>', 'the id of a stored program')
    .argument('<id>', 'incident id')
    .argument('<status>', 'investigating, identified, monitoring or resolved')
    .option('--reason <text>', 'why; needed to reopen')
    .option('--author <name>', 'who (default: THROUGHLINE_ACTOR or your login)')
    .option('--at <time>', AT)
    .option('--json', 'machine-readable output')
    .action((program: string, id: string, status: string, o) =>
      set(import('./commands/incident.js').then((m) => m.incidentStatusCommand(io, program, id, status, o))),
    );
  incident
    .command('resolve')
    .description('resolve an incident (logs the resolved milestone)')
    .argument('<program>', 'the id of a stored program')
    .argument('<id>', 'incident id')
    .argument('[text...]', 'how it ended')
    .option('--author <name>', 'who (default: THROUGHLINE_ACTOR or your login)')
    .option('--at <time>', AT)
    .option('--json', 'machine-readable output')
    .action((program: string, id: string, text: string[], o) =>
      set(import('./commands/incident.js').then((m) => m.incidentResolveCommand(io, program, id, text, o))),
    );
  incident
    .command('assign')
    .description('name people in incident roles (an empty name clears a role)')
    .argument('<program>', 'the id of a stored program')
    .argument('<id>', 'incident id')
    .option('--commander <name>', 'incident commander')
    .option('--comms <name>', 'communications lead')
    .option('--ops <name>', 'ops lead')
    .option('--scribe <name>', 'scribe')
    .option('--json', 'machine-readable output')
    .action((program: string, id: string, o) =>
      set(import('./commands/incident.js').then((m) => m.incidentAssignCommand(io, program, id, o))),
    );
  incident
    .command('exec-update')
    .description('the executive update drafted from the timeline, in plain words')
    .argument('<program>', 'a program file, or the id of a stored program')
    .argument('<id>', 'incident id')
    .option('--at <time>', AT)
    .option('--json', 'machine-readable output')
    .action((program: string, id: string, o) =>
      set(import('./commands/incident.js').then((m) => m.incidentExecUpdateCommand(io, program, id, o))),
    );
  incident
    .command('metrics')
    .description('incidents per severity (with MTTR) and per service, and the error budget each consumed')
    .argument('<program>', 'a program file, or the id of a stored program')
    .option('--from <time>', 'incidents opened at or after this instant')
    .option('--to <time>', 'incidents opened before this instant')
    .option('--at <time>', AT)
    .option('--json', 'machine-readable output')
    .action((program: string, o) => set(import('./commands/incident.js').then((m) => m.incidentMetricsCommand(io, program, o))));

  const postmortem = cli
    .command('postmortem')
    .description('blameless post-mortems: draft from an incident, save, show, list open action items');
  postmortem
    .command('draft')
    .description('the blameless template prefilled from an incident (YAML to fill in; not saved)')
    .argument('<program>', 'a program file, or the id of a stored program')
    .argument('<incident>', 'incident id')
    .option('--json', 'machine-readable output')
    .action((program: string, id: string, o) =>
      set(import('./commands/postmortem.js').then((m) => m.postmortemDraftCommand(io, program, id, o))),
    );
  postmortem
    .command('new')
    .description('save a post-mortem (stored programs): from --file, or the draft with flags; action items become tracked work items')
    .argument('<program>', 'the id of a stored program')
    .argument('[incident]', "incident id (default: the file's incident)")
    .option('--file <pm.yaml>', 'the post-mortem (YAML or JSON), e.g. a filled-in draft')
    .option('--id <id>', 'post-mortem id (default: pm-N for inc-N)')
    .option('--summary <text>', 'summary')
    .option('--factor <text>', 'a contributing factor (repeatable)', collect, [])
    .option('--went-well <text>', 'what went well (repeatable)', collect, [])
    .option('--went-poorly <text>', 'what went poorly (repeatable)', collect, [])
    .option('--lucky <text>', 'where we got lucky (repeatable)', collect, [])
    .option('--action <spec>', 'an action item "id|title|owner team|due YYYY-MM-DD|level 1 or 2" (repeatable)', collect, [])
    .option('--json', 'machine-readable output')
    .action((program: string, id: string | undefined, o) =>
      set(import('./commands/postmortem.js').then((m) => m.postmortemNewCommand(io, program, id, o))),
    );
  postmortem
    .command('show')
    .description('a post-mortem with its action items, their tracked work items and what is overdue')
    .argument('<program>', 'a program file, or the id of a stored program')
    .argument('<id>', 'post-mortem id')
    .option('--markdown', 'the whole post-mortem as Markdown')
    .option('--at <time>', AT)
    .option('--json', 'machine-readable output')
    .action((program: string, id: string, o) =>
      set(import('./commands/postmortem.js').then((m) => m.postmortemShowCommand(io, program, id, o))),
    );
  postmortem
    .command('list')
    .description('post-mortems, and their open action items until all are done')
    .argument('<program>', 'a program file, or the id of a stored program')
    .option('--at <time>', AT)
    .option('--json', 'machine-readable output')
    .action((program: string, o) => set(import('./commands/postmortem.js').then((m) => m.postmortemListCommand(io, program, o))));
  postmortem
    .command('action')
    .description("set an action item's state (open, in-progress, done, cancelled); its work item follows")
    .argument('<program>', 'the id of a stored program')
    .argument('<id>', 'post-mortem id')
    .argument('<action>', 'action item id')
    .argument('<state>', 'open, in-progress, done or cancelled')
    .option('--json', 'machine-readable output')
    .action((program: string, id: string, action: string, state: string, o) =>
      set(import('./commands/postmortem.js').then((m) => m.postmortemActionCommand(io, program, id, action, state, o))),
    );

  cli
    .command('funnel')
    .description('the priority funnel: is level 1 (Stability) broken and why, work in progress per level, level-4 work to pause')
    .argument('<program>', 'a program file, or the id of a stored program (error budgets need a stored one)')
    .option('--at <time>', AT)
    .option('--json', 'machine-readable output')
    .action((program: string, o) => set(import('./commands/funnel.js').then((m) => m.funnelCommand(io, program, o))));
}
