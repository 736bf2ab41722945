import { daysBetween } from '../domain/calendar-date.js';
import { type Incident, SEVERITIES, withSeverityOverrides } from '../domain/incident.js';
import type { ProgramModel } from '../domain/program-model.js';
import { incidentDurations } from '../engine/incidents/incident-metrics.js';
import { updateDue } from '../engine/incidents/update-cadence.js';
import type { ReliabilitySection, SloState } from '../formats/report/reliability-section.js';
import { dayIn } from './day-in-zone.js';
import { programFunnel } from './reliability/funnel-view.js';
import { postmortemList } from './reliability/postmortem-view.js';
import type { ProgramSloStatus } from './reliability/slo-status.js';
import { sloStatus } from './reliability/slo-status.js';

export interface ReliabilityRequest {
  /** The instant described (`statusInstant`), epoch ms. */
  readonly atMs: number;
  /** Start of the reporting period, epoch ms (exclusive), and its label (a date). */
  readonly sinceMs: number;
  readonly since: string;
  /** SLO status from stored SLI data; without it every SLO shows "no data yet". */
  readonly sloStatuses?: readonly ProgramSloStatus[];
}

const MINUTE_MS = 60_000;
const SEVERITY_RANK: Readonly<Record<string, number>> = Object.fromEntries(SEVERITIES.map((s, i) => [s, i]));
const STATE_RANK: Readonly<Record<SloState, number>> = { exhausted: 0, page: 1, ticket: 2, ok: 3, 'no-data': 4 };

/** Does the program have a reliability side at all? Programs without one get no section. */
export function hasReliability(model: ProgramModel): boolean {
  return model.services.length + model.slos.length + model.incidents.length + model.postmortems.length > 0;
}

const isMajor = (i: Incident) => i.severity === 'SEV1' || i.severity === 'SEV2';
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const listOf = (parts: readonly string[]) =>
  parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;

function sloState(s: ProgramSloStatus): SloState {
  const b = s.budget;
  if (b === null) return 'no-data';
  if (b.exhausted) return 'exhausted';
  return b.alert ?? 'ok';
}

