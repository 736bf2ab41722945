import { debtRegister } from '../../debt/debt-register.js';
import { teamOutlooks } from '../../migration/laggards.js';
import { forecastMigration } from '../../migration/migration-forecast.js';
import { createRandom } from '../../rcpsp/random.js';
import type { Finding } from '../finding.js';
import { type InsightInput, judgedAt, teamName } from '../insight-input.js';

/** Trials and seed of the migration forecasts the rules judge by: fixed, so the same program gives the same findings. */
const TRIALS = 2000;
const SEED = 7;
/** Open debt costing at least this many hours a month (a working day) should have a plan. */
export const DEBT_INTEREST_THRESHOLD = 8;

const pct = (x: number) => `${Math.round(x * 100)} %`;

function forecasts(input: InsightInput) {
  const owners = new Map(input.model.services.map((s) => [s.id as string, s.team as string]));
  return input.model.migrations.map((m) => {
    const f = forecastMigration(m, owners, { asOf: input.asOf, trials: TRIALS, random: createRandom(SEED) });
    return { migration: m, f, outlooks: teamOutlooks(m, f) };
  });
}

/** A migration whose throughput forecast puts its P80 after its target: high when even its P50 is. */
export function migrationP80Late(input: InsightInput): Finding[] {
  return forecasts(input).flatMap(({ migration: m, f, outlooks }): Finding[] => {
    if (m.target === undefined || !f.forecast.ok) return [];
    const fc = f.forecast.value;
    if (fc.remaining === 0 || (fc.p80 !== null && fc.p80 <= m.target)) return [];
    const p50Late = fc.p50 === null || fc.p50 > m.target;
    const late = outlooks.filter((o) => o.reasons.length > 0).map((o) => teamName(input.model, o.team));
    return [
      {
        rule: 'migration-p80-late',
        key: `migration-p80-late:${m.id}`,
        severity: p50Late ? 'high' : 'medium',
        title: `Migration "${m.title}" is forecast to finish after its target ${m.target}`,
        explanation: `${fc.remaining} steps are left at ${fc.meanThroughput.toFixed(1)} a week (the last ${fc.history.length} weeks): the throughput forecast lands by ${fc.p50 ?? 'no date within 10 years'} half the time and by ${fc.p80 ?? 'no date within 10 years'} in 80 %, a ${pct(fc.probabilityByTarget ?? 0)} chance of meeting ${m.target}.${late.length > 0 ? ` Lagging: ${late.join(', ')}.` : ''}`,
        action: `Agree with the lagging teams how to raise their pace (people, or taking steps off their list), or move the target and say so in the next update.`,
        items: [],
        teams: outlooks.filter((o) => o.reasons.length > 0).map((o) => o.team),
      },
    ];
  });
}

const REASON: Record<string, string> = {
  behind: 'is 15 or more points behind the migration as a whole',
  late: "its own pace puts its P80 after the migration's target",
  stalled: 'finished no step in the history window',
};

/** A team lagging a migration, by the rule of engine/migration/laggards.ts, named with its reasons. */
export function migrationLaggard(input: InsightInput): Finding[] {
  return forecasts(input).flatMap(({ migration: m, outlooks }) =>
    outlooks
      .filter((o) => o.reasons.length > 0)
      .map(
        (o): Finding => ({
          rule: 'migration-laggard',
          key: `migration-laggard:${m.id}:${o.team}`,
          severity: o.reasons.includes('late') || o.reasons.includes('stalled') ? 'medium' : 'low',
          title: `${teamName(input.model, o.team)} lags migration "${m.title}"`,
          explanation: `${teamName(input.model, o.team)} has ${pct(o.share)} of its steps done (${o.remaining} left): it ${o.reasons.map((r) => REASON[r] ?? r).join(', and ')}${o.reasons.includes('late') ? `; its own P80 is ${o.p80 ?? 'beyond 10 years'}` : ''}.`,
          action: `Ask ${teamName(input.model, o.team)} what blocks its next steps and whether another team can take some; track it in the next review.`,
          items: [],
          teams: [o.team],
        }),
      ),
  );
}

/** Open tech debt costing a working day a month or more, with no plan: no team and estimate, not in progress. */
export function debtUnplanned(input: InsightInput): Finding[] {
  const register = debtRegister(input.model.items, input.model.incidents, { now: judgedAt(input) });
  return register.open
    .filter((d) => !d.planned && d.interestPerMonth >= DEBT_INTEREST_THRESHOLD)
    .map((d): Finding => {
      const team = d.item.team as string | undefined;
      const lacks = [team === undefined ? 'team' : '', d.item.estimate === undefined ? 'estimate' : ''].filter(Boolean);
      const missing = lacks.map((x) => (x === 'team' ? 'a team' : 'an estimate')).join(' and ');
      return {
        rule: 'debt-unplanned',
        key: `debt-unplanned:${d.item.id}`,
        severity: 'medium',
        title: `Tech debt "${d.item.id}" costs ${Math.round(d.interestPerMonth)} h a month and has no plan`,
        explanation: `"${d.item.title}" (cause: ${d.cause.replace('-', ' ')}) costs ${d.toilHoursPerMonth} h of toil${d.incidentHoursPerMonth > 0 ? ` and ${d.incidentHoursPerMonth.toFixed(1)} h of incidents` : ''} a month, rank ${d.rank} on the debt register, but has no ${lacks.join(' or ')}, so no plan will schedule it.`,
        action: `Give it ${missing} so it can be planned at funnel level ${d.item.priority ?? 2}, or decide to live with it and record the decision.`,
        items: [d.item.id],
        teams: team === undefined ? [] : [team],
      };
    });
}
