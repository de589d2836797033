// A server-paged list: the API pages by cursor (keyset), so the list keeps the cursors it has seen to go back.
import { useCallback, useEffect, useState } from 'react';
import { api, type Page } from './api';

export function usePagedList<T>(path: string, params: Record<string, string | undefined>, pageSize = 50) {
  const [cursors, setCursors] = useState<string[]>(['']);
  const [page, setPage] = useState<Page<T> | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<Error | null>(null);
  const key = JSON.stringify(params);
  const cursor = cursors[cursors.length - 1];

  useEffect(() => setCursors(['']), [key]);

  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    const q = new URLSearchParams({ limit: String(pageSize) });
    for (const [k, v] of Object.entries(JSON.parse(key) as Record<string, string | undefined>)) {
      if (v !== undefined && v !== '') q.set(k, v);
    }
    if (cursor) q.set('cursor', cursor);
    try {
      setPage(await api<Page<T>>('GET', `${path}?${q}`));
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      setLoading(false);
    }
  }, [path, key, cursor, pageSize]);

  useEffect(() => {
    void load();
  }, [load]);

  return {
    /** The last page as the server sent it (some lists add totals beside the items). */
    page,
    items: page?.items ?? [],
    loading,
    error,
    reload: load,
    pageNumber: cursors.length,
    hasPrevious: cursors.length > 1,
    hasNext: !!page?.next_cursor,
    previous: () => setCursors((c) => c.slice(0, -1)),
    next: () => page?.next_cursor && setCursors((c) => [...c, page.next_cursor!]),
  };
}
