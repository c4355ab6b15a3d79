import type { FieldMessages } from "@/lib/client/form-errors";

/** Moves focus to the first field (in form order) that has a message, so it is read out. */
export function focusFirstInvalid(form: HTMLFormElement, errors: FieldMessages): void {
  const field = Array.from(form.elements).find(
    (element): element is HTMLInputElement | HTMLTextAreaElement =>
      (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) && Boolean(errors[element.name]),
  );
  field?.focus();
}
