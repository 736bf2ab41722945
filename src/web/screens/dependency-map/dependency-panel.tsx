import { useEffect, useState } from 'react';
import { api, programPath } from '../../api/client';
import { DEPENDENCY_STATES, type Dependency, type Item, type Tagged } from '../../api/types';
import { StateBadge } from '../../components/badges';
import { EntityForm, type FieldSpec } from '../../components/entity-form';
import { Loading, ProblemBanner } from '../../components/feedback';
import { itemHref } from '../../nav';
import { Link } from '../../router';
import type { MapEdge } from './map-model';

const FIELDS: readonly FieldSpec[] = [
  { name: 'state', label: 'State', type: 'select', options: DEPENDENCY_STATES, full: true },
  { name: 'note', label: 'Note', type: 'textarea', full: true, hint: 'What was agreed, or what is in the way.' },
];

const TYPES: Record<Dependency['type'], string> = {
  FS: 'Finish → start',
  SS: 'Start → start',
  FF: 'Finish → finish',
  SF: 'Start → finish',
};

interface PanelProps {
  programId: string;
  edge: MapEdge;
  items: ReadonlyMap<string, Item>;
  teamName: (id: string | undefined) => string;
  canEdit: boolean;
  onClose: () => void;
  onOpen: (dep: Dependency) => void;
  onSaved: (saved: Dependency) => void;
}

/** The side panel for a clicked edge: one dependency (editable by editors), or a team bundle to pick from. */
export function DependencyPanel(props: PanelProps) {
  const { edge, onClose } = props;
  const bundle = edge.deps.length > 1 || edge.from !== edge.deps[0]?.from;
  return (
    <aside className="dm-panel" aria-label={bundle ? 'Dependencies between teams' : 'Dependency'}>
      <div className="dm-panel-head">
        <h2>{bundle ? `${props.teamName(edge.from)} → ${props.teamName(edge.to)}` : 'Dependency'}</h2>
        <button type="button" className="btn ghost small" onClick={onClose} aria-label="Close panel">
          ✕
        </button>
      </div>
      <div className="dm-panel-body">{bundle ? <Bundle {...props} /> : <One {...props} dep={edge.deps[0] as Dependency} />}</div>
    </aside>
  );
}

function Bundle({ edge, items, onOpen }: PanelProps) {
  return (
    <div className="stack">
      <p className="muted dm-small">
        {edge.deps.length} {edge.deps.length === 1 ? 'dependency' : 'dependencies'}; pick one to see or change it.
      </p>
      <ul className="dm-bundle">
        {edge.deps.map((d) => (
          <li key={`${d.from}->${d.to}`}>
            <button type="button" className="dm-bundle-row" onClick={() => onOpen(d)}>
              <span className="dm-bundle-ends">
                <span>{items.get(d.from)?.title ?? d.from}</span>
                <span className="faint"> → </span>
                <span>{items.get(d.to)?.title ?? d.to}</span>
              </span>
              <StateBadge value={d.state} />
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function One({ programId, dep, items, teamName, canEdit, onSaved }: PanelProps & { dep: Dependency }) {
  const path = programPath(programId, 'dependencies', dep.from, dep.to);
  const [current, setCurrent] = useState<Tagged<Dependency> | undefined>();
  const [problem, setProblem] = useState<Parameters<typeof ProblemBanner>[0]['problem'] | undefined>();
  // GET the dependency itself: its ETag guards the edit against a change made since the map was read.
  useEffect(() => {
    let live = true;
    setCurrent(undefined);
    setProblem(undefined);
    api.get<Tagged<Dependency>>(path).then((r) => {
      if (!live) return;
      if (r.ok) setCurrent(r.value);
      else setProblem(r.problem);
    });
    return () => {
      live = false;
    };
  }, [path]);
  const shown = current?.value ?? dep;
  const end = (id: string, role: string) => {
    const item = items.get(id);
    return (
      <div className="dm-end">
        <span className="dm-end-role">{role}</span>
        <Link href={itemHref(programId, id)} className="dm-end-title">
          {item?.title ?? id}
        </Link>
        <span className="faint dm-small">
          <span className="mono">{id}</span> · {teamName(item?.team)}
        </span>
      </div>
    );
  };
  return (
    <div className="stack">
      {end(shown.from, 'From')}
      {end(shown.to, 'To')}
      <dl className="dm-facts">
        <dt>Type</dt>
        <dd>
          {TYPES[shown.type]} <span className="faint mono">{shown.type}</span>
        </dd>
        <dt>Lag</dt>
        <dd className="num">
          {shown.lag} working {Math.abs(shown.lag) === 1 ? 'day' : 'days'}
        </dd>
        <dt>State</dt>
        <dd>
          <StateBadge value={shown.state} />
        </dd>
        <dt>Note</dt>
        <dd>{shown.note ? shown.note : <span className="faint">—</span>}</dd>
      </dl>
      {problem ? <ProblemBanner problem={problem} /> : null}
      {canEdit ? (
        current ? (
          <div className="dm-edit">
            <h3>Change</h3>
            <EntityForm<Dependency>
              key={current.etag}
              fields={FIELDS}
              path={path}
              current={current}
              submitLabel="Save dependency"
              onSaved={(saved) => {
                setCurrent(saved);
                onSaved(saved.value);
              }}
            />
          </div>
        ) : problem ? null : (
          <Loading label="Reading the dependency…" />
        )
      ) : (
        <p className="faint dm-small">Viewers can read dependencies; editors change their state.</p>
      )}
    </div>
  );
}
