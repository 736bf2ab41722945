import { useState } from 'react';
import { type ApiProblem, api, programPath } from '../../api/client';
import { ProblemBanner } from '../../components/feedback';
import { errorFor, Field } from '../../components/field';
import { ChangeBuilder } from './change-builder';
import { ComparisonView } from './comparison-view';
import { type Comparison, describeChange, type ScenarioBody, type ScenarioChange, type StoredScenario } from './scenario-types';

const PREVIEW_TRIALS = 500;

/**
 * Builds a what-if: a name, a description and changes added one by one with a form (or written as
 * JSON, for those who prefer), previewed against the live plan before it is saved. The server's
 * field errors (`changes.2.estimate.days`) show at the change they are about.
 */
export function ScenarioBuilder({
  programId,
  canEdit,
  items,
  teams,
  titles,
  onSaved,
  onCancel,
}: {
  programId: string;
  canEdit: boolean;
  items: readonly { id: string; title: string }[];
  teams: readonly { id: string; name: string; capacity: number }[];
  titles: ReadonlyMap<string, string>;
  onSaved: (saved: StoredScenario) => void;
  onCancel: () => void;
}) {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [changes, setChanges] = useState<ScenarioChange[]>([]);
  const [problem, setProblem] = useState<ApiProblem | undefined>();
  const [preview, setPreview] = useState<Comparison | undefined>();
  const [busy, setBusy] = useState<'preview' | 'save' | undefined>();
  const [json, setJson] = useState<string | undefined>();
  const [jsonError, setJsonError] = useState<string | undefined>();

  const body = (): ScenarioBody => ({
    scenario: name.trim() || 'preview',
    ...(description.trim() ? { description: description.trim() } : {}),
    changes,
  });
  const edited = (next: ScenarioChange[]) => {
    setChanges(next);
    setPreview(undefined);
    setProblem(undefined);
  };
  const run = async (what: 'preview' | 'save') => {
    setBusy(what);
    setProblem(undefined);
    if (what === 'preview') {
      const r = await api.post<Comparison>(programPath(programId, 'scenarios', 'preview'), body(), { query: { trials: PREVIEW_TRIALS } });
      setBusy(undefined);
      if (r.ok) setPreview(r.value);
      else setProblem(r.problem);
      return;
    }
    const r = await api.post<StoredScenario>(programPath(programId, 'scenarios'), { ...body(), scenario: name.trim() });
    setBusy(undefined);
    if (r.ok) onSaved(r.value);
    else setProblem(r.problem);
  };
  const changeError = (k: number) => errorFor(problem, `changes.${k}`);
  const unplaced = problem?.errors.filter((e) => !/^changes\.\d+/.test(e.field) && e.field !== 'scenario' && e.field !== 'description');

  return (
    <div className="stack sc-build">
      <div className="form-grid">
        <Field label="Scenario name" error={errorFor(problem, 'scenario')} hint="letters, digits, - and _, e.g. dbre-contractors">
          <input value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. dbre-contractors" />
        </Field>
        <Field label="Description" error={errorFor(problem, 'description')}>
          <input value={description} onChange={(e) => setDescription(e.target.value)} placeholder="What if…" />
        </Field>
      </div>

      <div>
        <h3 className="sc-h3">Changes</h3>
        {changes.length === 0 ? (
          <p className="muted sc-none">No change yet: add one below.</p>
        ) : (
          <ol className="sc-changes" aria-label="Changes">
            {changes.map((c, k) => {
              const error = changeError(k);
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: changes are positional; the server names them by index.
                <li key={k} className={error ? 'invalid' : ''}>
                  <span className="sc-change-text">{describeChange(c, titles)}</span>
                  <button
                    type="button"
                    className="btn small ghost"
                    aria-label={`Remove change ${k + 1}`}
                    onClick={() => edited(changes.filter((_, i) => i !== k))}
                  >
                    ✕
                  </button>
                  {error ? (
                    <span className="field-error" role="alert">
                      {error}
                    </span>
                  ) : null}
                </li>
              );
            })}
          </ol>
        )}
      </div>

      <ChangeBuilder items={items} teams={teams} onAdd={(c) => edited([...changes, c])} />

      <details
        className="sc-json"
        onToggle={(e) => setJson((e.target as HTMLDetailsElement).open ? JSON.stringify(body(), null, 2) : undefined)}
      >
        <summary>Advanced: edit as JSON</summary>
        {json !== undefined ? (
          <div className="stack">
            <textarea
              aria-label="Scenario as JSON"
              className="mono"
              value={json}
              onChange={(e) => setJson(e.target.value)}
              spellCheck={false}
            />
            {jsonError ? (
              <span className="field-error" role="alert">
                {jsonError}
              </span>
            ) : null}
            <div className="row">
              <button
                type="button"
                className="btn small"
                onClick={() => {
                  try {
                    const parsed = JSON.parse(json) as Partial<ScenarioBody>;
                    setName(typeof parsed.scenario === 'string' ? parsed.scenario : name);
                    setDescription(typeof parsed.description === 'string' ? parsed.description : '');
                    edited(Array.isArray(parsed.changes) ? parsed.changes : []);
                    setJsonError(undefined);
                  } catch (e) {
                    setJsonError(`not JSON: ${(e as Error).message}`);
                  }
                }}
              >
                Apply JSON
              </button>
              <span className="faint">The same shape as a scenario file (docs/scenarios.md), in JSON.</span>
            </div>
          </div>
        ) : null}
      </details>

      {problem && (problem.errors.length === 0 || (unplaced?.length ?? 0) > 0) ? <ProblemBanner problem={problem} /> : null}
      <div className="row sc-actions">
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
        <span className="sc-spacer" />
        <button type="button" className="btn" disabled={changes.length === 0 || busy !== undefined} onClick={() => void run('preview')}>
          {busy === 'preview' ? <span className="spinner" /> : null}
          Preview
        </button>
        {canEdit ? (
          <button
            type="button"
            className="btn primary"
            disabled={changes.length === 0 || busy !== undefined}
            onClick={() => void run('save')}
          >
            {busy === 'save' ? <span className="spinner" /> : null}
            Save scenario
          </button>
        ) : null}
      </div>
      {busy === 'preview' ? (
        <div className="stack" aria-busy="true">
          <div className="progress" role="progressbar" aria-label="Previewing" />
          <span className="muted">Planning both sides and running {PREVIEW_TRIALS} forecast trials on each…</span>
        </div>
      ) : null}
      {preview ? (
        <section className="sc-preview" aria-label="Preview">
          <h3 className="sc-h3">Preview: live plan against these changes</h3>
          <ComparisonView programId={programId} comparison={preview} />
        </section>
      ) : null}
    </div>
  );
}
