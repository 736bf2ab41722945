import type { CalendarDate } from '../domain/calendar-date.js';
import type { ProgramId } from '../domain/ids.js';
import type { ProgramModel } from '../domain/program-model.js';
import type { ProgramStore } from '../store/program-store.js';
import type { HistoryChange, ReportRequest, ReportSnapshot } from './status-report.js';
import { storedRiskInputs } from './stored-risk-inputs.js';

/** What a stored program adds to its status report: history, the last report before `asOf`, the latest baseline, reviews, the written summary, SLI data. */
export async function storedReportInputs(store: ProgramStore, model: ProgramModel, asOf: CalendarDate): Promise<Partial<ReportRequest>> {
  const id = model.program.id as ProgramId;
  const sets = await store.history(id, { limit: 10_000 });
  const history: HistoryChange[] = sets.flatMap((s) => s.changes.map((c) => ({ ...c, at: s.at })));
  const previous = (await store.insights.statusSnapshots(id)).filter((s) => s.asOf < asOf).at(-1);
  const baselineName = (await store.insights.listBaselines(id)).at(-1)?.name;
  const written = await store.reportSummaries.read(id);
  const baseline = baselineName !== undefined ? await store.insights.readBaseline(id, baselineName) : undefined;
  return {
    history,
    ...(previous ? { previous: previous.summary as ReportSnapshot } : {}),
    ...(baseline ? { baseline: { name: baseline.name, createdAt: baseline.createdAt, plan: baseline.plan } } : {}),
    ...(written ? { writtenSummary: written.text.split('\n').map((line) => line.trim()) } : {}),
    ...(await storedRiskInputs(store, model)),
    sli: store,
    usage: store,
    cost: store,
  };
}
