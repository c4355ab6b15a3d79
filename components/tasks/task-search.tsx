"use client";

import { useEffect, useState, type KeyboardEvent, type Ref } from "react";
import { normaliseSearch } from "@/lib/client/task-view";
import { QUERY_MAX } from "@/lib/tasks/limits";
import styles from "./tasks.module.css";

/** Short enough that a search answers well within 300 ms of the last keystroke, long enough not to ask per letter. */
export const SEARCH_DEBOUNCE_MS = 150;

export const SEARCH_FIELD_ID = "task-search";

/**
 * The search field: what is typed is searched for after a short pause; Escape clears it at once.
 * `value` is the search in the URL: when it changes from elsewhere (back, forward, "Clear
 * search"), the field shows it, and a search still waiting to be sent is dropped.
 */
export function TaskSearch({ value, onSearch, inputRef }: { value: string; onSearch: (q: string) => void; inputRef?: Ref<HTMLInputElement> }) {
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);
  // The search this field sent last, until it comes back as `value`. Its arrival is not a change
  // from elsewhere: letters typed since it was sent (on a busy page, before it rendered) stay.
  const [sent, setSent] = useState<string | null>(null);
  if (value !== shown) {
    setShown(value);
    setSent(null);
    if (value !== sent && value !== normaliseSearch(text)) setText(value);
  }

  useEffect(() => {
    const q = normaliseSearch(text);
    if (q === value) return;
    const timer = setTimeout(() => {
      setSent(q);
      onSearch(q);
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, value, onSearch]);

  function clearOnEscape(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== "Escape" || text === "") return;
    event.preventDefault();
    setText("");
    setSent("");
    onSearch("");
  }

  return (
    <div role="search" className={styles.search}>
      <label htmlFor={SEARCH_FIELD_ID}>Search</label>
      <input
        id={SEARCH_FIELD_ID}
        ref={inputRef}
        type="search"
        className="input"
        value={text}
        maxLength={QUERY_MAX}
        placeholder="Title or description"
        aria-keyshortcuts="/"
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={clearOnEscape}
      />
    </div>
  );
}
