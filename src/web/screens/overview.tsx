import { programPath } from '../api/client';
import type { ChangeSet, ProgramSummary } from '../api/types';
import { useResource } from '../api/use-resource';
import { StateBadge } from '../components/badges';
import { Empty, ProblemBanner } from '../components/feedback';
import { PageHead } from '../components/page-head';
import { itemHref, programHref } from '../nav';
import { useProgram } from '../program-context';
import { Link } from '../router';
import { WeekChanges } from './overview/week-changes';
import { dayLabel, RAG_LABEL, type Rag, type StatusReport } from './status-report/report-types';
import './overview.css';

const WEEK_MS = 7 * 24 * 3600 * 1000;

/** The program on one page for a leader: how it is doing and why, the dates, what needs them, what moved. */
export function OverviewScreen() {
  const { id, version, detail } = useProgram();
  const report = useResource<StatusReport>(programPath(id, 'report'), { format: 'json' }, version);
  const history = useResource<{ changeSets: ChangeSet[] }>(programPath(id, 'history'), { limit: 200 }, version);
  const summary = detail?.summary;
  const r = report.value;
  const weekAgo = Date.now() - WEEK_MS;
  return (
    <div className="page ov">
      <PageHead
        title={detail?.program.name ?? id}
        sub={
          summary ? (
            <span>
              {summary.goal ? <>{summary.goal} · </> : null}
              {summary.tpm ? <>TPM {summary.tpm} · </> : null}
              Target <strong>{dayLabel(summary.target)}</strong>
            </span>
          ) : null
        }
        actions={
          <Link className="btn" href={programHref(id, 'report')}>
            Status report
          </Link>
        }
      />
      {report.state === 'error' && !r ? <ProblemBanner problem={report.problem} onRetry={report.reload} /> : null}
      {report.state === 'error' && !r ? null : <Health report={r} loading={report.state === 'loading'} target={summary?.target} />}
      {summary ? <Counts summary={summary} /> : null}
      <section className="card" aria-labelledby="ov-milestones">
        <h2 id="ov-milestones">Milestones</h2>
        <Milestones report={r} summary={summary} programId={id} />
      </section>
      <div className="ov-grid">
        <section className="card" aria-labelledby="ov-decisions">
          <div className="ov-card-head">
            <h2 id="ov-decisions">Decisions needed</h2>
            <Link href={programHref(id, 'decisions')} className="ov-more">
              All decisions →
            </Link>
          </div>
          <DecisionsNeeded report={r} summary={summary} />
        </section>
        <section className="card" aria-labelledby="ov-risks">
          <div className="ov-card-head">
            <h2 id="ov-risks">Top risks</h2>
            <Link href={programHref(id, 'risks')} className="ov-more">
              All risks →
            </Link>
          </div>
          <TopRisks report={r} />
        </section>
      </div>
      <section className="card" aria-labelledby="ov-week">
        <div className="ov-card-head">
          <h2 id="ov-week">What changed this week</h2>
          <span className="faint">since {new Date(weekAgo).toLocaleDateString('en-US', { month: 'short', day: 'numeric' })}</span>
        </div>
        {history.state === 'error' ? <ProblemBanner problem={history.problem} onRetry={history.reload} /> : null}
        {history.value ? (
          <WeekChanges programId={id} sets={history.value.changeSets.filter((s) => new Date(s.at).getTime() >= weekAgo)} />
        ) : (
          <Skeleton lines={3} />
        )}
      </section>
    </div>
  );
}

function Skeleton({ lines }: { lines: number }) {
  return (
    <div className="ov-skeleton" aria-hidden="true">
      {Array.from({ length: lines }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholder lines have no identity.
        <div key={i} style={{ width: `${90 - i * 17}%` }} />
      ))}
    </div>
  );
}

