import { useCallback, useEffect, useRef, useState } from 'react';
import { type ApiProblem, type RequestOptions, request } from './client';

export type Resource<T> =
  | { state: 'loading'; value: T | undefined; reload: () => void }
  | { state: 'ok'; value: T; etag: string | undefined; reload: () => void }
  | { state: 'error'; problem: ApiProblem; value: T | undefined; reload: () => void };

/**
 * GETs `path` (undefined: nothing yet) and re-fetches when the path, query or `refresh` changes
 * (pass the program's version so every open page follows live changes). The last value stays
 * visible while the next one loads, so pages do not flash.
 */
export function useResource<T>(path: string | undefined, query?: RequestOptions['query'], refresh?: unknown): Resource<T> {
  const [state, setState] = useState<Resource<T>>({ state: 'loading', value: undefined, reload: () => {} });
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  const last = useRef<T | undefined>(undefined);
  const queryKey = JSON.stringify(query ?? {});
  // biome-ignore lint/correctness/useExhaustiveDependencies: queryKey stands for query; tick and refresh force a re-fetch.
  useEffect(() => {
    if (path === undefined) return;
    const abort = new AbortController();
    setState({ state: 'loading', value: last.current, reload });
    request<T>('GET', path, { ...(query ? { query } : {}), signal: abort.signal }).then(
      (r) => {
        if (abort.signal.aborted) return;
        if (r.ok) {
          last.current = r.value;
          setState({ state: 'ok', value: r.value, etag: r.etag, reload });
        } else setState({ state: 'error', problem: r.problem, value: last.current, reload });
      },
      (e: unknown) => {
        if ((e as Error).name !== 'AbortError') throw e;
      },
    );
    return () => abort.abort();
  }, [path, queryKey, tick, refresh, reload]);
  return state;
}
