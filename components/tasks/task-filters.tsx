import type { TaskFilter } from "@/lib/client/task-cache";
import styles from "./tasks.module.css";

const labels: Record<TaskFilter, string> = { all: "All", active: "Active", completed: "Completed" };

/** All / Active / Completed, on the list already loaded (no request). */
export function TaskFilters({ filter, onChange, counts }: { filter: TaskFilter; onChange: (filter: TaskFilter) => void; counts: Record<TaskFilter, number> }) {
  return (
    <div role="group" aria-label="Show" className={styles.filters}>
      {(Object.keys(labels) as TaskFilter[]).map((key) => (
        <button key={key} type="button" aria-pressed={filter === key} className={styles.filter} onClick={() => onChange(key)}>
          {labels[key]} <span className={styles.filterCount}>{counts[key]}</span>
        </button>
      ))}
    </div>
  );
}
