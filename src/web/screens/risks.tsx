import { useState } from 'react';
import { programPath } from '../api/client';
import type { Item, Page, Risk, Tagged } from '../api/types';
import { useResource } from '../api/use-resource';
import { Dialog } from '../components/dialog';
import { EntityForm } from '../components/entity-form';
import { Empty, Loaded } from '../components/feedback';
import { PageHead } from '../components/page-head';
import { useProgram } from '../program-context';
import { useToast } from '../toasts';
import { FindingCard } from './risks/finding-card';
import { ReviewDialog } from './risks/review-dialog';
import { RISK_FIELDS, RiskRegister } from './risks/risk-register';
import { type Finding, type Findings, SEVERITIES } from './risks/risk-types';
import './risks.css';

type SeverityFilter = 'all' | (typeof SEVERITIES)[number];

/** Detected risks (review them: acknowledge or dismiss with a reason) and the manual register, by exposure. */
export function RisksScreen() {
  const { id, version, canEdit } = useProgram();
  const findings = useResource<Findings>(programPath(id, 'findings'), undefined, version);
  const risks = useResource<Page<'risks', Risk>>(programPath(id, 'risks'), { perPage: 1000 }, version);
  const items = useResource<Page<'items', Item>>(programPath(id, 'items'), { perPage: 1000 }, version);
  const [severity, setSeverity] = useState<SeverityFilter>('all');
  const [rule, setRule] = useState('');
  const [reviewing, setReviewing] = useState<{ finding: Finding; verdict: 'acknowledged' | 'dismissed' } | undefined>();
  const [editing, setEditing] = useState<Tagged<Risk> | 'new' | undefined>();
  const toast = useToast();
  const titles = new Map((items.value?.items ?? []).map((t) => [t.value.id, t.value.title]));
  const review = (finding: Finding, verdict: 'acknowledged' | 'dismissed') => setReviewing({ finding, verdict });
  const shown = (f: Finding) => (severity === 'all' || f.severity === severity) && (rule === '' || f.rule === rule);

  return (
    <div className="page rk">
      <PageHead
        title="Risks"
        sub="What the rules detect in the plan, and the risks people raised, by exposure."
        actions={
          canEdit ? (
            <button type="button" className="btn primary" onClick={() => setEditing('new')}>
              New risk
            </button>
          ) : null
        }
      />
      <section className="card rk-section" aria-labelledby="rk-detected">
        <Loaded resource={findings} label="Running the detection rules and a 1,000-trial forecast…">
          {(f) => {
            const rules = [...new Set([...f.findings, ...f.dismissed].map((x) => x.rule))].sort();
            const list = f.findings.filter(shown);
            const count = (s: string) => f.findings.filter((x) => x.severity === s).length;
            return (
              <>
                <div className="rk-section-head">
                  <h2 id="rk-detected">
                    Detected <span className="rk-count">{f.findings.length}</span>
                  </h2>
                  <span className="faint">
                    as of {f.asOf}
                    {f.forecast ? ` · forecast of ${f.forecast.trials.toLocaleString()} trials` : ''}
                  </span>
                  <div className="rk-filters">
                    <fieldset className="seg" aria-label="Severity">
                      {(['all', ...SEVERITIES] as const).map((s) => (
                        <button key={s} type="button" aria-pressed={severity === s} onClick={() => setSeverity(s)}>
                          {s === 'all' ? 'All' : `${s[0]?.toUpperCase()}${s.slice(1)} · ${count(s)}`}
                        </button>
                      ))}
                    </fieldset>
                    <select aria-label="Rule" value={rule} onChange={(e) => setRule(e.target.value)}>
                      <option value="">All rules</option>
                      {rules.map((r) => (
                        <option key={r} value={r}>
                          {r}
                        </option>
                      ))}
                    </select>
                  </div>
                </div>
                {list.length === 0 ? (
                  <Empty>
                    {f.findings.length === 0 ? 'Nothing detected: the plan meets every rule.' : 'No detected risk matches these filters.'}
                  </Empty>
                ) : (
                  <ul className="rk-findings" aria-label="Detected risks">
                    {list.map((x) => (
                      <FindingCard key={x.key} programId={id} finding={x} titles={titles} canEdit={canEdit} onReview={review} />
                    ))}
                  </ul>
                )}
                {f.dismissed.length > 0 ? (
                  <details className="rk-dismissed">
                    <summary>
                      Dismissed <span className="rk-count">{f.dismissed.length}</span>
                    </summary>
                    <ul className="rk-findings" aria-label="Dismissed risks">
                      {f.dismissed.filter(shown).map((x) => (
                        <FindingCard key={x.key} programId={id} finding={x} titles={titles} canEdit={canEdit} onReview={review} />
                      ))}
                    </ul>
                  </details>
                ) : null}
                {f.notRun.length > 0 ? (
                  <p className="faint rk-notrun">Not run: {f.notRun.map((n) => `${n.rule} (needs ${n.needs})`).join('; ')}.</p>
                ) : null}
              </>
            );
          }}
        </Loaded>
      </section>

      <section className="card rk-section" aria-labelledby="rk-register">
        <div className="rk-section-head">
          <h2 id="rk-register">
            Register <span className="rk-count">{risks.value?.total ?? ''}</span>
          </h2>
          <span className="faint">exposure = probability × impact; open risks first, largest exposure first</span>
        </div>
        <Loaded resource={risks} label="Loading the register…">
          {(page) =>
            page.risks.length === 0 ? (
              <Empty>No risks raised yet.{canEdit ? ' Add one with New risk.' : ''}</Empty>
            ) : (
              <RiskRegister programId={id} risks={page.risks} canEdit={canEdit} onEdit={(r) => setEditing(r)} />
            )
          }
        </Loaded>
      </section>

      <ReviewDialog
        programId={id}
        finding={reviewing?.finding}
        verdict={reviewing?.verdict ?? 'acknowledged'}
        onClose={() => setReviewing(undefined)}
        onDone={(f) => {
          toast(`${reviewing?.verdict === 'dismissed' ? 'Dismissed' : 'Acknowledged'}: ${f.title}`);
          setReviewing(undefined);
          findings.reload();
        }}
      />
      <Dialog open={editing !== undefined} title={editing === 'new' ? 'New risk' : 'Edit risk'} onClose={() => setEditing(undefined)}>
        {editing !== undefined ? (
          <EntityForm<Risk>
            fields={RISK_FIELDS}
            path={editing === 'new' ? programPath(id, 'risks') : programPath(id, 'risks', editing.value.id)}
            current={editing === 'new' ? undefined : editing}
            submitLabel={editing === 'new' ? 'Create risk' : 'Save risk'}
            onCancel={() => setEditing(undefined)}
            onSaved={(saved) => {
              toast(`${editing === 'new' ? 'Created' : 'Saved'} risk ${saved.value.id}`);
              setEditing(undefined);
              risks.reload();
            }}
          />
        ) : null}
      </Dialog>
    </div>
  );
}