function Health({ report, loading, target }: { report: StatusReport | undefined; loading: boolean; target: string | undefined }) {
  if (!report)
    return (
      <section className="card ov-health pending" aria-label="Health" aria-busy="true">
        <div className="ov-rag-block">
          <span className="spinner" />
        </div>
        <div className="stack" style={{ flex: 1 }}>
          <strong>Computing the forecast…</strong>
          <span className="muted">
            Running 2,000 Monte Carlo trials of the plan to say how likely each date is. This takes a second or two.
          </span>
          <div className="progress" role="progressbar" aria-label="Computing the forecast" />
        </div>
      </section>
    );
  const rag = report.rag.overall;
  const moved = report.finish.previousP80 ? compare(report.finish.previousP80, report.finish.p80) : null;
  return (
    <section className={`card ov-health ${rag}`} aria-label="Health">
      <div className="ov-rag-block" data-rag={rag}>
        <span className="ov-rag-word">{RAG_LABEL[rag]}</span>
        <span className="ov-rag-sub">{rag.toUpperCase()}</span>
      </div>
      <div className="ov-why">
        <div className="ov-label">Why</div>
        <p className="ov-why-text" data-testid="rag-why">
          {report.rag.why}
        </p>
        {report.rag.workstreams.length > 0 ? (
          <ul className="ov-ws" aria-label="Workstreams">
            {report.rag.workstreams.map((w) => (
              <li key={w.id} title={w.why}>
                <span className={`ov-dot ${w.rag}`} /> {w.name}
                <span className="faint"> · {RAG_LABEL[w.rag].toLowerCase()}</span>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <dl className="ov-finish">
        <div>
          <dt>Program target</dt>
          <dd>{dayLabel(target ?? report.program.target)}</dd>
        </div>
        <div>
          <dt>All work done, likely (P50)</dt>
          <dd>{dayLabel(report.finish.p50)}</dd>
        </div>
        <div>
          <dt>All work done, 80 % sure (P80)</dt>
          <dd>
            {dayLabel(report.finish.p80)}
            {moved ? <span className={`ov-move ${moved > 0 ? 'later' : 'earlier'}`}>{moved > 0 ? '▲ later' : '▼ earlier'}</span> : null}
          </dd>
        </div>
      </dl>
      {loading ? <div className="progress ov-refresh" role="progressbar" aria-label="Updating" /> : null}
    </section>
  );
}

const compare = (a: string, b: string) => (a.slice(0, 10) < b.slice(0, 10) ? 1 : a.slice(0, 10) > b.slice(0, 10) ? -1 : 0);

function Counts({ summary }: { summary: ProgramSummary }) {
  const c = summary.counts;
  const done = c.byState.done ?? 0;
  const work = c.items - c.milestones;
  const pct = work > 0 ? Math.round((done / work) * 100) : 0;
  const stats: { label: string; value: string; note?: string; tone?: string }[] = [
    { label: 'Work done', value: `${pct} %`, note: `${done} of ${work} items` },
    { label: 'In progress', value: String(c.byState['in-progress'] ?? 0) },
    { label: 'Blocked', value: String(c.byState.blocked ?? 0), ...((c.byState.blocked ?? 0) > 0 ? { tone: 'red' } : {}) },
    { label: 'Dependencies', value: String(summary.counts.openDependencies), note: `open, of ${c.dependencies} in all` },
    { label: 'Open risks', value: String(summary.openRisks.length) },
    { label: 'Teams', value: String(c.teams), note: `${c.workstreams} workstreams` },
  ];
  return (
    <section className="ov-counts" aria-label="Key counts">
      {stats.map((s) => (
        <div key={s.label} className="card stat">
          <span className="label">{s.label}</span>
          <span className={`value ${s.tone ?? ''}`}>{s.value}</span>
          {s.note ? <span className="faint ov-note">{s.note}</span> : null}
        </div>
      ))}
    </section>
  );
}

function RagPill({ rag }: { rag: Rag | null }) {
  if (!rag) return <span className="faint">no target</span>;
  return (
    <span className={`badge ${rag}`} data-rag={rag}>
      <span className="dot" /> {RAG_LABEL[rag]}
    </span>
  );
}

function Milestones({
  report,
  summary,
  programId,
}: {
  report: StatusReport | undefined;
  summary: ProgramSummary | undefined;
  programId: string;
}) {
  if (!report && !summary) return <Skeleton lines={4} />;
  if (!report)
    return (
      <table className="data" aria-label="Milestones">
        <thead>
          <tr>
            <th>Milestone</th>
            <th>Target</th>
            <th>State</th>
          </tr>
        </thead>
        <tbody>
          {summary?.milestones.map((m) => (
            <tr key={m.id}>
              <td>
                <Link href={itemHref(programId, m.id)}>{m.title}</Link>
              </td>
              <td className="num">{dayLabel(m.target)}</td>
              <td>
                <span className="faint">forecasting…</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  if (report.milestones.length === 0) return <Empty>No milestones yet: add an item of kind milestone.</Empty>;
  return (
    <table className="data ov-ms" aria-label="Milestones">
      <thead>
        <tr>
          <th>Milestone</th>
          <th>Target</th>
          <th>Likely (P50)</th>
          <th>80 % sure (P80)</th>
          <th>Status</th>
        </tr>
      </thead>
      <tbody>
        {report.milestones.map((m) => (
          <tr key={m.id}>
            <td>
              <Link href={itemHref(programId, m.id)}>{m.title}</Link>
            </td>
            <td className="num">{dayLabel(m.target)}</td>
            <td className={`num ${m.target && m.p50.slice(0, 10) > m.target ? 'ov-late' : ''}`}>{dayLabel(m.p50)}</td>
            <td className={`num ${m.target && m.p80.slice(0, 10) > m.target ? 'ov-late' : ''}`}>
              {dayLabel(m.p80)}
              {m.trendDays ? (
                <span className={`ov-move ${m.trendDays > 0 ? 'later' : 'earlier'}`}>
                  {m.trendDays > 0 ? '+' : ''}
                  {m.trendDays} d
                </span>
              ) : null}
            </td>
            <td>
              <RagPill rag={m.rag} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function DecisionsNeeded({ report, summary }: { report: StatusReport | undefined; summary: ProgramSummary | undefined }) {
  const today = new Date().toISOString().slice(0, 10);
  const open = [...(summary?.openDecisions ?? [])].sort((a, b) => (a.needBy ?? '9999').localeCompare(b.needBy ?? '9999'));
  if (!summary) return <Skeleton lines={2} />;
  if (open.length === 0) return <p className="muted">No decision is waiting.</p>;
  const why = new Map((report?.decisionsNeeded ?? []).map((d) => [d.id, d.why]));
  return (
    <ul className="ov-list">
      {open.slice(0, 5).map((d) => {
        const overdue = d.needBy !== undefined && d.needBy < today;
        return (
          <li key={d.id}>
            <div className="ov-list-main">
              <strong>{d.title}</strong>
              {why.get(d.id) ? <span className="muted ov-list-why">{why.get(d.id)}</span> : null}
            </div>
            <span className={`badge ${overdue ? 'red' : 'amber'}`}>
              {d.needBy ? `${overdue ? 'overdue · ' : 'by '}${dayLabel(d.needBy)}` : 'no date'}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

function TopRisks({ report }: { report: StatusReport | undefined }) {
  if (!report) return <Skeleton lines={3} />;
  if (report.topRisks.length === 0) return <p className="muted">Nothing stands out.</p>;
  return (
    <ul className="ov-list">
      {report.topRisks.slice(0, 4).map((r) => (
        <li key={r.title}>
          <div className="ov-list-main">
            <strong>{r.title}</strong>
            <span className="muted ov-list-why">{r.action}</span>
          </div>
          <StateBadge value={r.severity} />
        </li>
      ))}
    </ul>
  );
}
