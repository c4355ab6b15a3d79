/**
 * The API's own Zod schemas (lib/tasks/schema.ts), loaded when a task form is first focused
 * rather than with the page: Zod is about 31 kB compressed, which would push the task page's
 * first-load JavaScript over its 180 kB budget. Submitting awaits the same import, so a form is
 * never sent unchecked.
 */
export function loadTaskSchemas() {
  return import("@/lib/tasks/schema");
}

/** For `onFocus` of a form: start loading the schemas while the person types. */
export function preloadTaskSchemas(): void {
  loadTaskSchemas().catch(() => {
    // Submitting tries again and reports the failure.
  });
}
