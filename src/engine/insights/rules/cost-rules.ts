import type { Finding } from '../finding.js';
import { type InsightInput, teamName } from '../insight-input.js';

/** Money for a finding's text: whole units. */
const money = (amount: number, currency: string) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);

/** A waste kind whose share of its category's spend is at least this is a finding (20 %). */
export const WASTE_SHARE_FINDING = 0.2;
/** Anomalies from this many days before the last day with cost data count (7). */
export const ANOMALY_RECENT_DAYS = 7;

/** A team's run-rate forecast for the month is over its budget: high from 10 % over. */
export function costOverBudget(input: InsightInput): Finding[] {
  const c = input.cost;
  if (!c) return [];
  return c.overBudget.map((t): Finding => {
    const over = t.forecast - t.budget;
    const share = t.budget > 0 ? over / t.budget : 1;
    return {
      rule: 'cost-over-budget',
      key: `cost-over-budget:${t.team}:${c.month}`,
      severity: share >= 0.1 ? 'high' : 'medium',
      title: `${teamName(input.model, t.team)} is forecast ${money(over, c.currency)} over its ${c.month} cloud budget`,
      explanation: `At the run rate of the last 7 days, ${teamName(input.model, t.team)} ends ${c.month} at ${money(t.forecast, c.currency)} against a budget of ${money(t.budget, c.currency)} (${Math.round(share * 100)} % over); ${money(t.monthToDate, c.currency)} is spent to ${c.asOf}.`,
      action: `Ask ${teamName(input.model, t.team)} what drives the rise (throughline cost anomalies, cost waste) and agree a cut or a budget change before the month closes.`,
      items: [],
      teams: [t.team],
    };
  });
}

/** A day in the last week whose cost for a team or service jumped far from its usual. */
export function costAnomaly(input: InsightInput): Finding[] {
  const c = input.cost;
  if (!c) return [];
  return c.anomalies
    .filter((a) => a.direction === 'spike')
    .map((a): Finding => {
      const [kind, ...name] = a.key.split(' ');
      const subject = name.join(' ');
      return {
        rule: 'cost-anomaly',
        key: `cost-anomaly:${a.key.replace(' ', ':')}:${a.day}`,
        severity: 'medium',
        title: `Cloud cost spike for ${kind} ${subject} on ${a.day}: ${money(a.actual, c.currency)} against ${money(a.expected, c.currency)} usual`,
        explanation: `${kind === 'team' ? teamName(input.model, subject) : subject} cost ${money(a.impact, c.currency)} more than the median of the 14 days before (robust z-score ${Number.isFinite(a.z) ? a.z.toFixed(1) : 'beyond scale: the days before were flat'}).`,
        action:
          'Find the resource or change behind it (cost anomalies, the FOCUS rows of that day) and confirm it is expected, or stop it.',
        items: [],
        teams: kind === 'team' ? [subject] : [],
      };
    });
}

/** A kind of waste that takes a large share of its category's spend. */
export function costWasteShare(input: InsightInput): Finding[] {
  const c = input.cost;
  if (!c) return [];
  return c.waste
    .filter((w) => w.share >= WASTE_SHARE_FINDING)
    .map(
      (w): Finding => ({
        rule: 'cost-waste-share',
        key: `cost-waste-share:${w.kind}`,
        severity: 'medium',
        title: `${Math.round(w.share * 100)} % of ${w.category.toLowerCase()} spend is waste (${w.kind.replace('-', ' ')})`,
        explanation: `${w.sentence}: ${money(w.spend, c.currency)} in the last 30 days, of ${money(w.categorySpend, c.currency)}.`,
        action: 'Review the list (throughline cost waste), snapshot what must be kept, and delete or stop the rest.',
        items: [],
        teams: [],
      }),
    );
}
