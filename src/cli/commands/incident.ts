import {
  assignRoles,
  logTimeline,
  openIncident,
  postUpdate,
  resolveIncident,
  setIncidentStatus,
} from '../../app/reliability/incident-changes.js';
import type { ReliabilityEditError, Saved } from '../../app/reliability/incident-edit.js';
import { incidentMetricsReport, storedIncidentMetrics } from '../../app/reliability/incident-metrics-report.js';
import { incidentIds, incidentView, severitiesOf } from '../../app/reliability/incident-view.js';
import type { ProgramId } from '../../domain/ids.js';
import {
  INCIDENT_ROLES,
  INCIDENT_STATUSES,
  type Incident,
  type IncidentRole,
  type IncidentStatus,
  instantSchema,
  SEVERITIES,
  type Severity,
  TIMELINE_KINDS,
  type TimelineKind,
} from '../../domain/incident.js';
import type { ProgramModel } from '../../domain/program-model.js';
import type { Result } from '../../domain/result.js';
import type { ChangeMeta, ProgramStore } from '../../store/program-store.js';
import type { CliIo } from '../cli-io.js';
import { EXIT } from '../exit-codes.js';
import {
  describeReliabilityError,
  overdueWarning,
  at as plainAt,
  ROLE_LABEL,
  renderIncidentList,
  renderIncidentMetrics,
  renderIncidentView,
} from '../render/incident.js';
import { defaultActor } from '../with-store.js';
import { withProgramTarget } from './program-target.js';

/** `--at`: an instant with its zone; else the real clock, read here at the edge. */
export function instantOption(io: CliIo, text: string | undefined, flag = '--at'): Date | { error: string } {
  if (text === undefined) return io.now();
  if (!instantSchema.safeParse(text).success)
    return { error: `${flag} "${text}" is not a date-time with its zone; write it like 2026-11-16T09:30:00Z` };
  return new Date(text);
}

export const usage = (io: CliIo, message: string): number => {
  io.err(`${io.errStyle.red('error')}: ${message}`);
  return EXIT.usage;
};

/** Runs a write on a stored program; a program file cannot be written to. */
export function withStoredProgram(
  io: CliIo,
  target: string,
  command: string,
  run: (store: ProgramStore, model: ProgramModel, id: ProgramId) => Promise<number>,
): Promise<number> {
  return withProgramTarget(io, target, command, async (program) => {
    if (program.kind !== 'stored')
      return usage(
        io,
        `${command.split(' ').slice(1, 3).join(' ')} changes a stored program: load the file first (throughline load ${target}), then name it by its id`,
      );
    return run(program.store, program.model, program.model.program.id as ProgramId);
  });
}

export const cliMeta = (io: CliIo, what: string): ChangeMeta => ({ actor: defaultActor(io), at: io.now(), source: `cli ${what}` });

/** Prints a failed write and returns its exit code. */
export function reportFailure(io: CliIo, e: ReliabilityEditError, program: string, model?: ProgramModel): number {
  let text = describeReliabilityError(e, program);
  if (e.kind === 'not-found' && e.entity === 'incident' && model) {
    const known = incidentIds(model);
    text += known.length > 0 ? `. Incidents: ${known.slice(0, 12).join(', ')}` : '. It has no incidents yet: throughline incident open';
  }
  io.err(`${io.errStyle.red('error')}: ${text}`);
  return e.kind === 'not-found' || e.kind === 'no-program' ? EXIT.notFound : EXIT.invalid;
}

interface Common {
  at?: string;
  json?: boolean;
}

