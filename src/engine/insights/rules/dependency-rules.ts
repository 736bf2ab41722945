import { crossesTeams } from '../../../domain/dependency.js';
import { betweenness } from '../../centrality.js';
import type { Finding, Severity } from '../finding.js';
import { floatDays, type InsightInput, teamName, workingDays } from '../insight-input.js';

/** Cross-team dependencies not yet agreed, or at risk, where slack is short; broken ones anywhere. */
export function dependencyUnaccepted(input: InsightInput): Finding[] {
  const { current, model, nearCriticalDays } = input;
  const index = new Map(current.pn.items.map((item, v) => [item.id as string, v]));
  return model.dependencies.flatMap((dep): Finding[] => {
    if (dep.state === 'accepted') return [];
    const a = index.get(dep.from);
    const b = index.get(dep.to);
    if (a === undefined || b === undefined) return [];
    const from = current.pn.items[a];
    const to = current.pn.items[b];
    if (!from || !to || !crossesTeams(from.team, to.team)) return [];
    const float = Math.min(floatDays(current, a), floatDays(current, b));
    // A broken promise matters wherever it is; the others only where slack is short.
    if (float > nearCriticalDays && dep.state !== 'broken') return [];
    const onPath = float <= 0;
    const severity: Severity = dep.state === 'broken' || (onPath && dep.state === 'at-risk') ? 'high' : onPath ? 'medium' : 'low';
    const provider = teamName(model, from.team);
    const consumer = teamName(model, to.team);
    const where = onPath ? 'it is on the critical path' : `it is ${workingDays(float)} from the critical path`;
    const action =
      dep.state === 'requested'
        ? `Get ${provider} to accept it with a date, or plan around it.`
        : dep.state === 'at-risk'
          ? `Agree a recovery date with ${provider}, and a fallback for ${consumer}.`
          : `Decide now with ${provider} and ${consumer}: re-plan, descope or escalate.`;
    return [
      {
        rule: 'dependency-unaccepted',
        key: `dependency-unaccepted:${dep.from}->${dep.to}`,
        severity,
        title: `${consumer} waits on ${provider}: "${dep.from}" → "${dep.to}" is ${dep.state}`,
        explanation: `${consumer} needs "${dep.from}" (${from.title}) from ${provider} before "${dep.to}" (${to.title}); the dependency is still ${dep.state}, and ${where}.`,
        action,
        items: [dep.from, dep.to],
        teams: [from.team, to.team].filter((t): t is NonNullable<typeof t> => t !== undefined),
      },
    ];
  });
}

/** A team counts as a bottleneck when it is on at least this many cross-team dependencies… */
const BOTTLENECK_TEAM_MIN = 5;
/** …and on at least this multiple of the median team's. */
const BOTTLENECK_TEAM_FACTOR = 2;

/** Teams many others wait on. */
export function bottleneckTeams(input: InsightInput): Finding[] {
  const { model } = input;
  const teamOf = new Map(model.items.map((item) => [item.id as string, item.team as string | undefined]));
  const provides = new Map<string, number>();
  const waits = new Map<string, number>();
  const consumers = new Map<string, Set<string>>();
  for (const dep of model.dependencies) {
    const from = teamOf.get(dep.from);
    const to = teamOf.get(dep.to);
    if (from === undefined || to === undefined || from === to) continue;
    provides.set(from, (provides.get(from) ?? 0) + 1);
    waits.set(to, (waits.get(to) ?? 0) + 1);
    consumers.set(from, (consumers.get(from) ?? new Set()).add(to));
  }
  const totals = model.teams.map((t) => (provides.get(t.id) ?? 0) + (waits.get(t.id) ?? 0)).sort((x, y) => x - y);
  const median = totals[Math.floor(totals.length / 2)] ?? 0;
  return model.teams.flatMap((team): Finding[] => {
    const out = provides.get(team.id) ?? 0;
    const into = waits.get(team.id) ?? 0;
    if (out + into < Math.max(BOTTLENECK_TEAM_MIN, BOTTLENECK_TEAM_FACTOR * median)) return [];
    const others = consumers.get(team.id)?.size ?? 0;
    return [
      {
        rule: 'bottleneck-team',
        key: `bottleneck-team:${team.id}`,
        severity: 'medium',
        title: `${team.name} is a bottleneck: ${out + into} cross-team dependencies`,
        explanation: `${team.name} delivers on ${out} cross-team dependencies (to ${others} team${others === 1 ? '' : 's'}) and waits on ${into}; the median team is on ${median}. A slip there spreads across the program.`,
        action: `Review ${team.name}'s commitments every week, get a date on each, and keep a buffer before the work that waits on them.`,
        items: [],
        teams: [team.id],
      },
    ];
  });
}

/** Items flagged by graph position: at least this share of all shortest dependency chains run through them… */
const BETWEENNESS_MIN = 0.02;
/** …in programs of at least this many items; in a handful of items every middle one scores high. */
const BETWEENNESS_MIN_ITEMS = 30;
const BETWEENNESS_TOP = 5;
/** Items flagged by the forecast: critical in at least this share of trials while the plan shows float. */
const CRITICALITY_MIN = 0.5;

/** Items many chains run through, and items the forecast finds critical more often than the plan says. */
export function bottleneckItems(input: InsightInput): Finding[] {
  const { current, model, forecast } = input;
  const items = current.pn.items;
  const score = items.length >= BETWEENNESS_MIN_ITEMS ? betweenness(current.pn.network.graph) : new Float64Array(items.length);
  const reasons = new Map<number, string[]>();
  const add = (v: number, reason: string) => reasons.set(v, [...(reasons.get(v) ?? []), reason]);
  const ranked = items
    .map((_, v) => v)
    .filter((v) => (score[v] as number) >= BETWEENNESS_MIN && !current.pn.children.has(v))
    .sort((x, y) => (score[y] as number) - (score[x] as number))
    .slice(0, BETWEENNESS_TOP);
  for (const v of ranked)
    add(v, `${Math.round((score[v] as number) * 1000) / 10} % of the shortest dependency chains between other items run through it`);
  if (forecast) {
    items.forEach((item, v) => {
      const index = forecast.criticality.get(item.id) ?? 0;
      const float = floatDays(current, v);
      if (index >= CRITICALITY_MIN && float > 0 && item.kind !== 'milestone') {
        add(
          v,
          `the plan gives it ${workingDays(float)} of float, yet it was critical in ${Math.round(index * 100)} % of ${forecast.trials} forecast trials`,
        );
      }
    });
  }
  return [...reasons].map(([v, why]): Finding => {
    const item = items[v] as (typeof items)[number];
    const critical = (current.cpm.critical[v] as number) === 1;
    return {
      rule: 'bottleneck-item',
      key: `bottleneck-item:${item.id}`,
      severity: critical || why.length > 1 ? 'medium' : 'low',
      title: `"${item.id}" is a bottleneck item`,
      explanation: `"${item.id}" (${item.title}, ${teamName(model, item.team)}): ${why.join('; ')}.`,
      action: `Watch "${item.id}" closely: confirm its estimate and owner, and start the work that feeds it early.`,
      items: [item.id],
      teams: item.team ? [item.team] : [],
    };
  });
}
