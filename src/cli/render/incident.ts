import type { ReliabilityEditError } from '../../app/reliability/incident-edit.js';
import type { IncidentMetricsReport } from '../../app/reliability/incident-metrics-report.js';
import type { IncidentView } from '../../app/reliability/incident-view.js';
import { INCIDENT_ROLES, type Incident, type IncidentRole } from '../../domain/incident.js';
import { plainTime } from '../../engine/incidents/executive-update.js';
import type { Style } from './style.js';
import { table } from './table.js';

/** "42 min", "1 h 42 min", "2 d 3 h": whole minutes, as a person says them. */
export function formatMinutes(minutes: number): string {
  const m = Math.round(minutes);
  if (m < 60) return `${m} min`;
  if (m < 24 * 60) return m % 60 === 0 ? `${m / 60} h` : `${Math.floor(m / 60)} h ${m % 60} min`;
  const h = Math.round(m / 60);
  return h % 24 === 0 ? `${h / 24} d` : `${Math.floor(h / 24)} d ${h % 24} h`;
}

export const formatMs = (ms: number | null): string => (ms === null ? '—' : formatMinutes(ms / 60_000));

/** `2026-11-16 09:04 UTC` */
export const at = (iso: string): string => plainTime(Date.parse(iso));

export const ROLE_LABEL: Readonly<Record<IncidentRole, string>> = {
  incidentCommander: 'Commander',
  communicationsLead: 'Comms',
  opsLead: 'Ops',
  scribe: 'Scribe',
};

const severity = (s: Style, sev: string) => (sev === 'SEV1' || sev === 'SEV2' ? s.red(sev) : sev === 'SEV3' ? s.yellow(sev) : sev);
const status = (s: Style, st: string) => (st === 'resolved' ? s.green(st) : st === 'monitoring' ? s.cyan(st) : s.yellow(st));

/** The overdue-update warning, or undefined when updates are on time or none are scheduled. */
export function overdueWarning(view: IncidentView, s: Style, program: string): string | undefined {
  if (view.updateOverdueMinutes === null || view.updateOverdueMinutes <= 0 || view.nextUpdateDue === null) return undefined;
  return (
    `${s.red('⚠ stakeholder update overdue')} by ${formatMinutes(view.updateOverdueMinutes)}: it was due ${at(view.nextUpdateDue)} ` +
    `(${view.incident.severity}: every ${view.severity.updateCadenceMinutes} min).\n` +
    s.dim(`  post one: throughline incident update ${program} ${view.incident.id} "what changed, what's next"`)
  );
}

export function renderIncidentView(view: IncidentView, s: Style, program: string): string {
  const inc = view.incident;
  const out = [`${s.bold(inc.id)}  ${severity(s, inc.severity)}  ${status(s, inc.status)}  ${s.bold(inc.title)}`];
  out.push(
    `Opened ${at(inc.startedAt)}${inc.impactStartedAt ? `, impact from ${at(inc.impactStartedAt)}` : ''}` +
      `${inc.services.length > 0 ? ` · services: ${inc.services.join(', ')}` : ''}`,
  );
  out.push(`Roles: ${INCIDENT_ROLES.map((r) => `${ROLE_LABEL[r]} ${inc.roles[r] ?? s.dim('—')}`).join(' · ')}`);
  if (inc.impact)
    out.push(
      `Impact: ${inc.impact.description}${inc.impact.customers !== undefined ? ` (${inc.impact.customers.toLocaleString('en-US')} customers)` : ''}`,
    );
  const m = view.metrics;
  out.push(
    `Time to detect ${formatMs(m.timeToDetectMs)} · acknowledge ${formatMs(m.timeToAcknowledgeMs)} · ` +
      `mitigate ${formatMs(m.timeToMitigateMs)} · resolve ${formatMs(m.timeToResolveMs)}`,
  );
  const warning = overdueWarning(view, s, program);
  if (warning) out.push(warning);
  else if (view.nextUpdateDue !== null)
    out.push(`Next stakeholder update due ${at(view.nextUpdateDue)} (every ${view.severity.updateCadenceMinutes} min)`);
  out.push('', s.bold(`Timeline (${inc.timeline.length})`));
  out.push(
    inc.timeline.length === 0
      ? s.dim('  nothing logged yet: throughline incident log PROGRAM ID detected "what we saw"')
      : table(
          ['TIME (UTC)', 'EVENT', 'WHAT', 'BY'],
          inc.timeline.map((e) => [at(e.at).replace(' UTC', ''), e.kind, e.text, e.author ?? '']),
        ),
  );
  out.push('', s.bold(`Stakeholder updates (${inc.updates.length})`));
  if (inc.updates.length > 0)
    out.push(
      table(
        ['TIME (UTC)', 'TO', 'UPDATE'],
        inc.updates.map((u) => [at(u.at).replace(' UTC', ''), u.audience, u.text]),
      ),
    );
  else out.push(s.dim('  none sent yet'));
  out.push('', `Next status: ${view.nextStatuses.join(', ')}${inc.status === 'resolved' ? ' (a reopen, with --reason)' : ''}`);
  if (view.postmortems.length > 0) out.push(`Post-mortems: ${view.postmortems.join(', ')}`);
  else if (inc.status === 'resolved') out.push(s.dim(`No post-mortem yet: throughline postmortem draft ${program} ${inc.id}`));
  return out.join('\n');
}