export async function incidentListCommand(io: CliIo, target: string, o: Common & { status?: string }): Promise<number> {
  const now = instantOption(io, o.at);
  if ('error' in now) return usage(io, now.error);
  const wanted = o.status?.split(',');
  const bad = wanted?.find((s) => !(INCIDENT_STATUSES as readonly string[]).includes(s) && s !== 'open');
  if (bad !== undefined) return usage(io, `--status "${bad}" is none of open, ${INCIDENT_STATUSES.join(', ')}`);
  return withProgramTarget(io, target, `throughline incident list ${target}`, async ({ model }) => {
    const chosen = model.incidents.filter(
      (i) => wanted === undefined || wanted.includes(i.status) || (wanted.includes('open') && i.status !== 'resolved'),
    );
    // Open incidents first, then the newest.
    const views = chosen
      .map((i) => incidentView(model, i.id, now))
      .filter((v) => v !== undefined)
      .sort(
        (a, b) =>
          Number(a.incident.status === 'resolved') - Number(b.incident.status === 'resolved') ||
          Date.parse(b.incident.startedAt) - Date.parse(a.incident.startedAt),
      );
    io.out(o.json ? JSON.stringify({ at: now.toISOString(), incidents: views }, null, 2) : renderIncidentList(views, io.style));
    return EXIT.ok;
  });
}

export async function incidentShowCommand(io: CliIo, target: string, id: string, o: Common): Promise<number> {
  const now = instantOption(io, o.at);
  if ('error' in now) return usage(io, now.error);
  return withProgramTarget(io, target, `throughline incident show ${target}`, async ({ model }) => {
    const view = incidentView(model, id, now);
    if (!view) return reportFailure(io, { kind: 'not-found', entity: 'incident', key: id }, model.program.id, model);
    io.out(o.json ? JSON.stringify(view, null, 2) : renderIncidentView(view, io.style, model.program.id));
    return EXIT.ok;
  });
}

export async function incidentExecUpdateCommand(io: CliIo, target: string, id: string, o: Common): Promise<number> {
  const now = instantOption(io, o.at);
  if ('error' in now) return usage(io, now.error);
  return withProgramTarget(io, target, `throughline incident exec-update ${target}`, async ({ model }) => {
    const view = incidentView(model, id, now);
    if (!view) return reportFailure(io, { kind: 'not-found', entity: 'incident', key: id }, model.program.id, model);
    io.out(o.json ? JSON.stringify({ incident: id, at: now.toISOString(), text: view.executiveUpdate }, null, 2) : view.executiveUpdate);
    return EXIT.ok;
  });
}

export async function incidentMetricsCommand(io: CliIo, target: string, o: Common & { from?: string; to?: string }): Promise<number> {
  const now = instantOption(io, o.at);
  if ('error' in now) return usage(io, now.error);
  const from = o.from === undefined ? undefined : instantOption(io, o.from, '--from');
  const to = o.to === undefined ? undefined : instantOption(io, o.to, '--to');
  if (from && 'error' in from) return usage(io, from.error);
  if (to && 'error' in to) return usage(io, to.error);
  return withProgramTarget(io, target, `throughline incident metrics ${target}`, async (program) => {
    const { model } = program;
    const range = { now, ...(from ? { from } : {}), ...(to ? { to } : {}) };
    // A stored program may hold SLI samples: budget consumption is then measured, not estimated.
    const report =
      program.kind === 'stored'
        ? await storedIncidentMetrics(program.store, model.program.id as ProgramId, model, range)
        : incidentMetricsReport(model, range);
    io.out(o.json ? JSON.stringify(report, null, 2) : renderIncidentMetrics(report, io.style));
    return EXIT.ok;
  });
}

type RoleOptions = { commander?: string; comms?: string; ops?: string; scribe?: string };
const rolesOf = (o: RoleOptions): Partial<Record<IncidentRole, string>> => ({
  ...(o.commander === undefined ? {} : { incidentCommander: o.commander }),
  ...(o.comms === undefined ? {} : { communicationsLead: o.comms }),
  ...(o.ops === undefined ? {} : { opsLead: o.ops }),
  ...(o.scribe === undefined ? {} : { scribe: o.scribe }),
});

