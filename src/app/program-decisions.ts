import { type CalendarDate, daysBetween } from '../domain/calendar-date.js';
import type { ProgramModel } from '../domain/program-model.js';
import { ok, type Result } from '../domain/result.js';
import { type PlanError, planProgram } from './plan-program.js';

/** The `decisions` result; `--json` prints exactly this shape. */
export interface DecisionLog {
  readonly program: string;
  readonly asOf: CalendarDate;
  /** Open decisions, the one that blocks work soonest first. */
  readonly needed: readonly {
    id: string;
    title: string;
    context: string | null;
    /** The day work waits from: its need-by date, or the planned start of the first affected item, whichever is sooner. */
    blocksOn: string | null;
    why: string;
    /** Calendar days from the status date to `blocksOn`; negative when already blocking. */
    daysLeft: number | null;
    options: readonly string[];
    /** Options evaluated by a scenario: compare them with throughline scenario PROGRAM --compare NAME. */
    scenarios: readonly { option: string; scenario: string }[];
    items: readonly string[];
  }[];
  /** Decisions made (and superseded), newest first, with the option chosen. */
  readonly made: readonly {
    id: string;
    title: string;
    status: string;
    outcome: string | null;
    decidedBy: string | null;
    decidedOn: string | null;
    items: readonly string[];
  }[];
}

export function programDecisions(model: ProgramModel, asOf: CalendarDate): Result<DecisionLog, PlanError> {
  const plan = planProgram(model, { asOf });
  if (!plan.ok) return plan;
  const start = new Map(plan.value.items.map((i) => [i.id, String(i.start).slice(0, 10)]));
  const byId = new Map(model.items.map((i) => [i.id as string, i]));
  const needed = model.decisions
    .filter((d) => d.status === 'open')
    .map((d) => {
      const waiting = d.items
        .filter((id) => {
          const state = byId.get(id)?.state;
          return state !== undefined && state !== 'done' && state !== 'cancelled';
        })
        .map((id) => ({ id: id as string, day: start.get(id) }))
        .filter((x): x is { id: string; day: string } => x.day !== undefined)
        .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
      const first = waiting[0];
      const fromItems = first && (d.needBy === undefined || first.day < d.needBy);
      const blocksOn = fromItems ? first.day : (d.needBy ?? null);
      const why = fromItems
        ? `"${first.id}" is planned to start ${first.day} and waits on it`
        : d.needBy !== undefined
          ? `needed by ${d.needBy}`
          : 'no need-by date and no planned work waits on it';
      return {
        id: d.id as string,
        title: d.title,
        context: d.context ?? null,
        blocksOn,
        why,
        daysLeft: blocksOn === null ? null : daysBetween(asOf, blocksOn as CalendarDate),
        options: d.options.map((o) => o.title),
        scenarios: d.options.flatMap((o) => (o.scenario ? [{ option: o.title, scenario: o.scenario }] : [])),
        items: d.items as readonly string[],
      };
    })
    .sort((a, b) => (a.blocksOn ?? '9999').localeCompare(b.blocksOn ?? '9999') || a.id.localeCompare(b.id));
  const made = model.decisions
    .filter((d) => d.status !== 'open')
    .map((d) => ({
      id: d.id as string,
      title: d.title,
      context: d.context ?? null,
      status: d.status,
      outcome: d.outcome === undefined ? null : (d.options.find((o) => o.id === d.outcome)?.title ?? d.outcome),
      decidedBy: d.decidedBy ?? null,
      decidedOn: d.decidedOn ?? null,
      items: d.items as readonly string[],
    }))
    .sort((a, b) => (b.decidedOn ?? '').localeCompare(a.decidedOn ?? '') || a.id.localeCompare(b.id));
  return ok({ program: model.program.id, asOf, needed, made });
}
