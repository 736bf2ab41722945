import type { ReportSection } from '../../formats/report/report-section.js';
import type { SectionContext } from '../report-sections.js';
import { migrationView, summariseMigration } from './migration-view.js';

const pct = (x: number) => `${Math.round(x * 100)} %`;
const RAG_ORDER = { red: 0, amber: 1, green: 2 } as const;
/** Trials and seed of the report's forecasts: fixed, so two reports of the same version agree. */
const TRIALS = 5000;
const SEED = 7;

/**
 * The status report's migrations section: per migration, steps and services done, the throughput
 * forecast against the target, laggard teams named; the worst migration sets the RAG. Undefined
 * when the program has no migrations.
 */
export async function migrationReportSection(ctx: SectionContext): Promise<ReportSection | undefined> {
  const { model } = ctx;
  if (model.migrations.length === 0) return undefined;
  const asOf = ctx.asOf;
  const views = model.migrations.map((m) => migrationView(model, m, { asOf, trials: TRIALS, seed: SEED }));
  const summaries = views.map(summariseMigration);
  const rags = summaries.map((s) => s.rag ?? 'green');
  const rag = rags.reduce((worst, r) => (RAG_ORDER[r] < RAG_ORDER[worst] ? r : worst), 'green' as 'green' | 'amber' | 'red');
  const names = new Map(model.teams.map((t) => [t.id as string, t.name]));
  const teamName = (id: string) => names.get(id) ?? id;
  const headlineOf = (v: (typeof views)[number]) => {
    const o = v.progress.overall;
    const f = v.forecast;
    if (o.stepsDone === o.steps) return `${v.title}: done, all ${o.services} services migrated.`;
    const when = f ? `forecast to finish by ${f.p80 ?? 'no date within 10 years'} (P80)` : 'no forecast yet (no step finished recently)';
    const target = v.target
      ? ` against ${v.target}${f?.probabilityByTarget != null ? `, ${pct(f.probabilityByTarget)} likely on time` : ''}`
      : '';
    const late = v.teams.filter((t) => t.reasons.includes('late') || t.reasons.includes('stalled')).map((t) => teamName(t.team));
    const but =
      late.length > 0 && v.target
        ? `; but ${late.join(', ')} at ${late.length === 1 ? 'its' : 'their'} own pace ${late.length === 1 ? 'finishes' : 'finish'} after it`
        : '';
    return `${v.title}: ${pct(o.share)} of steps done, ${when}${target}${but}.`;
  };
  const first = views[0];
  const headline =
    views.length === 1 && first
      ? headlineOf(first)
      : `${views.length} migrations; ${summaries.filter((s) => s.rag === 'red').length} late, ${summaries.filter((s) => s.rag === 'amber').length} at risk.`;
  const bullets = views.flatMap((v) => [
    ...(views.length > 1 ? [headlineOf(v)] : []),
    ...v.teams
      .filter((t) => t.reasons.length > 0)
      .map(
        (t) =>
          `${teamName(t.team)} lags ${v.title}: ${pct(t.share)} done, ${t.remaining} steps left${t.reasons.includes('late') ? `, own P80 ${t.p80 ?? 'beyond 10 years'}` : ''}${t.reasons.includes('stalled') ? ', nothing finished in the window' : ''}.`,
      ),
  ]);
  return {
    id: 'migrations',
    title: 'Migrations',
    rag,
    headline,
    ...(bullets.length > 0 ? { bullets } : {}),
    paragraphs: [
      `Forecast: ${TRIALS.toLocaleString('en-US')} trials resampling the last weeks of finished steps (throughput), as of ${asOf}. A team lags when it is 15 points behind the overall pace, its own forecast P80 is after the target, or it finished nothing in the window.`,
    ],
    tables: views.map((v) => ({
      caption: `${v.title} — progress per team`,
      columns: [
        { title: 'Team' },
        { title: 'Steps done', numeric: true },
        { title: 'Services migrated', numeric: true },
        { title: 'Own P80' },
      ],
      rows: v.teams.map((t) => [
        teamName(t.team),
        `${t.stepsDone}/${t.steps} (${pct(t.share)})`,
        `${t.servicesDone}/${t.services}`,
        t.remaining === 0 ? 'done' : (t.p80 ?? 'beyond 10 years'),
      ]),
      rowRag: v.teams.map((t) =>
        t.remaining === 0
          ? 'green'
          : t.reasons.includes('late') || t.reasons.includes('stalled')
            ? 'red'
            : t.reasons.length > 0
              ? 'amber'
              : null,
      ),
    })),
    bars: {
      title: 'Share of steps done',
      unit: '%',
      bars: summaries.map((s, k) => ({ label: s.title, value: Math.round(s.share * 100), rag: rags[k] ?? 'green' })),
    },
  };
}
