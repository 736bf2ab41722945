import { debtView, defaultDebtInstant } from '../../app/debt/debt-view.js';
import type { CliIo } from '../cli-io.js';
import { EXIT } from '../exit-codes.js';
import { renderDebt } from '../render/debt.js';
import { instantOption, usage } from './incident.js';
import { withProgramTarget } from './program-target.js';

/** `throughline debt <program> [--by cause|service] [--at instant] [--json]`. */
export async function debtCommand(io: CliIo, target: string, o: { by?: string; at?: string; json?: boolean }): Promise<number> {
  const now = instantOption(io, o.at);
  if ('error' in now) return usage(io, now.error);
  const by = o.by ?? 'item';
  if (by !== 'item' && by !== 'cause' && by !== 'service')
    return usage(io, `--by "${by}" is none of cause, service (or leave it out for the ranked list)`);
  return withProgramTarget(io, target, `throughline debt ${target}`, async ({ model }) => {
    const view = debtView(model, o.at === undefined ? defaultDebtInstant(model, now) : now);
    io.out(o.json ? JSON.stringify(view, null, 2) : renderDebt(view, io.style, model.program.id, by));
    return EXIT.ok;
  });
}
