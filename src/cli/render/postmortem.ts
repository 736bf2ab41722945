import type { PostmortemListRow, PostmortemView } from '../../app/reliability/postmortem-view.js';
import { PRIORITY_LEVELS } from '../../domain/work-item.js';
import type { Style } from './style.js';
import { table } from './table.js';

const due = (s: Style, a: { due: string; overdue: boolean }) => (a.overdue ? s.red(`${a.due} overdue`) : a.due);

export function renderPostmortemView(v: PostmortemView, s: Style): string {
  const pm = v.postmortem;
  const out = [
    `${s.bold(pm.id)}  post-mortem of ${v.incident ? `${v.incident.id} (${v.incident.severity}) "${v.incident.title}"` : pm.incident}`,
    '',
    pm.summary,
  ];
  if (pm.impact.trim() !== '') out.push('', `${s.bold('Impact')}: ${pm.impact}`);
  const list = (title: string, xs: readonly string[]) => {
    if (xs.length > 0) out.push('', s.bold(title), ...xs.map((x) => `  - ${x}`));
  };
  list('Contributing factors', pm.contributingFactors);
  list('What went well', pm.wentWell);
  list('What went poorly', pm.wentPoorly);
  list('Where we got lucky', pm.gotLucky);
  out.push('', s.bold(`Action items: ${v.openActionItems} open of ${v.actionItems.length}`));
  if (v.actionItems.length > 0) {
    out.push(
      table(
        ['ACTION', 'TITLE', 'OWNER', 'DUE', 'LEVEL', 'STATE', 'TRACKED AS'],
        v.actionItems.map((a) => [a.id, a.title, a.ownerTeam, due(s, a), `${a.level} ${PRIORITY_LEVELS[a.level]}`, a.state, a.item]),
      ),
    );
  }
  out.push('', s.dim('Full text with the timeline: add --markdown'));
  return out.join('\n');
}

export function renderPostmortemList(rows: readonly PostmortemListRow[], s: Style): string {
  if (rows.length === 0) return 'No post-mortems yet. Draft one from a resolved incident: throughline postmortem draft PROGRAM INCIDENT';
  const out = [
    table(
      ['ID', 'INCIDENT', 'TITLE', 'ACTIONS', 'OPEN', 'OVERDUE'],
      rows.map((r) => [
        r.id,
        r.incident,
        r.title,
        String(r.actionItems),
        String(r.openActionItems),
        r.overdueActionItems > 0 ? s.red(String(r.overdueActionItems)) : '0',
      ]),
      [3, 4, 5],
    ),
  ];
  const open = rows.flatMap((r) => r.open.map((a) => ({ ...a, pm: r.id })));
  if (open.length === 0) out.push('', s.green('Every action item is done.'));
  else {
    out.push('', s.bold(`Open action items (${open.length})`));
    out.push(
      table(
        ['POST-MORTEM', 'ITEM', 'TITLE', 'OWNER', 'DUE', 'LEVEL', 'STATE'],
        open.map((a) => [a.pm, a.item, a.title, a.ownerTeam, due(s, a), String(a.level), a.itemState ?? a.state]),
      ),
    );
  }
  return out.join('\n');
}
