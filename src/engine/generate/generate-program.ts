import type { CalendarDate } from '../../domain/calendar-date.js';
import type { Dependency, LinkType } from '../../domain/dependency.js';
import type { ItemId, ProgramId, TeamId, WorkstreamId } from '../../domain/ids.js';
import type { ProgramModel } from '../../domain/program-model.js';
import type { Team } from '../../domain/team.js';
import type { WorkItem } from '../../domain/work-item.js';
import type { Random } from '../rcpsp/random.js';

export interface GenerateOptions {
  readonly items: number;
  readonly teams: number;
  /** Average dependencies per item (default 3). */
  readonly dependenciesPerItem?: number;
  readonly start?: CalendarDate;
}

const AREAS = [
  'network',
  'identity',
  'billing',
  'payments',
  'storage',
  'sre',
  'security',
  'data',
  'checkout',
  'observability',
  'dbre',
  'release',
];
const VERBS = ['Provision', 'Migrate', 'Replicate', 'Harden', 'Cut over', 'Load-test', 'Document', 'Decommission', 'Automate', 'Review'];
const THINGS = [
  'VPC peering',
  'token service',
  'ledger tables',
  'object buckets',
  'alert routes',
  'WAF rules',
  'CDC stream',
  'cart API',
  'runbooks',
  'TLS certs',
];

/**
 * A random but realistic program for benchmarks and tests: items in layers (work flows forward,
 * so the graph is acyclic), most links to recent layers and within the team, about a quarter
 * across teams, mostly finish-to-start; three-point estimates skewed late; a milestone per ~50
 * items gathering the layer before it. The same options and random source give the same program.
 */
export function generateProgram(options: GenerateOptions, random: Random): ProgramModel {
  const n = Math.max(1, Math.floor(options.items));
  const teamCount = Math.max(1, Math.floor(options.teams));
  const perItem = options.dependenciesPerItem ?? 3;
  const start = options.start ?? ('2027-01-04' as CalendarDate);
  const teams: Team[] = Array.from({ length: teamCount }, (_, t) => ({
    id: `${AREAS[t % AREAS.length]}${t >= AREAS.length ? `-${Math.floor(t / AREAS.length) + 1}` : ''}` as TeamId,
    name: `Team ${t + 1}`,
    capacity: 3 + random.int(10),
    wipLimit: 4 + random.int(6),
    exceptions: [],
  }));
  const workstreams = Array.from({ length: Math.max(1, Math.round(Math.sqrt(teamCount))) }, (_, w) => ({
    id: `ws-${w + 1}` as WorkstreamId,
    name: `Workstream ${w + 1}`,
  }));

  const milestoneEvery = 50;
  const layerSize = Math.max(4, Math.round(Math.sqrt(n) * 2));
  const items: WorkItem[] = [];
  const dependencies: Dependency[] = [];
  const seen = new Set<string>();
  const link = (from: number, to: number, type: LinkType, lag: number) => {
    const key = `${from}>${to}`;
    if (from === to || seen.has(key)) return;
    seen.add(key);
    dependencies.push({ from: items[from]?.id as ItemId, to: items[to]?.id as ItemId, type, lag, state: 'accepted' });
  };

  for (let i = 0; i < n; i++) {
    const layer = Math.floor(i / layerSize);
    const isMilestone = i > 0 && i % milestoneEvery === 0;
    const team = teams[random.int(teamCount)] as Team;
    if (isMilestone) {
      items.push({
        id: `m-${i}` as ItemId,
        title: `Milestone ${i / milestoneEvery}`,
        kind: 'milestone',
        effort: 1,
        state: 'not-started',
        tags: [],
        links: [],
        stakeholders: ['Sponsor'],
      });
      const from = Math.max(0, (layer - 1) * layerSize);
      for (let k = 0; k < 4 && i - 1 - k >= from; k++) link(i - 1 - random.int(Math.max(1, i - from)), i, 'FS', 0);
      continue;
    }
    const likely = 1 + random.int(15);
    items.push({
      id: `${team.id}-${i}` as ItemId,
      title: `${VERBS[random.int(VERBS.length)]} ${THINGS[random.int(THINGS.length)]}`,
      kind: 'task',
      team: team.id,
      workstream: workstreams[random.int(workstreams.length)]?.id as WorkstreamId,
      estimate: {
        optimistic: Math.max(0.5, Math.round(likely * (0.6 + 0.3 * random.next()) * 2) / 2),
        likely,
        pessimistic: Math.round(likely * (1.2 + 1.3 * random.next()) * 2) / 2,
      },
      effort: 1 + (random.next() < 0.2 ? 1 : 0),
      state: 'not-started',
      priority: (1 + random.int(4)) as 1 | 2 | 3 | 4,
      tags: [],
      links: [],
      stakeholders: [],
    });
    if (layer === 0) continue;
    // Poisson-ish count around the average, from the previous one to three layers.
    const count = Math.max(1, Math.round(perItem * (0.5 + random.next())));
    const lowest = Math.max(0, (layer - 3) * layerSize);
    const highest = layer * layerSize;
    for (let k = 0; k < count; k++) {
      const from = lowest + random.int(highest - lowest);
      const r = random.next();
      const type: LinkType = r < 0.85 ? 'FS' : r < 0.93 ? 'SS' : r < 0.98 ? 'FF' : 'SF';
      link(from, i, type, random.next() < 0.1 ? 1 + random.int(3) : 0);
    }
  }
  // Cross-team links are agreements: some still being negotiated.
  const teamOf = new Map(items.map((it) => [it.id as string, it.team]));
  for (const d of dependencies) {
    const a = teamOf.get(d.from);
    const b = teamOf.get(d.to);
    if (a !== undefined && b !== undefined && a !== b) {
      const r = random.next();
      (d as { state: Dependency['state'] }).state = r < 0.8 ? 'accepted' : r < 0.92 ? 'requested' : r < 0.98 ? 'at-risk' : 'broken';
    }
  }
  const weeks = Math.ceil(n / 40) + 8;
  const target = new Date(Date.parse(`${start}T00:00:00Z`) + weeks * 7 * 86_400_000).toISOString().slice(0, 10) as CalendarDate;
  return {
    program: {
      id: `generated-${n}` as ProgramId,
      name: `Generated program (${n} items, ${teamCount} teams)`,
      start,
      target,
      calendar: { timezone: 'UTC', workdays: ['mon', 'tue', 'wed', 'thu', 'fri'], hours: ['09:00-17:00'], holidays: [] },
    },
    teams,
    workstreams,
    items,
    dependencies,
    risks: [],
    decisions: [],
    services: [],
    slos: [],
    incidents: [],
    postmortems: [],
    capacity: [],
    migrations: [],
  };
}
