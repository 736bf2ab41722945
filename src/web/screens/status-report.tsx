import { useEffect, useState } from 'react';
import { type ApiProblem, api, apiUrl, programPath, request } from '../api/client';
import { useResource } from '../api/use-resource';
import { ProblemBanner } from '../components/feedback';
import { errorFor, Field } from '../components/field';
import { PageHead } from '../components/page-head';
import { useProgram } from '../program-context';
import { setQueryParam, useLocation } from '../router';
import { useToast } from '../toasts';
import { dayLabel, RAG_LABEL, type StatusReport, type WrittenSummary } from './status-report/report-types';
import './status-report.css';

const EXPORTS = [
  { format: 'markdown', label: 'Markdown', file: 'md' },
  { format: 'html', label: 'HTML', file: 'html' },
  { format: 'confluence', label: 'Confluence', file: 'xhtml' },
  { format: 'slack', label: 'Slack (Block Kit JSON)', file: 'json' },
] as const;

/** The executive status report: preview as leaders will read it, the summary in the TPM's words, exports. */
export function StatusReportScreen() {
  const { id, version, canEdit } = useProgram();
  const { query } = useLocation();
  const asOf = query.get('asOf') ?? undefined;
  const [summaryTick, setSummaryTick] = useState(0);
  const refresh = `${version}:${summaryTick}`;
  const report = useResource<StatusReport>(programPath(id, 'report'), { format: 'json', asOf }, refresh);
  const html = useResource<string>(programPath(id, 'report'), { format: 'html', asOf }, refresh);
  const written = useResource<WrittenSummary>(programPath(id, 'report', 'summary'), undefined, refresh);
  const toast = useToast();

  const copyMarkdown = async () => {
    const md = await request<string>('GET', programPath(id, 'report'), { query: { format: 'markdown', asOf } });
    if (!md.ok) return toast(`Could not copy: ${md.problem.title}`);
    await navigator.clipboard.writeText(md.value);
    toast('Report copied as Markdown');
  };

  return (
    <div className="page sr">
      <PageHead
        title="Status report"
        sub={
          report.value ? (
            <span>
              {report.value.program.name} · as of <strong>{dayLabel(report.value.asOf)}</strong>
              {report.value.comparedWith ? <> · compared with {report.value.comparedWith.label}</> : null}
            </span>
          ) : (
            'Computed from the plan, the forecast, the risks and the history.'
          )
        }
        actions={
          <>
            <label className="sr-asof">
              <span>As of</span>
              <input
                type="date"
                value={asOf ?? ''}
                onChange={(e) => setQueryParam('asOf', e.target.value || undefined)}
                aria-label="As of"
              />
            </label>
            <button type="button" className="btn" onClick={() => void copyMarkdown()}>
              Copy Markdown
            </button>
            <details className="sr-export">
              <summary className="btn primary">Export ▾</summary>
              <div className="sr-menu" role="menu">
                {EXPORTS.map((e) => (
                  <a
                    key={e.format}
                    role="menuitem"
                    href={apiUrl(programPath(id, 'report'), { format: e.format, asOf })}
                    download={`${id}-status${asOf ? `-${asOf}` : ''}.${e.file}`}
                  >
                    {e.label}
                  </a>
                ))}
              </div>
            </details>
          </>
        }
      />
      <div className="sr-layout">
        <div className="sr-top">
          <SummaryEditor
            key={`${written.value?.written?.updatedAt ?? 'computed'}:${report.value?.summary.join('|') ?? ''}`}
            programId={id}
            canEdit={canEdit}
            report={report.value}
            written={written.value}
            onSaved={() => setSummaryTick((t) => t + 1)}
          />
          {report.value ? (
            <section className="card sr-facts" aria-label="At a glance">
              <div className="sr-fact">
                <span className="faint">Status</span>
                <span className={`badge ${report.value.rag.overall}`} data-rag={report.value.rag.overall}>
                  <span className="dot" /> {RAG_LABEL[report.value.rag.overall]}
                </span>
              </div>
              <div className="sr-fact">
                <span className="faint">80 % sure by</span>
                <strong>{dayLabel(report.value.finish.p80)}</strong>
              </div>
              <div className="sr-fact">
                <span className="faint">Target</span>
                <strong>{dayLabel(report.value.program.target)}</strong>
              </div>
              <div className="sr-fact">
                <span className="faint">Decisions needed</span>
                <strong>{report.value.decisionsNeeded.length}</strong>
              </div>
            </section>
          ) : null}
        </div>
        <section className="card sr-preview" aria-label="Preview">
          <div className="sr-preview-head">
            <h2>Preview</h2>
            <span className="faint">as leaders receive it (HTML)</span>
          </div>
          {html.state === 'error' && !html.value ? <ProblemBanner problem={html.problem} onRetry={html.reload} /> : null}
          {html.value === undefined && html.state === 'error' ? null : html.value === undefined ? (
            <div className="sr-pending" aria-busy="true">
              <span className="spinner" /> Computing the forecast and writing the report…
            </div>
          ) : (
            <>
              {html.state === 'loading' ? <div className="progress" role="progressbar" aria-label="Updating" /> : null}
              <iframe title="Report preview" sandbox="" srcDoc={html.value} className="sr-frame" />
            </>
          )}
        </section>
      </div>
    </div>
  );
}

