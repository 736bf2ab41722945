import { useEffect, useState } from 'react';
import { type ApiProblem, api, programPath } from '../../api/client';
import { ProblemBanner } from '../../components/feedback';
import {
  type Integration,
  isTracker,
  KIND_NAMES,
  KIND_ROLES,
  type Preview,
  type SyncProgress,
  type SyncRun,
  type TestOk,
} from './integration-types';
import { RUN_NAMES, resultWords, syncWords, when } from './result-words';

const PHASES: Record<SyncProgress['phase'], string> = {
  connecting: 'Connecting',
  fetching: 'Reading issues',
  listing: 'Checking what left the selection',
  merging: 'Merging into the program',
  saving: 'Saving',
  done: 'Done',
};
const POLL_MS = 500;
const SETUP_HINT: Record<Integration['kind'], string> = {
  jira: 'Not connected yet. Set it up once: the site, what to bring in (JQL, a board or epics), and how fields map.',
  github: 'Not connected yet. Set it up once: the repositories or Projects board, and how labels and fields map.',
  confluence: 'Not connected yet. Name the space and page the status report goes to, and when to publish it.',
  slack: 'Not connected yet. Add an incoming webhook for the channel, and when to post the summary.',
};

/** The next run in the schedule's own zone: "Fri 4 Dec, 15:00". */
const nextRun = (iso: string, timeZone: string) =>
  new Date(iso).toLocaleString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone });

function secretWords(i: Integration): string {
  const what = i.kind === 'slack' ? 'Webhook URL' : 'Token';
  if (i.secretSource === 'stored') return `${what} stored on the server`;
  if (i.secretSource === 'env') return `${what} from ${i.secretEnv} on the server`;
  return `No ${what.toLowerCase()}: store one in the settings, or set ${i.secretEnv ?? 'its variable'} on the server`;
}

function status(i: Integration, run: SyncRun | undefined): { label: string; tone: string } {
  if (run && run.finishedAt === null) return { label: 'Syncing', tone: 'accent' };
  if (!i.config) return { label: 'Not set up', tone: '' };
  const last = i.results[0];
  if (last && !last.ok) return { label: `Last ${last.kind === 'test' ? 'test' : last.kind} failed`, tone: 'red' };
  if (i.secretSource === 'none') return { label: 'Needs a secret', tone: 'amber' };
  return { label: 'Connected', tone: 'green' };
}

