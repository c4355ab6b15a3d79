"use client";

import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { TextField } from "@/components/ui/text-field";
import { ApiError } from "@/lib/client/api-error";
import { validateForm, type FieldMessages } from "@/lib/client/form-errors";
import { DESCRIPTION_MAX, TITLE_MAX } from "@/lib/tasks/limits";
import type { TaskPatchInput, TaskResponseBody } from "@/lib/tasks/schema";
import styles from "./tasks.module.css";
import { loadTaskSchemas, preloadTaskSchemas } from "./load-task-schemas";

/** Editing a task in place: Enter in the title saves, Escape anywhere cancels. */
export function TaskEditForm({ task, onSave, onCancel }: { task: TaskResponseBody; onSave: (changes: TaskPatchInput) => void; onCancel: () => void }) {
  const [title, setTitle] = useState(task.title);
  const [description, setDescription] = useState(task.description ?? "");
  const [errors, setErrors] = useState<FieldMessages>({});
  const [formError, setFormError] = useState("");
  const titleRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    titleRef.current?.focus();
    titleRef.current?.select();
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFormError("");
    const schemas = await loadTaskSchemas().catch(() => undefined);
    if (!schemas) {
      setFormError(ApiError.network().detail);
      return;
    }
    const checked = validateForm(schemas.TaskPatch, { title, description: description === "" ? null : description });
    if (!checked.ok) {
      setErrors(checked.errors);
      titleRef.current?.focus();
      return;
    }
    const changes: TaskPatchInput = {};
    if (checked.data.title !== task.title) changes.title = checked.data.title;
    if (checked.data.description !== task.description) changes.description = checked.data.description;
    // Nothing changed: no request, just close.
    if (Object.keys(changes).length === 0) onCancel();
    else onSave(changes);
  }

  function cancelOnEscape(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === "Escape") {
      event.preventDefault();
      onCancel();
    }
  }

  return (
    <form className={styles.editForm} onSubmit={submit} onKeyDown={cancelOnEscape} onFocus={preloadTaskSchemas} noValidate aria-label={`Edit “${task.title}”`}>
      <TextField id={`edit-title-${task.id}`} label="Title" value={title} onChange={setTitle} maxLength={TITLE_MAX} showCounter error={errors.title} inputRef={titleRef} autoComplete="off" />
      <TextField
        id={`edit-description-${task.id}`}
        label="Description"
        optional
        multiline
        value={description}
        onChange={setDescription}
        maxLength={DESCRIPTION_MAX}
        showCounter
        error={errors.description}
      />
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
      <div className={styles.editActions}>
        <button type="submit" className="button">
          Save
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
