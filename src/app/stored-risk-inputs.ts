import type { CalendarDate } from '../domain/calendar-date.js';
import type { ProgramId } from '../domain/ids.js';
import type { ProgramModel } from '../domain/program-model.js';
import type { ProgramStore } from '../store/program-store.js';
import { dayIn } from './day-in-zone.js';
import type { Review } from './program-risks.js';

/**
 * What the store knows beyond the model that the risk rules use: the day (in the program's time
 * zone) each item last changed, and the verdicts people gave on findings, by finding key.
 */
export async function storedRiskInputs(
  store: ProgramStore,
  model: ProgramModel,
): Promise<{ lastChanged: Map<string, CalendarDate>; reviews: Map<string, Review> }> {
  const id = model.program.id as ProgramId;
  const zone = model.program.calendar.timezone;
  const lastChanged = new Map([...(await store.itemsLastChanged(id))].map(([item, at]) => [item, dayIn(zone, at)]));
  return { lastChanged, reviews: await findingReviews(store, model) };
}

/** The verdicts people gave on findings, by finding key. */
export async function findingReviews(store: ProgramStore, model: ProgramModel): Promise<Map<string, Review>> {
  return new Map<string, Review>(
    (await store.insights.findingReviews(model.program.id as ProgramId)).map((r) => [
      r.key,
      { verdict: r.verdict, reason: r.reason, actor: r.actor, at: r.at.toISOString() },
    ]),
  );
}
