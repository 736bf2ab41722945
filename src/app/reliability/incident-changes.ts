import { fieldErrors } from '../../domain/field-errors.js';
import type { ProgramId } from '../../domain/ids.js';
import {
  INCIDENT_STATUSES,
  type Incident,
  type IncidentImpact,
  type IncidentRole,
  type IncidentStatus,
  type Severity,
  stakeholderUpdateSchema,
  type TimelineEntry,
  type TimelineKind,
  timelineEntrySchema,
} from '../../domain/incident.js';
import type { ProgramModel } from '../../domain/program-model.js';
import { err, ok, type Result } from '../../domain/result.js';
import { changeStatus } from '../../engine/incidents/status-transitions.js';
import type { ChangeMeta, ProgramStore } from '../../store/program-store.js';
import { createEntity, invalid, type ReliabilityEditError, rewriteEntity, type Saved } from './incident-edit.js';

const incidents = (m: ProgramModel) => m.incidents;

/**
 * The next id in the program's own numbering, taken when a declaration names none: after the newest
 * incident's `inc-2027-014` comes `inc-2027-015` (prefix and zero padding kept), after `inc-101`
 * `inc-102`; `inc-1` when no id ends in a number.
 */
export function nextIncidentId(model: ProgramModel): string {
  const pattern = /^(.*?)(\d+)$/;
  const newestFirst = [...model.incidents].sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt)).map((i) => i.id as string);
  const newest = newestFirst.map((id) => pattern.exec(id)).find((m) => m !== null);
  const prefix = newest?.[1] ?? 'inc-';
  const width = newest?.[2]?.length ?? 1;
  let max = 0;
  for (const id of newestFirst) {
    const m = pattern.exec(id);
    if (m && m[1] === prefix) max = Math.max(max, Number(m[2]));
  }
  const taken = new Set(newestFirst);
  let n = max + 1;
  while (taken.has(`${prefix}${String(n).padStart(width, '0')}`)) n++;
  return `${prefix}${String(n).padStart(width, '0')}`;
}

/** The statuses an incident may move to next: any later one, or back to investigating once resolved (a reopen, with a reason). */
export function nextStatuses(from: IncidentStatus): IncidentStatus[] {
  const rank = INCIDENT_STATUSES.indexOf(from);
  const later = INCIDENT_STATUSES.filter((_, i) => i > rank);
  return from === 'resolved' ? ['investigating'] : later;
}

/** Keeps a timeline or the updates in time order; entries at the same instant stay in the order they were written. */
function withEntry<T extends { readonly at: string }>(list: readonly T[], entry: T): T[] {
  const at = Date.parse(entry.at);
  const i = list.findIndex((e) => Date.parse(e.at) > at);
  return i < 0 ? [...list, entry] : [...list.slice(0, i), entry, ...list.slice(i)];
}

export interface OpenIncidentInput {
  /** Default: the next `inc-N`. */
  readonly id?: string;
  readonly title: string;
  readonly severity: Severity;
  /** When it was declared, ISO with zone. */
  readonly startedAt: string;
  readonly impactStartedAt?: string;
  readonly services?: readonly string[];
  readonly roles?: Partial<Record<IncidentRole, string>>;
  readonly impact?: IncidentImpact;
  readonly status?: IncidentStatus;
  /** First timeline entries, e.g. who declared it; kept in time order. */
  readonly timeline?: readonly TimelineInput[];
}

/** Declares an incident. Without an id it takes the next `inc-N`, trying the one after if a concurrent open took it. */
export async function openIncident(
  store: ProgramStore,
  programId: ProgramId,
  input: OpenIncidentInput,
  meta: ChangeMeta,
): Promise<Result<Saved<Incident>, ReliabilityEditError>> {
  for (let attempt = 0; attempt < 3; attempt++) {
    let id = input.id;
    if (id === undefined) {
      const model = await store.readProgram(programId);
      if (!model) return err({ kind: 'no-program' });
      id = nextIncidentId(model);
    }
    const value = {
      id,
      title: input.title,
      severity: input.severity,
      status: input.status ?? 'investigating',
      startedAt: input.startedAt,
      ...(input.impactStartedAt === undefined ? {} : { impactStartedAt: input.impactStartedAt }),
      roles: input.roles ?? {},
      services: [...(input.services ?? [])],
      timeline: [...(input.timeline ?? [])].sort((a, b) => Date.parse(a.at) - Date.parse(b.at)),
      updates: [],
      ...(input.impact === undefined ? {} : { impact: input.impact }),
    };
    const done = await createEntity<Incident>(store, programId, 'incident', value, meta);
    if (!done.ok && done.error.kind === 'exists' && input.id === undefined) continue;
    return done;
  }
  return err({ kind: 'exists', entity: 'incident', key: input.id ?? 'inc-?' });
}

export interface TimelineInput {
  readonly kind: TimelineKind;
  readonly text: string;
  readonly at: string;
  readonly author?: string;
}

/** Adds a timestamped entry to an incident's timeline (kept in time order). */
export function logTimeline(
  store: ProgramStore,
  programId: ProgramId,
  incidentId: string,
  input: TimelineInput,
  meta: ChangeMeta,
  ifMatch?: string,
): Promise<Result<Saved<Incident>, ReliabilityEditError>> {
  const parsed = timelineEntrySchema.safeParse(input);
  if (!parsed.success) return Promise.resolve(err(invalid(fieldErrors(parsed.error.issues))));
  const entry = parsed.data;
  return rewriteEntity(
    store,
    programId,
    'incident',
    incidents,
    incidentId,
    (inc) => ok({ ...inc, timeline: withEntry(inc.timeline, entry) }),
    meta,
    ifMatch,
  );
}