/** After a write: a confirmation, and the overdue-update warning at the instant of the write. */
async function finishWrite(
  io: CliIo,
  done: Result<Saved<Incident>, ReliabilityEditError>,
  store: ProgramStore,
  id: ProgramId,
  model: ProgramModel,
  instant: Date,
  json: boolean | undefined,
  say: (inc: Incident) => string,
): Promise<number> {
  if (!done.ok) return reportFailure(io, done.error, id, model);
  const inc = done.value.value;
  if (json) {
    io.out(JSON.stringify({ etag: done.value.etag, value: inc, version: done.value.saved.version }, null, 2));
    return EXIT.ok;
  }
  io.out(`${io.style.green('✓')} ${say(inc)}`);
  const after = await store.readProgram(id);
  const view = after ? incidentView(after, inc.id, instant) : undefined;
  const warning = view ? overdueWarning(view, io.errStyle, id) : undefined;
  if (warning) io.err(warning);
  return EXIT.ok;
}

export interface OpenOptions extends Common, RoleOptions {
  id?: string;
  title: string;
  severity: string;
  service: string[];
  impactStart?: string;
  impact?: string;
  customers?: number;
}

export async function incidentOpenCommand(io: CliIo, target: string, o: OpenOptions): Promise<number> {
  const now = instantOption(io, o.at);
  if ('error' in now) return usage(io, now.error);
  const severity = o.severity.toUpperCase();
  if (!(SEVERITIES as readonly string[]).includes(severity))
    return usage(io, `--severity "${o.severity}" is none of ${SEVERITIES.join(', ')}`);
  const impactStart = o.impactStart === undefined ? undefined : instantOption(io, o.impactStart, '--impact-start');
  if (impactStart && 'error' in impactStart) return usage(io, impactStart.error);
  if (o.customers !== undefined && o.impact === undefined) return usage(io, '--customers goes with --impact "what customers saw"');
  return withStoredProgram(io, target, `throughline incident open ${target}`, async (store, model, id) => {
    const done = await openIncident(
      store,
      id,
      {
        ...(o.id === undefined ? {} : { id: o.id }),
        title: o.title,
        severity: severity as Severity,
        startedAt: now.toISOString(),
        ...(impactStart ? { impactStartedAt: impactStart.toISOString() } : {}),
        services: o.service,
        roles: rolesOf(o),
        ...(o.impact === undefined
          ? {}
          : { impact: { description: o.impact, ...(o.customers === undefined ? {} : { customers: o.customers }) } }),
      },
      cliMeta(io, 'incident open'),
    );
    return finishWrite(io, done, store, id, model, now, o.json, (inc) => {
      const cadence = severitiesOf(model)[inc.severity].updateCadenceMinutes;
      return `${inc.id} opened: ${inc.severity} "${inc.title}", ${inc.status} since ${plainAt(inc.startedAt)}${cadence ? `; stakeholder updates every ${cadence} min` : ''}`;
    });
  });
}

export async function incidentLogCommand(
  io: CliIo,
  target: string,
  incident: string,
  kind: string,
  words: string[],
  o: Common & { author?: string },
): Promise<number> {
  const now = instantOption(io, o.at);
  if ('error' in now) return usage(io, now.error);
  if (!(TIMELINE_KINDS as readonly string[]).includes(kind))
    return usage(io, `"${kind}" is no timeline entry kind; use one of ${TIMELINE_KINDS.join(', ')}`);
  return withStoredProgram(io, target, `throughline incident log ${target}`, async (store, model, id) => {
    const done = await logTimeline(
      store,
      id,
      incident,
      { kind: kind as TimelineKind, text: words.join(' '), at: now.toISOString(), author: o.author ?? defaultActor(io) },
      cliMeta(io, 'incident log'),
    );
    return finishWrite(io, done, store, id, model, now, o.json, (inc) => `${inc.id}: ${kind} logged at ${plainAt(now.toISOString())}`);
  });
}

