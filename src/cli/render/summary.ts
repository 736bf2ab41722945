import type { ProgramSummary } from '../../app/program-summary.js';
import type { Style } from './style.js';
import { table } from './table.js';

const STATE_COLOR = { broken: 'red', 'at-risk': 'yellow', requested: 'cyan', accepted: 'green' } as const;

/** The program at a glance: header, teams, milestones, cross-team dependencies, risks, decisions. */
export function renderSummary(p: ProgramSummary, s: Style): string {
  const c = p.counts;
  const out: string[] = [];
  out.push(s.bold(`${p.name}`) + s.dim(`  (${p.id})`));
  if (p.goal) out.push(p.goal);
  const who = [p.sponsor ? `sponsor ${p.sponsor}` : '', p.tpm ? `TPM ${p.tpm}` : ''].filter(Boolean).join(' · ');
  out.push(s.dim(`${p.start} → ${p.target} (${p.timezone})${who ? ` · ${who}` : ''}`));
  out.push(
    `${c.teams} teams · ${c.workstreams} workstreams · ${c.items} items · ${c.milestones} milestones · ` +
      `${c.dependencies} dependencies (${c.crossTeamDependencies} cross-team)`,
  );
  if (c.services + c.slos + c.openIncidents + c.postmortems > 0) {
    const n = (k: number, one: string, many = `${one}s`) => `${k} ${k === 1 ? one : many}`;
    out.push(
      `${n(c.services, 'service')} · ${n(c.slos, 'SLO')} · ${n(c.openIncidents, 'open incident')} · ${n(c.postmortems, 'post-mortem')}`,
    );
  }
  if (c.capacity + c.migrations + c.debtItems > 0) {
    const n = (k: number, one: string, many = `${one}s`) => `${k} ${k === 1 ? one : many}`;
    out.push(`${n(c.capacity, 'capacity resource')} · ${n(c.migrations, 'migration')} · ${n(c.debtItems, 'debt item')}`);
  }
  out.push(
    s.dim(
      `items: ${c.byState.done} done, ${c.byState['in-progress']} in progress, ${c.byState.blocked} blocked, ` +
        `${c.byState['not-started']} not started${c.byState.cancelled ? `, ${c.byState.cancelled} cancelled` : ''}`,
    ),
  );

  out.push('', s.bold('Teams'));
  out.push(
    table(
      ['TEAM', 'NAME', 'PEOPLE', 'ITEMS', 'OPEN', 'REMAINING (person-days)'],
      p.teams.map((t) => [t.id, t.name, String(t.capacity), String(t.items), String(t.openItems), String(t.remainingDays)]),
      [2, 3, 4, 5],
    ),
  );

  if (p.workstreams.length > 0) {
    out.push('', s.bold('Workstreams'));
    out.push(
      table(
        ['WORKSTREAM', 'NAME', 'ITEMS', 'DONE'],
        p.workstreams.map((w) => [w.id, w.name, String(w.items), String(w.done)]),
        [2, 3],
      ),
    );
  }

  out.push('', s.bold('Milestones'));
  out.push(
    p.milestones.length === 0
      ? s.dim('none yet')
      : table(
          ['MILESTONE', 'TITLE', 'TARGET', 'STATE', 'WAITS ON'],
          p.milestones.map((m) => [m.id, m.title, m.target ?? '—', m.state, String(m.waitsOn)]),
          [4],
        ),
  );

  const attention = p.openDependencies.filter((d) => d.state !== 'accepted');
  const agreed = p.openDependencies.length - attention.length;
  out.push(
    '',
    s.bold(`Cross-team dependencies needing attention (${attention.length})`) + s.dim(`  · ${agreed} more accepted and still open`),
  );
  out.push(
    attention.length === 0
      ? s.dim('none: every open cross-team dependency is accepted')
      : table(
          ['STATE', 'FROM', '', 'TO', 'LINK', 'TEAMS'],
          attention.map((d) => [
            s[STATE_COLOR[d.state]](d.state),
            d.from,
            '→',
            d.to,
            d.type + (d.lag === 0 ? '' : d.lag > 0 ? `+${d.lag}d` : `${d.lag}d`),
            `${d.fromTeam ?? '?'} → ${d.toTeam ?? '?'}`,
          ]),
        ),
  );

  out.push('', s.bold(`Open risks (${p.openRisks.length})`));
  out.push(
    p.openRisks.length === 0
      ? s.dim('none')
      : table(
          ['RISK', 'TITLE', 'P', 'EXPOSURE', 'OWNER', 'STATUS'],
          p.openRisks.map((r) => [
            r.id,
            r.title,
            r.probability.toFixed(2),
            [
              r.exposureDays !== undefined ? `${r.exposureDays}d` : '',
              r.exposureCost !== undefined ? `$${r.exposureCost.toLocaleString('en-US')}` : '',
            ]
              .filter(Boolean)
              .join(' / '),
            r.owner ?? '—',
            r.status,
          ]),
        ),
  );

  out.push('', s.bold(`Decisions needed (${p.openDecisions.length})`));
  out.push(
    p.openDecisions.length === 0
      ? s.dim('none')
      : table(
          ['DECISION', 'TITLE', 'NEED BY'],
          p.openDecisions.map((d) => [d.id, d.title, d.needBy ?? '—']),
        ),
  );
  return out.join('\n');
}
