import type { ChangeEvent, KeyboardEvent, Ref } from "react";

interface TextFieldProps {
  id: string;
  /** The field's name in its form (its schema key), when the page needs another id. Default: id. */
  name?: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  /** Shows a live `n/max` counter; typing stops at `max`. */
  maxLength?: number;
  showCounter?: boolean;
  multiline?: boolean;
  optional?: boolean;
  type?: "text" | "email" | "password";
  autoComplete?: string;
  /** For inputs only (not multiline). */
  inputRef?: Ref<HTMLInputElement>;
  onKeyDown?: (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => void;
  hint?: string;
}

/** A labelled input or textarea with its error message (and counter) tied to it for assistive tech. */
export function TextField(props: TextFieldProps) {
  const { id, label, value, error, maxLength, showCounter, multiline, optional, hint, inputRef, type = "text" } = props;
  const counterId = `${id}-counter`;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [hint && hintId, showCounter && counterId, error && errorId].filter(Boolean).join(" ") || undefined;
  const atLimit = maxLength !== undefined && value.length >= maxLength;
  const shared = {
    id,
    name: props.name ?? id,
    value,
    maxLength,
    className: "input",
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy,
    "aria-required": optional ? undefined : true,
    autoComplete: props.autoComplete,
    onKeyDown: props.onKeyDown,
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => props.onChange(event.target.value),
  };
  return (
    <div className="field">
      <div className="field-label-row">
        <label htmlFor={id}>
          {label}
          {optional && <span className="field-optional"> (optional)</span>}
        </label>
        {showCounter && maxLength !== undefined && (
          <span id={counterId} className="field-counter" data-full={atLimit}>
            {value.length}/{maxLength}
          </span>
        )}
      </div>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {multiline ? <textarea {...shared} rows={3} /> : <input {...shared} ref={inputRef} type={type} />}
      {showCounter && (
        <span className="visually-hidden" aria-live="polite">
          {atLimit ? `${label} has reached its limit of ${maxLength} characters.` : ""}
        </span>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
