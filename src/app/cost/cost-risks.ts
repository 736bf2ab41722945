import type { ProgramId } from '../../domain/ids.js';
import type { ProgramModel } from '../../domain/program-model.js';
import { dayOfIso } from '../../engine/cost/cost-days.js';
import type { InventoryResource } from '../../engine/cost/waste.js';
import type { CostState } from '../../engine/insights/insight-input.js';
import { ANOMALY_RECENT_DAYS } from '../../engine/insights/rules/cost-rules.js';
import type { CostStore } from '../../store/cost-store.js';
import { costView } from './cost-view.js';

/** Where the risk rules read cost data: the store, or files in tests. */
export interface CostReader {
  readonly cost: Pick<CostStore, 'read' | 'readInventory'>;
}

/** The cost figures the rules read, for a program with imported cost data; undefined otherwise. */
export async function costStateOf(reader: CostReader, model: ProgramModel): Promise<CostState | undefined> {
  const id = model.program.id as ProgramId;
  const [table, inventory] = await Promise.all([reader.cost.read(id), reader.cost.readInventory(id)]);
  if (!table || table.length === 0) return undefined;
  const v = costView(model, table, inventory?.resources as InventoryResource[] | undefined);
  if ('error' in v) return undefined;
  const recent = dayOfIso(v.summary.asOf) - ANOMALY_RECENT_DAYS + 1;
  return {
    currency: v.currency,
    month: v.summary.month,
    asOf: v.summary.asOf,
    overBudget: v.summary.teams
      .filter((t) => t.budgetMonth !== undefined && t.forecastMonth > t.budgetMonth)
      .map((t) => ({ team: t.team, monthToDate: t.monthToDate, forecast: t.forecastMonth, budget: t.budgetMonth ?? 0 })),
    anomalies: v.anomalies.items.filter((a) => dayOfIso(a.day) >= recent),
    waste: (v.waste?.shares ?? []).map((s) => ({
      kind: s.kind,
      category: s.category,
      share: s.share,
      spend: s.spend,
      categorySpend: s.categorySpend,
      sentence: s.sentence,
    })),
  };
}
