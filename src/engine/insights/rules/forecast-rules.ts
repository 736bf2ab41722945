import type { Finding } from '../finding.js';
import type { InsightInput } from '../insight-input.js';

/** Milestones the forecast does not give 80 % odds of making their target. */
export function milestoneP80Late(input: InsightInput): Finding[] {
  const { forecast, model } = input;
  if (!forecast) return [];
  const byId = new Map(model.items.map((i) => [i.id as string, i]));
  return forecast.milestones.flatMap((m): Finding[] => {
    if (m.target === null) return [];
    const target = m.target.slice(0, 10);
    const p80 = m.p80.slice(0, 10);
    const p50 = m.p50.slice(0, 10);
    if (!(p80 > target)) return [];
    const item = byId.get(m.id);
    const stakeholders = item && item.stakeholders.length > 0 ? ` Tell ${item.stakeholders.join(', ')}.` : '';
    return [
      {
        rule: 'milestone-p80-late',
        key: `milestone-p80-late:${m.id}`,
        severity: p50 > target ? 'high' : 'medium',
        title: `Milestone "${m.id}" is likely to miss ${target}`,
        explanation: `"${m.id}"${item ? ` (${item.title})` : ''} is due ${target}. Across ${forecast.trials} forecast trials it lands by ${p50} half the time and by ${p80} in 80 %${p50 > target ? ': more likely late than not' : ''}.`,
        action: `Pull in the work that drives it (see the forecast's sensitivity), cut scope, or reset the target with its stakeholders now.${stakeholders}`,
        items: [m.id],
        teams: item?.team ? [item.team] : [],
      },
    ];
  });
}
