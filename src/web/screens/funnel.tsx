import { useState } from 'react';
import { programPath } from '../api/client';
import type { Funnel, FunnelReason, Page, Team } from '../api/types';
import { useResource } from '../api/use-resource';
import { Loaded } from '../components/feedback';
import { PageHead } from '../components/page-head';
import { itemHref, programHref } from '../nav';
import { useProgram } from '../program-context';
import { Link } from '../router';
import './funnel.css';

/** Items listed per level before "Show all": a column an executive reads at a glance; flagged ones come first. */
const SHOWN = 8;

const LEVEL_SCOPE: Record<number, string> = {
  1: 'Incidents, disaster recovery, security patches',
  2: 'SLOs, monitoring, tech debt',
  3: 'FinOps, automation, tooling',
  4: 'Capacity, multi-region, roadmap',
};

const REASON_LABEL: Record<string, string> = {
  'open-major-incident': 'Open major incident',
  'exhausted-error-budget': 'Error budget exhausted',
  'overdue-action-item': 'Overdue post-mortem action',
  'overdue-security-patch': 'Overdue security patch',
};

/** What a reason points at, as a link a reader can follow to the evidence. */
function Evidence({ programId, reason }: { programId: string; reason: FunnelReason }) {
  if (reason.incident)
    return <Link href={programHref(programId, `incidents/${encodeURIComponent(reason.incident)}`)}>{reason.incident}</Link>;
  if (reason.item) return <Link href={itemHref(programId, reason.item)}>{reason.item}</Link>;
  if (reason.slo) return <Link href={programHref(programId, `slos?slo=${encodeURIComponent(reason.slo)}`)}>{reason.slo}</Link>;
  return null;
}

/** The engine's message as a sentence: capital first letter, full stop. */
const sentence = (m: string) => `${m.charAt(0).toUpperCase()}${m.slice(1)}${/[.!?]$/.test(m) ? '' : '.'}`;

/** Short words for a flagged item's reasons: "SEV1 inc-102, SLO checkout-availability". */
const reasonShort = (r: FunnelReason) =>
  r.incident ? `${r.severity ?? 'incident'} ${r.incident}` : r.slo ? `budget ${r.slo}` : r.item ? `overdue ${r.item}` : r.kind;

/**
 * The priority funnel, for a TPM and an executive: is Stability (level 1) holding, why not, and
 * which Scale (level 4) work is running anyway. Work in progress per level, left to right.
 */
