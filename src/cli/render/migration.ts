import type { MigrationSummary, MigrationView } from '../../app/migration/migration-view.js';
import type { LagReason } from '../../engine/migration/laggards.js';
import type { Style } from './style.js';
import { table } from './table.js';

const pct = (x: number) => `${Math.round(x * 100)} %`;

/** A 20-character progress bar. */
const bar = (share: number) => {
  const full = Math.round(share * 20);
  return `${'█'.repeat(full)}${'░'.repeat(20 - full)}`;
};

const REASON: Readonly<Record<LagReason, string>> = {
  behind: 'behind the overall pace',
  late: 'own forecast P80 after the target',
  stalled: 'finished nothing in the history window',
};

function ragText(v: MigrationView | MigrationSummary, s: Style): string {
  if (v.rag === 'green') return s.green('on track');
  if (v.rag === 'amber') return s.yellow('at risk');
  if (v.rag === 'red') return s.red('late');
  return s.dim('no target');
}

/** One migration for a TPM: the verdict, the forecast against the target, teams, laggards, the grid, what comes next. */
export function renderMigration(v: MigrationView, s: Style): string {
  const o = v.progress.overall;
  const out = [s.bold(`${v.title} (${v.id}) on ${v.asOf}`), ''];
  out.push(
    `${bar(o.share)} ${pct(o.share)} of steps done (${o.stepsDone} of ${o.steps}); ${o.servicesDone} of ${o.services} services fully migrated`,
  );
  if (o.stepsDone === o.steps) out.push(s.green('Every service is migrated.'));
  else if (v.forecast !== null) {
    const f = v.forecast;
    const target = v.target === null ? '' : ` against the target ${v.target}: ${ragText(v, s)}`;
    out.push(
      `Forecast finish: P50 ${f.p50 ?? 'beyond 10 years'}, P80 ${f.p80 ?? 'beyond 10 years'}, P95 ${f.p95 ?? 'beyond 10 years'}${target}`,
    );
    if (f.probabilityByTarget !== null) out.push(`Chance of finishing by the target: ${pct(f.probabilityByTarget)}`);
    out.push(
      s.dim(
        `  ${f.remaining} steps left at ${f.meanThroughput.toFixed(1)} a week on average; ${v.trials} trials resampling the last ${f.history.length} week(s) of throughput (${f.history.join(' ')}), seed ${v.seed}`,
      ),
    );
  } else if (v.forecastProblem) out.push(`${s.red('No forecast')}: ${v.forecastProblem.message}; ${v.forecastProblem.hint}`);

  out.push('', s.bold('Teams'));
  out.push(
    table(
      ['TEAM', 'SERVICES', 'STEPS DONE', 'SHARE', 'P80', 'BY TARGET', 'LAGGARD'],
      v.teams.map((t) => [
        t.team,
        `${t.servicesDone}/${t.services}`,
        `${t.stepsDone}/${t.steps}`,
        pct(t.share),
        t.remaining === 0 ? 'done' : (t.p80 ?? 'beyond 10 years'),
        t.probabilityByTarget === null ? '—' : pct(t.probabilityByTarget),
        t.reasons.length === 0 ? '' : s.red(t.reasons.map((r) => REASON[r]).join('; ')),
      ]),
      [1, 2, 3],
    ),
  );
  if (v.laggards.length > 0) out.push('', `${s.red('Laggards')}: ${v.laggards.join(', ')}`);
  const late = v.teams.filter((t) => t.reasons.includes('late'));
  if (late.length > 0) {
    const slowest = late.reduce((a, b) => ((a.p80 ?? '9999') >= (b.p80 ?? '9999') ? a : b));
    out.push(
      `The forecast pools every team's pace; at its own pace ${slowest.team} finishes by ${slowest.p80 ?? 'no date within 10 years'} (P80), after the target.`,
    );
  }

  out.push('', s.bold('Services × steps'));
  out.push(
    table(
      ['SERVICE', 'TEAM', ...v.steps.map((x) => x.toUpperCase()), 'NEXT'],
      v.grid.map((row) => [
        row.service,
        row.team,
        ...row.cells.map((c) => (c.done === null ? s.dim('·') : s.green(c.done))),
        row.next === null ? s.green('migrated') : row.next,
      ]),
    ),
  );
  out.push('', s.bold('Steps done per column'));
  out.push(v.progress.columns.map((c) => `${c.step} ${c.done}/${c.services}`).join('  ·  '));
  if (v.nextSteps.length > 0) {
    out.push('', s.bold('Next steps per team'));
    for (const t of v.nextSteps) {
      out.push(`  ${t.team}: ${t.steps.map((x) => `${x.step} ${x.service}${x.item === null ? '' : ` (${x.item})`}`).join(', ')}`);
    }
  }
  const cells = v.steps.length * v.grid.length;
  if (v.generatedItems === 0 && cells > 0)
    out.push('', s.dim(`No work items yet: throughline migration generate <program> ${v.id} adds one per service and step (${cells}).`));
  else if (v.generatedItems < cells)
    out.push('', s.dim(`${v.generatedItems} of ${cells} work items generated; generate again to add the rest.`));
  return out.join('\n');
}

/** Every migration of a program, one line each. */
export function renderMigrationList(program: string, asOf: string, list: readonly MigrationSummary[], s: Style): string {
  if (list.length === 0) return `${program} has no migrations. Add one under migrations: in the program file.`;
  return [
    s.bold(`Migrations of ${program} on ${asOf}`),
    '',
    table(
      ['ID', 'TITLE', 'DONE', 'SERVICES', 'P50', 'P80', 'TARGET', 'STATUS', 'LAGGARDS'],
      list.map((m) => [
        m.id,
        m.title,
        pct(m.share),
        `${m.servicesDone}/${m.services}`,
        m.share === 1 ? 'done' : (m.p50 ?? '—'),
        m.share === 1 ? 'done' : (m.p80 ?? '—'),
        m.target ?? '—',
        ragText(m, s),
        m.laggards.join(', '),
      ]),
      [2],
    ),
    '',
    s.dim('Name one to see its teams, grid and burn-down: throughline migration <program> <id>'),
  ].join('\n');
}
