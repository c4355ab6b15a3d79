import { useCallback } from "react";
import type { TaskCounts } from "@/lib/client/task-counts";
import type { TaskFilter, TaskView } from "@/lib/client/task-view";
import type { TaskPatchInput, TaskResponseBody } from "@/lib/tasks/schema";
import { LoadMore } from "./load-more";
import { plural } from "./task-list-header";
import { TaskListError, TaskListLoading } from "./task-list-states";
import { TaskRows } from "./task-rows";
import styles from "./tasks.module.css";
import type { useTaskPages } from "./use-task-list";

const emptyMessages: Record<TaskFilter, string> = {
  all: "No tasks yet. Add your first one above.",
  active: "No active tasks. Everything is done.",
  completed: "No completed tasks yet.",
};

const listLabels: Record<TaskFilter, string> = { all: "All tasks", active: "Active tasks", completed: "Completed tasks" };
const filterWords: Record<TaskFilter, string> = { all: "", active: "active ", completed: "completed " };

interface TaskListBodyProps {
  view: TaskView;
  list: ReturnType<typeof useTaskPages>;
  tasks: readonly TaskResponseBody[];
  counts: TaskCounts | undefined;
  onChange: (task: TaskResponseBody, changes: TaskPatchInput) => void;
  onDelete: (task: TaskResponseBody) => void;
  onClearSearch: () => void;
}

/** Loading, failed, empty (saying why), or the rows with more to load as the person scrolls. */
export function TaskListBody({ view, list, tasks, counts, onChange, onDelete, onClearSearch }: TaskListBodyProps) {
  const { fetchNextPage } = list;
  const loadMore = useCallback(() => void fetchNextPage({ cancelRefetch: false }), [fetchNextPage]);
  const settled = !list.isPlaceholderData;
  const total = list.data?.pages[0]?.count ?? 0;

  let body;
  if (list.isPending) body = <TaskListLoading failureCount={list.failureCount} />;
  else if (list.isError && !list.data) body = <TaskListError error={list.error} retrying={list.isFetching} onRetry={() => void list.refetch()} />;
  else if (tasks.length === 0 && view.q)
    body = (
      <div className={styles.empty}>
        <p>
          No {filterWords[view.filter]}tasks match “{view.q}”.
        </p>
        <button type="button" className="button button-secondary" onClick={onClearSearch}>
          Clear search
        </button>
      </div>
    );
  else if (tasks.length === 0) body = <p className={styles.empty}>{emptyMessages[counts?.all === 0 ? "all" : view.filter]}</p>;
  else
    body = (
      <>
        <TaskRows tasks={tasks} total={total} label={listLabels[view.filter]} busy={!settled} onChange={onChange} onDelete={onDelete} />
        {list.hasNextPage && settled && (
          // Any read of the list in flight (a next page, or a refresh of the loaded ones) holds the
          // next page back: asked for meanwhile, it would be dropped, not queued.
          <LoadMore loading={list.isFetching} loaded={tasks.length} error={list.isFetchNextPageError ? list.error : null} onLoadMore={loadMore} />
        )}
      </>
    );

  return (
    <>
      <p role="status" className="visually-hidden">
        {view.q && settled && list.data ? `${plural(total, "task")} found.` : ""}
      </p>
      {body}
    </>
  );
}