export function FunnelScreen() {
  const { id, version } = useProgram();
  const funnel = useResource<Funnel>(programPath(id, 'funnel'), undefined, version);
  const teams = useResource<Page<'teams', Team>>(programPath(id, 'teams'), { perPage: 1000 }, version);
  const teamName = new Map((teams.value?.teams ?? []).map((t) => [t.value.id, t.value.name]));
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  return (
    <div className="page fn">
      <PageHead title="Priority funnel" sub="Stability first: no Scale work while level 1 is broken." />
      <Loaded resource={funnel} label="Computing the funnel…">
        {(f) => {
          const flagged = new Map(f.flagged.map((x) => [x.item, x]));
          return (
            <>
              {f.level1Broken ? (
                <section className="fn-broken" role="alert" aria-labelledby="fn-broken-h">
                  <h2 id="fn-broken-h">Level 1 is broken</h2>
                  <p>
                    Stability comes first. {f.reasons.length} {f.reasons.length === 1 ? 'reason' : 'reasons'}
                    {f.flagged.length > 0
                      ? `; ${f.flagged.length} level-4 ${f.flagged.length === 1 ? 'item is' : 'items are'} in progress anyway.`
                      : '.'}
                  </p>
                  <ul className="fn-reasons" aria-label="Why level 1 is broken">
                    {f.reasons.map((r) => (
                      <li key={`${r.kind}:${r.incident ?? r.slo ?? r.item}`}>
                        <span className="fn-reason-kind">{REASON_LABEL[r.kind] ?? r.kind}</span>
                        <span className="fn-reason-msg">{sentence(r.message)}</span>
                        <Evidence programId={id} reason={r} />
                      </li>
                    ))}
                  </ul>
                </section>
              ) : (
                <section className="fn-ok" aria-label="Level 1 holds">
                  <strong>Level 1 holds.</strong> No open SEV1 or SEV2 incident, no exhausted error budget, no overdue level-1 action item
                  or security patch.
                </section>
              )}
              {f.flagged.length > 0 ? (
                <section className="card fn-flagged" aria-labelledby="fn-flagged-h">
                  <h2 id="fn-flagged-h">Level-4 work in progress while level 1 is broken</h2>
                  <ul aria-label="Flagged level-4 items">
                    {f.flagged.map((x) => (
                      <li key={x.item}>
                        <span className="fn-flag" aria-hidden="true">
                          ⚑
                        </span>
                        <Link href={itemHref(id, x.item)}>{x.title}</Link>
                        {x.team ? <span className="faint"> · {teamName.get(x.team) ?? x.team}</span> : null}
                        <span className="fn-why">Pause or justify: level 1 is broken ({x.reasons.map(reasonShort).join(', ')})</span>
                      </li>
                    ))}
                  </ul>
                </section>
              ) : null}
              <div className="fn-levels">
                {f.levels.map((l) => {
                  const broken = l.level === 1 && f.level1Broken;
                  const items = [...l.items].sort(
                    (a, b) => Number(flagged.has(b.id)) - Number(flagged.has(a.id)) || a.title.localeCompare(b.title),
                  );
                  return (
                    <section
                      key={l.level}
                      className={`card fn-level fn-l${l.level} ${broken ? 'broken' : ''}`}
                      aria-label={`Level ${l.level} ${l.name}`}
                    >
                      <div className="fn-level-head">
                        <span className="fn-level-n">{l.level}</span>
                        <div>
                          <h2>{l.name}</h2>
                          <div className="faint fn-scope">{LEVEL_SCOPE[l.level]}</div>
                        </div>
                      </div>
                      <div className="fn-wip">
                        <span className="fn-wip-n">{l.inProgress}</span> in progress
                      </div>
                      {items.length === 0 ? (
                        <p className={broken ? 'fn-none fn-idle' : 'faint fn-none'}>
                          {broken ? 'Level 1 is broken and no stability work is in progress.' : 'Nothing in progress at this level.'}
                        </p>
                      ) : (
                        <ul className="fn-items">
                          {(expanded.has(l.level) ? items : items.slice(0, SHOWN)).map((it) => (
                            <li key={it.id} className={flagged.has(it.id) ? 'flagged' : ''}>
                              <Link href={itemHref(id, it.id)}>{it.title}</Link>
                              <div className="fn-item-meta">
                                {it.team ? <span className="faint">{teamName.get(it.team) ?? it.team}</span> : null}
                                {flagged.has(it.id) ? <span className="badge red">flagged: level 1 broken</span> : null}
                              </div>
                            </li>
                          ))}
                        </ul>
                      )}
                      {items.length > SHOWN ? (
                        <button
                          type="button"
                          className="btn ghost small fn-more"
                          aria-expanded={expanded.has(l.level)}
                          onClick={() =>
                            setExpanded((e) => {
                              const next = new Set(e);
                              if (next.has(l.level)) next.delete(l.level);
                              else next.add(l.level);
                              return next;
                            })
                          }
                        >
                          {expanded.has(l.level) ? 'Show fewer' : `Show all ${items.length}`}
                        </button>
                      ) : null}
                    </section>
                  );
                })}
              </div>
              {f.unlevelled > 0 ? (
                <p className="faint fn-unlevelled">
                  {f.unlevelled} {f.unlevelled === 1 ? 'item has' : 'items have'} no funnel level: set their priority (1-4) to place them.
                </p>
              ) : null}
            </>
          );
        }}
      </Loaded>
    </div>
  );
}
