import { SORTS, type TaskSort as Sort } from "@/lib/client/task-view";
import styles from "./tasks.module.css";

const labels: Record<Sort, string> = {
  newest: "Newest first",
  oldest: "Oldest first",
  title: "Title A–Z",
  updated: "Recently updated",
};

/** The list's order, a native select: keyboard and screen readers know it already. */
export function TaskSort({ sort, onChange }: { sort: Sort; onChange: (sort: Sort) => void }) {
  return (
    <div className={styles.sort}>
      <label htmlFor="task-sort">Sort</label>
      <select id="task-sort" className="input" value={sort} onChange={(event) => onChange(SORTS.find((item) => item === event.target.value) ?? "newest")}>
        {SORTS.map((key) => (
          <option key={key} value={key}>
            {labels[key]}
          </option>
        ))}
      </select>
    </div>
  );
}
