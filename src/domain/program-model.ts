import type { Decision } from './decision.js';
import type { Dependency } from './dependency.js';
import type { Program } from './program.js';
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
}

export type EntityKind = 'program' | 'team' | 'workstream' | 'item' | 'dependency' | 'risk' | 'decision';

/** Points at one entity of a model (by its position in its list) and optionally a field inside it. */
export interface Locator {
  readonly entity: EntityKind;
  readonly index: number;
  readonly field?: readonly (string | number)[];
}
