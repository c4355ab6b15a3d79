"use client";

import { infiniteQueryOptions, useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { flattenTasks, type TaskPages } from "@/lib/client/task-cache";
import { combineCounts, companionCountQuery, companionFilter, countsOfLoaded, loadedInFull, sameCounts, type TaskCounts } from "@/lib/client/task-counts";
import { firstPageQuery, listQuery, PAGE_SIZE, type TaskView } from "@/lib/client/task-view";
import type { TaskApi } from "@/lib/client/task-api";
import { useTaskApi } from "./task-api-context";
import { countKey, derivedView, listKey } from "./task-query-cache";

// Coming back to the tab refreshes a view only while it is a few pages long: a person scrolled
// deep into thousands of tasks would otherwise wait for every page again. Their own changes are
// in the cache already.
const REFRESH_ON_FOCUS_MAX_PAGES = 3;

function pagesOptions(api: TaskApi, view: TaskView) {
  return infiniteQueryOptions({
    queryKey: listKey(view),
    queryFn: ({ pageParam }) => api.list(pageParam ? { ...listQuery(view), limit: PAGE_SIZE, cursor: pageParam } : firstPageQuery(view)),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

/**
 * One view of the list, a page at a time (keyset cursor): the next page is fetched when the
 * person scrolls near the end. While another view loads, what is on hand shows: the view worked
 * out from a loaded list that holds it (a short list filters at once), else the previous view.
 */
export function useTaskPages(view: TaskView) {
  const api = useTaskApi();
  const client = useQueryClient();
  // A view not read yet starts reading during this render, in the browser: a query otherwise
  // starts in an effect, which on the first visit waits for the whole page to hydrate. (The
  // read follows the client's retry policy; one that failed already is not repeated on mount.)
  if (typeof window !== "undefined" && !client.getQueryState(listKey(view))) void client.prefetchInfiniteQuery(pagesOptions(api, view));
  return useInfiniteQuery({
    ...pagesOptions(api, view),
    retryOnMount: false,
    placeholderData: (previous) => derivedView(client, view) ?? previous,
    refetchOnWindowFocus: (query) => (query.state.data?.pages.length ?? 0) <= REFRESH_ON_FOCUS_MAX_PAGES,
  });
}

/**
 * All / Active / Completed counts for the view's search. The shown list's `count` gives one;
 * one `limit=1` request for another filter gives the rest (cached per filter and search). When
 * the unfiltered list is loaded in full, the loaded tasks give them with no request at all.
 * While another view loads, the last counts stay.
 */
export function useTaskCounts(view: TaskView, list: { data?: TaskPages; isPlaceholderData: boolean }): TaskCounts | undefined {
  const api = useTaskApi();
  const data = list.isPlaceholderData ? undefined : list.data;
  const firstPage = data?.pages[0];
  const lastPage = data?.pages.at(-1);
  const inFull = loadedInFull(view, lastPage);
  const companionCount = useQuery({
    queryKey: countKey(companionFilter(view.filter), view.q),
    queryFn: async () => (await api.list(companionCountQuery(view))).count,
    enabled: firstPage !== undefined && !inFull,
  });
  const counts = useMemo(() => {
    if (!firstPage) return undefined;
    if (inFull) return countsOfLoaded(firstPage.count, flattenTasks(data));
    return companionCount.data === undefined ? undefined : combineCounts(view.filter, firstPage.count, companionCount.data);
  }, [firstPage, inFull, data, companionCount.data, view.filter]);
  return useLastKnown(counts);
}

/** The latest defined value, kept while a newer one is on its way. */
function useLastKnown(counts: TaskCounts | undefined): TaskCounts | undefined {
  const [kept, setKept] = useState(counts);
  if (counts && !(kept && sameCounts(kept, counts))) setKept(counts);
  return counts ?? kept;
}
