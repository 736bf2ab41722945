import { useEffect, useMemo, useState } from 'react';
import { programPath } from '../api/client';
import { DEPENDENCY_STATES, type Dependency, type DependencyState, type Item, type Page, type Plan, type Team } from '../api/types';
import { useAllPages } from '../api/use-all-pages';
import { useResource } from '../api/use-resource';
import { Loading, ProblemBanner } from '../components/feedback';
import { PageHead } from '../components/page-head';
import { itemHref } from '../nav';
import { useProgram } from '../program-context';
import { navigate, setQueryParam, useLocation } from '../router';
import { useToast } from '../toasts';
import { DependencyPanel } from './dependency-map/dependency-panel';
import { type Layout, layoutMap } from './dependency-map/elk-layout';
import { MapCanvas } from './dependency-map/map-canvas';
import { buildMap, isCritical, type MapEdge, type MapModel } from './dependency-map/map-model';
import './dependency-map.css';

/** Above this many item nodes the map opens at team level (hundreds of boxes read as noise, and lay out slowly). */
const ITEM_VIEW_LIMIT = 400;

const STATE_LABEL: Record<DependencyState, string> = {
  requested: 'Requested',
  accepted: 'Accepted',
  'at-risk': 'At risk',
  broken: 'Broken',
};

