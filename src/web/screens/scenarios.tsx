import { useState } from 'react';
import { api, programPath } from '../api/client';
import type { Item, Page, Team } from '../api/types';
import { useResource } from '../api/use-resource';
import { Dialog } from '../components/dialog';
import { Empty, Loaded, ProblemBanner } from '../components/feedback';
import { PageHead } from '../components/page-head';
import { useProgram } from '../program-context';
import { setQueryParam, useLocation } from '../router';
import { useToast } from '../toasts';
import { ComparisonView } from './scenarios/comparison-view';
import { dateLabel } from './scenarios/dates';
import { ScenarioBuilder } from './scenarios/scenario-builder';
import type { Comparison, StoredScenario } from './scenarios/scenario-types';
import './scenarios.css';

const COMPARE_TRIALS = 500;

/** What-ifs laid over the live plan: build one, preview it, save it, compare it side by side, delete it. */
export function ScenariosScreen() {
  const { id, version, canEdit } = useProgram();
  const { query } = useLocation();
  const selected = query.get('s') ?? undefined;
  const scenarios = useResource<{ scenarios: StoredScenario[] }>(programPath(id, 'scenarios'), undefined, version);
  const items = useResource<Page<'items', Item>>(programPath(id, 'items'), { perPage: 1000 }, version);
  const teams = useResource<Page<'teams', Team>>(programPath(id, 'teams'), { perPage: 1000 }, version);
  const comparison = useResource<Comparison>(
    selected ? programPath(id, 'scenarios', selected, 'comparison') : undefined,
    { trials: COMPARE_TRIALS },
    version,
  );
  const [building, setBuilding] = useState(false);
  const [deleting, setDeleting] = useState<StoredScenario | undefined>();
  const [deleteProblem, setDeleteProblem] = useState<Parameters<typeof ProblemBanner>[0]['problem'] | undefined>();
  const toast = useToast();
  const itemList = (items.value?.items ?? []).map((t) => ({ id: t.value.id, title: t.value.title }));
  const titles = new Map(itemList.map((i) => [i.id, i.title]));
  const teamList = (teams.value?.teams ?? []).map((t) => t.value);

  const remove = async () => {
    if (!deleting) return;
    const r = await api.delete(programPath(id, 'scenarios', deleting.name));
    if (!r.ok) {
      setDeleteProblem(r.problem);
      return;
    }
    toast(`Deleted scenario ${deleting.name}; the live plan is unchanged`);
    if (selected === deleting.name) setQueryParam('s', undefined);
    setDeleting(undefined);
    scenarios.reload();
  };

  return (
    <div className="page sc">
      <PageHead
        title="Scenarios"
        sub="Ask “what if” without touching the live plan: change estimates, capacity or order, and see what moves."
        actions={
          building ? null : (
            <button type="button" className="btn primary" onClick={() => setBuilding(true)}>
              New scenario
            </button>
          )
        }
      />
      {building ? (
        <section className="card" aria-labelledby="sc-new">
          <h2 id="sc-new" className="sc-h2">
            New scenario
          </h2>
          <ScenarioBuilder
            programId={id}
            canEdit={canEdit}
            items={itemList}
            teams={teamList}
            titles={titles}
            onCancel={() => setBuilding(false)}
            onSaved={(s) => {
              toast(`Saved scenario ${s.name}`);
              setBuilding(false);
              scenarios.reload();
              setQueryParam('s', s.name);
            }}
          />
        </section>
      ) : null}

      <section className="card" aria-labelledby="sc-saved">
        <h2 id="sc-saved" className="sc-h2">
          Saved scenarios
        </h2>
        <Loaded resource={scenarios} label="Loading scenarios…">
          {(v) =>
            v.scenarios.length === 0 ? (
              <Empty>No scenario saved yet. Build one with New scenario: preview it, then save it to share it.</Empty>
            ) : (
              <ul className="sc-list" aria-label="Saved scenarios">
                {v.scenarios.map((s) => (
                  <li key={s.name} className={s.name === selected ? 'selected' : ''}>
                    <div className="sc-list-main">
                      <div className="sc-list-name mono">{s.name}</div>
                      {s.description ? <div className="sc-list-desc">{s.description}</div> : null}
                      <div className="faint sc-list-meta">
                        {s.changes.length} change{s.changes.length === 1 ? '' : 's'} · saved by {s.actor} on {dateLabel(s.createdAt)} · on
                        version {s.baseVersion}
                      </div>
                    </div>
                    <div className="row">
                      <button
                        type="button"
                        className={`btn small ${s.name === selected ? 'primary' : ''}`}
                        aria-pressed={s.name === selected}
                        onClick={() => setQueryParam('s', s.name === selected ? undefined : s.name)}
                      >
                        Compare
                      </button>
                      {canEdit ? (
                        <button
                          type="button"
                          className="btn small ghost"
                          aria-label={`Delete ${s.name}`}
                          onClick={() => {
                            setDeleteProblem(undefined);
                            setDeleting(s);
                          }}
                        >
                          Delete
                        </button>
                      ) : null}
                    </div>
                  </li>
                ))}
              </ul>
            )
          }
        </Loaded>
      </section>

      {selected ? (
        <section className="card" aria-labelledby="sc-compare">
          <h2 id="sc-compare" className="sc-h2">
            Live plan vs <span className="mono">{selected}</span>
          </h2>
          <Loaded resource={comparison} label={`Planning both sides and running ${COMPARE_TRIALS} forecast trials on each…`}>
            {(c) => <ComparisonView programId={id} comparison={c} />}
          </Loaded>
        </section>
      ) : null}

      <Dialog open={deleting !== undefined} title="Delete scenario" onClose={() => setDeleting(undefined)}>
        {deleting ? (
          <div className="stack">
            <p>
              Delete <strong className="mono">{deleting.name}</strong>? The live plan is not affected; the scenario's changes are lost.
            </p>
            {deleteProblem ? <ProblemBanner problem={deleteProblem} /> : null}
            <div className="row" style={{ justifyContent: 'flex-end' }}>
              <button type="button" className="btn" onClick={() => setDeleting(undefined)}>
                Cancel
              </button>
              <button type="button" className="btn danger" onClick={() => void remove()}>
                Delete scenario
              </button>
            </div>
          </div>
        ) : null}
      </Dialog>
    </div>
  );
}
