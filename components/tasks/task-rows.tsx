"use client";

import { defaultRangeExtractor, useWindowVirtualizer, type Range } from "@tanstack/react-virtual";
import { useCallback, useLayoutEffect, useRef, useState, type FocusEvent, type RefObject } from "react";
import type { TaskPatchInput, TaskResponseBody } from "@/lib/tasks/schema";
import { TaskItem, type RowProps } from "./task-item";
import styles from "./tasks.module.css";

/** Longer lists render only the rows near the screen (a few dozen), however many are loaded. */
export const VIRTUAL_FROM = 200;
const ESTIMATED_ROW_PX = 66;
// Rows rendered beyond each edge of the screen: enough for Tab to move into the next row before
// the list catches up with the scroll that focusing it caused.
const OVERSCAN = 10;

/** The element's distance from the top of the document, followed as anything above it changes size. */
function useDocumentTop(ref: RefObject<HTMLElement | null>): number {
  const [top, setTop] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setTop(element.getBoundingClientRect().top + window.scrollY);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, [ref]);
  return top;
}

interface TaskRowsProps {
  tasks: readonly TaskResponseBody[];
  /** The view's count: the list's size for assistive technology, however much is loaded. */
  total: number;
  label: string;
  busy: boolean;
  onChange: (task: TaskResponseBody, changes: TaskPatchInput) => void;
  onDelete: (task: TaskResponseBody) => void;
}

/**
 * The loaded tasks as a list. Past VIRTUAL_FROM rows it is virtualised against the window: rows
 * are measured as they render (descriptions and edit forms vary), and the row holding keyboard
 * focus stays rendered while scrolled away, so focus is never dropped to the page.
 */
export function TaskRows({ tasks, total, label, busy, onChange, onDelete }: TaskRowsProps) {
  const listRef = useRef<HTMLUListElement>(null);
  const virtual = tasks.length > VIRTUAL_FROM;
  const scrollMargin = useDocumentTop(listRef);
  const [focusedId, setFocusedId] = useState<number>();
  const focusedIndex = focusedId === undefined ? -1 : tasks.findIndex((task) => task.id === focusedId);
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      return focusedIndex < 0 || indexes.includes(focusedIndex) ? indexes : [...indexes, focusedIndex].sort((a, b) => a - b);
    },
    [focusedIndex],
  );
  const virtualizer = useWindowVirtualizer({
    count: tasks.length,
    estimateSize: () => ESTIMATED_ROW_PX,
    overscan: OVERSCAN,
    scrollMargin,
    getItemKey: (index) => tasks[index]?.id ?? index,
    rangeExtractor,
    enabled: virtual,
  });

  function trackFocus(event: FocusEvent<HTMLUListElement>) {
    const row = event.target instanceof Element ? event.target.closest<HTMLElement>("[data-task-id]") : null;
    setFocusedId(row ? Number(row.dataset.taskId) : undefined);
  }

  function forgetFocus(event: FocusEvent<HTMLUListElement>) {
    if (!(event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget))) setFocusedId(undefined);
  }

  function row(task: TaskResponseBody, index: number, placed: RowProps = {}) {
    const rowProps: RowProps = { "data-task-id": task.id, "aria-posinset": index + 1, "aria-setsize": Math.max(total, tasks.length), ...placed };
    return <TaskItem key={task.id} task={task} rowProps={rowProps} onChange={(changes) => onChange(task, changes)} onDelete={() => onDelete(task)} />;
  }

  const margin = virtualizer.options.scrollMargin;
  return (
    <ul
      ref={listRef}
      className={styles.list}
      aria-label={label}
      aria-busy={busy || undefined}
      data-virtual={virtual || undefined}
      style={virtual ? { height: virtualizer.getTotalSize(), position: "relative" } : undefined}
      onFocus={trackFocus}
      onBlur={forgetFocus}
    >
      {virtual
        ? virtualizer.getVirtualItems().map((item) => {
            const task = tasks[item.index];
            if (!task) return null;
            return row(task, item.index, {
              "data-index": item.index,
              ref: virtualizer.measureElement,
              style: { position: "absolute", top: 0, left: 0, width: "100%", transform: `translateY(${item.start - margin}px)` },
            });
          })
        : tasks.map((task, index) => row(task, index))}
    </ul>
  );
}
