/**
 * The shapes the web app reads from the HTTP API (see /api/openapi.json, generated from the
 * server's zod schemas). Written out here because the browser bundle must not pull in the server.
 */
export type Role = 'viewer' | 'editor' | 'admin';

export interface SessionUser {
  login: string;
  name: string;
  isAdmin: boolean;
}
export interface Session {
  user: SessionUser;
  csrfToken?: string;
}

export interface ProgramListing {
  id: string;
  name: string;
  version: number;
  updatedAt: string;
  role: Role;
  teams: number;
  items: number;
  milestones: number;
  dependencies: number;
}

export type ThreePoint = { optimistic: number; likely: number; pessimistic: number };
export type Estimate = number | ThreePoint;
export const ITEM_KINDS = ['task', 'epic', 'milestone', 'procurement', 'long-lead'] as const;
export const ITEM_STATES = ['not-started', 'in-progress', 'blocked', 'done', 'cancelled'] as const;
export const DEPENDENCY_STATES = ['requested', 'accepted', 'at-risk', 'broken'] as const;
export const RISK_STATUSES = ['open', 'mitigating', 'accepted', 'closed'] as const;
export const DECISION_STATUSES = ['open', 'decided', 'superseded'] as const;
export type DependencyState = (typeof DEPENDENCY_STATES)[number];

export interface Item {
  id: string;
  title: string;
  kind: (typeof ITEM_KINDS)[number];
  description?: string;
  team?: string;
  assignee?: string;
  workstream?: string;
  parent?: string;
  estimate?: Estimate;
  effort: number;
  state: (typeof ITEM_STATES)[number];
  percentComplete?: number;
  remaining?: number;
  startNoEarlierThan?: string;
  deadline?: string;
  priority?: 1 | 2 | 3 | 4;
  tags: string[];
  links: ({ jira: string } | { url: string; title?: string })[];
  target?: string;
  stakeholders: string[];
  vendor?: string;
  orderedOn?: string;
  /** Where a synced item comes from (issue 8): its tracker key and page, the tracker's last update, and when it left the selection. */
  source?: ItemSource;
}

export interface ItemSource {
  system: 'jira' | 'github';
  key: string;
  url?: string;
  updated?: string;
  removed?: string;
}

/** One change the tracker recorded about an item (GET /items/{id}/activity). */
export interface TrackerActivity {
  id: string;
  item: string;
  at: string;
  actor: string;
  field: string;
  from?: string;
  to?: string;
}

export interface Dependency {
  from: string;
  to: string;
  type: 'FS' | 'SS' | 'FF' | 'SF';
  lag: number;
  state: DependencyState;
  note?: string;
}

export interface Team {
  id: string;
  name: string;
  capacity: number;
  wipLimit?: number;
  lead?: string;
  exceptions: { from: string; to: string; capacity: number; reason?: string }[];
}

export interface Workstream {
  id: string;
  name: string;
  lead?: string;
  description?: string;
}

export interface Risk {
  id: string;
  title: string;
  description?: string;
  probability: number;
  impact: { days?: number; cost?: number };
  owner?: string;
  team?: string;
  mitigation?: string;
  status: (typeof RISK_STATUSES)[number];
  raisedOn?: string;
  items: string[];
}

export interface Decision {
  id: string;
  title: string;
  context?: string;
  options: { id: string; title: string; description?: string; scenario?: string }[];
  status: (typeof DECISION_STATUSES)[number];
  outcome?: string;
  decidedBy?: string;
  decidedOn?: string;
  needBy?: string;
  items: string[];
}

/** An entity with the ETag to send back in If-Match when changing it. */
export interface Tagged<T> {
  etag: string;
  value: T;
}

export type Page<K extends string, T> = { [key in K]: Tagged<T>[] } & { version: number; page: number; perPage: number; total: number };

export interface PlanItem {
  id: string;
  title?: string;
  start: string;
  finish: string;
  earlyStart: string;
  earlyFinish: string;
  lateStart: string;
  lateFinish: string;
  totalFloat: number;
  freeFloat: number;
  critical: boolean;
}

export interface Plan {
  version: number;
  unit: 'period' | 'datetime';
  finish: string;
  items: PlanItem[];
  criticalPath: string[];
  levelling?: {
    schedules: number;
    seed: number;
    delays: { id: string; delay: number; resource: string; busy: number; capacity: number; need: number }[];
    teamLoad?: { team: string; week: string; load: number; capacity: number }[];
  };
}

export interface Forecast {
  version: number;
  trials: number;
  seed: number;
  distribution: string;
  levelled: boolean;
  finish: { p10: string; p50: string; p80: string; p90: string; p95: string };
  milestones: { id: string; target: string | null; p50: string; p80: string; p95: string; probabilityOnTime: number | null }[];
  criticality: { id: string; index: number }[];
  sensitivity: { id: string; score: number }[];
  curves?: { id: string; points: { p: number; at: string }[] }[];
}

