import { useIsMutating } from "@tanstack/react-query";
import type { Ref } from "react";
import type { TaskCounts } from "@/lib/client/task-counts";
import type { TaskView } from "@/lib/client/task-view";
import { TaskFilters } from "./task-filters";
import { TaskSearch } from "./task-search";
import { TaskSort } from "./task-sort";
import styles from "./tasks.module.css";

export function plural(count: number, word: string): string {
  return `${count.toLocaleString("en")} ${word}${count === 1 ? "" : "s"}`;
}

interface TaskListHeaderProps {
  view: TaskView;
  counts: TaskCounts | undefined;
  headingRef: Ref<HTMLHeadingElement>;
  onViewChange: (changes: Partial<TaskView>) => void;
  onSearch: (q: string) => void;
}

/** The count heading (the list's focus target), the filters, the search field and the sort. */
export function TaskListHeader({ view, counts, headingRef, onViewChange, onSearch }: TaskListHeaderProps) {
  // Shown, not announced (every toggle would be spoken): the changes are on their way (see useLeaveGuard).
  const saving = useIsMutating() > 0;
  return (
    <div className={styles.listHeader}>
      <div className={styles.listHeaderRow}>
        <h2 id="task-list-heading" ref={headingRef} tabIndex={-1} className={styles.count}>
          {counts ? plural(counts.all, "task") : "Tasks"}
          {counts && view.q && <span className={styles.countDetail}> matching “{view.q}”</span>}
          {counts && counts.all > 0 && (
            <span className={styles.countDetail}>
              {" "}
              · {counts.active.toLocaleString("en")} active · {counts.completed.toLocaleString("en")} completed
            </span>
          )}
        </h2>
        {saving && <span className={styles.saving}>Saving…</span>}
        <TaskFilters filter={view.filter} onChange={(filter) => onViewChange({ filter })} counts={counts} />
      </div>
      <div className={styles.listHeaderRow}>
        <TaskSearch value={view.q} onSearch={onSearch} />
        <TaskSort sort={view.sort} onChange={(sort) => onViewChange({ sort })} />
      </div>
      <p className={styles.keysHint}>
        Press <kbd>/</kbd> to search, <kbd>n</kbd> for a new task.
      </p>
    </div>
  );
}
