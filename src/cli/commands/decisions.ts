import { dayIn } from '../../app/day-in-zone.js';
import { type DecisionLog, programDecisions } from '../../app/program-decisions.js';
import { type CalendarDate, isCalendarDate } from '../../domain/calendar-date.js';
import type { CliIo } from '../cli-io.js';
import { EXIT } from '../exit-codes.js';
import { describePlanError } from '../render/plan-error.js';
import type { Style } from '../render/style.js';
import { table } from '../render/table.js';
import { withProgramTarget } from './program-target.js';

export async function decisionsCommand(io: CliIo, target: string, o: { asOf?: string; json?: boolean }): Promise<number> {
  if (o.asOf !== undefined && !isCalendarDate(o.asOf)) {
    io.err(`${io.errStyle.red('error')}: --as-of "${o.asOf}" is not a date; write it as YYYY-MM-DD`);
    return EXIT.usage;
  }
  return withProgramTarget(io, target, `throughline decisions ${target}`, async ({ model }) => {
    const asOf = (o.asOf as CalendarDate | undefined) ?? dayIn(model.program.calendar.timezone, io.now());
    const result = programDecisions(model, asOf);
    if (!result.ok) {
      const e = result.error;
      io.err(`${io.errStyle.red('error')}: ${describePlanError(e)}`);
      return EXIT.invalid;
    }
    io.out(o.json ? JSON.stringify(result.value, null, 2) : renderDecisions(result.value, io.style));
    return EXIT.ok;
  });
}

function renderDecisions(log: DecisionLog, s: Style): string {
  const out = [s.bold(`Decisions for ${log.program} as of ${log.asOf}`), ''];
  if (log.needed.length === 0) out.push(s.green('No decision is open.'));
  else {
    out.push(s.bold(`Decisions needed (${log.needed.length})`));
    for (const d of log.needed) {
      const when =
        d.daysLeft === null
          ? s.dim('no date')
          : d.daysLeft < 0
            ? s.red(`blocking since ${d.blocksOn}`)
            : d.daysLeft <= 14
              ? s.yellow(`by ${d.blocksOn} (${d.daysLeft} days)`)
              : `by ${d.blocksOn} (${d.daysLeft} days)`;
      out.push(`  ${s.bold(d.id)}  ${d.title}`, `      ${when}: ${d.why}`);
      if (d.context) out.push(s.dim(`      ${d.context}`));
      if (d.items.length > 0) out.push(s.dim(`      affects ${d.items.join(', ')}`));
      if (d.options.length > 0) out.push(s.dim(`      options: ${d.options.join(' | ')}`));
      for (const x of d.scenarios)
        out.push(
          s.dim(
            `      "${x.option}" was evaluated in scenario ${x.scenario} (throughline scenario ${log.program} --compare ${x.scenario})`,
          ),
        );
    }
  }
  if (log.made.length > 0) {
    out.push('', s.bold(`Decision log (${log.made.length})`));
    out.push(
      table(
        ['ID', 'DECIDED', 'TITLE', 'OUTCOME', 'BY', 'AFFECTS'],
        log.made.map((d) => [
          d.id,
          d.decidedOn ?? '—',
          d.title.slice(0, 50),
          (d.outcome ?? '—').slice(0, 40),
          (d.decidedBy ?? '—').slice(0, 30),
          d.items.join(' '),
        ]),
      ),
    );
  }
  return out.join('\n');
}
