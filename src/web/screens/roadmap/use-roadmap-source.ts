import { useCallback, useEffect, useRef, useState } from 'react';
import { type ApiProblem, api, programPath } from '../../api/client';
import type { Dependency, Item, Page, Plan } from '../../api/types';

export interface RoadmapSource {
  readonly plan: Plan;
  readonly items: Page<'items', Item>['items'];
  readonly dependencies: Dependency[];
}

export type SourceState =
  | { state: 'loading'; value: RoadmapSource | undefined }
  | { state: 'ok'; value: RoadmapSource }
  | { state: 'error'; value: RoadmapSource | undefined; problem: ApiProblem };

/** The largest page the API serves. */
const PER_PAGE = 1000;

type Listing = { total: number };

/**
 * Every page of a list, fetched in parallel: `expected` (from the program summary) says how many
 * pages to ask for at once; if the first page's total says more, the rest follow.
 */
async function allPages<T>(
  path: string,
  key: string,
  expected: number,
  signal: AbortSignal,
): Promise<{ ok: true; value: T[] } | { ok: false; problem: ApiProblem }> {
  const fetchPage = (page: number) => api.get<Listing & Record<string, unknown>>(path, { query: { page, perPage: PER_PAGE }, signal });
  const guess = Math.max(1, Math.ceil(expected / PER_PAGE));
  const pages = await Promise.all(Array.from({ length: guess }, (_, p) => fetchPage(p + 1)));
  const first = pages[0];
  if (first?.ok) {
    const total = Math.ceil(first.value.total / PER_PAGE);
    if (total > guess) pages.push(...(await Promise.all(Array.from({ length: total - guess }, (_, p) => fetchPage(guess + p + 1)))));
  }
  const out: T[] = [];
  for (const page of pages) {
    if (!page.ok) return page;
    out.push(...(page.value[key] as T[]));
  }
  return { ok: true, value: out };
}

/**
 * The plan, every item (with its ETag) and every dependency, re-fetched when `version` changes;
 * the last value stays on screen while the next one loads.
 */
export function useRoadmapSource(
  programId: string,
  version: number,
  counts: { items: number; dependencies: number } | undefined,
): SourceState & { reload: () => void } {
  const [state, setState] = useState<SourceState>({ state: 'loading', value: undefined });
  const [tick, setTick] = useState(0);
  const last = useRef<RoadmapSource | undefined>(undefined);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  const ready = counts !== undefined;
  const expectedItems = counts?.items ?? 0;
  const expectedDeps = counts?.dependencies ?? 0;
  // biome-ignore lint/correctness/useExhaustiveDependencies: tick forces a re-fetch; counts only size the first round of pages.
  useEffect(() => {
    if (!ready) return;
    const abort = new AbortController();
    setState({ state: 'loading', value: last.current });
    Promise.all([
      api.get<Plan>(programPath(programId, 'plan'), { signal: abort.signal }),
      allPages<Page<'items', Item>['items'][number]>(programPath(programId, 'items'), 'items', expectedItems, abort.signal),
      allPages<{ value: Dependency }>(programPath(programId, 'dependencies'), 'dependencies', expectedDeps, abort.signal),
    ]).then(
      ([plan, items, deps]) => {
        if (abort.signal.aborted) return;
        const failed = !plan.ok ? plan : !items.ok ? items : !deps.ok ? deps : undefined;
        if (failed) return setState({ state: 'error', value: last.current, problem: failed.problem });
        if (!plan.ok || !items.ok || !deps.ok) return;
        last.current = { plan: plan.value, items: items.value, dependencies: deps.value.map((d) => d.value) };
        setState({ state: 'ok', value: last.current });
      },
      (e: unknown) => {
        if ((e as Error).name !== 'AbortError') throw e;
      },
    );
    return () => abort.abort();
  }, [programId, version, ready, tick]);
  return { ...state, reload };
}
