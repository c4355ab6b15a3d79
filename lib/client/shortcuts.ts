/**
 * Single-key shortcuts of the task page (`n`: new task, `/`: search). A key is a shortcut only
 * when nothing else wants it: not while typing in a field, not with a modifier (browser and
 * system shortcuts), not during IME composition.
 */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  isComposing: boolean;
  defaultPrevented: boolean;
}

/** The parts of the focused element that tell whether keys type into it. */
export interface FocusedElement {
  tagName: string;
  type?: string;
  isContentEditable?: boolean;
}

// Inputs that take no typed text: keys pressed on them are free for shortcuts.
const NON_TEXT_INPUTS = new Set(["checkbox", "radio", "button", "submit", "reset", "range", "color", "file", "image"]);

export function takesText(element: FocusedElement | null): boolean {
  if (!element) return false;
  if (element.isContentEditable) return true;
  const tag = element.tagName.toLowerCase();
  if (tag === "textarea" || tag === "select") return true;
  return tag === "input" && !NON_TEXT_INPUTS.has((element.type ?? "text").toLowerCase());
}

/** The shortcut's target for this key press, or undefined when the key is not a shortcut here. */
export function shortcutFor<T>(event: KeyPress, focused: FocusedElement | null, shortcuts: Readonly<Record<string, T>>): T | undefined {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return undefined;
  if (takesText(focused)) return undefined;
  return Object.hasOwn(shortcuts, event.key) ? shortcuts[event.key] : undefined;
}
