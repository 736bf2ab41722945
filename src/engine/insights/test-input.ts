import type { CalendarDate } from '../../domain/calendar-date.js';
import type { ProgramModel } from '../../domain/program-model.js';
import { criticalPath } from '../cpm/critical-path.js';
import { programNetwork } from '../plan/program-network.js';
import type { InsightInput, Schedule } from './insight-input.js';

/** The rules' input for a model, as the app builds it (no team load or forecast), for tests. */
export function insightInput(model: ProgramModel, asOf: CalendarDate, extra: Partial<InsightInput> = {}): InsightInput {
  const schedule = (from?: CalendarDate): Schedule => {
    const pn = programNetwork(model, from !== undefined ? { asOf: from } : {});
    if (!pn.ok) throw new Error('calendar');
    const cpm = criticalPath(pn.value.network);
    if (!cpm.ok) throw new Error('cycle');
    return { pn: pn.value, cpm: cpm.value };
  };
  return { model, asOf, current: schedule(asOf), planned: schedule(), nearCriticalDays: 5, ...extra };
}
