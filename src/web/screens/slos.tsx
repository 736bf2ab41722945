import { programPath } from '../api/client';
import type { Page, Service, SloStatusList } from '../api/types';
import { useResource } from '../api/use-resource';
import { Empty, Loaded } from '../components/feedback';
import { PageHead } from '../components/page-head';
import { useProgram } from '../program-context';
import { setQueryParam, useLocation } from '../router';
import { AsOf } from './slos/as-of';
import { SloCard } from './slos/slo-card';
import { SloDetail } from './slos/slo-detail';
import { type SloState, sloState } from './slos/slo-format';
import '../components/charts/charts.css';
import './slos.css';

/** Worst first, so what needs attention is on top. */
const ORDER: readonly SloState[] = ['exhausted', 'page', 'ticket', 'low', 'ok', 'nodata'];

export function SlosScreen() {
  const { id, version, canEdit } = useProgram();
  const { query } = useLocation();
  const at = query.get('at') ?? undefined;
  const open = query.get('slo') ?? undefined;
  const service = query.get('service') ?? '';
  const status = useResource<SloStatusList>(programPath(id, 'slos', 'status'), at ? { at } : undefined, version);
  const services = useResource<Page<'services', Service>>(programPath(id, 'services'), { perPage: 1000 }, version);
  const nameOf = new Map((services.value?.services ?? []).map((s) => [s.value.id, s.value.name ?? s.value.id]));

  return (
    <div className="page slo-page">
      <Loaded resource={status} label="Computing error budgets…">
        {(list) => {
          const detail = open ? list.slos.find((s) => s.id === open) : undefined;
          if (open && detail)
            return (
              <>
                <AsOf slos={[detail]} at={at} />
                <SloDetail
                  programId={id}
                  version={version}
                  slo={detail}
                  serviceName={nameOf.get(detail.service) ?? detail.service}
                  canEdit={canEdit}
                  at={at}
                  onStored={status.reload}
                />
              </>
            );
          const shown = list.slos
            .filter((s) => !service || s.service === service)
            .sort((a, b) => ORDER.indexOf(sloState(a)) - ORDER.indexOf(sloState(b)) || a.name.localeCompare(b.name));
          const states = list.slos.map(sloState);
          const n = (s: SloState) => states.filter((x) => x === s).length;
          const sub = [
            `${list.slos.length} SLOs`,
            n('page') + n('exhausted') > 0 ? `${n('page') + n('exhausted')} paging or exhausted` : '',
            n('ticket') + n('low') > 0 ? `${n('ticket') + n('low')} to watch` : '',
            n('ok') > 0 ? `${n('ok')} healthy` : '',
            n('nodata') > 0 ? `${n('nodata')} without data` : '',
          ].filter(Boolean);
          const serviceIds = [...new Set(list.slos.map((s) => s.service))];
          return (
            <>
              <PageHead
                title="SLOs"
                sub={list.slos.length === 0 ? 'Service level objectives and their error budgets.' : sub.join(' · ')}
                actions={
                  serviceIds.length > 1 ? (
                    <select aria-label="Service" value={service} onChange={(e) => setQueryParam('service', e.target.value || undefined)}>
                      <option value="">All services</option>
                      {serviceIds.map((s) => (
                        <option key={s} value={s}>
                          {nameOf.get(s) ?? s}
                        </option>
                      ))}
                    </select>
                  ) : undefined
                }
              />
              <AsOf slos={list.slos} at={at} />
              {open && !detail ? <div className="notice">There is no SLO “{open}” in this program; here are all of them.</div> : null}
              {list.slos.length === 0 ? (
                <Empty>
                  <strong>No SLOs yet.</strong>
                  <p>
                    Write a <code>slos:</code> section in the program file (service, objective, window, indicator), or import OpenSLO v1
                    YAML with <code>POST /api/programs/{id}/import/openslo</code>. Then give each SLO data: upload an SLI CSV on its page,
                    or name a Prometheus <code>source</code> and refresh.
                  </p>
                </Empty>
              ) : (
                <div className="slo-grid">
                  {shown.map((s) => (
                    <SloCard
                      key={s.id}
                      programId={id}
                      slo={s}
                      serviceName={nameOf.get(s.service) ?? s.service}
                      onOpen={() => setQueryParam('slo', s.id)}
                    />
                  ))}
                </div>
              )}
            </>
          );
        }}
      </Loaded>
    </div>
  );
}
