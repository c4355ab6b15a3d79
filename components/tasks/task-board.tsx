"use client";

import { useRef, useState } from "react";
import { filterTasks, type TaskFilter } from "@/lib/client/task-cache";
import type { TaskPatchInput, TaskResponseBody } from "@/lib/tasks/schema";
import { NewTaskForm } from "./new-task-form";
import { TaskFilters } from "./task-filters";
import { TaskItem } from "./task-item";
import { TaskListError, TaskListLoading } from "./task-list-states";
import styles from "./tasks.module.css";
import { useDeleteTask, useTaskList, useUpdateTask } from "./use-tasks";

const emptyMessages: Record<TaskFilter, string> = {
  all: "No tasks yet. Add your first one above.",
  active: "No active tasks. Everything is done.",
  completed: "No completed tasks yet.",
};

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/** The list with its count, the create form, the filters, and the rollback notice. */
export function TaskBoard() {
  const list = useTaskList();
  const [filter, setFilter] = useState<TaskFilter>("all");
  const [notice, setNotice] = useState("");
  const headingRef = useRef<HTMLHeadingElement>(null);
  const update = useUpdateTask(setNotice);
  const remove = useDeleteTask(setNotice);

  const tasks = list.data?.tasks ?? [];
  const completed = tasks.filter((task) => task.complete).length;
  const visible = filterTasks(tasks, filter);

  function change(task: TaskResponseBody, changes: TaskPatchInput) {
    setNotice("");
    update.mutate({ task, changes });
  }

  function destroy(task: TaskResponseBody) {
    setNotice("");
    remove.mutate(task);
    // The row is gone: keep keyboard focus on the list rather than losing it to the page.
    headingRef.current?.focus();
  }

  return (
    <div className={styles.board}>
      <h1 className={styles.title}>Your tasks</h1>
      <NewTaskForm />
      <section aria-labelledby="task-list-heading" className={styles.listSection}>
        <div className={styles.listHeader}>
          <h2 id="task-list-heading" ref={headingRef} tabIndex={-1} className={styles.count}>
            {list.data ? plural(list.data.count, "task") : "Tasks"}
            {list.data && list.data.count > 0 && (
              <span className={styles.countDetail}>
                {" "}
                · {tasks.length - completed} active · {completed} completed
              </span>
            )}
          </h2>
          <TaskFilters filter={filter} onChange={setFilter} counts={{ all: tasks.length, active: tasks.length - completed, completed }} />
        </div>
        <div role="alert" className={styles.noticeRegion}>
          {notice && (
            <div className={styles.notice}>
              <p>{notice}</p>
              <button type="button" className="button button-quiet" onClick={() => setNotice("")}>
                Dismiss
              </button>
            </div>
          )}
        </div>
        {list.isPending ? (
          <TaskListLoading failureCount={list.failureCount} />
        ) : list.isError && !list.data ? (
          <TaskListError error={list.error} retrying={list.isFetching} onRetry={() => void list.refetch()} />
        ) : visible.length === 0 ? (
          <p className={styles.empty}>{emptyMessages[tasks.length === 0 ? "all" : filter]}</p>
        ) : (
          <ul className={styles.list} aria-label={filter === "all" ? "All tasks" : filter === "active" ? "Active tasks" : "Completed tasks"}>
            {visible.map((task) => (
              <TaskItem key={task.id} task={task} onChange={(changes) => change(task, changes)} onDelete={() => destroy(task)} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
