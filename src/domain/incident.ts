import { z } from 'zod';
import type { Brand } from './brand.js';
import { calendarDateSchema } from './calendar-date.js';
import { READABLE_ID, teamIdSchema } from './ids.js';
import { PRIORITY_LEVELS } from './work-item.js';

export type IncidentId = string & Brand<'IncidentId'>;
export type PostmortemId = string & Brand<'PostmortemId'>;

const readable = (what: string) =>
  z.string().regex(READABLE_ID, {
    message: `${what} uses letters, digits, ".", "_" and "-", starts with a letter or digit, at most 64 characters (e.g. "inc-42")`,
  });

export const incidentIdSchema = readable('an incident id').transform((s) => s as IncidentId);
export const postmortemIdSchema = readable('a post-mortem id').transform((s) => s as PostmortemId);

/** An instant with its offset, e.g. 2027-03-15T09:30:00Z; engines turn it into epoch milliseconds. */
export const instantSchema = z.iso.datetime({
  offset: true,
  message: 'expected a date-time with its zone, e.g. 2027-03-15T09:30:00Z',
});

export const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface SeverityDefinition {
  readonly severity: Severity;
  /** What the severity means, in the program's own words. */
  readonly description: string;
  /** Minutes between stakeholder updates while the incident is open; null = no scheduled updates. */
  readonly updateCadenceMinutes: number | null;
}

export const severityDefinitionSchema = z.strictObject({
  severity: z.enum(SEVERITIES, { message: `severity is one of ${SEVERITIES.join(', ')}` }),
  description: z.string().min(1, { message: 'a severity needs a written definition' }),
  updateCadenceMinutes: z
    .number()
    .int()
    .positive({ message: 'updateCadenceMinutes is a whole number of minutes above 0, or null for none' })
    .nullable(),
});

/**
 * Defaults as data, after PagerDuty's incident response documentation (SEV-1..SEV-3, its SEV-4/5
 * folded into SEV4). A program overrides any of them with `withSeverityOverrides`.
 */
export const DEFAULT_SEVERITY_DEFINITIONS: Readonly<Record<Severity, SeverityDefinition>> = {
  SEV1: {
    severity: 'SEV1',
    description:
      'Critical: the system is down or severely impaired for a large number of customers, or customer data is exposed. Public notification and executive liaison.',
    updateCadenceMinutes: 30,
  },
  SEV2: {
    severity: 'SEV2',
    description: "Major: a critical system issue actively impacting many customers' ability to use the product.",
    updateCadenceMinutes: 60,
  },
  SEV3: {
    severity: 'SEV3',
    description: 'Minor: partial loss of functionality not affecting most customers, or a risk of becoming SEV2 if nothing is done.',
    updateCadenceMinutes: 240,
  },
  SEV4: {
    severity: 'SEV4',
    description: 'Low: a cosmetic issue or a bug with little customer impact; handled in normal working hours.',
    updateCadenceMinutes: null,
  },
};

/** The defaults with the program's own definitions laid over them, severity by severity. */
export function withSeverityOverrides(overrides: readonly SeverityDefinition[]): Readonly<Record<Severity, SeverityDefinition>> {
  const out: Record<Severity, SeverityDefinition> = { ...DEFAULT_SEVERITY_DEFINITIONS };
  for (const o of overrides) out[o.severity] = o;
  return out;
}

/** Statuses in their forward order; only `resolved → investigating` (a reopen) goes back. */
export const INCIDENT_STATUSES = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export const INCIDENT_ROLES = ['incidentCommander', 'communicationsLead', 'opsLead', 'scribe'] as const;
export type IncidentRole = (typeof INCIDENT_ROLES)[number];