function SummaryEditor({
  programId,
  canEdit,
  report,
  written,
  onSaved,
}: {
  programId: string;
  canEdit: boolean;
  report: StatusReport | undefined;
  written: WrittenSummary | undefined;
  onSaved: () => void;
}) {
  const toast = useToast();
  const initial = written?.written?.text ?? report?.summary.join('\n') ?? '';
  const [text, setText] = useState(initial);
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | undefined>();
  useEffect(() => {
    if (!editing) setText(initial);
  }, [initial, editing]);

  const save = async (value: string) => {
    setBusy(true);
    setProblem(undefined);
    const result = await api.put<WrittenSummary>(programPath(programId, 'report', 'summary'), { text: value });
    setBusy(false);
    if (!result.ok) return setProblem(result.problem);
    setEditing(false);
    toast(value.trim() ? 'Executive summary saved: every export now uses it' : 'Back to the computed summary');
    onSaved();
  };

  const w = written?.written;
  return (
    <section className="card sr-summary" aria-labelledby="sr-summary-title">
      <div className="sr-summary-head">
        <h2 id="sr-summary-title">Executive summary</h2>
        {w ? (
          <span className="badge accent" title={new Date(w.updatedAt).toLocaleString()}>
            Written by {w.actor} · {new Date(w.updatedAt).toLocaleDateString('en-US', { month: 'short', day: 'numeric' })}
          </span>
        ) : (
          <span className="badge">Computed</span>
        )}
      </div>
      {editing ? (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            void save(text);
          }}
        >
          {problem && problem.errors.length === 0 ? <ProblemBanner problem={problem} /> : null}
          <Field label="Summary (one sentence or paragraph per line)" error={errorFor(problem, 'text')}>
            <textarea rows={9} value={text} onChange={(e) => setText(e.target.value)} aria-label="Executive summary text" />
          </Field>
          <div className="row" style={{ justifyContent: 'space-between' }}>
            {w ? (
              <button type="button" className="btn ghost small" disabled={busy} onClick={() => void save('')}>
                Use the computed summary
              </button>
            ) : (
              <span />
            )}
            <div className="row">
              <button type="button" className="btn" onClick={() => setEditing(false)}>
                Cancel
              </button>
              <button type="submit" className="btn primary" disabled={busy}>
                {busy ? <span className="spinner" /> : null} Save summary
              </button>
            </div>
          </div>
        </form>
      ) : (
        <>
          {report || w ? (
            <ul className="sr-summary-list" data-testid="summary">
              {(w ? w.text.split('\n').filter((l) => l.trim()) : (report?.summary ?? [])).map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ul>
          ) : (
            <div className="sr-pending" aria-busy="true">
              <span className="spinner" /> Writing the summary…
            </div>
          )}
          {canEdit ? (
            <div className="row" style={{ justifyContent: 'flex-end' }}>
              <button type="button" className="btn" onClick={() => setEditing(true)} disabled={!report && !w}>
                Edit summary
              </button>
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}
