import { useCallback, useEffect, useRef, useState } from 'react';
import { type ApiProblem, api, programPath } from '../../api/client';
import type { Dependency, Item, Page, Plan, ProgramListing, Tagged } from '../../api/types';

export interface RoadmapSource {
  readonly plan: Plan;
  readonly items: Page<'items', Item>['items'];
  readonly dependencies: Dependency[];
  /** False while the dependencies are still loading (bars first, arrows after). */
  readonly complete: boolean;
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
 * The plan, every item (with its ETag) and every dependency, read at once and again when
 * `version` changes (it stays put until someone changes the program: see program-context.tsx);
 * the last value stays on screen while the next one loads. The bars' data (plan and items) is
 * delivered first; the dependencies follow.
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
  // Counts only size the first round of pages; they must not start a re-fetch of their own.
  const known = useRef(counts);
  known.current = counts ?? known.current;
  // biome-ignore lint/correctness/useExhaustiveDependencies: tick forces a re-fetch.
  useEffect(() => {
    const abort = new AbortController();
    setState({ state: 'loading', value: last.current });
    performance.mark('roadmap:fetch');
    // Without the program's summary yet, the programs listing (small, fast) tells how many pages to ask for.
    const sized = known.current
      ? Promise.resolve(known.current)
      : api
          .get<{ programs: ProgramListing[] }>('/api/programs', { signal: abort.signal })
          .then((r) => (r.ok ? r.value.programs.find((p) => p.id === programId) : undefined));
    const expectedItems = sized.then((c) => c?.items ?? 0);
    const expectedDeps = sized.then((c) => c?.dependencies ?? 0);
    const failed = (problem: ApiProblem) => {
      if (!abort.signal.aborted) setState({ state: 'error', value: last.current, problem });
    };
    const plan = api.get<Plan>(programPath(programId, 'plan'), { signal: abort.signal });
    const items = expectedItems.then((n) => allPages<Tagged<Item>>(programPath(programId, 'items'), 'items', n, abort.signal));
    // Dependencies only add the arrows: asked for after the bars' data, and drawn when they arrive.
    const deps = expectedDeps.then((n) =>
      allPages<{ value: Dependency }>(programPath(programId, 'dependencies'), 'dependencies', n, abort.signal),
    );
    Promise.all([plan, items]).then(
      ([p, i]) => {
        if (abort.signal.aborted) return;
        if (!p.ok) return failed(p.problem);
        if (!i.ok) return failed(i.problem);
        performance.mark('roadmap:bars-data');
        // Until they arrive, the arrows are the last ones known (links change far less often than dates).
        last.current = { plan: p.value, items: i.value, dependencies: last.current?.dependencies ?? [], complete: false };
        setState({ state: 'loading', value: last.current });
        return deps.then((d) => {
          if (abort.signal.aborted) return;
          if (!d.ok) return failed(d.problem);
          performance.mark('roadmap:arrows-data');
          last.current = { plan: p.value, items: i.value, dependencies: d.value.map((x) => x.value), complete: true };
          setState({ state: 'ok', value: last.current });
        });
      },
      (e: unknown) => {
        if ((e as Error).name !== 'AbortError') throw e;
      },
    );
    deps.catch((e: unknown) => {
      if ((e as Error).name !== 'AbortError') throw e;
    });
    return () => abort.abort();
  }, [programId, version, tick]);
  return { ...state, reload };
}
