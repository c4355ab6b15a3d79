"use client";

import { useCallback, useMemo, useRef, useState } from "react";
import { addConflict, keepMine, type Conflict } from "@/lib/client/conflict";
import { flattenTasks } from "@/lib/client/task-cache";
import type { TaskView } from "@/lib/client/task-view";
import type { TaskPatchInput, TaskResponseBody } from "@/lib/tasks/schema";
import { ConflictDialog } from "./conflict-dialog";
import { NewTaskForm } from "./new-task-form";
import { TaskListHeader } from "./task-list-header";
import { TaskListBody } from "./task-list-body";
import { SEARCH_FIELD_ID } from "./task-search";
import styles from "./tasks.module.css";
import { useShortcuts, useLeaveGuard } from "./use-page-keys";
import { useTaskCounts, useTaskPages } from "./use-task-list";
import { useTaskView } from "./use-task-view";
import { useDeleteTask, useUpdateTask } from "./use-tasks";

const shortcuts = { n: "new-title", "/": SEARCH_FIELD_ID } as const;

/** The create form, the view's controls (search, sort, filters), the list, the rollback notice and conflict choices. */
export function TaskBoard() {
  const [view, setView] = useTaskView();
  const list = useTaskPages(view);
  const counts = useTaskCounts(view, list);
  const tasks = useMemo(() => flattenTasks(list.data), [list.data]);
  const [notice, setNotice] = useState("");
  const [conflicts, setConflicts] = useState<Conflict[]>([]);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const reports = { onNotice: setNotice, onConflict: (conflict: Conflict) => setConflicts((waiting) => addConflict(waiting, conflict)) };
  const update = useUpdateTask(reports);
  const remove = useDeleteTask(reports);
  // Without scrolling: deep in a long list, the heading is far above where the person works.
  const focusList = useCallback(() => headingRef.current?.focus({ preventScroll: true }), []);
  const conflict = conflicts[0];
  useShortcuts(shortcuts);
  useLeaveGuard();

  const changeView = useCallback((changes: Partial<TaskView>) => setView({ ...view, ...changes }), [view, setView]);
  const search = useCallback((q: string) => changeView({ q }), [changeView]);

  function change(task: TaskResponseBody, changes: TaskPatchInput) {
    setNotice("");
    update.mutate({ task, changes });
  }

  function destroy(task: TaskResponseBody) {
    setNotice("");
    remove.mutate({ task });
    // The row is gone: keep keyboard focus on the list rather than losing it to the page.
    focusList();
  }

  function clearSearch() {
    search("");
    document.getElementById(SEARCH_FIELD_ID)?.focus();
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
        <TaskListHeader view={view} counts={counts} headingRef={headingRef} onViewChange={changeView} onSearch={search} />
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
        <TaskListBody view={view} list={list} tasks={tasks} counts={counts} onChange={change} onDelete={destroy} onClearSearch={clearSearch} />
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
