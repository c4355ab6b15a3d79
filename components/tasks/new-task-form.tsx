"use client";

import { useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { TextField } from "@/components/ui/text-field";
import { ApiError, describeError } from "@/lib/client/api-error";
import { validateForm, type FieldMessages } from "@/lib/client/form-errors";
import { DESCRIPTION_MAX, TITLE_MAX } from "@/lib/tasks/limits";
import styles from "./tasks.module.css";
import { useCreateTask } from "./use-tasks";
import { loadTaskSchemas, preloadTaskSchemas } from "./load-task-schemas";

/**
 * Title (Enter adds the task) and an optional description (Ctrl/⌘+Enter adds it from there).
 * Checked with the API's own TaskCreate schema first; the server's messages, if it still says
 * no, are shown next to the field they name.
 */
export function NewTaskForm() {
  const create = useCreateTask();
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [errors, setErrors] = useState<FieldMessages>({});
  const [formError, setFormError] = useState("");
  const [added, setAdded] = useState("");
  const titleRef = useRef<HTMLInputElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  // Set from submit until the request is sent, so a double Enter cannot create twice.
  const submitting = useRef(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (submitting.current || create.isPending) return;
    submitting.current = true;
    setFormError("");
    setAdded("");
    try {
      const { TaskCreate } = await loadTaskSchemas();
      const checked = validateForm(TaskCreate, description ? { title, description } : { title });
      if (!checked.ok) {
        setErrors(checked.errors);
        if (checked.errors.title) titleRef.current?.focus();
        return;
      }
      setErrors({});
      create.mutate(checked.data, {
        onSuccess: (task) => {
          setTitle("");
          setDescription("");
          setAdded(`Added “${task.title}”.`);
          titleRef.current?.focus();
        },
        onError: (error) => {
          if (error instanceof ApiError) setErrors(error.fieldErrors);
          setFormError(describeError(error));
        },
      });
    } catch {
      setFormError(ApiError.network().detail);
    } finally {
      submitting.current = false;
    }
  }

  function submitFromDescription(event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      formRef.current?.requestSubmit();
    }
  }

  return (
    <form ref={formRef} className={styles.newTask} onSubmit={submit} onFocus={preloadTaskSchemas} noValidate aria-label="New task">
      <TextField
        id="new-title"
        label="Title"
        value={title}
        onChange={setTitle}
        maxLength={TITLE_MAX}
        showCounter
        error={errors.title}
        inputRef={titleRef}
        autoComplete="off"
      />
      <TextField
        id="new-description"
        label="Description"
        optional
        multiline
        value={description}
        onChange={setDescription}
        maxLength={DESCRIPTION_MAX}
        showCounter
        error={errors.description}
        onKeyDown={submitFromDescription}
      />
      <p className="form-error" role="alert">
        {formError}
      </p>
      <div className={styles.newTaskActions}>
        <button type="submit" className="button" disabled={create.isPending}>
          {create.isPending ? "Adding…" : "Add task"}
        </button>
        <p role="status" className={styles.added}>
          {added}
        </p>
      </div>
    </form>
  );
}
