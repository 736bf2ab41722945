import type { ProgramFunnel } from '../../app/reliability/funnel-view.js';
import type { Style } from './style.js';
import { table } from './table.js';

/** The funnel for a TPM: the verdict on level 1 with its evidence, work in progress per level, the level-4 work to pause. */
export function renderFunnel(f: ProgramFunnel, s: Style, program: string, at: string, budgetsKnown: boolean): string {
  const out = [s.bold(`Priority funnel of ${program} at ${at}`), ''];
  if (!f.level1Broken)
    out.push(`${s.green('Level 1 (Stability) holds')}: no open SEV1/SEV2, no exhausted error budget, nothing overdue at level 1.`);
  else {
    out.push(`${s.red('Level 1 (Stability) is broken')} because:`);
    for (const r of f.reasons) out.push(`  - ${r.message}`);
  }
  if (!budgetsKnown) out.push(s.dim('  (error budgets not checked: a program file has no stored SLI data; name a stored program)'));
  out.push('', s.bold('Work in progress per level'));
  out.push(
    table(
      ['LEVEL', 'NAME', 'IN PROGRESS', 'ITEMS'],
      [
        ...f.levels.map((l) => [
          String(l.level),
          l.name,
          String(l.inProgress),
          l.items
            .slice(0, 6)
            .map((i) => i.id)
            .join(', ') + (l.items.length > 6 ? `, +${l.items.length - 6} more` : ''),
        ]),
        ...(f.unlevelled > 0 ? [['—', 'no level', String(f.unlevelled), '']] : []),
      ],
      [2],
    ),
  );
  if (f.flagged.length > 0) {
    out.push('', s.red(`Level-4 (Scale) work in progress while level 1 is broken (${f.flagged.length}): pause it or say why not`));
    out.push(
      table(
        ['ITEM', 'TITLE', 'TEAM'],
        f.flagged.map((x) => [x.item, x.title, x.team ?? '—']),
      ),
    );
  } else if (f.level1Broken) out.push('', 'No level-4 work is in progress.');
  return out.join('\n');
}