/** One integration: what it is connected to, its secret and schedule in words, the last result, and what the caller may run. */
export function IntegrationCard({
  programId,
  integration: i,
  canEdit,
  canAdmin,
  onEdit,
  onPreview,
  onChanged,
}: {
  programId: string;
  integration: Integration;
  canEdit: boolean;
  canAdmin: boolean;
  onEdit: () => void;
  onPreview: (preview: { kind: Integration['kind']; value?: Preview; problem?: ApiProblem; loading?: boolean }) => void;
  onChanged: () => void;
}) {
  const [busy, setBusy] = useState<'test' | 'preview' | 'sync' | 'publish' | 'remove'>();
  const [tested, setTested] = useState<{ ok: TestOk } | { problem: ApiProblem }>();
  const [problem, setProblem] = useState<ApiProblem>();
  const [run, setRun] = useState<SyncRun | undefined>(i.running ?? undefined);
  const base = programPath(programId, 'integrations', i.kind);
  const running = run !== undefined && run.finishedAt === null;

  // Follow a running sync (started here, or by someone else before the page opened).
  useEffect(() => {
    if (!running) return;
    let live = true;
    const timer = setInterval(async () => {
      const r = await api.get<SyncRun>(`${base}/runs/current`);
      if (!live || !r.ok) return;
      setRun(r.value);
      if (r.value.finishedAt !== null) {
        clearInterval(timer);
        onChanged();
      }
    }, POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [running, base, onChanged]);

  async function test() {
    setBusy('test');
    setTested(undefined);
    const r = await api.post<TestOk>(`${base}/test`);
    setBusy(undefined);
    setTested(r.ok ? { ok: r.value } : { problem: r.problem });
    onChanged();
  }
  async function preview() {
    setBusy('preview');
    onPreview({ kind: i.kind, loading: true });
    const r = await api.post<Preview>(`${base}/preview`, undefined, { query: { limit: 50 } });
    setBusy(undefined);
    onPreview(r.ok ? { kind: i.kind, value: r.value } : { kind: i.kind, problem: r.problem });
  }
  async function sync() {
    setBusy('sync');
    setProblem(undefined);
    const r = await api.post<SyncRun>(`${base}/sync`);
    setBusy(undefined);
    if (r.ok) setRun(r.value);
    else {
      setProblem(r.problem);
      onChanged();
    }
  }
  async function publish() {
    setBusy('publish');
    setProblem(undefined);
    const r = await api.post<unknown>(`${base}/publish`);
    setBusy(undefined);
    if (!r.ok) setProblem(r.problem);
    onChanged();
  }

  const s = status(i, run);
  const last = i.results[0];
  const lastSync = i.results.find((r) => r.kind === 'sync' || r.kind === 'publish');
  const progress = run?.progress;
  const pct = progress?.total ? Math.min(100, Math.round((100 * progress.done) / progress.total)) : undefined;

  return (
    <section className={`card intg-card ${s.tone}`} aria-labelledby={`intg-${i.kind}`}>
      <div className="intg-head">
        <div>
          <h2 id={`intg-${i.kind}`}>{KIND_NAMES[i.kind]}</h2>
          <div className="faint intg-role">{KIND_ROLES[i.kind]}</div>
        </div>
        <span className={`badge ${s.tone}`}>{s.label}</span>
      </div>
      {i.config ? (
        <dl className="intg-facts">
          <dt>{isTracker(i.kind) ? 'Selection' : 'Target'}</dt>
          <dd>{i.describe}</dd>
          <dt>Secret</dt>
          <dd className={i.secretSource === 'none' ? 'intg-warn' : ''}>{secretWords(i)}</dd>
          {i.kind === 'confluence' || i.kind === 'slack' ? (
            <>
              <dt>Schedule</dt>
              <dd>
                {i.schedule ? (
                  <>
                    {i.schedule.text}
                    <span className="faint"> · next {nextRun(i.schedule.next, i.schedule.timeZone)}</span>
                  </>
                ) : (
                  'Only when published by hand'
                )}
              </dd>
            </>
          ) : null}
          <dt>{lastSync?.kind === 'publish' ? 'Last publish' : 'Last sync'}</dt>
          <dd className={lastSync && !lastSync.ok ? 'intg-fail' : ''}>
            {lastSync ? (
              <>
                <span className="intg-when">{when(lastSync.at)}</span> {resultWords(lastSync)}
              </>
            ) : (
              <span className="faint">Never</span>
            )}
          </dd>
        </dl>
      ) : (
        <p className="muted intg-empty">{canAdmin ? SETUP_HINT[i.kind] : 'Not connected. An admin of the program can set it up.'}</p>
      )}

      {run ? (
        <div className="intg-run" aria-live="polite">
          {run.finishedAt === null ? (
            <>
              <div className="row intg-run-line">
                <span>
                  {PHASES[run.progress.phase]}
                  {progress && progress.done > 0
                    ? ` · ${progress.done.toLocaleString('en')}${progress.total ? ` of ${progress.total.toLocaleString('en')}` : ''}`
                    : ''}
                </span>
                {pct !== undefined ? <span className="faint">{pct}%</span> : null}
              </div>
              <div
                className={`intg-bar ${pct === undefined ? 'indeterminate' : ''}`}
                role="progressbar"
                aria-label={`${KIND_NAMES[i.kind]} sync progress`}
                aria-valuemin={0}
                aria-valuemax={progress?.total ?? undefined}
                aria-valuenow={progress?.total ? progress.done : undefined}
                aria-valuetext={`${PHASES[run.progress.phase]}${progress?.total ? `: ${progress.done} of ${progress.total}` : ''}`}
              >
                <div style={pct !== undefined ? { width: `${pct}%` } : {}} />
              </div>
            </>
          ) : run.ok ? (
            <div className="intg-outcome ok" role="status">
              <strong>Sync finished.</strong> {run.summary ? `${syncWords(run.summary)}.` : ''}
              {run.summary?.teamsCreated.length ? ` New teams: ${[...run.summary.teamsCreated].sort().join(', ')}.` : ''}
            </div>
          ) : (
            <div className="intg-outcome fail" role="alert">
              <strong>Sync failed.</strong> {run.error}
            </div>
          )}
        </div>
      ) : null}

      {tested ? (
        'ok' in tested ? (
          <div className="intg-outcome ok" role="status">
            <strong>Connected.</strong>{' '}
            {tested.ok.detail.includes(tested.ok.account) ? tested.ok.detail : `As ${tested.ok.account}. ${tested.ok.detail}`}
          </div>
        ) : (
          <ProblemBanner problem={tested.problem} />
        )
      ) : null}
      {problem ? <ProblemBanner problem={problem} /> : null}

      {canEdit || canAdmin ? (
        <div className="row intg-actions">
          {canEdit && i.config ? (
            <>
              <button type="button" className="btn small" onClick={test} disabled={busy !== undefined}>
                {busy === 'test' ? 'Testing…' : 'Test connection'}
              </button>
              {isTracker(i.kind) ? (
                <>
                  <button type="button" className="btn small" onClick={preview} disabled={busy !== undefined}>
                    {busy === 'preview' ? 'Reading…' : 'Preview mapping'}
                  </button>
                  <button type="button" className="btn small primary" onClick={sync} disabled={busy !== undefined || running}>
                    {running ? 'Syncing…' : 'Sync now'}
                  </button>
                </>
              ) : (
                <button type="button" className="btn small primary" onClick={publish} disabled={busy !== undefined}>
                  {busy === 'publish' ? 'Publishing…' : 'Publish now'}
                </button>
              )}
            </>
          ) : null}
          {canAdmin ? (
            <button type="button" className={`btn small ${i.config ? 'ghost' : 'primary'}`} onClick={onEdit}>
              {i.config ? 'Settings' : `Set up ${KIND_NAMES[i.kind]}`}
            </button>
          ) : null}
        </div>
      ) : null}

      {i.results.length > 0 ? (
        <details className="intg-log">
          <summary>
            Run log ({i.results.length}){last ? <span className="faint"> · last {when(last.at)}</span> : null}
          </summary>
          <ol className="intg-log-list">
            {i.results.map((r) => (
              <li key={`${r.at}-${r.kind}`}>
                <div className="row intg-log-head">
                  <span className={`badge ${r.ok ? 'green' : 'red'}`}>{r.ok ? 'ok' : 'failed'}</span>
                  <strong>{RUN_NAMES[r.kind]}</strong>
                  <span className="intg-when">{when(r.at)}</span>
                  <span className="faint">by {r.actor}</span>
                </div>
                <div className={r.ok ? 'intg-log-words' : 'intg-log-words intg-fail'}>{resultWords(r)}</div>
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </section>
  );
}
