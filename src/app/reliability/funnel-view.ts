import type { ProgramId } from '../../domain/ids.js';
import type { ProgramModel } from '../../domain/program-model.js';
import { PRIORITY_LEVELS } from '../../domain/work-item.js';
import { computeFunnel, type Level1Reason } from '../../engine/incidents/funnel.js';
import { programSloStatuses, type SliReader } from './slo-status.js';

export type FunnelLevel = 1 | 2 | 3 | 4;

export interface FunnelItem {
  readonly id: string;
  readonly title: string;
  readonly team: string | null;
  readonly state: string;
}

export interface ProgramFunnel {
  /** True while any reason holds: then no level-4 work should be in progress. */
  readonly level1Broken: boolean;
  readonly reasons: readonly Level1Reason[];
  /** Level-4 items in progress while level 1 is broken, each with every reason. */
  readonly flagged: readonly { item: string; title: string; team: string | null; reasons: readonly Level1Reason[] }[];
  /** Work in progress per level, Stability first. */
  readonly levels: readonly { level: FunnelLevel; name: string; inProgress: number; items: readonly FunnelItem[] }[];
  /** Items in progress without a funnel level. */
  readonly unlevelled: number;
}

/**
 * The priority funnel of a program at `now`: "never work on Scale (4) while Stability (1) is
 * broken". Level 1 is broken by open SEV1/SEV2 incidents, the SLOs named in `exhaustedBudgets`,
 * and overdue level-1 post-mortem action items or security patches (due day past in the program's zone).
 */
export function programFunnel(model: ProgramModel, now: Date, exhaustedBudgets: readonly string[]): ProgramFunnel {
  const view = computeFunnel({
    incidents: model.incidents,
    exhaustedBudgets,
    items: model.items,
    now,
    timeZone: model.program.calendar.timezone,
  });
  const team = new Map(model.items.map((i) => [i.id as string, (i.team as string | undefined) ?? null]));
  const levels = ([1, 2, 3, 4] as const).map((level) => {
    const items = model.items
      .filter((i) => i.priority === level && i.state === 'in-progress')
      .map((i) => ({ id: i.id as string, title: i.title, team: (i.team as string | undefined) ?? null, state: i.state }));
    return { level, name: PRIORITY_LEVELS[level], inProgress: items.length, items };
  });
  return {
    level1Broken: view.level1Broken,
    reasons: view.reasons,
    flagged: view.flagged.map((f) => ({ item: f.item, title: f.title, team: team.get(f.item) ?? null, reasons: f.reasons })),
    levels,
    unlevelled: view.inProgress.none,
  };
}

/** Ids of the SLOs whose error budget is used up at `now`, from their stored SLI data; SLOs without data count as not exhausted. */
export async function exhaustedBudgets(store: SliReader, programId: ProgramId, model: ProgramModel, now: Date): Promise<string[]> {
  if (model.slos.length === 0) return [];
  const statuses = await programSloStatuses(store, programId, model, now.getTime());
  return statuses.filter((s) => s.budget?.exhausted === true).map((s) => s.id);
}

/** The funnel of a stored program, exhausted budgets read from its stored SLI data. */
export async function storedProgramFunnel(store: SliReader, programId: ProgramId, model: ProgramModel, now: Date): Promise<ProgramFunnel> {
  return programFunnel(model, now, await exhaustedBudgets(store, programId, model, now));
}
