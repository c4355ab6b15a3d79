"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { historyMode, sameView, searchOfView, viewFromSearch, type TaskView } from "@/lib/client/task-view";

/**
 * The view (filter, search, sort) read from and written to the URL. Written with the History API,
 * which Next's router follows (useSearchParams updates) without asking the server for the page
 * again; back and forward move between the views the person chose (see historyMode).
 */
export function useTaskView(): [TaskView, (next: TaskView) => void] {
  const params = useSearchParams();
  const pathname = usePathname();
  const view = useMemo(() => viewFromSearch(params), [params]);
  const setView = useCallback(
    (next: TaskView) => {
      if (sameView(view, next)) return;
      const url = `${pathname}${searchOfView(next)}`;
      if (historyMode(view, next) === "push") window.history.pushState(null, "", url);
      else window.history.replaceState(null, "", url);
    },
    [view, pathname],
  );
  return [view, setView];
}
