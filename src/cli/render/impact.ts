import type { BlastRadius, ImpactReport, Shift } from '../../app/program-impact.js';
import type { Style } from './style.js';
import { table } from './table.js';

const day = (dateTime: string) => dateTime.slice(0, 10);
const signed = (days: number) => {
  const x = Math.round(days * 10) / 10;
  return x > 0 ? `+${x}` : String(x);
};

function teamsList(teams: BlastRadius['teams'], s: Style): string[] {
  return teams.map((t) => {
    const shown = t.items.slice(0, 8).join(', ');
    const more = t.items.length > 8 ? `, … ${t.items.length - 8} more` : '';
    return `  ${s.bold(t.name)} (${t.items.length}): ${shown}${more}`;
  });
}

export function renderImpact(r: ImpactReport, s: Style): string {
  const shiftText = (x: Shift) => (x.days === 0 ? s.dim('no change') : (x.days > 0 ? s.red : s.green)(`${signed(x.days)} working days`));
  const out = [
    s.bold(`Impact on ${r.program}: ${r.change}`),
    s.dim(
      `Dates from the ${r.basis}${r.forecast ? `; P50/P80 from forecasts of ${r.forecast.trials} trials (seed ${r.forecast.seed})` : ''}.`,
    ),
    '',
    `${s.bold('Finish')}  ${day(r.finish.before)} → ${day(r.finish.after)}  ${shiftText(r.finish)}`,
    '',
  ];
  const moved = r.milestones.filter((m) => m.plan.days !== 0 || (m.p50?.days ?? 0) !== 0 || (m.p80?.days ?? 0) !== 0);
  if (moved.length > 0) {
    const f = (x: Shift | null) => (x ? `${day(x.after)} (${signed(x.days)})` : '—');
    out.push(
      table(
        ['MILESTONE', 'TARGET', 'PLAN BEFORE', 'PLAN AFTER', 'SHIFT', 'P50 AFTER', 'P80 AFTER'],
        moved.map((m) => [m.id, m.target ?? '—', day(m.plan.before), day(m.plan.after), signed(m.plan.days), f(m.p50), f(m.p80)]),
        [4],
      ),
    );
  }
  const still = r.milestones.length - moved.length;
  out.push(
    s.dim(
      `${still === 0 ? 'Every' : moved.length === 0 ? 'No' : `${moved.length} of ${r.milestones.length}`} milestone${moved.length === 1 ? '' : 's'} move${moved.length === 1 ? 's' : ''}.`,
    ),
  );
  out.push(
    '',
    s.bold(
      `Downstream: ${r.downstream.items} item${r.downstream.items === 1 ? '' : 's'} in ${r.downstream.teams.length} team${r.downstream.teams.length === 1 ? '' : 's'}`,
    ),
  );
  out.push(...teamsList(r.downstream.teams, s));
  return out.join('\n');
}

export function renderBlastRadius(r: BlastRadius, s: Style): string {
  return [
    s.bold(
      `Blast radius of ${r.of} in ${r.program}: ${r.items} item${r.items === 1 ? '' : 's'} in ${r.teams.length} team${r.teams.length === 1 ? '' : 's'} wait on it`,
    ),
    ...teamsList(r.teams, s),
    r.milestones.length > 0 ? `${s.bold('Milestones downstream')}: ${r.milestones.join(', ')}` : s.dim('No milestone waits on it.'),
  ].join('\n');
}
