import { useMemo, useState } from 'react';
import { api, programPath } from '../api/client';
import type { Page, Service, ServiceCatalog, Tagged, Team } from '../api/types';
import { useResource } from '../api/use-resource';
import { Dialog } from '../components/dialog';
import { EntityForm } from '../components/entity-form';
import { Empty, Loaded, ProblemBanner } from '../components/feedback';
import { PageHead } from '../components/page-head';
import { useProgram } from '../program-context';
import { setQueryParam, useLocation } from '../router';
import { useToast } from '../toasts';
import { BlastRadiusPanel } from './services/blast-radius-panel';
import { CatalogMap } from './services/catalog-map';
import { type CatalogRow, CatalogTable } from './services/catalog-table';
import { serviceFields } from './services/service-fields';
import './services.css';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

type Editing = { mode: 'create' } | { mode: 'edit'; service: Tagged<Service> };

function matches(s: CatalogRow, q: string): boolean {
  if (!q) return true;
  const hay = [s.id, s.name, s.teamName, s.type ?? '', s.system ?? '', ...s.provides, ...s.consumes].join(' ').toLowerCase();
  return q
    .toLowerCase()
    .split(/\s+/)
    .every((w) => hay.includes(w));
}

export function ServicesScreen() {
  const { id, version, canEdit } = useProgram();
  const { query } = useLocation();
  const toast = useToast();
  const catalog = useResource<ServiceCatalog>(programPath(id, 'services', 'catalog'), undefined, version);
  const teams = useResource<Page<'teams', Team>>(canEdit ? programPath(id, 'teams') : undefined, { perPage: 1000 }, version);
  const [editing, setEditing] = useState<Editing | undefined>();
  const [loadProblem, setLoadProblem] = useState<string | undefined>();
  const team = query.get('team') ?? '';
  const tier = query.get('tier') ?? '';
  const kind = query.get('kind') ?? '';
  const [search, setSearch] = useState(query.get('q') ?? '');
  const of = query.get('change') ?? undefined;
  const view = query.get('view') === 'map' ? 'map' : 'table';

  const rows = useMemo(
    () =>
      (catalog.value?.services ?? []).filter(
        (s) =>
          (!team || s.team === team) &&
          (!tier || (tier === 'none' ? s.tier === null : String(s.tier) === tier)) &&
          (!kind || s.kind === kind) &&
          matches(s, search.trim()),
      ),
    [catalog.value, team, tier, kind, search],
  );

  const pick = (ref: string | undefined) => {
    setQueryParam('change', ref);
    if (ref) requestAnimationFrame(() => document.getElementById('blast-radius')?.scrollIntoView({ behavior: 'smooth', block: 'start' }));
  };
  const edit = async (serviceId: string) => {
    setLoadProblem(undefined);
    const r = await api.get<Tagged<Service>>(programPath(id, 'services', serviceId));
    if (r.ok) setEditing({ mode: 'edit', service: r.value });
    else setLoadProblem(`${r.problem.title}${r.problem.detail ? ` — ${r.problem.detail}` : ''}`);
  };
  const teamIds = (teams.value?.teams ?? []).map((t) => t.value.id);

  return (
    <div className="page sv-page">
      <Loaded resource={catalog} label="Reading the service catalog…">
        {(c) => {
          const teamsInCatalog = [...new Map(c.services.map((s) => [s.team, s.teamName])).entries()].sort((a, b) =>
            a[1].localeCompare(b[1]),
          );
          const tiers = [...new Set(c.services.map((s) => s.tier))].sort((a, b) => (a ?? 9) - (b ?? 9));
          const services = c.services.filter((s) => s.kind === 'service').length;
          const tier1 = c.services.filter((s) => s.tier === 1).length;
          const burning = c.services.filter((s) => s.openIncidents > 0).length;
          return (
            <>
              <PageHead
                title="Services"
                sub={
                  c.services.length === 0
                    ? 'The services this program runs on, who owns them and what depends on what.'
                    : [
                        plural(services, 'service'),
                        plural(c.services.length - services, 'resource'),
                        plural(c.apis.length, 'API'),
                        `${tier1} tier 1`,
                        ...(burning > 0 ? [`${burning} with open incidents`] : []),
                      ].join(' · ')
                }
                actions={
                  canEdit ? (
                    <button type="button" className="btn primary" onClick={() => setEditing({ mode: 'create' })}>
                      Add service
                    </button>
                  ) : undefined
                }
              />
              {loadProblem ? <div className="problem">{loadProblem}</div> : null}
              {c.services.length === 0 ? (
                <Empty>
                  <strong>No services yet.</strong>
                  <p>
                    Add them with <em>Add service</em>, write a <code>services:</code> section in the program file (id, team, tier,
                    provides, consumes, dependsOn), or import Backstage <code>catalog-info.yaml</code> files with{' '}
                    <code>POST /api/programs/{id}/import/backstage</code>.
                  </p>
                </Empty>
              ) : (
                <>
                  <section className="card sv-catalog" aria-label="Catalog">
                    <div className="sv-filters">
                      <fieldset className="seg" aria-label="View">
                        <button type="button" aria-pressed={view === 'table'} onClick={() => setQueryParam('view', undefined)}>
                          Table
                        </button>
                        <button type="button" aria-pressed={view === 'map'} onClick={() => setQueryParam('view', 'map')}>
                          Map
                        </button>
                      </fieldset>
                      <input
                        type="search"
                        aria-label="Search services"
                        placeholder="Search name, API, system…"
                        value={search}
                        onChange={(e) => {
                          setSearch(e.target.value);
                          setQueryParam('q', e.target.value || undefined);
                        }}
                      />
                      <select aria-label="Owner team" value={team} onChange={(e) => setQueryParam('team', e.target.value || undefined)}>
                        <option value="">All teams</option>
                        {teamsInCatalog.map(([t, name]) => (
                          <option key={t} value={t}>
                            {name}
                          </option>
                        ))}
                      </select>
                      <select aria-label="Tier" value={tier} onChange={(e) => setQueryParam('tier', e.target.value || undefined)}>
                        <option value="">All tiers</option>
                        {tiers.map((t) => (
                          <option key={t ?? 'none'} value={t ?? 'none'}>
                            {t === null ? 'Untiered' : `Tier ${t}`}
                          </option>
                        ))}
                      </select>
                      <select aria-label="Kind" value={kind} onChange={(e) => setQueryParam('kind', e.target.value || undefined)}>
                        <option value="">Services and resources</option>
                        <option value="service">Services</option>
                        <option value="resource">Resources</option>
                      </select>
                      <span className="faint sv-count">
                        {rows.length === c.services.length
                          ? `${rows.length} shown`
                          : `${rows.length} of ${c.services.length} ${view === 'map' ? 'highlighted' : 'shown'}`}
                      </span>
                    </div>
                    {view === 'map' ? (
                      <CatalogMap catalog={c} selected={of} matching={new Set(rows.map((r) => r.id))} onPick={pick} />
                    ) : rows.length === 0 ? (
                      <p className="muted">Nothing matches these filters.</p>
                    ) : (
                      <CatalogTable
                        programId={id}
                        rows={rows}
                        selected={of}
                        canEdit={canEdit}
                        onChange={pick}
                        onEdit={(s) => void edit(s)}
                      />
                    )}
                  </section>
                  <BlastRadiusPanel programId={id} version={version} catalog={c} of={of} onPick={pick} />
                </>
              )}
            </>
          );
        }}
      </Loaded>

      <Dialog
        open={editing !== undefined}
        title={editing?.mode === 'edit' ? `Edit ${editing.service.value.name ?? editing.service.value.id}` : 'Add a service'}
        onClose={() => setEditing(undefined)}
      >
        {editing ? (
          <EntityForm<Service>
            key={editing.mode === 'edit' ? editing.service.etag : 'new'}
            fields={serviceFields(teamIds)}
            path={editing.mode === 'edit' ? programPath(id, 'services', editing.service.value.id) : programPath(id, 'services')}
            current={editing.mode === 'edit' ? editing.service : undefined}
            onCancel={() => setEditing(undefined)}
            onSaved={(saved) => {
              setEditing(undefined);
              toast(`Saved ${saved.value.name ?? saved.value.id}`);
              catalog.reload();
            }}
          />
        ) : null}
      </Dialog>
      {teams.state === 'error' && editing ? <ProblemBanner problem={teams.problem} /> : null}
    </div>
  );
}
