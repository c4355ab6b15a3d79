"use client";

import { useEffect, useRef, useState } from "react";
import { describeError } from "@/lib/client/api-error";
import styles from "./tasks.module.css";

// Start loading the next page this far before the end of the loaded rows comes into view.
const AHEAD = "0px 0px 1200px 0px";

/**
 * The end of the loaded rows: the next page loads as it nears the screen, or with the button
 * (keyboard, or a browser without IntersectionObserver). A failed page stops the automatic
 * loading until the person asks again.
 */
export function LoadMore({ loading, error, onLoadMore }: { loading: boolean; error: unknown; onLoadMore: () => void }) {
  const sentinel = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);

  useEffect(() => {
    const element = sentinel.current;
    if (!element || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver(([entry]) => setNear(entry?.isIntersecting ?? false), { rootMargin: AHEAD });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (near && !loading && !error) onLoadMore();
  }, [near, loading, error, onLoadMore]);

  return (
    <div ref={sentinel} className={styles.more}>
      {error ? <p role="alert">Couldn&apos;t load more tasks: {describeError(error)}</p> : null}
      <button type="button" className="button button-secondary" onClick={onLoadMore} disabled={loading}>
        {loading ? "Loading more…" : error ? "Try again" : "Show more"}
      </button>
    </div>
  );
}
