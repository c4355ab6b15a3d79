"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import { historyMode, sameView, searchOfView, viewFromSearch, type TaskView } from "@/lib/client/task-view";

/**
 * The view (filter, search, sort), kept in the URL. It starts from the URL (on the server too);
 * a change shows at once and is written with the History API (which Next's router follows, with
 * no request for the page); back and forward bring the view of their entry (see historyMode for
 * which changes make an entry).
 */
export function useTaskView(): [TaskView, (next: TaskView) => void] {
  const params = useSearchParams();
  const pathname = usePathname();
  const [view, setLocalView] = useState(() => viewFromSearch(params));

  useEffect(() => {
    const followHistory = () => setLocalView(viewFromSearch(new URLSearchParams(window.location.search)));
    window.addEventListener("popstate", followHistory);
    return () => window.removeEventListener("popstate", followHistory);
  }, []);

  const setView = useCallback(
    (next: TaskView) => {
      if (sameView(view, next)) return;
      setLocalView(next);
      const url = `${pathname}${searchOfView(next)}`;
      if (historyMode(view, next) === "push") window.history.pushState(null, "", url);
      else window.history.replaceState(null, "", url);
    },
    [view, pathname],
  );
  return [view, setView];
}
