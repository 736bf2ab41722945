import type { ProgramModel } from '../../domain/program-model.js';
import { readProgramYaml } from '../../formats/program-yaml/read-program.js';
import type { CliIo } from '../cli-io.js';
import { EXIT } from '../exit-codes.js';
import { renderProblems } from '../render/problems.js';
import { readSource } from './read-source.js';

export async function validateCommand(io: CliIo, file: string, options: { json?: boolean }): Promise<number> {
  const source = await readSource(io, file);
  if ('error' in source) {
    io.err(`${io.errStyle.red('error')}: ${source.error}`);
    return EXIT.usage;
  }
  const result = readProgramYaml(source.text, file);
  if (options.json) {
    io.out(JSON.stringify(result.ok ? { valid: true, file, problems: [] } : { valid: false, file, problems: result.error }, null, 2));
    return result.ok ? EXIT.ok : EXIT.invalid;
  }
  if (!result.ok) {
    io.err(renderProblems(result.error, io.errStyle));
    return EXIT.invalid;
  }
  const m = result.value;
  const milestones = m.items.filter((i) => i.kind === 'milestone').length;
  io.out(
    `${io.style.green('✓')} ${file} is valid: program "${m.program.id}", ${plural(m.teams.length, 'team')}, ` +
      `${plural(m.items.length - milestones, 'item')}, ${plural(milestones, 'milestone')}, ${plural(m.dependencies.length, 'dependency', 'dependencies')}` +
      (m.services.length + m.slos.length + m.incidents.length + m.postmortems.length > 0
        ? `; ${plural(m.services.length, 'service')}, ${plural(m.slos.length, 'SLO')}, ${plural(m.incidents.length, 'incident')}, ${plural(m.postmortems.length, 'post-mortem')}`
        : '') +
      infraCounts(m),
  );
  return EXIT.ok;
}

/** Issue 7's parts, only when the program has any. */
function infraCounts(m: ProgramModel): string {
  const debt = m.items.filter((i) => i.debt !== undefined).length;
  if (m.capacity.length + m.migrations.length + debt === 0 && !m.program.cost) return '';
  const parts = [plural(m.capacity.length, 'capacity resource'), plural(m.migrations.length, 'migration'), plural(debt, 'debt item')];
  if (m.program.cost) parts.push(`cost rules ${m.program.cost.allocation.length}, budgets ${m.program.cost.budgets.length}`);
  return `; ${parts.join(', ')}`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
