import { programFunnel, storedProgramFunnel } from '../../app/reliability/funnel-view.js';
import type { ProgramId } from '../../domain/ids.js';
import type { CliIo } from '../cli-io.js';
import { EXIT } from '../exit-codes.js';
import { renderFunnel } from '../render/funnel.js';
import { at } from '../render/incident.js';
import { instantOption, usage } from './incident.js';
import { withProgramTarget } from './program-target.js';

export async function funnelCommand(io: CliIo, target: string, o: { at?: string; json?: boolean }): Promise<number> {
  const now = instantOption(io, o.at);
  if ('error' in now) return usage(io, now.error);
  return withProgramTarget(io, target, `throughline funnel ${target}`, async (program) => {
    const { model } = program;
    // Exhausted budgets come from stored SLI data; a program file has none.
    const funnel =
      program.kind === 'stored'
        ? await storedProgramFunnel(program.store, model.program.id as ProgramId, model, now)
        : programFunnel(model, now, []);
    io.out(
      o.json
        ? JSON.stringify({ at: now.toISOString(), budgetsChecked: program.kind === 'stored', ...funnel }, null, 2)
        : renderFunnel(funnel, io.style, model.program.id, at(now.toISOString()), program.kind === 'stored'),
    );
    return EXIT.ok;
  });
}
