import { useEffect, useState } from 'react';
import { type ApiProblem, request } from './client';
import type { Tagged } from './types';

export type AllPages<T> =
  | { state: 'loading'; value: Tagged<T>[] | undefined }
  | { state: 'ok'; value: Tagged<T>[] }
  | { state: 'error'; problem: ApiProblem; value: Tagged<T>[] | undefined };

/** The largest page the API serves; a program bigger than this is read in several requests. */
const PER_PAGE = 1000;

/**
 * Every entity of a paginated list (`items`, `dependencies`, …), page after page, re-read when
 * `refresh` changes (pass the program version). The previous list stays visible while the next loads.
 */
export function useAllPages<T>(path: string, listName: string, refresh?: unknown): AllPages<T> {
  const [state, setState] = useState<AllPages<T>>({ state: 'loading', value: undefined });
  // biome-ignore lint/correctness/useExhaustiveDependencies: refresh forces a re-read.
  useEffect(() => {
    const abort = new AbortController();
    setState((s) => ({ state: 'loading', value: s.value }));
    (async () => {
      const all: Tagged<T>[] = [];
      for (let page = 1; ; page++) {
        const r = await request<Record<string, unknown> & { total: number }>('GET', path, {
          query: { page, perPage: PER_PAGE },
          signal: abort.signal,
        });
        if (abort.signal.aborted) return;
        if (!r.ok) {
          setState((s) => ({ state: 'error', problem: r.problem, value: s.value }));
          return;
        }
        const rows = (r.value[listName] ?? []) as Tagged<T>[];
        all.push(...rows);
        if (rows.length < PER_PAGE || all.length >= r.value.total) break;
      }
      setState({ state: 'ok', value: all });
    })().catch((e: unknown) => {
      if ((e as Error).name !== 'AbortError') throw e;
    });
    return () => abort.abort();
  }, [path, listName, refresh]);
  return state;
}
