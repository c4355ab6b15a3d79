"use client";

import { useEffect, useRef, useState, type ComponentProps, type KeyboardEvent } from "react";
import type { TaskPatchInput, TaskResponseBody } from "@/lib/tasks/schema";
import { TaskEditForm } from "./task-edit-form";
import styles from "./tasks.module.css";

type Mode = "view" | "edit" | "confirm-delete";

/** What the list puts on the row's element: its position in the list, and where a virtualised list places it. */
export type RowProps = Omit<ComponentProps<"li">, "className" | "children"> & { [data: `data-${string}`]: string | number | undefined };

/** One task: toggle with one click, edit in place, delete after a confirmation step. */
export function TaskItem({ task, onChange, onDelete, rowProps }: { task: TaskResponseBody; onChange: (changes: TaskPatchInput) => void; onDelete: () => void; rowProps?: RowProps }) {
  const [mode, setMode] = useState<Mode>("view");
  const editButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const cancelDelete = useRef<HTMLButtonElement>(null);
  // Which button gets focus back when the row returns to view mode (it is not rendered meanwhile).
  const focusOnView = useRef<"edit" | "delete" | null>(null);

  useEffect(() => {
    if (mode === "confirm-delete") cancelDelete.current?.focus();
    if (mode === "view" && focusOnView.current) {
      (focusOnView.current === "edit" ? editButton : deleteButton).current?.focus();
      focusOnView.current = null;
    }
  }, [mode]);

  function backToView(focusTarget: "edit" | "delete") {
    focusOnView.current = focusTarget;
    setMode("view");
  }

  function cancelOnEscape(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === "Escape") backToView("delete");
  }

  if (mode === "edit") {
    return (
      <li {...rowProps} className={styles.item}>
        <TaskEditForm
          task={task}
          onCancel={() => backToView("edit")}
          onSave={(changes) => {
            onChange(changes);
            backToView("edit");
          }}
        />
      </li>
    );
  }

  return (
    <li {...rowProps} className={styles.item} data-complete={task.complete}>
      <label className={styles.check}>
        <input type="checkbox" checked={task.complete} onChange={() => onChange({ complete: !task.complete })} />
        <span className="visually-hidden">Complete “{task.title}”</span>
      </label>
      <div className={styles.itemBody}>
        <p className={styles.itemTitle}>{task.title}</p>
        {task.description && <p className={styles.itemDescription}>{task.description}</p>}
      </div>
      {mode === "confirm-delete" ? (
        <div role="group" aria-label={`Delete “${task.title}”?`} className={styles.confirm} onKeyDown={cancelOnEscape}>
          <span className={styles.confirmText}>Delete this task?</span>
          <button type="button" className="button button-danger" onClick={onDelete}>
            Yes, delete
          </button>
          <button type="button" ref={cancelDelete} className="button button-secondary" onClick={() => backToView("delete")}>
            Cancel
          </button>
        </div>
      ) : (
        <div className={styles.actions}>
          <button type="button" ref={editButton} className="button button-quiet" onClick={() => setMode("edit")}>
            Edit<span className="visually-hidden"> “{task.title}”</span>
          </button>
          <button type="button" ref={deleteButton} className={`button button-quiet ${styles.deleteButton}`} onClick={() => setMode("confirm-delete")}>
            Delete<span className="visually-hidden"> “{task.title}”</span>
          </button>
        </div>
      )}
    </li>
  );
}
