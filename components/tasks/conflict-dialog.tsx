"use client";

import { useEffect, useRef, type SyntheticEvent } from "react";
import { mineOnTheirs, type Conflict } from "@/lib/client/conflict";
import type { TaskPatchInput, TaskResponseBody } from "@/lib/tasks/schema";
import styles from "./tasks.module.css";

const fields: { key: keyof TaskPatchInput; label: string; show: (task: TaskResponseBody) => string }[] = [
  { key: "title", label: "Title", show: (task) => task.title },
  { key: "description", label: "Description", show: (task) => task.description ?? "(none)" },
  { key: "complete", label: "Status", show: (task) => (task.complete ? "Complete" : "Not complete") },
];

function Version({ heading, task, changed }: { heading: string; task: TaskResponseBody; changed: TaskPatchInput }) {
  return (
    <section className={styles.version} aria-label={heading}>
      <h3>{heading}</h3>
      <dl>
        {fields.map(({ key, label, show }) => (
          <div key={key} data-differs={key in changed}>
            <dt>
              {label}
              {key in changed && <span className={styles.differs}> (differs)</span>}
            </dt>
            <dd>{show(task)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/**
 * Asks what to do about a change refused because the task changed elsewhere. A modal dialog, so
 * focus stays in it until the user decides; it starts on the choice that overwrites nothing,
 * which is also what Escape does. Focus then goes back where it was (or to `fallbackFocus`).
 */
export function ConflictDialog({ conflict, onKeepMine, onKeepTheirs, fallbackFocus }: { conflict: Conflict; onKeepMine: () => void; onKeepTheirs: () => void; fallbackFocus: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const safeChoice = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const opener = document.activeElement;
    dialog.current?.showModal();
    safeChoice.current?.focus();
    return () => {
      if (opener instanceof HTMLElement && opener.isConnected && opener !== document.body) opener.focus();
      else fallbackFocus();
    };
  }, [fallbackFocus]);

  function cancel(event: SyntheticEvent) {
    event.preventDefault();
    onKeepTheirs();
  }

  const { theirs } = conflict;
  const headingId = `conflict-heading-${theirs.id}`;
  const textId = `conflict-text-${theirs.id}`;
  return (
    <dialog ref={dialog} role="alertdialog" aria-modal="true" aria-labelledby={headingId} aria-describedby={textId} className={styles.conflict} onCancel={cancel}>
      <h2 id={headingId}>“{theirs.title}” was changed elsewhere</h2>
      {conflict.kind === "update" ? (
        <>
          <p id={textId}>Your change was not saved, so nothing was overwritten. Keep the version saved elsewhere, or put your change on top of it.</p>
          <div className={styles.versions}>
            <Version heading="Saved elsewhere" task={theirs} changed={conflict.mine} />
            <Version heading="With your change" task={mineOnTheirs(conflict)} changed={conflict.mine} />
          </div>
        </>
      ) : (
        <>
          <p id={textId}>It was not deleted. This is the latest version: delete it anyway, or keep it.</p>
          <div className={styles.versions}>
            <Version heading="Saved elsewhere" task={theirs} changed={{}} />
          </div>
        </>
      )}
      <div className={styles.conflictActions}>
        <button type="button" className={conflict.kind === "update" ? "button" : "button button-danger"} onClick={onKeepMine}>
          {conflict.kind === "update" ? "Keep mine" : "Delete anyway"}
        </button>
        <button type="button" ref={safeChoice} className="button button-secondary" onClick={onKeepTheirs}>
          {conflict.kind === "update" ? "Keep theirs" : "Keep it"}
        </button>
      </div>
    </dialog>
  );
}
