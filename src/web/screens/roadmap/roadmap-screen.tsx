import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { type ApiProblem, api, programPath } from '../../api/client';
import type { Item, Tagged } from '../../api/types';
import { Empty, Loading, ProblemBanner } from '../../components/feedback';
import { PageHead } from '../../components/page-head';
import { itemHref } from '../../nav';
import { useProgram } from '../../program-context';
import { Link, setQueryParam, useLocation } from '../../router';
import { useToast } from '../../toasts';
import { resizePatch } from './estimate-patch';
import { type DragResult, Gantt, type GanttHandle, lastDayOfItem } from './gantt';
import { buildEdges, buildRoadmapModel, buildRows, type GroupBy, type RoadmapModel } from './roadmap-model';
import { ZOOMS, type Zoom } from './time-scale';
import { useBaselines } from './use-baseline';
import { useRoadmapSource } from './use-roadmap-source';
import { dateOfDay, dayOfDate, formatDay, todayIn, workCalendar, workingDaysBetween } from './work-time';
import './roadmap.css';

const ZOOM_LABELS: Record<Zoom, string> = { days: 'Days', weeks: 'Weeks', months: 'Months', quarters: 'Quarters' };
const half = (x: number) => Math.round(x * 2) / 2;

export function RoadmapScreen() {
  const { id, version, detail, canEdit } = useProgram();
  const { query } = useLocation();
  const toast = useToast();
  const by: GroupBy = query.get('by') === 'team' ? 'team' : 'workstream';
  const zoom: Zoom = (ZOOMS as readonly string[]).includes(query.get('zoom') ?? '') ? (query.get('zoom') as Zoom) : 'weeks';
  const criticalFocus = query.get('critical') === '1';
  const showArrows = query.get('arrows') !== '0';
  const baselineName = query.get('baseline') ?? undefined;
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [overrides, setOverrides] = useState<ReadonlyMap<number, { start: number; finish: number }>>(new Map());
  const [saveProblem, setSaveProblem] = useState<{ title: string; problem: ApiProblem } | undefined>(undefined);
  const gantt = useRef<GanttHandle>(null);

  const counts = detail?.summary.counts;
  const source = useRoadmapSource(id, version, counts ? { items: counts.items, dependencies: counts.dependencies } : undefined);
  // Keyed by content: the program summary is re-fetched on every version, its calendar rarely changes.
  const calendarKey = detail ? JSON.stringify(detail.program.calendar) : undefined;
  // biome-ignore lint/correctness/useExhaustiveDependencies: calendarKey stands for the calendar.
  const cal = useMemo(() => workCalendar(detail?.program.calendar), [calendarKey]);
  const plan = source.value?.plan;
  const items = source.value?.items;
  const dependencies = source.value?.dependencies;
  const model = useMemo(
    () => (plan && items && calendarKey ? buildRoadmapModel(cal, plan, items) : undefined),
    [plan, items, cal, calendarKey],
  );
  const edges = useMemo(() => (model && dependencies ? buildEdges(model, dependencies) : undefined), [model, dependencies]);
  // A new plan replaces what was shown while saving.
  // biome-ignore lint/correctness/useExhaustiveDependencies: model is the trigger.
  useEffect(() => setOverrides(new Map()), [model]);

  const groupList = by === 'team' ? detail?.summary.teams : detail?.summary.workstreams;
  const namesKey = JSON.stringify((groupList ?? []).map((x) => [x.id, x.name]));
  const teamsKey = JSON.stringify((detail?.summary.teams ?? []).map((x) => [x.id, x.name]));
  const names = useMemo(() => new Map<string, string>(JSON.parse(namesKey) as [string, string][]), [namesKey]);
  const teamNames = useMemo(() => new Map<string, string>(JSON.parse(teamsKey) as [string, string][]), [teamsKey]);
  const rows = useMemo(
    () => (model ? buildRows(model, by, names, collapsed, criticalFocus) : undefined),
    [model, by, names, collapsed, criticalFocus],
  );
  const baselines = useBaselines(id, version, baselineName, model, cal);

  const today = useMemo(() => todayIn(detail?.program.calendar.timezone), [detail?.program.calendar.timezone]);
  const target = detail ? dayOfDate(detail.program.target) + 1 : undefined;
  const range = useMemo(() => {
    if (!model || !detail) return undefined;
    const start = Math.min(model.first, dayOfDate(detail.program.start));
    const last = Math.max(model.last, target ?? model.last, baselines.baseline?.finishDay ?? model.last);
    const todayNear = today >= start - 120 && today <= last + 120;
    const lo = Math.min(start, todayNear ? today : start) - 10;
    const hi = Math.max(last, todayNear ? today : last) + 45;
    // Start on the first of a month so the header's upper tier begins with a whole label.
    const first = dayOfDate(`${dateOfDay(lo).slice(0, 7)}-01`);
    return { origin: first, end: hi, todayIn: today >= first && today <= hi };
  }, [model, detail, target, today, baselines.baseline]);

  // Open on today when the plan spans it, else on the first work.
  const opened = useRef(false);
  useEffect(() => {
    if (opened.current || !range || !model || !gantt.current) return;
    opened.current = true;
    gantt.current.scrollToDay(today >= model.first && today <= model.last ? today : model.first);
  });

  const setZoom = useCallback((z: Zoom) => setQueryParam('zoom', z === 'weeks' ? undefined : z), []);
  // + and − zoom in and out (finer and coarser scale) anywhere on the page but in a field.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (e.metaKey || e.ctrlKey || e.altKey || /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName) || target.isContentEditable) return;
      const k = ZOOMS.indexOf(zoom);
      if ((e.key === '+' || e.key === '=') && k > 0) setZoom(ZOOMS[k - 1] as Zoom);
      else if ((e.key === '-' || e.key === '_') && k < ZOOMS.length - 1) setZoom(ZOOMS[k + 1] as Zoom);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [zoom, setZoom]);

  const toggle = useCallback(
    (key: string) =>
      setCollapsed((c) => {
        const next = new Set(c);
        if (next.has(key)) next.delete(key);
        else next.add(key);
        return next;
      }),
    [],
  );

  const allCollapsed = !!rows?.groups.every((g) => collapsed.has(`g:${g.key}`));
  const collapseAll = () => setCollapsed(allCollapsed || !rows ? new Set() : new Set(rows.groups.map((g) => `g:${g.key}`)));

  const onDrag = useCallback(
    async (r: DragResult) => {
      if (!model) return;
      const item = model.items[r.item] as Item;
      const s = model.start[r.item] as number;
      const f = model.finish[r.item] as number;
      const body =
        r.mode === 'move'
          ? { startNoEarlierThan: dateOfDay(r.start) }
          : resizePatch(item, workingDaysBetween(cal, s, f), workingDaysBetween(cal, s, r.finish));
      setSaveProblem(undefined);
      setOverrides((o) => new Map(o).set(r.item, { start: r.start, finish: r.finish }));
      const saved = await api.patch<Tagged<Item>>(programPath(id, 'items', item.id), body, model.etags[r.item] as string);
      if (saved.ok) {
        model.etags[r.item] = saved.value.etag;
        toast(
          r.mode === 'move' ? (
            <span>
              <strong>{item.title}</strong> starts no earlier than {formatDay(r.start, true)}
            </span>
          ) : (
            <span>
              <strong>{item.title}</strong> re-estimated; the plan is recomputing
            </span>
          ),
        );
        return;
      }
      setOverrides((o) => {
        const next = new Map(o);
        next.delete(r.item);
        return next;
      });
      setSaveProblem({ title: item.title, problem: saved.problem });
    },
    [model, cal, id, toast],
  );

  const criticalDays =
    model && model.criticalPath.length > 0
      ? half(workingDaysBetween(cal, model.start[model.criticalPath[0] as number] as number, model.finishDay))
      : 0;
  const lateDays =
    model && target !== undefined ? half(workingDaysBetween(cal, Math.min(target, model.finishDay), Math.max(target, model.finishDay))) : 0;
  const late = model !== undefined && target !== undefined && model.finishDay > target;

  const sub = model ? (
    <div className="rm-stats">
      <span>
        Finish <strong className="num">{formatDay(model.finishDate, true)}</strong>
      </span>
      {detail ? (
        <span>
          Target <strong className="num">{formatDay(dayOfDate(detail.program.target), true)}</strong>{' '}
          {lateDays > 0 ? (
            <span className={`badge ${late ? 'red' : 'green'}`}>
              {late ? `${lateDays} working days late` : `${lateDays} working days early`}
            </span>
          ) : (
            <span className="badge green">on target</span>
          )}
        </span>
      ) : null}
      <span>
        Critical path <strong className="num">{model.criticalPath.length} items</strong> ·{' '}
        <span className="num">{criticalDays} working days</span>
      </span>
      <span className="faint num">{model.n.toLocaleString('en-US')} items</span>
    </div>
  ) : (
    'Plan by workstream or team, with dependencies and the critical path'
  );

  return (
    <div className="page wide rm-page">
      <PageHead
        title="Roadmap"
        sub={sub}
        actions={
          <>
            <fieldset className="seg" aria-label="Group by">
              <button type="button" aria-pressed={by === 'workstream'} onClick={() => setQueryParam('by', undefined)}>
                Workstream
              </button>
              <button type="button" aria-pressed={by === 'team'} onClick={() => setQueryParam('by', 'team')}>
                Team
              </button>
            </fieldset>
            <fieldset className="seg" aria-label="Zoom">
              {ZOOMS.map((z) => (
                <button
                  key={z}
                  type="button"
                  aria-pressed={zoom === z}
                  onClick={() => setZoom(z)}
                  title={`${ZOOM_LABELS[z]} (+ / − to zoom)`}
                >
                  {ZOOM_LABELS[z]}
                </button>
              ))}
            </fieldset>
            <button
              type="button"
              className="btn small"
              onClick={() => gantt.current?.scrollToDay(today)}
              disabled={!range?.todayIn}
              title={range?.todayIn ? 'Scroll to today' : 'Today is outside the plan'}
            >
              Today
            </button>
            <button type="button" className="btn small" onClick={collapseAll} disabled={!rows}>
              {allCollapsed ? 'Expand all' : 'Collapse all'}
            </button>
            <button
              type="button"
              className={`btn small rm-critical-toggle${criticalFocus ? ' on' : ''}`}
              aria-pressed={criticalFocus}
              onClick={() => setQueryParam('critical', criticalFocus ? undefined : '1')}
            >
              Critical path
            </button>
            <button
              type="button"
              className={`btn small rm-toggle${showArrows ? ' on' : ''}`}
              aria-pressed={showArrows}
              onClick={() => setQueryParam('arrows', showArrows ? '0' : undefined)}
              title="Show every dependency (hovering a bar always shows its own)"
            >
              Dependencies
            </button>
            <select
              aria-label="Baseline"
              value={baselineName ?? ''}
              onChange={(e) => setQueryParam('baseline', e.target.value || undefined)}
              disabled={baselines.available.length === 0}
              title={
                baselines.unsupported
                  ? 'This server does not keep baselines yet'
                  : baselines.available.length === 0
                    ? 'No baseline saved yet'
                    : 'Compare with a baseline'
              }
              className="rm-baseline"
            >
              <option value="">{baselines.available.length === 0 ? 'No baselines' : 'No baseline'}</option>
              {baselines.available.map((b) => (
                <option key={b.name} value={b.name}>
                  Baseline: {b.name} ({b.createdAt.slice(0, 10)})
                </option>
              ))}
            </select>
          </>
        }
      />
      <Legend baseline={baselines.baseline !== undefined} />
      {saveProblem ? (
        <div className="rm-alert">
          <ProblemBanner
            problem={{ ...saveProblem.problem, title: `${saveProblem.title} was not changed: ${saveProblem.problem.title}` }}
          />
          <button type="button" className="btn ghost small" onClick={() => setSaveProblem(undefined)} aria-label="Dismiss">
            ✕
          </button>
        </div>
      ) : null}
      {baselines.detailProblem ? <ProblemBanner problem={baselines.detailProblem} /> : null}
      {source.state === 'error' ? <ProblemBanner problem={source.problem} onRetry={source.reload} /> : null}
      {source.state === 'loading' && source.value ? <div className="progress" role="progressbar" aria-label="Updating" /> : null}
      {!model || !edges || !rows || !range ? (
        source.state === 'error' ? null : (
          <Loading label="Loading the plan…" />
        )
      ) : model.n === 0 ? (
        <Empty>
          This program has no items yet. <Link href="/import">Import a program file</Link> or add items to see the roadmap.
        </Empty>
      ) : (
        <div className="rm-main">
          <Gantt
            ref={gantt}
            programId={id}
            model={model}
            edges={edges}
            rows={rows}
            zoom={zoom}
            cal={cal}
            origin={range.origin}
            end={range.end}
            today={today}
            target={target}
            baseline={baselines.baseline}
            canEdit={canEdit}
            teamNames={teamNames}
            overrides={overrides}
            collapsed={collapsed}
            criticalFocus={criticalFocus}
            showArrows={showArrows}
            groupLabel={by === 'team' ? 'Team' : 'Workstream'}
            onToggle={toggle}
            onDrag={onDrag}
          />
          {criticalFocus ? <CriticalPathList programId={id} model={model} /> : null}
        </div>
      )}
    </div>
  );
}

