import type { Finding } from '../finding.js';
import { type InsightInput, teamName } from '../insight-input.js';

/** Load above capacity by more than this share counts (rounding of tenths of a person-day). */
const TOLERANCE = 0.001;
/** At this share of capacity or more, an overload is high severity. */
const SEVERE = 1.5;

/** Weeks in which the plan asks a team for more person-days than it has. */
export function teamOverloaded(input: InsightInput): Finding[] {
  const { teamLoad, model } = input;
  if (!teamLoad) return [];
  const byTeam = new Map<string, { week: string; load: number; capacity: number }[]>();
  for (const row of teamLoad) {
    if (row.load <= row.capacity * (1 + TOLERANCE)) continue;
    byTeam.set(row.team, [...(byTeam.get(row.team) ?? []), row]);
  }
  return [...byTeam].map(([team, weeks]): Finding => {
    const worst = weeks.reduce((a, b) => (b.load / Math.max(b.capacity, 1e-9) > a.load / Math.max(a.capacity, 1e-9) ? b : a));
    const ratio = worst.capacity > 0 ? worst.load / worst.capacity : Number.POSITIVE_INFINITY;
    const name = teamName(model, team);
    const pct = Number.isFinite(ratio) ? `${Math.round(ratio * 100)} %` : 'with nobody available';
    const span =
      weeks.length === 1
        ? 'that week'
        : `${weeks.length} weeks, from the week of ${weeks[0]?.week} to the week of ${weeks[weeks.length - 1]?.week}`;
    return {
      rule: 'team-overloaded',
      key: `team-overloaded:${team}`,
      severity: ratio >= SEVERE ? 'high' : 'medium',
      title: `${name} is over capacity in ${weeks.length} week${weeks.length === 1 ? '' : 's'}`,
      explanation: `The plan books ${name} for ${worst.load} person-days in the week of ${worst.week} against ${worst.capacity} available (${pct}); it is over capacity in ${span}. The dates that depend on this work will not hold.`,
      action: `Run the levelled plan (plan --level) to see the real dates, then move work to later weeks or to another team, or add people to ${name}.`,
      items: [],
      teams: [team],
    };
  });
}