export async function incidentUpdateCommand(
  io: CliIo,
  target: string,
  incident: string,
  words: string[],
  o: Common & { audience?: string; author?: string },
): Promise<number> {
  const now = instantOption(io, o.at);
  if ('error' in now) return usage(io, now.error);
  if (words.join(' ').trim() === '')
    return usage(io, 'write the update, e.g. "Sign-in is failing for some customers; next update in 30 min"');
  return withStoredProgram(io, target, `throughline incident update ${target}`, async (store, model, id) => {
    const done = await postUpdate(
      store,
      id,
      incident,
      { audience: o.audience ?? 'stakeholders', text: words.join(' '), at: now.toISOString(), author: o.author ?? defaultActor(io) },
      cliMeta(io, 'incident update'),
    );
    return finishWrite(io, done, store, id, model, now, o.json, (inc) => {
      const after = incidentView({ ...model, incidents: [inc] }, inc.id, now);
      return `${inc.id}: update to ${o.audience ?? 'stakeholders'} recorded at ${plainAt(now.toISOString())}${after?.nextUpdateDue ? `; next due ${plainAt(after.nextUpdateDue)}` : ''}`;
    });
  });
}

export async function incidentStatusCommand(
  io: CliIo,
  target: string,
  incident: string,
  status: string,
  o: Common & { reason?: string; author?: string },
): Promise<number> {
  const now = instantOption(io, o.at);
  if ('error' in now) return usage(io, now.error);
  if (!(INCIDENT_STATUSES as readonly string[]).includes(status))
    return usage(io, `"${status}" is no status; use one of ${INCIDENT_STATUSES.join(', ')}`);
  return withStoredProgram(io, target, `throughline incident status ${target}`, async (store, model, id) => {
    const done = await setIncidentStatus(
      store,
      id,
      incident,
      {
        status: status as IncidentStatus,
        at: now.toISOString(),
        ...(o.reason === undefined ? {} : { text: o.reason }),
        author: o.author ?? defaultActor(io),
      },
      cliMeta(io, 'incident status'),
    );
    return finishWrite(io, done, store, id, model, now, o.json, (inc) => `${inc.id} is now ${inc.status} (${plainAt(now.toISOString())})`);
  });
}

export async function incidentResolveCommand(
  io: CliIo,
  target: string,
  incident: string,
  words: string[],
  o: Common & { author?: string },
): Promise<number> {
  const now = instantOption(io, o.at);
  if ('error' in now) return usage(io, now.error);
  return withStoredProgram(io, target, `throughline incident resolve ${target}`, async (store, model, id) => {
    const done = await resolveIncident(
      store,
      id,
      incident,
      { at: now.toISOString(), text: words.join(' '), author: o.author ?? defaultActor(io) },
      cliMeta(io, 'incident resolve'),
    );
    return finishWrite(io, done, store, id, model, now, o.json, (inc) => {
      const view = incidentView({ ...model, incidents: [inc] }, inc.id, now);
      const ttr = view?.metrics.timeToResolveMs;
      return (
        `${inc.id} resolved at ${plainAt(now.toISOString())}${ttr ? `, ${Math.round(ttr / 60_000)} min after it began` : ''}.` +
        `\n  Next: throughline postmortem draft ${id} ${inc.id}`
      );
    });
  });
}

export async function incidentAssignCommand(io: CliIo, target: string, incident: string, o: Common & RoleOptions): Promise<number> {
  const roles = rolesOf(o);
  if (Object.keys(roles).length === 0)
    return usage(io, 'name someone: --commander, --comms, --ops or --scribe (an empty name clears the role)');
  return withStoredProgram(io, target, `throughline incident assign ${target}`, async (store, model, id) => {
    const done = await assignRoles(store, id, incident, roles, cliMeta(io, 'incident assign'));
    return finishWrite(
      io,
      done,
      store,
      id,
      model,
      io.now(),
      o.json,
      (inc) =>
        `${inc.id}: ${
          INCIDENT_ROLES.filter((r) => inc.roles[r] !== undefined)
            .map((r) => `${ROLE_LABEL[r]} ${inc.roles[r]}`)
            .join(' · ') || 'no one in a role'
        }`,
    );
  });
}