function Legend({ baseline }: { baseline: boolean }) {
  return (
    <ul className="rm-legend" aria-label="Legend">
      <li>
        <span className="sw bar" /> Planned
      </li>
      <li>
        <span className="sw bar critical" /> Critical
      </li>
      <li>
        <span className="sw bar progress" /> Done share
      </li>
      <li>
        <span className="sw summary" /> Epic
      </li>
      <li>
        <span className="sw diamond" /> Milestone
      </li>
      <li>
        <span className="sw target" /> Target
      </li>
      <li className={baseline ? '' : 'faint'}>
        <span className="sw ghost" /> Baseline
      </li>
      <li>
        <span className="sw arrow" /> Dependency
      </li>
      <li>
        <span className="sw arrow requested" /> Requested
      </li>
      <li>
        <span className="sw arrow at-risk" /> At risk
      </li>
      <li>
        <span className="sw arrow broken" /> Broken
      </li>
      <li>
        <span className="sw today" /> Today
      </li>
    </ul>
  );
}

function CriticalPathList({ programId, model }: { programId: string; model: RoadmapModel }) {
  return (
    <aside className="rm-critical-panel card" aria-label="Critical path">
      <h2>Critical path</h2>
      <p className="faint">The longest chain of work to the finish: any slip here moves the finish date.</p>
      <ol>
        {model.criticalPath.map((i) => {
          const item = model.items[i] as Item;
          return (
            <li key={item.id}>
              <Link href={itemHref(programId, item.id)}>{item.title}</Link>
              <span className="faint num">
                {formatDay(Math.floor(model.start[i] as number))} – {formatDay(lastDayOfItem(model, i))}
              </span>
            </li>
          );
        })}
      </ol>
    </aside>
  );
}