export function renderIncidentList(views: readonly IncidentView[], s: Style): string {
  if (views.length === 0) return 'No incidents.';
  const open = views.filter((v) => v.incident.status !== 'resolved').length;
  const rows = views.map((v) => {
    const i: Incident = v.incident;
    const update =
      v.updateOverdueMinutes !== null && v.updateOverdueMinutes > 0
        ? s.red(`overdue ${formatMinutes(v.updateOverdueMinutes)}`)
        : v.nextUpdateDue === null
          ? '—'
          : `due ${at(v.nextUpdateDue).slice(11)}`;
    return [
      i.id,
      severity(s, i.severity),
      status(s, i.status),
      i.title.length > 48 ? `${i.title.slice(0, 47)}…` : i.title,
      i.services.join(' '),
      at(i.startedAt).replace(' UTC', ''),
      formatMs(v.metrics.timeToResolveMs),
      update,
    ];
  });
  return [
    `${views.length} incident${views.length === 1 ? '' : 's'}, ${open} open`,
    '',
    table(['ID', 'SEV', 'STATUS', 'TITLE', 'SERVICES', 'OPENED (UTC)', 'TTR', 'NEXT UPDATE'], rows),
  ].join('\n');
}

export function renderIncidentMetrics(r: IncidentMetricsReport, s: Style): string {
  const out = [s.bold(`${r.count} incident${r.count === 1 ? '' : 's'}`), ''];
  out.push(
    table(
      ['SEVERITY', 'COUNT', 'OPEN', 'MTTR'],
      r.bySeverity.map((x) => [x.severity, String(x.count), String(x.open), formatMs(x.mttrMs)]),
      [1, 2, 3],
    ),
  );
  if (r.byService.length > 0) {
    out.push(
      '',
      table(
        ['SERVICE', 'COUNT', 'OPEN'],
        r.byService.map((x) => [x.service, String(x.count), String(x.open)]),
        [1, 2],
      ),
    );
  }
  if (r.budgetConsumed.length > 0) {
    out.push('', s.bold('Error budget consumed over each incident'));
    out.push(
      table(
        ['INCIDENT', 'SLO', 'CONSUMED', 'OF BUDGET', 'FROM'],
        r.budgetConsumed.map((b) => [
          b.incident,
          b.slo,
          `${b.unit === 'events' ? `${b.consumed.toLocaleString('en-US')} bad events` : formatMinutes(b.consumed)}${b.ongoing ? ' so far' : ''}`,
          `${(b.fraction * 100).toFixed(0)} %${b.fraction >= 1 ? ` ${s.red('exhausted')}` : ''}`,
          b.source === 'sli-data' ? 'SLI data' : 'impact minutes, all counted bad',
        ]),
        [2, 3],
      ),
    );
  }
  return out.join('\n');
}

const words = (entity: string) => (entity === 'postmortem' ? 'post-mortem' : entity);

/** One line (or a few) saying what is wrong with a reliability write and how to fix it. */
export function describeReliabilityError(e: ReliabilityEditError, program: string): string {
  switch (e.kind) {
    case 'no-program':
      return `no program "${program}"`;
    case 'not-found':
      return `no ${words(e.entity)} "${e.key}" in ${program}`;
    case 'exists':
      return `${program} has a ${words(e.entity)} "${e.key}" already; pick another id (--id)`;
    case 'conflict':
      return 'someone changed it meanwhile; read it again and retry';
    case 'invalid':
      return `cannot save:\n${e.errors.map((x) => `  ${x.field}: ${x.message}`).join('\n')}`;
    case 'illegal-transition':
      return `${e.message}\n  hint: ${e.hint}`;
  }
}
