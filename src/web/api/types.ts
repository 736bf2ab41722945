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