export interface ChangeSet {
  id: number;
  programId: string;
  at: string;
  actor: string;
  source: string;
  version: number;
  changes: { entity: string; id: string; op: string; before?: unknown; after?: unknown }[];
}

export interface ProgramInfo {
  id: string;
  name: string;
  goal?: string;
  sponsor?: string;
  tpm?: string;
  start: string;
  target: string;
  calendar: { timezone: string; workdays: string[]; hours: string[]; holidays: unknown[] };
  /** The program's own severity definitions, laid over the defaults severity by severity. */
  severities?: SeverityDefinition[];
}

export interface ProgramSummary {
  id: string;
  name: string;
  goal?: string;
  sponsor?: string;
  tpm?: string;
  start: string;
  target: string;
  timezone: string;
  counts: {
    teams: number;
    workstreams: number;
    items: number;
    milestones: number;
    dependencies: number;
    crossTeamDependencies: number;
    services: number;
    slos: number;
    openIncidents: number;
    postmortems: number;
    capacity: number;
    migrations: number;
    debtItems: number;
    /** Cross-team dependencies whose successor is not finished; `openDependencies` lists the first 100. */
    openDependencies: number;
    byState: Record<(typeof ITEM_STATES)[number], number>;
  };
  teams: { id: string; name: string; capacity: number; items: number; openItems: number; remainingDays: number }[];
  workstreams: { id: string; name: string; items: number; done: number }[];
  milestones: { id: string; title: string; target?: string; state: string; waitsOn: number }[];
  openDependencies: { from: string; to: string; fromTeam?: string; toTeam?: string; type: string; lag: number; state: DependencyState }[];
  openRisks: {
    id: string;
    title: string;
    probability: number;
    exposureDays?: number;
    exposureCost?: number;
    owner?: string;
    status: string;
  }[];
  openDecisions: { id: string; title: string; needBy?: string }[];
}

/** GET /api/programs/{id}. */
export interface ProgramDetail {
  version: number;
  role: Role;
  program: ProgramInfo;
  summary: ProgramSummary;
}

// Issue 6: services and SLOs (scratch/api-contract-6.md).

/** A service as the program file writes it (generic entity routes: /services). */
export interface Service {
  id: string;
  name?: string;
  kind: 'service' | 'resource';
  description?: string;
  team: string;
  tier?: number;
  lifecycle: string;
  type?: string;
  system?: string;
  provides: string[];
  consumes: string[];
  dependsOn: string[];
}

/** GET /services/catalog. */
export interface ServiceCatalog {
  services: {
    id: string;
    name: string;
    kind: 'service' | 'resource';
    team: string;
    teamName: string;
    tier: number | null;
    lifecycle: string;
    type: string | null;
    system: string | null;
    provides: string[];
    consumes: string[];
    dependsOn: string[];
    /** Direct consumers (services that depend on it or consume an API it provides). */
    consumers: number;
    items: { id: string; title: string; state: string; priority: number | null }[];
    slos: string[];
    openIncidents: number;
  }[];
  apis: { name: string; provider: string; consumers: string[] }[];
  version: number;
}

/** GET /blast-radius?of=. */
export interface BlastRadius {
  origin: { ref: string; kind: 'service' | 'resource' | 'api'; name: string; team: string };
  affected: {
    ref: string;
    kind: 'service' | 'resource' | 'api';
    name: string;
    team: string;
    teamName: string;
    tier: number | null;
    lifecycle: string | null;
    /** Links from the origin: provider → API → consumer is two, a dependsOn one. */
    distance: number;
    /** From the origin to this one, inclusive: services by id, APIs as `api:<name>`. */
    path: string[];
  }[];
  teams: { team: string; teamName: string; count: number; worstTier: number | null }[];
  items: { id: string; title: string; team: string | null; state: string; priority: number | null; services: string[] }[];
  cycles: string[][];
}

/** A program SLO as the file writes it (generic entity routes: /slos). */
export interface ProgramSlo {
  id: string;
  service: string;
  name?: string;
  description?: string;
  objective: number;
  budgeting: 'Occurrences' | 'Timeslices' | 'RatioTimeslices';
  window: string;
  calendar?: { start: string; timeZone: string };
  indicator: { ratio: { good?: string; bad?: string; total: string } } | { threshold: { query: string; op: string; value: number } };
  timeSlice?: { window: string; target?: number };
  source?: { prometheus: string };
}

export interface BurnRule {
  name: string;
  severity: 'page' | 'ticket';
  burnRate: number;
  longWindowMs: number;
  shortWindowMs: number;
  longBurnRate: number | null;
  shortBurnRate: number | null;
  fires: boolean;
}

export interface SloBudget {
  atMs: number;
  /** A fraction (0.9993), null with no events in the window. */
  attainedSli: number | null;
  total: number;
  consumed: number;
  remaining: number;
  exhausted: boolean;
  burnRate: number | null;
  timeToExhaustionMs: number | null;
  alert: 'page' | 'ticket' | null;
  rules: BurnRule[];
}

