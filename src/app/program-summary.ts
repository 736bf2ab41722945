import type { CalendarDate } from '../domain/calendar-date.js';
import { crossesTeams, type DependencyState, type LinkType } from '../domain/dependency.js';
import { likelyDays } from '../domain/estimate.js';
import type { ProgramModel } from '../domain/program-model.js';
import { riskExposure } from '../domain/risk.js';
import type { ItemState } from '../domain/work-item.js';

/** What `show` and the overview screen present: counts and the lists a TPM scans first. */
export interface ProgramSummary {
  readonly id: string;
  readonly name: string;
  readonly goal?: string;
  readonly sponsor?: string;
  readonly tpm?: string;
  readonly start: CalendarDate;
  readonly target: CalendarDate;
  readonly timezone: string;
  readonly counts: {
    readonly teams: number;
    readonly workstreams: number;
    readonly items: number;
    readonly milestones: number;
    readonly dependencies: number;
    readonly crossTeamDependencies: number;
    readonly byState: Readonly<Record<ItemState, number>>;
    /** Issue 6: the reliability side of the program. */
    readonly services: number;
    readonly slos: number;
    readonly openIncidents: number;
    readonly postmortems: number;
    readonly capacity: number;
    readonly migrations: number;
    readonly debtItems: number;
  };
  readonly teams: readonly { id: string; name: string; capacity: number; items: number; openItems: number; remainingDays: number }[];
  readonly workstreams: readonly { id: string; name: string; items: number; done: number }[];
  readonly milestones: readonly { id: string; title: string; target?: CalendarDate; state: ItemState; waitsOn: number }[];
  /** Cross-team dependencies whose successor is not finished, agreement first in trouble. */
  readonly openDependencies: readonly {
    from: string;
    to: string;
    fromTeam?: string;
    toTeam?: string;
    type: LinkType;
    lag: number;
    state: DependencyState;
  }[];
  readonly openRisks: readonly {
    id: string;
    title: string;
    probability: number;
    exposureDays?: number;
    exposureCost?: number;
    owner?: string;
    status: string;
  }[];
  readonly openDecisions: readonly { id: string; title: string; needBy?: CalendarDate }[];
}

const STATE_URGENCY: Record<DependencyState, number> = { broken: 0, 'at-risk': 1, requested: 2, accepted: 3 };
const FINISHED: ReadonlySet<ItemState> = new Set(['done', 'cancelled']);

export function summarizeProgram(model: ProgramModel): ProgramSummary {
  const { program } = model;
  const work = model.items.filter((i) => i.kind !== 'milestone');
  const byId = new Map(model.items.map((i) => [i.id as string, i]));
  const byState = { 'not-started': 0, 'in-progress': 0, blocked: 0, done: 0, cancelled: 0 } as Record<ItemState, number>;
  for (const i of work) byState[i.state]++;
  const cross = model.dependencies.filter((d) => crossesTeams(byId.get(d.from)?.team, byId.get(d.to)?.team));

  const remaining = (i: (typeof work)[number]) => {
    if (FINISHED.has(i.state) || i.estimate === undefined) return 0;
    if (i.remaining !== undefined) return i.remaining;
    return likelyDays(i.estimate) * (1 - (i.percentComplete ?? 0) / 100);
  };

  return {
    id: program.id,
    name: program.name,
    ...(program.goal !== undefined ? { goal: program.goal } : {}),
    ...(program.sponsor !== undefined ? { sponsor: program.sponsor } : {}),
    ...(program.tpm !== undefined ? { tpm: program.tpm } : {}),
    start: program.start,
    target: program.target,
    timezone: program.calendar.timezone,
    counts: {
      teams: model.teams.length,
      workstreams: model.workstreams.length,
      items: work.length,
      milestones: model.items.length - work.length,
      dependencies: model.dependencies.length,
      crossTeamDependencies: cross.length,
      byState,
      services: model.services.length,
      slos: model.slos.length,
      openIncidents: model.incidents.filter((i) => i.status !== 'resolved').length,
      postmortems: model.postmortems.length,
      capacity: model.capacity.length,
      migrations: model.migrations.length,
      debtItems: model.items.filter((i) => i.debt !== undefined).length,
    },
    teams: model.teams.map((t) => {
      const mine = work.filter((i) => i.team === t.id);
      return {
        id: t.id,
        name: t.name,
        capacity: t.capacity,
        items: mine.length,
        openItems: mine.filter((i) => !FINISHED.has(i.state)).length,
        remainingDays: Math.round(mine.reduce((sum, i) => sum + remaining(i) * i.effort, 0) * 10) / 10,
      };
    }),
    workstreams: model.workstreams.map((w) => {
      const mine = work.filter((i) => i.workstream === w.id);
      return { id: w.id, name: w.name, items: mine.length, done: mine.filter((i) => i.state === 'done').length };
    }),
    milestones: model.items
      .filter((i) => i.kind === 'milestone')
      .map((m) => ({
        id: m.id,
        title: m.title,
        ...(m.target !== undefined ? { target: m.target } : {}),
        state: m.state,
        waitsOn: model.dependencies.filter((d) => d.to === m.id).length,
      }))
      .sort((a, b) => (a.target ?? '9999').localeCompare(b.target ?? '9999')),
    openDependencies: cross
      .filter((d) => !FINISHED.has(byId.get(d.to)?.state ?? 'done'))
      .map((d) => {
        const fromTeam = byId.get(d.from)?.team;
        const toTeam = byId.get(d.to)?.team;
        return {
          from: d.from,
          to: d.to,
          ...(fromTeam !== undefined ? { fromTeam } : {}),
          ...(toTeam !== undefined ? { toTeam } : {}),
          type: d.type,
          lag: d.lag,
          state: d.state,
        };
      })
      .sort((a, b) => STATE_URGENCY[a.state] - STATE_URGENCY[b.state]),
    openRisks: model.risks
      .filter((r) => r.status !== 'closed')
      .map((r) => {
        const exposure = riskExposure(r);
        return {
          id: r.id,
          title: r.title,
          probability: r.probability,
          ...(exposure.days !== undefined ? { exposureDays: Math.round(exposure.days * 10) / 10 } : {}),
          ...(exposure.cost !== undefined ? { exposureCost: Math.round(exposure.cost) } : {}),
          ...(r.owner !== undefined ? { owner: r.owner } : {}),
          status: r.status,
        };
      })
      .sort((a, b) => (b.exposureDays ?? 0) - (a.exposureDays ?? 0)),
    openDecisions: model.decisions
      .filter((d) => d.status === 'open')
      .map((d) => ({ id: d.id, title: d.title, ...(d.needBy !== undefined ? { needBy: d.needBy } : {}) }))
      .sort((a, b) => (a.needBy ?? '9999').localeCompare(b.needBy ?? '9999')),
  };
}