export const TIMELINE_KINDS = ['detected', 'acknowledged', 'mitigated', 'resolved', 'note', 'status-change', 'update-sent'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export const timelineEntrySchema = z.strictObject({
  at: instantSchema,
  kind: z.enum(TIMELINE_KINDS, { message: `kind is one of ${TIMELINE_KINDS.join(', ')}` }),
  text: z.string().default(''),
  author: z.string().optional(),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export const stakeholderUpdateSchema = z.strictObject({
  at: instantSchema,
  /** Who received it, e.g. "executives", "customers", "#incident-room". */
  audience: z.string().min(1),
  text: z.string().min(1, { message: 'an update needs its text' }),
  author: z.string().optional(),
});
export type StakeholderUpdate = z.infer<typeof stakeholderUpdateSchema>;

export const incidentImpactSchema = z.strictObject({
  /** Customers affected, a count. */
  customers: z.number().int().nonnegative().optional(),
  /** Revenue lost, in the program's currency. */
  revenue: z.number().nonnegative().optional(),
  description: z.string().min(1, { message: 'describe the impact in a sentence' }),
});
export type IncidentImpact = z.infer<typeof incidentImpactSchema>;

export const incidentSchema = z.strictObject({
  id: incidentIdSchema,
  title: z.string().min(1, { message: 'an incident needs a title' }),
  severity: z.enum(SEVERITIES, { message: `severity is one of ${SEVERITIES.join(', ')}` }),
  status: z.enum(INCIDENT_STATUSES, { message: `status is one of ${INCIDENT_STATUSES.join(', ')}` }).default('investigating'),
  /** When the incident was opened (declared). */
  startedAt: instantSchema,
  /** When customers started to feel it, if known; earlier than detection when monitoring lagged. */
  impactStartedAt: instantSchema.optional(),
  roles: z
    .strictObject({
      incidentCommander: z.string().optional(),
      communicationsLead: z.string().optional(),
      opsLead: z.string().optional(),
      scribe: z.string().optional(),
    })
    .default({}),
  /** Service ids from the service catalog. */
  services: z.array(z.string().min(1)).default([]),
  timeline: z.array(timelineEntrySchema).default([]),
  updates: z.array(stakeholderUpdateSchema).default([]),
  impact: incidentImpactSchema.optional(),
});
export type Incident = z.infer<typeof incidentSchema>;

export const FUNNEL_LEVELS = [1, 2] as const;
export type ActionItemLevel = (typeof FUNNEL_LEVELS)[number];

export const ACTION_ITEM_STATES = ['open', 'in-progress', 'done', 'cancelled'] as const;
export type ActionItemState = (typeof ACTION_ITEM_STATES)[number];

export const actionItemSchema = z.strictObject({
  /** Unique within its post-mortem; the work item id is derived from it. */
  id: readable('an action item id'),
  title: z.string().min(1, { message: 'an action item needs a title' }),
  ownerTeam: teamIdSchema,
  due: calendarDateSchema,
  level: z.union([z.literal(1), z.literal(2)], {
    message: `an action item's level is 1 (${PRIORITY_LEVELS[1]}) or 2 (${PRIORITY_LEVELS[2]})`,
  }),
  state: z.enum(ACTION_ITEM_STATES, { message: `state is one of ${ACTION_ITEM_STATES.join(', ')}` }).default('open'),
  tags: z.array(z.string().min(1)).default([]),
});
export type ActionItem = z.infer<typeof actionItemSchema>;

/** The blameless template's sections, in the order they are written. */
export const POSTMORTEM_SECTIONS = [
  'summary',
  'impact',
  'timeline',
  'contributingFactors',
  'wentWell',
  'wentPoorly',
  'gotLucky',
  'actionItems',
] as const;
export type PostmortemSection = (typeof POSTMORTEM_SECTIONS)[number];

export const POSTMORTEM_SECTION_TITLES: Readonly<Record<PostmortemSection, string>> = {
  summary: 'Summary',
  impact: 'Impact',
  timeline: 'Timeline',
  contributingFactors: 'Contributing factors',
  wentWell: 'What went well',
  wentPoorly: 'What went poorly',
  gotLucky: 'Where we got lucky',
  actionItems: 'Action items',
};

/** Blameless: contributing factors name systems and conditions, not people. */
export const postmortemSchema = z.strictObject({
  id: postmortemIdSchema,
  incident: incidentIdSchema,
  summary: z.string().min(1, { message: 'a post-mortem needs a summary' }),
  impact: z.string().default(''),
  timeline: z.array(timelineEntrySchema).default([]),
  contributingFactors: z.array(z.string().min(1)).default([]),
  wentWell: z.array(z.string().min(1)).default([]),
  wentPoorly: z.array(z.string().min(1)).default([]),
  gotLucky: z.array(z.string().min(1)).default([]),
  actionItems: z.array(actionItemSchema).default([]),
});
export type Postmortem = z.infer<typeof postmortemSchema>;