export interface SloStatus {
  id: string;
  name: string;
  service: string;
  /** Percent, e.g. 99.9. */
  objective: number;
  budgeting: string;
  window: string;
  calendar: { start: string; timeZone: string } | null;
  allowedDowntimeSeconds: number | null;
  unit: 'events' | 'minutes';
  data: { samples: number; from: string | null; to: string | null; source: 'csv' | 'prometheus' } | null;
  budget: SloBudget | null;
  notComputed: string | null;
}

/** GET /slos/status. */
export interface SloStatusList {
  slos: SloStatus[];
  version: number;
}

/** GET /slos/{id}/series. */
export interface SloSeries {
  id: string;
  unit: 'events' | 'minutes';
  total: number | null;
  points: { t: number; sli: number | null; consumed: number; remaining: number; burnRate: number | null }[];
  notComputed: string | null;
}

/** GET /api/availability. Downtimes in seconds. */
export interface AvailabilityTable {
  rows: { percent: number; year: number; quarter: number; month: number; week: number; day: number }[];
}

// Issue 6: incidents, post-mortems and the priority funnel (scratch/api-contract-6.md).

export const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const INCIDENT_STATUSES = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];
export const TIMELINE_KINDS = ['detected', 'acknowledged', 'mitigated', 'resolved', 'note', 'status-change', 'update-sent'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export interface SeverityDefinition {
  severity: Severity;
  description: string;
  /** Minutes between stakeholder updates while open; null = none scheduled. */
  updateCadenceMinutes: number | null;
}

export interface TimelineEntry {
  at: string;
  kind: TimelineKind;
  text: string;
  author?: string;
}

export interface StakeholderUpdate {
  at: string;
  audience: string;
  text: string;
  author?: string;
}

export interface Incident {
  id: string;
  title: string;
  severity: Severity;
  status: IncidentStatus;
  startedAt: string;
  impactStartedAt?: string;
  roles: { incidentCommander?: string; communicationsLead?: string; opsLead?: string; scribe?: string };
  services: string[];
  timeline: TimelineEntry[];
  updates: StakeholderUpdate[];
  impact?: { customers?: number; revenue?: number; description: string };
}

/** GET /incidents/{id}/view?at=. Durations in milliseconds. */
export interface IncidentView {
  incident: Incident;
  etag: string;
  severity: SeverityDefinition;
  metrics: {
    timeToDetectMs: number | null;
    timeToAcknowledgeMs: number | null;
    timeToMitigateMs: number | null;
    timeToResolveMs: number | null;
  };
  nextUpdateDue: string | null;
  updateOverdueMinutes: number | null;
  executiveUpdate: string;
  nextStatuses: IncidentStatus[];
  postmortems: string[];
}

export const ACTION_ITEM_STATES = ['open', 'in-progress', 'done', 'cancelled'] as const;

export interface ActionItem {
  id: string;
  title: string;
  ownerTeam: string;
  due: string;
  level: 1 | 2;
  state: (typeof ACTION_ITEM_STATES)[number];
  tags: string[];
}

export interface Postmortem {
  id: string;
  incident: string;
  summary: string;
  impact: string;
  timeline: TimelineEntry[];
  contributingFactors: string[];
  wentWell: string[];
  wentPoorly: string[];
  gotLucky: string[];
  actionItems: ActionItem[];
}

/** GET /postmortems/{id}/view?at=. `item` is the tracked work item's id. */
export interface PostmortemView {
  postmortem: Postmortem;
  etag: string;
  /** Null when the incident it names is gone. */
  incident: { id: string; title: string; severity: Severity } | null;
  actionItems: {
    id: string;
    title: string;
    ownerTeam: string;
    due: string;
    level: 1 | 2;
    state: string;
    item: string;
    itemState: string | null;
    overdue: boolean;
  }[];
  openActionItems: number;
  markdown: string;
}

/** One reason level 1 is broken, with what it points at. */
export interface FunnelReason {
  kind: 'open-major-incident' | 'exhausted-error-budget' | 'overdue-action-item' | 'overdue-security-patch' | string;
  message: string;
  incident?: string;
  severity?: Severity;
  slo?: string;
  item?: string;
  deadline?: string;
  daysOverdue?: number;
}

/** GET /funnel?at=. */
export interface Funnel {
  level1Broken: boolean;
  reasons: FunnelReason[];
  flagged: { item: string; title: string; team?: string; reasons: FunnelReason[] }[];
  levels: {
    level: 1 | 2 | 3 | 4;
    name: string;
    inProgress: number;
    items: { id: string; title: string; team?: string; state: string }[];
  }[];
  unlevelled: number;
}

/** GET /incidents/metrics?from=&to=. Durations in milliseconds; `fraction` of the SLO window's budget (0..1, may pass 1). */
export interface IncidentMetrics {
  count: number;
  bySeverity: { severity: Severity; count: number; open: number; mttrMs: number | null }[];
  byService: { service: string; count: number; open: number }[];
  budgetConsumed: { incident: string; slo: string; consumed: number; unit: string; fraction: number; ongoing: boolean; source?: string }[];
  version: number;
}
