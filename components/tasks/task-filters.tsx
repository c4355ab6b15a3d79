import type { TaskCounts } from "@/lib/client/task-counts";
import { FILTERS, type TaskFilter } from "@/lib/client/task-view";
import styles from "./tasks.module.css";

const labels: Record<TaskFilter, string> = { all: "All", active: "Active", completed: "Completed" };

/** All / Active / Completed, each with its count once known. */
export function TaskFilters({ filter, onChange, counts }: { filter: TaskFilter; onChange: (filter: TaskFilter) => void; counts: TaskCounts | undefined }) {
  return (
    <div role="group" aria-label="Show" className={styles.filters}>
      {FILTERS.map((key) => (
        <button key={key} type="button" aria-pressed={filter === key} className={styles.filter} onClick={() => onChange(key)}>
          {labels[key]} {counts && <span className={styles.filterCount}>{counts[key].toLocaleString("en")}</span>}
        </button>
      ))}
    </div>
  );
}
