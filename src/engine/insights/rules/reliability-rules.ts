import { daysBetween } from '../../../domain/calendar-date.js';
import { type Incident, withSeverityOverrides } from '../../../domain/incident.js';
import type { ProgramModel } from '../../../domain/program-model.js';
import { computeFunnel, type Level1Reason } from '../../incidents/funnel.js';
import { openActionItems, workItemIdFor } from '../../incidents/postmortem-actions.js';
import { updateDue } from '../../incidents/update-cadence.js';
import type { Finding } from '../finding.js';
import { FINISHED_STATES, type InsightInput, judgedAt, teamName } from '../insight-input.js';

const MINUTE_MS = 60_000;

/** "45 minutes", "3 h 20 min", "2 days 4 h": a span of time for a person. */
export function spanText(ms: number): string {
  const minutes = Math.round(ms / MINUTE_MS);
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h${minutes % 60 === 0 ? '' : ` ${minutes % 60} min`}`;
  const days = Math.floor(hours / 24);
  return `${days} days${hours % 24 === 0 ? '' : ` ${hours % 24} h`}`;
}

/** Incidents opened at or before the instant and not resolved. */
export function openIncidentsAt(model: ProgramModel, nowMs: number): Incident[] {
  return model.incidents.filter((i) => i.status !== 'resolved' && Date.parse(i.startedAt) <= nowMs);
}

/**
 * Why level 1 (Stability) is broken at the instant (engine/incidents/funnel.ts): open SEV1/SEV2
 * incidents, exhausted error budgets, overdue level-1 post-mortem action items and security patches.
 */
export function level1Reasons(input: InsightInput): readonly Level1Reason[] {
  const nowMs = judgedAt(input);
  return computeFunnel({
    incidents: openIncidentsAt(input.model, nowMs),
    exhaustedBudgets: (input.sloBudgets ?? []).filter((b) => b.exhausted).map((b) => b.id),
    items: input.model.items,
    now: nowMs,
    timeZone: input.nowMs === undefined ? 'UTC' : input.model.program.calendar.timezone,
  }).reasons;
}

const serviceTeam = (model: ProgramModel, service: string) => model.services.find((s) => s.id === service)?.team as string | undefined;
const budgetAmount = (n: number, unit: 'events' | 'minutes') =>
  unit === 'minutes' ? `${Math.round(Math.abs(n) * 10) / 10} min` : `${Math.round(Math.abs(n)).toLocaleString('en-US')} events`;

/** An SLO whose budget is spent: by the usual error budget policy, risky changes to its service stop. */
export function sloBudgetExhausted(input: InsightInput): Finding[] {
  const { model } = input;
  return (input.sloBudgets ?? [])
    .filter((b) => b.exhausted)
    .map((b): Finding => {
      const team = serviceTeam(model, b.service);
      const over = b.remaining < 0 ? `, overspent by ${budgetAmount(b.remaining, b.unit)}` : '';
      return {
        rule: 'slo-budget-exhausted',
        key: `slo-budget-exhausted:${b.id}`,
        severity: 'high',
        title: `SLO "${b.name}" has used all of its error budget`,
        explanation: `"${b.name}" (service ${b.service}, ${teamName(model, team)}) has spent ${budgetAmount(b.consumed, b.unit)} against an error budget of ${budgetAmount(b.total, b.unit)} in its window${over}. Level 1 (Stability) counts as broken while it lasts.`,
        action: `Hold risky changes to ${b.service} and put ${teamName(model, team)} on reliability work until the budget recovers; say so in the next update.`,
        items: [],
        teams: team ? [team] : [],
      };
    });
}

/** A page-level burn (SRE Workbook: 14.4× over 1 h or 6× over 6 h) that has not yet spent the budget. */
export function sloBurnPage(input: InsightInput): Finding[] {
  const { model } = input;
  return (input.sloBudgets ?? [])
    .filter((b) => !b.exhausted && b.alert === 'page')
    .map((b): Finding => {
      const team = serviceTeam(model, b.service);
      const rate = b.firing
        ? `${Math.round(b.firing.burnRate * 10) / 10}× the sustainable rate over the last ${spanText(b.firing.longWindowMs)}`
        : 'at page rate';
      const left = b.timeToExhaustionMs !== null ? `; at this rate the rest is gone in ${spanText(b.timeToExhaustionMs)}` : '';
      return {
        rule: 'slo-burn-page',
        key: `slo-burn-page:${b.id}`,
        severity: 'high',
        title: `SLO "${b.name}" is burning its error budget fast enough to page`,
        explanation: `"${b.name}" (service ${b.service}, ${teamName(model, team)}) is spending its error budget at ${rate}, with ${budgetAmount(b.remaining, b.unit)} of ${budgetAmount(b.total, b.unit)} left${left}.`,
        action: `Check that ${teamName(model, team)} is on it (an incident open, someone paged); if not, open one now.`,
        items: [],
        teams: team ? [team] : [],
      };
    });
}

/** Stakeholders hear nothing past the severity's cadence: the update is overdue. */
export function incidentUpdateOverdue(input: InsightInput): Finding[] {
  const { model } = input;
  const nowMs = judgedAt(input);
  const definitions = withSeverityOverrides(model.program.severities ?? []);
  return openIncidentsAt(model, nowMs).flatMap((incident): Finding[] => {
    const due = updateDue(incident, nowMs, definitions);
    if (!due.overdue) return [];
    const commander = incident.roles.incidentCommander;
    const comms = incident.roles.communicationsLead ?? commander;
    const major = incident.severity === 'SEV1' || incident.severity === 'SEV2';
    return [
      {
        rule: 'incident-update-overdue',
        key: `incident-update-overdue:${incident.id}`,
        severity: major ? 'high' : 'medium',
        title: `${incident.severity} incident "${incident.title}": the stakeholder update is ${spanText(due.overdueMinutes * MINUTE_MS)} overdue`,
        explanation: `${incident.id} is ${incident.status}; ${incident.severity} updates go out every ${spanText((due.cadenceMinutes ?? 0) * MINUTE_MS)}, and the last one was ${spanText(nowMs - due.lastUpdateAt)} ago${commander ? ` (commander ${commander})` : ', and no commander is named'}.`,
        action: `${comms ? `Ask ${comms} to send` : 'Send'} an update now, even if nothing changed: what is affected, what is being done, when the next update comes.`,
        items: [],
        teams: [],
      },
    ];
  });
}

/** Post-mortem action items still open after their due day: the fix that stops a repeat is late. */
export function actionItemOverdue(input: InsightInput): Finding[] {
  const { model, asOf } = input;
  const state = new Map(model.items.map((i) => [i.id as string, i.state]));
  return model.postmortems.flatMap((pm) => {
    const incident = model.incidents.find((i) => i.id === pm.incident);
    return openActionItems(pm).flatMap((a): Finding[] => {
      const itemId = workItemIdFor(pm, a);
      const days = daysBetween(a.due, asOf);
      if (days <= 0 || FINISHED_STATES.has(state.get(itemId) ?? '')) return [];
      const team = teamName(model, a.ownerTeam);
      return [
        {
          rule: 'action-item-overdue',
          key: `action-item-overdue:${itemId}`,
          severity: a.level === 1 ? 'high' : 'medium',
          title: `Post-mortem action "${a.title}" is ${days} day${days === 1 ? '' : 's'} overdue`,
          explanation: `Action item ${a.id} of post-mortem ${pm.id}${incident ? ` (${incident.severity} "${incident.title}")` : ''} was due ${a.due} and is still ${a.state === 'open' ? 'not started' : 'in progress'}; ${team} owns it (tracked as "${itemId}", level ${a.level}${a.level === 1 ? ', Stability: while it is overdue level 1 counts as broken' : ''}).`,
          action: `Ask ${team} for a new date and what is in the way, or cancel the action with a reason in the post-mortem.`,
          items: [itemId],
          teams: [a.ownerTeam],
        },
      ];
    });
  });
}