/** The reliability section of the status report at `atMs`. */
export function reliabilitySection(model: ProgramModel, request: ReliabilityRequest): ReliabilitySection {
  const { atMs } = request;
  const now = new Date(atMs);
  const teamName = new Map(model.teams.map((t) => [t.id as string, t.name]));
  const definitions = withSeverityOverrides(model.program.severities ?? []);

  const open = model.incidents
    .filter((i) => i.status !== 'resolved' && Date.parse(i.startedAt) <= atMs)
    .sort((a, b) => (SEVERITY_RANK[a.severity] ?? 9) - (SEVERITY_RANK[b.severity] ?? 9) || a.startedAt.localeCompare(b.startedAt));
  const openIncidents = open.map((i) => {
    const due = updateDue(i, atMs, definitions);
    return {
      id: i.id,
      title: i.title,
      severity: i.severity,
      status: i.status,
      startedAt: i.startedAt,
      openForMinutes: Math.max(0, (atMs - Date.parse(i.startedAt)) / MINUTE_MS),
      commander: i.roles.incidentCommander ?? null,
      updateOverdueMinutes: due.overdue ? due.overdueMinutes : null,
    };
  });

  const given = new Map((request.sloStatuses ?? []).map((s) => [s.id as string, s]));
  const statuses = model.slos.map((s) => given.get(s.id) ?? sloStatus(s, undefined, atMs));
  const slos = statuses
    .map((s) => {
      const b = s.budget;
      return {
        id: s.id as string,
        name: s.name,
        service: s.service,
        objective: s.objective,
        window: s.window,
        state: sloState(s),
        budgetLeft: b === null || b.total <= 0 ? null : b.remaining / b.total,
        exhaustsInMinutes: b?.timeToExhaustionMs == null || b.exhausted ? null : b.timeToExhaustionMs / MINUTE_MS,
        notComputed: s.notComputed,
      };
    })
    .sort((a, b) => STATE_RANK[a.state] - STATE_RANK[b.state]);

  const exhausted = slos.filter((s) => s.state === 'exhausted');
  const funnel = programFunnel(
    { ...model, incidents: model.incidents.filter((i) => Date.parse(i.startedAt) <= atMs) },
    now,
    exhausted.map((s) => s.id),
  );

  const today = dayIn(model.program.calendar.timezone, now);
  const postmortems = postmortemList(model, now)
    .filter((pm) => pm.open.length > 0)
    .map((pm) => ({
      id: pm.id,
      incident: pm.incident,
      title: pm.title,
      open: pm.open
        .map((a) => ({
          id: a.id,
          title: a.title,
          team: teamName.get(a.ownerTeam) ?? a.ownerTeam,
          due: a.due,
          level: a.level,
          overdueDays: a.overdue ? daysBetween(a.due, today) : 0,
        }))
        .sort((a, b) => b.overdueDays - a.overdueDays || a.due.localeCompare(b.due)),
    }))
    .sort((a, b) => (b.open[0]?.overdueDays ?? 0) - (a.open[0]?.overdueDays ?? 0) || a.id.localeCompare(b.id));

  // The period: incidents opened after `sinceMs` up to the instant; MTTR over those resolved.
  const inPeriod = model.incidents.filter((i) => {
    const t = Date.parse(i.startedAt);
    return t > request.sinceMs && t <= atMs;
  });
  const resolveTimes = inPeriod.flatMap((i) => {
    const ttr = i.status === 'resolved' ? incidentDurations(i).timeToResolve : null;
    return ttr === null ? [] : [ttr];
  });

  // "Is anything on fire?": major incidents, spent budgets and page-rate burns, in that order.
  const paging = slos.filter((s) => s.state === 'page');
  const majors = openIncidents.filter((i) => i.severity === 'SEV1' || i.severity === 'SEV2');
  const fires = [
    ...majors.map(
      (i) =>
        `${i.severity} "${i.title}" has been open for ${minutesPhrase(i.openForMinutes)}${i.commander ? ` (commander ${i.commander})` : ''}`,
    ),
    ...(exhausted.length > 0
      ? [
          exhausted.length === 1
            ? `SLO "${exhausted[0]?.name}" has used all of its error budget`
            : `${exhausted.length} SLOs have used all of their error budget (${listOf(exhausted.map((s) => `"${s.name}"`))})`,
        ]
      : []),
    ...paging.map((s) => `SLO "${s.name}" is burning its error budget fast enough to page`),
  ];
  const minor = open.filter((i) => !isMajor(i)).length;
  const judged = slos.filter((s) => s.state !== 'no-data').length;
  const calm = [
    minor > 0 ? `no major incident is open (${plural(minor, 'minor one')} being handled)` : 'no incident is open',
    ...(model.slos.length === 0
      ? []
      : judged === 0
        ? ['no SLO has data yet to judge its error budget']
        : [`${judged === slos.length ? 'every SLO' : `every SLO with data (${judged} of ${slos.length})`} is within its error budget`]),
  ];
  // Not on fire, yet level 1 can still be broken by overdue fixes: say so, or the funnel below reads as a contradiction.
  const lateFixes = funnel.reasons.filter((r) => r.kind === 'overdue-action-item').length;
  const latePatches = funnel.reasons.filter((r) => r.kind === 'overdue-security-patch').length;
  const stillBroken = [
    ...(lateFixes > 0
      ? [`${plural(lateFixes, 'level-1 post-mortem fix', 'level-1 post-mortem fixes')} ${lateFixes === 1 ? 'is' : 'are'} overdue`]
      : []),
    ...(latePatches > 0
      ? [`${plural(latePatches, 'security patch', 'security patches')} ${latePatches === 1 ? 'is' : 'are'} overdue`]
      : []),
  ];
  const headline =
    fires.length > 0
      ? `Yes: ${listOf(fires)}.`
      : `No: ${listOf(calm)}.${stillBroken.length > 0 ? ` But Stability is not restored: ${listOf(stillBroken)}.` : ''}`;

  return {
    headline,
    onFire: fires.length > 0,
    at: now.toISOString(),
    openIncidents,
    slos,
    funnel: {
      level1Broken: funnel.level1Broken,
      reasons: funnel.reasons.map((r) => r.message),
      stop: funnel.flagged.map((f) => ({ id: f.item, title: f.title, team: f.team === null ? null : (teamName.get(f.team) ?? f.team) })),
      inProgress: funnel.levels.map((l) => ({ level: l.level, name: l.name, count: l.inProgress })),
    },
    postmortems,
    period: {
      since: request.since,
      incidents: inPeriod.length,
      bySeverity: SEVERITIES.map((severity) => ({ severity, count: inPeriod.filter((i) => i.severity === severity).length })).filter(
        (s) => s.count > 0,
      ),
      mttrMinutes: resolveTimes.length === 0 ? null : resolveTimes.reduce((a, b) => a + b, 0) / resolveTimes.length,
    },
  };
}

/** "42 minutes", "3 hours", "2 days". */
function minutesPhrase(minutes: number): string {
  if (minutes < 90) return plural(Math.round(minutes), 'minute');
  if (minutes < 48 * 60) return plural(Math.round(minutes / 60), 'hour');
  return plural(Math.round(minutes / 1440), 'day');
}
