import type { CapacityResource } from './capacity.js';
import type { Decision } from './decision.js';
import type { Dependency } from './dependency.js';
import type { Incident, Postmortem } from './incident.js';
import type { Migration } from './migration.js';
import type { Program } from './program.js';
import type { ProgramService } from './program-service.js';
import type { ProgramSlo } from './program-slo.js';
import type { Risk } from './risk.js';
import type { Team } from './team.js';
import type { WorkItem } from './work-item.js';
import type { Workstream } from './workstream.js';

/** A whole program, normalized: milestones are items of kind `milestone`; dependencies are their own list. */
export interface ProgramModel {
  readonly program: Program;
  readonly teams: readonly Team[];
  readonly workstreams: readonly Workstream[];
  readonly items: readonly WorkItem[];
  readonly dependencies: readonly Dependency[];
  readonly risks: readonly Risk[];
  readonly decisions: readonly Decision[];
  /** The service catalog the program changes (issue 6). */
  readonly services: readonly ProgramService[];
  readonly slos: readonly ProgramSlo[];
  readonly incidents: readonly Incident[];
  readonly postmortems: readonly Postmortem[];
  /** Things with a unit that run out, and how they are bought (issue 7). */
  readonly capacity: readonly CapacityResource[];
  /** Sets of services moving through the same ordered steps (issue 7). */
  readonly migrations: readonly Migration[];
}

export type EntityKind =
  | 'program'
  | 'team'
  | 'workstream'
  | 'item'
  | 'dependency'
  | 'risk'
  | 'decision'
  | 'service'
  | 'slo'
  | 'incident'
  | 'postmortem'
  | 'capacity'
  | 'migration';

/** Points at one entity of a model (by its position in its list) and optionally a field inside it. */
export interface Locator {
  readonly entity: EntityKind;
  readonly index: number;
  readonly field?: readonly (string | number)[];
}
