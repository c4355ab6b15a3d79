"use client";

import { useCallback, useRef, useState } from "react";
import { addConflict, keepMine, type Conflict } from "@/lib/client/conflict";
import { filterTasks, type TaskFilter } from "@/lib/client/task-cache";
import type { TaskPatchInput, TaskResponseBody } from "@/lib/tasks/schema";
import { ConflictDialog } from "./conflict-dialog";
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

/** The list with its count, the create form, the filters, the rollback notice and conflict choices. */
export function TaskBoard() {
  const list = useTaskList();
  const [filter, setFilter] = useState<TaskFilter>("all");
  const [notice, setNotice] = useState("");
  const [conflicts, setConflicts] = useState<Conflict[]>([]);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const reports = { onNotice: setNotice, onConflict: (conflict: Conflict) => setConflicts((waiting) => addConflict(waiting, conflict)) };
  const update = useUpdateTask(reports);
  const remove = useDeleteTask(reports);
  const focusList = useCallback(() => headingRef.current?.focus(), []);
  const conflict = conflicts[0];

  const tasks = list.data?.tasks ?? [];
  const completed = tasks.filter((task) => task.complete).length;
  const visible = filterTasks(tasks, filter);

  function change(task: TaskResponseBody, changes: TaskPatchInput) {
    setNotice("");
    update.mutate({ task, changes });
  }

  function destroy(task: TaskResponseBody) {
    setNotice("");
    remove.mutate({ task });
    // The row is gone: keep keyboard focus on the list rather than losing it to the page.
    headingRef.current?.focus();
  }

  // Keep theirs: the list already shows their version; the refused change is simply dropped.
  function decide(keep: "mine" | "theirs") {
    if (!conflict) return;
    setConflicts((waiting) => waiting.filter((item) => item !== conflict));
    if (keep === "theirs") return;
    const resend = keepMine(conflict);
    if (resend.kind === "update") update.mutate(resend);
    else remove.mutate(resend);
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
      {conflict && (
        <ConflictDialog
          key={`${conflict.kind}-${conflict.theirs.id}-${conflict.theirs.updated_at}`}
          conflict={conflict}
          onKeepMine={() => decide("mine")}
          onKeepTheirs={() => decide("theirs")}
          fallbackFocus={focusList}
        />
      )}
    </div>
  );
}