export function DependencyMapScreen() {
  const { id, version, canEdit } = useProgram();
  const { query } = useLocation();
  const toast = useToast();
  const deps = useAllPages<Dependency>(programPath(id, 'dependencies'), 'dependencies', version);
  const items = useAllPages<Item>(programPath(id, 'items'), 'items', version);
  const teams = useResource<Page<'teams', Team>>(programPath(id, 'teams'), { perPage: 1000 }, version);
  const plan = useResource<Plan>(programPath(id, 'plan'), undefined, version);

  // Keyed on the parameter's text: `query` is a new object on every render.
  const rawStates = query.get('states');
  const states = useMemo(
    () =>
      new Set(
        (rawStates ? rawStates.split(',') : DEPENDENCY_STATES).filter((s): s is DependencyState =>
          (DEPENDENCY_STATES as readonly string[]).includes(s),
        ),
      ),
    [rawStates],
  );
  const criticalOnly = query.get('critical') === 'true';
  const team = query.get('team') ?? undefined;

  const input = useMemo(() => {
    // The plan marks critical edges; waiting for it (unless it failed) saves laying the map out twice.
    if (!deps.value || !items.value || !teams.value || (!plan.value && plan.state !== 'error')) return undefined;
    const critical = new Set((plan.value?.items ?? []).filter((i) => i.critical).map((i) => i.id));
    for (const c of plan.value?.criticalPath ?? []) critical.add(c);
    return {
      items: items.value.map((i) => i.value),
      deps: deps.value.map((d) => d.value),
      teams: teams.value.teams.map((t) => t.value),
      critical,
    };
  }, [deps.value, items.value, teams.value, plan.value, plan.state]);

  const all = useMemo(
    () => (input ? buildMap(input, { states: new Set(DEPENDENCY_STATES), criticalOnly: false, team: undefined }, 'items') : undefined),
    [input],
  );
  const level =
    query.get('view') === 'teams' || (query.get('view') !== 'items' && (all?.nodes.length ?? 0) > ITEM_VIEW_LIMIT) ? 'teams' : 'items';
  const model = useMemo(
    () => (input ? buildMap(input, { states, criticalOnly, team }, level) : undefined),
    [input, states, criticalOnly, team, level],
  );

  // The last finished layout and the model it was made for: drawn together while the next one computes.
  const [layout, setLayout] = useState<{ layout: Layout; for: MapModel } | undefined>();
  const [layoutError, setLayoutError] = useState<string | undefined>();
  useEffect(() => {
    if (!model) return;
    let live = true;
    layoutMap(model).then(
      (l) => live && setLayout({ layout: l, for: model }),
      (e: unknown) => live && setLayoutError(String(e)),
    );
    return () => {
      live = false;
    };
  }, [model]);

  const [selectedKey, setSelectedKey] = useState<string | undefined>();
  const [openDep, setOpenDep] = useState<Dependency | undefined>();
  const itemMap = useMemo(() => new Map((input?.items ?? []).map((i) => [i.id, i])), [input]);
  const teamNames = useMemo(() => new Map((input?.teams ?? []).map((t) => [t.id, t.name])), [input]);
  const teamName = (t: string | undefined) => (t ? (teamNames.get(t) ?? t) : 'no team');

  // The panel shows the selected edge as it is now (after a save or someone else's edit).
  const selectedEdge: MapEdge | undefined = useMemo(() => {
    if (openDep && input) {
      const live = input.deps.find((d) => d.from === openDep.from && d.to === openDep.to) ?? openDep;
      return {
        key: `${live.from}->${live.to}`,
        from: live.from,
        to: live.to,
        state: live.state,
        critical: isCritical(live, input.critical),
        deps: [live],
      };
    }
    return model?.edges.find((e) => e.key === selectedKey);
  }, [openDep, input, model, selectedKey]);

  const toggleState = (s: DependencyState) => {
    const next = new Set(states);
    if (next.has(s)) next.delete(s);
    else next.add(s);
    setQueryParam('states', next.size === DEPENDENCY_STATES.length ? undefined : DEPENDENCY_STATES.filter((x) => next.has(x)).join(','));
  };
  const counts = useMemo(() => {
    const c = new Map<DependencyState, number>();
    for (const e of all?.edges ?? []) c.set(e.state, (c.get(e.state) ?? 0) + 1);
    return c;
  }, [all]);

  const problem =
    deps.state === 'error' ? deps.problem : items.state === 'error' ? items.problem : teams.state === 'error' ? teams.problem : undefined;
  const laying = model !== undefined && layout?.for !== model;
  const fitKey = `${level}|${team ?? ''}|${criticalOnly}|${[...states].join(',')}`;

  return (
    <div className="page wide dm-page">
      <PageHead
        title="Dependency map"
        sub={
          all && model
            ? `${model.edges.reduce((s, e) => s + e.deps.length, 0)} of ${all.total.deps} cross-team dependencies · ${all.total.items} items · ${all.groups.length} teams`
            : 'Cross-team dependencies and their negotiation state'
        }
        actions={
          <fieldset className="seg" aria-label="Level of detail">
            <button type="button" aria-pressed={level === 'items'} onClick={() => setQueryParam('view', 'items')}>
              Items
            </button>
            <button type="button" aria-pressed={level === 'teams'} onClick={() => setQueryParam('view', 'teams')}>
              Teams
            </button>
          </fieldset>
        }
      />
      <div className="dm-filters" role="toolbar" aria-label="Filters">
        <fieldset className="dm-chips" aria-label="States">
          {DEPENDENCY_STATES.map((s) => (
            <button key={s} type="button" className={`dm-chip ${s}`} aria-pressed={states.has(s)} onClick={() => toggleState(s)}>
              <span className="dm-chip-line" aria-hidden="true" />
              {STATE_LABEL[s]}
              <span className="dm-chip-count num">{counts.get(s) ?? 0}</span>
            </button>
          ))}
        </fieldset>
        <label className="dm-check">
          <input
            type="checkbox"
            checked={criticalOnly}
            onChange={(e) => setQueryParam('critical', e.target.checked ? 'true' : undefined)}
          />
          Critical only
        </label>
        <label className="dm-team">
          <span>Team</span>
          <select value={team ?? ''} onChange={(e) => setQueryParam('team', e.target.value || undefined)}>
            <option value="">All teams</option>
            {(input?.teams ?? []).map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {problem ? <ProblemBanner problem={problem} /> : null}
      {layoutError ? <div className="problem">The map could not be laid out: {layoutError}</div> : null}
      <div className="dm-stage">
        {!layout ? (
          <Loading label={model ? 'Laying out the map…' : 'Reading dependencies…'} />
        ) : layout.for.edges.length === 0 ? (
          <div className="empty">No cross-team dependency matches these filters.</div>
        ) : (
          <MapCanvas
            model={layout.for}
            layout={layout.layout}
            selected={selectedEdge?.key}
            fitKey={`${fitKey}|${layout.layout.width}x${layout.layout.height}`}
            onEdge={(e) => {
              setOpenDep(undefined);
              setSelectedKey(e.key);
            }}
            onNode={(n) => (level === 'teams' ? setQueryParam('team', n) : navigate(itemHref(id, n)))}
          />
        )}
        {laying && layout ? (
          <div className="dm-laying" aria-live="polite">
            <span className="spinner" /> Laying out…
          </div>
        ) : null}
        <Legend />
        {selectedEdge ? (
          <DependencyPanel
            programId={id}
            edge={selectedEdge}
            items={itemMap}
            teamName={teamName}
            canEdit={canEdit}
            onClose={() => {
              setSelectedKey(undefined);
              setOpenDep(undefined);
            }}
            onOpen={(d) => setOpenDep(d)}
            onSaved={(d) => {
              setOpenDep(d);
              toast(`${d.from} → ${d.to} is now ${d.state}`);
            }}
          />
        ) : null}
      </div>
    </div>
  );
}

function Legend() {
  return (
    <div className="dm-legend">
      {DEPENDENCY_STATES.map((s) => (
        <span key={s}>
          <svg width="26" height="10" aria-hidden="true">
            <line className={`dm-legend-line ${s}`} x1="1" x2="25" y1="5" y2="5" />
          </svg>
          {STATE_LABEL[s]}
        </span>
      ))}
      <span>
        <svg width="26" height="12" aria-hidden="true">
          <line className="dm-legend-halo" x1="3" x2="23" y1="6" y2="6" />
          <line className="dm-legend-line accepted critical" x1="3" x2="23" y1="6" y2="6" />
        </svg>
        Critical path
      </span>
    </div>
  );
}
