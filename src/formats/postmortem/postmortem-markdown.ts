import {
  INCIDENT_ROLES,
  type Incident,
  type IncidentRole,
  POSTMORTEM_SECTION_TITLES,
  POSTMORTEM_SECTIONS,
  type Postmortem,
  type PostmortemSection,
} from '../../domain/incident.js';
import { PRIORITY_LEVELS } from '../../domain/work-item.js';
import { plainTime } from '../../engine/incidents/executive-update.js';
import { incidentDurations } from '../../engine/incidents/incident-metrics.js';

/** What the tracked work item of an action item says, keyed by action item id. */
export interface TrackedAction {
  readonly item: string;
  readonly itemState: string | null;
  readonly overdue: boolean;
}

const ROLE_TITLES: Readonly<Record<IncidentRole, string>> = {
  incidentCommander: 'Incident commander',
  communicationsLead: 'Communications lead',
  opsLead: 'Ops lead',
  scribe: 'Scribe',
};

/** A table cell: pipes escaped, line breaks folded. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const minutes = (m: number | null) => (m === null ? '—' : `${Math.round(m)} min`);

/**
 * The post-mortem as GitHub-flavoured Markdown: a header with the incident's facts (PagerDuty's
 * template keeps severity, duration and responders up top), then the blameless template's
 * sections in their order. An empty section says so rather than vanish: a reader sees it was
 * considered. Times are UTC, the same for every reader.
 */
export function postmortemMarkdown(pm: Postmortem, incident?: Incident, tracked: ReadonlyMap<string, TrackedAction> = new Map()): string {
  const out: string[] = [`# Post-mortem: ${incident?.title ?? pm.incident}`, ''];
  out.push('_Blameless: this review names systems and conditions, not people._', '');
  if (incident !== undefined) {
    const d = incidentDurations(incident);
    out.push('| | |', '|---|---|');
    out.push(`| Incident | ${cell(incident.id)} |`, `| Severity | ${incident.severity} |`, `| Status | ${incident.status} |`);
    out.push(`| Opened | ${plainTime(Date.parse(incident.startedAt))} |`);
    if (incident.services.length > 0) out.push(`| Services | ${cell(incident.services.join(', '))} |`);
    out.push(
      `| Time to detect | ${minutes(d.timeToDetect)} |`,
      `| Time to acknowledge | ${minutes(d.timeToAcknowledge)} |`,
      `| Time to mitigate | ${minutes(d.timeToMitigate)} |`,
      `| Time to resolve | ${minutes(d.timeToResolve)} |`,
    );
    for (const role of INCIDENT_ROLES) {
      const who = incident.roles[role];
      if (who !== undefined) out.push(`| ${ROLE_TITLES[role]} | ${cell(who)} |`);
    }
    out.push('');
  } else out.push(`Incident: ${pm.incident}`, '');
  for (const section of POSTMORTEM_SECTIONS) {
    out.push(`## ${POSTMORTEM_SECTION_TITLES[section]}`, '');
    out.push(...sectionBody(pm, section, tracked, incident), '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

const NONE = '_None written._';

function sectionBody(
  pm: Postmortem,
  section: PostmortemSection,
  tracked: ReadonlyMap<string, TrackedAction>,
  incident?: Incident,
): string[] {
  switch (section) {
    case 'summary':
      return [pm.summary];
    case 'impact':
      return [pm.impact.trim() === '' ? NONE : pm.impact];
    case 'timeline': {
      // A post-mortem written without its own timeline shows the incident's, and says so.
      const borrowed = pm.timeline.length === 0 && incident !== undefined && incident.timeline.length > 0;
      const source = borrowed ? (incident?.timeline ?? []) : pm.timeline;
      if (source.length === 0) return [NONE];
      const rows = [...source].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
      return [
        ...(borrowed ? [`_From the timeline of incident ${incident?.id}._`, ''] : []),
        '| Time (UTC) | Event | Detail |',
        '|---|---|---|',
        ...rows.map((e) => `| ${plainTime(Date.parse(e.at)).replace(' UTC', '')} | ${e.kind} | ${cell(e.text)} |`),
      ];
    }
    case 'actionItems': {
      if (pm.actionItems.length === 0) return [NONE];
      return [
        '| Action | Owner | Due | Level | State | Tracked as |',
        '|---|---|---|---|---|---|',
        ...pm.actionItems.map((a) => {
          const t = tracked.get(a.id);
          const due = t?.overdue ? `${a.due} (overdue)` : a.due;
          return `| ${cell(a.title)} | ${a.ownerTeam} | ${due} | ${a.level} ${PRIORITY_LEVELS[a.level]} | ${a.state} | ${t?.item ?? '—'} |`;
        }),
      ];
    }
    default: {
      const list = pm[section];
      return list.length === 0 ? [NONE] : list.map((x) => `- ${x}`);
    }
  }
}
