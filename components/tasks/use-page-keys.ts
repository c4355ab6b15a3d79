"use client";

import { useEffect } from "react";
import { useIsMutating } from "@tanstack/react-query";
import { shortcutFor } from "@/lib/client/shortcuts";

/**
 * Single-key shortcuts: each key focuses the element with the given id (see lib/client/shortcuts.ts
 * for when a key counts). Not while a modal dialog is open: it owns the keyboard.
 */
export function useShortcuts(targets: Readonly<Record<string, string>>) {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const focused = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      const id = shortcutFor(event, focused, targets);
      if (id === undefined || document.querySelector("dialog[open]")) return;
      const target = document.getElementById(id);
      if (!target) return;
      event.preventDefault();
      target.focus();
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [targets]);
}

/**
 * While any change (create, toggle, edit, delete, including its retries) is still on its way to
 * the server, leaving the page (reload, close, another address) asks first: the change shows at
 * once but would otherwise be silently lost.
 */
export function useLeaveGuard() {
  const pending = useIsMutating();
  useEffect(() => {
    if (pending === 0) return;
    function ask(event: BeforeUnloadEvent) {
      event.preventDefault();
      // Older browsers ask only when returnValue is set.
      event.returnValue = "";
    }
    window.addEventListener("beforeunload", ask);
    return () => window.removeEventListener("beforeunload", ask);
  }, [pending]);
}