export interface UpdateInput {
  readonly audience: string;
  readonly text: string;
  readonly at: string;
  readonly author?: string;
}

/** Records a stakeholder update as sent; it restarts the clock of the update cadence. */
export function postUpdate(
  store: ProgramStore,
  programId: ProgramId,
  incidentId: string,
  input: UpdateInput,
  meta: ChangeMeta,
  ifMatch?: string,
): Promise<Result<Saved<Incident>, ReliabilityEditError>> {
  const parsed = stakeholderUpdateSchema.safeParse(input);
  if (!parsed.success) return Promise.resolve(err(invalid(fieldErrors(parsed.error.issues))));
  const update = parsed.data;
  return rewriteEntity(
    store,
    programId,
    'incident',
    incidents,
    incidentId,
    (inc) => ok({ ...inc, updates: withEntry(inc.updates, update) }),
    meta,
    ifMatch,
  );
}

/** The milestone a status implies: monitoring means customers stopped being affected, resolved means fixed. */
const MILESTONE: Partial<Record<IncidentStatus, TimelineKind>> = { monitoring: 'mitigated', resolved: 'resolved' };

export interface StatusInput {
  readonly status: IncidentStatus;
  readonly at: string;
  /** Why; required to reopen a resolved incident. Also the text of the milestone entry. */
  readonly text?: string;
  readonly author?: string;
}

/** The incident after a status move, or why the move is not allowed (with the statuses that are). */
export function applyStatus(inc: Incident, input: StatusInput): Result<Incident, ReliabilityEditError> {
  const at = new Date(input.at);
  if (Number.isNaN(at.getTime()))
    return err(invalid([{ field: 'at', message: 'expected a date-time with its zone, e.g. 2027-03-15T09:30:00Z' }]));
  const moved = changeStatus(inc, {
    to: input.status,
    at,
    ...(input.author === undefined ? {} : { author: input.author }),
    ...(input.text === undefined ? {} : { reason: input.text }),
  });
  if (!moved.ok) {
    const allowed = nextStatuses(inc.status);
    return err({
      kind: 'illegal-transition',
      from: inc.status,
      to: input.status,
      allowed,
      message: `incident ${inc.id}: ${moved.error.message}; from ${inc.status} it can move to ${allowed.join(', ')}`,
      hint: moved.error.hint,
    });
  }
  // changeStatus appends its status-change entry; a move written after the fact goes where its time puts it.
  const logged = moved.value.timeline.at(-1);
  const timeline = logged === undefined ? moved.value.timeline : withEntry(inc.timeline, logged);
  const milestone = MILESTONE[input.status];
  if (milestone === undefined || timeline.some((e) => e.kind === milestone)) return ok({ ...moved.value, timeline });
  const entry: TimelineEntry = {
    at: at.toISOString(),
    kind: milestone,
    text: input.text?.trim() ?? '',
    ...(input.author === undefined ? {} : { author: input.author }),
  };
  return ok({ ...moved.value, timeline: withEntry(timeline, entry) });
}

/**
 * Moves an incident's status (forward, or a reopen with a reason), logging the status change, and
 * the mitigated or resolved milestone when the timeline does not have it yet.
 */
export function setIncidentStatus(
  store: ProgramStore,
  programId: ProgramId,
  incidentId: string,
  input: StatusInput,
  meta: ChangeMeta,
  ifMatch?: string,
): Promise<Result<Saved<Incident>, ReliabilityEditError>> {
  return rewriteEntity(store, programId, 'incident', incidents, incidentId, (inc) => applyStatus(inc, input), meta, ifMatch);
}

/** Resolves an incident: the status move to resolved, with its milestone. */
export function resolveIncident(
  store: ProgramStore,
  programId: ProgramId,
  incidentId: string,
  input: Omit<StatusInput, 'status'>,
  meta: ChangeMeta,
  ifMatch?: string,
): Promise<Result<Saved<Incident>, ReliabilityEditError>> {
  return setIncidentStatus(store, programId, incidentId, { ...input, status: 'resolved' }, meta, ifMatch);
}

/** Names people in incident roles; an empty name clears the role. */
export function assignRoles(
  store: ProgramStore,
  programId: ProgramId,
  incidentId: string,
  roles: Partial<Record<IncidentRole, string>>,
  meta: ChangeMeta,
  ifMatch?: string,
): Promise<Result<Saved<Incident>, ReliabilityEditError>> {
  return rewriteEntity(
    store,
    programId,
    'incident',
    incidents,
    incidentId,
    (inc) => {
      const next: Partial<Record<IncidentRole, string>> = {};
      for (const [role, name] of Object.entries(inc.roles) as [IncidentRole, string | undefined][])
        if (name !== undefined) next[role] = name;
      for (const [role, name] of Object.entries(roles) as [IncidentRole, string | undefined][]) {
        if (name === undefined) continue;
        if (name.trim() === '') delete next[role];
        else next[role] = name.trim();
      }
      return ok({ ...inc, roles: next });
    },
    meta,
    ifMatch,
  );
}
