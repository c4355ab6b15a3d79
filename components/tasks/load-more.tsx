"use client";

import { useEffect, useRef, useState } from "react";
import { describeError } from "@/lib/client/api-error";
import styles from "./tasks.module.css";

// Start loading the next page this far before the end of the loaded rows comes into view.
const AHEAD_PX = 1200;

/** Whether the element is less than AHEAD_PX below the bottom of the window (or above it). */
function isNear(element: Element): boolean {
  return element.getBoundingClientRect().top < window.innerHeight + AHEAD_PX;
}

/**
 * The end of the loaded rows: the next page loads as it nears the screen, or with the button
 * (keyboard, or a browser without IntersectionObserver). A failed page stops the automatic
 * loading until the person asks again. `loaded` (how many rows are loaded) changes when a page
 * arrives: the end is looked at again then, as the observer only reports crossings.
 */
export function LoadMore({ loading, loaded, error, onLoadMore }: { loading: boolean; loaded: number; error: unknown; onLoadMore: () => void }) {
  const sentinel = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);

  useEffect(() => {
    const element = sentinel.current;
    if (!element || typeof IntersectionObserver === "undefined") return;
    // A busy page can hand over several changes at once, oldest first: the last one is now.
    const observer = new IntersectionObserver((entries) => setNear(entries.at(-1)?.isIntersecting ?? false), {
      rootMargin: `0px 0px ${AHEAD_PX}px 0px`,
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const element = sentinel.current;
    if (loading || error || !element || typeof IntersectionObserver === "undefined") return;
    // What the observer said last, or where the end is now: right after a page arrives the
    // observer has not looked yet, and a scroll may bring the end back before it does.
    if (near || isNear(element)) onLoadMore();
  }, [near, loading, loaded, error, onLoadMore]);

  return (
    <div ref={sentinel} className={styles.more}>
      {error ? <p role="alert">Couldn&apos;t load more tasks: {describeError(error)}</p> : null}
      <button type="button" className="button button-secondary" onClick={onLoadMore} disabled={loading}>
        {loading ? "Loading more…" : error ? "Try again" : "Show more"}
      </button>
    </div>
  );
}
