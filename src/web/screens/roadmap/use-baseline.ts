import { useMemo } from 'react';
import { programPath } from '../../api/client';
import { useResource } from '../../api/use-resource';
import type { Baseline } from './gantt';
import type { RoadmapModel } from './roadmap-model';
import { dayOfDateTime, type WorkCalendar } from './work-time';

export interface BaselineListing {
  name: string;
  createdAt: string;
  actor: string;
  version: number;
}

interface BaselineDetail extends BaselineListing {
  plan: { finish: string; items: Record<string, { start: string; finish: string }> };
}

/**
 * The program's saved baselines and, when one is picked, its dates per item as day coordinates.
 * A server without the baselines route (404) or with none saved gives an empty list, not an error.
 */
export function useBaselines(
  programId: string,
  version: number,
  name: string | undefined,
  model: RoadmapModel | undefined,
  cal: WorkCalendar,
) {
  const list = useResource<{ baselines: BaselineListing[] }>(programPath(programId, 'baselines'), undefined, version);
  const detail = useResource<BaselineDetail>(name ? programPath(programId, 'baselines', name) : undefined);
  const available = list.state === 'ok' ? list.value.baselines : [];
  const unsupported = list.state === 'error' && (list.problem.status === 404 || list.problem.status === 405);
  const baseline = useMemo((): (Baseline & { finishDay: number }) | undefined => {
    if (!name || !model || detail.state !== 'ok' || detail.value.name !== name) return undefined;
    const start = new Float64Array(model.n).fill(Number.NaN);
    const finish = new Float64Array(model.n).fill(Number.NaN);
    for (const [id, dates] of Object.entries(detail.value.plan.items ?? {})) {
      const i = model.index.get(id);
      if (i === undefined) continue;
      start[i] = dayOfDateTime(cal, dates.start);
      finish[i] = dayOfDateTime(cal, dates.finish);
    }
    return { start, finish, finishDay: dayOfDateTime(cal, detail.value.plan.finish) };
  }, [name, model, detail, cal]);
  return {
    available,
    unsupported,
    listProblem: list.state === 'error' && !unsupported ? list.problem : undefined,
    detailProblem: name && detail.state === 'error' ? detail.problem : undefined,
    baseline,
  };
}
