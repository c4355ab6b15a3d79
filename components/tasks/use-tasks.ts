"use client";

import { useMutation, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { describeError, newerVersion } from "@/lib/client/api-error";
import { updateConflict, versionToMatch, type Conflict } from "@/lib/client/conflict";
import { etagOf } from "@/lib/tasks/task-etag";
import { patched, reverted } from "@/lib/client/task-cache";
import type { TaskCreateInput, TaskPatchInput, TaskResponseBody } from "@/lib/tasks/schema";
import { useTaskApi } from "./task-api-context";
import { applyToCache, cachedTask, cancelReads } from "./task-query-cache";

type Task = TaskResponseBody;

const changeKey = ["tasks", "change"] as const;

/** True inside the callbacks of the only change (toggle, edit, delete) still in flight. */
function lastChangeInFlight(client: QueryClient): boolean {
  return client.isMutating({ mutationKey: changeKey }) === 1;
}

// The versions this tab's own writes produced (ETags), kept while changes are in flight, so a
// change waiting its turn can tell them from a version someone else made (see versionToMatch).
const ownWrites = new WeakMap<QueryClient, Set<string>>();

function writtenHere(client: QueryClient): Set<string> {
  const written = ownWrites.get(client) ?? new Set<string>();
  ownWrites.set(client, written);
  return written;
}

/** The cached pages were edited in place all along: nothing is read again; the versions seen are forgotten. */
function settle(client: QueryClient): void {
  if (lastChangeInFlight(client)) writtenHere(client).clear();
}

/** Create is not optimistic (the id comes from the server) and never retried (POST). */
export function useCreateTask() {
  const api = useTaskApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TaskCreateInput) => api.create(input),
    retry: false,
    onSuccess: (task) => applyToCache(client, undefined, task),
  });
}

function changeLabel(changes: TaskPatchInput, title: string): string {
  if (Object.keys(changes).length === 1 && changes.complete !== undefined) {
    return `Couldn't mark “${title}” as ${changes.complete ? "complete" : "not complete"}`;
  }
  return `Couldn't save your changes to “${title}”`;
}

/**
 * The version a change is conditional on (If-Match). `task` is the version the user changed; the
 * cached one's `updated_at` is the one the server last confirmed (optimistic changes never touch
 * it; every confirmed write stamps it).
 */
function matchVersion(client: QueryClient, task: Task): Task {
  return versionToMatch(task, cachedTask(client, task.id) ?? task, writtenHere(client));
}

/** What a change tells the page besides the list: a sentence to show, or a conflict to decide. */
export interface ChangeReports {
  onNotice: (message: string) => void;
  onConflict: (conflict: Conflict) => void;
}

// Changes run one after another, each conditional on the version the previous one left, so two
// quick changes in this tab never look like someone else's edit (a 412), while one made after
// someone else's still is.
const changeScope = { id: "task-changes" };

/**
 * Toggle and edit: shown at once in every cached view, rolled back (only the fields changed) if
 * the server refuses. If-Match is the version of `task` the user changed (after a 412, the one
 * they were shown), moved forward only past this tab's own writes. A task that left the shown
 * view (ticked under Active) is found through `optimistic`, the version the change made.
 */
export function useUpdateTask({ onNotice, onConflict }: ChangeReports) {
  const api = useTaskApi();
  const client = useQueryClient();
  return useMutation({
    mutationKey: changeKey,
    scope: changeScope,
    mutationFn: ({ task, changes }: { task: Task; changes: TaskPatchInput }) => api.update(matchVersion(client, task), changes),
    onMutate: async ({ task, changes }) => {
      await cancelReads(client);
      const before = cachedTask(client, task.id) ?? task;
      const optimistic = patched(before, changes);
      applyToCache(client, before, optimistic);
      return { before, optimistic };
    },
    onError: (error, { task, changes }, context) => {
      const before = context?.before ?? task;
      const current = cachedTask(client, task.id) ?? context?.optimistic ?? task;
      const newer = newerVersion(error);
      if (newer) {
        // Changed in another tab or device meanwhile: nothing is overwritten; the newer version is
        // shown, and the user chooses whether their change goes on top of it.
        applyToCache(client, current, newer);
        const conflict = updateConflict(newer, changes);
        if (conflict) onConflict(conflict);
        else onNotice(`“${newer.title}” was changed elsewhere, and already has your change.`);
        return;
      }
      applyToCache(client, current, reverted(current, before, changes));
      onNotice(`${changeLabel(changes, before.title)}: ${describeError(error)} The change was undone.`);
    },
    onSuccess: (saved, { task }, context) => {
      writtenHere(client).add(etagOf(saved));
      const current = cachedTask(client, task.id) ?? context.optimistic;
      // With other changes still in flight, their optimistic fields stay; only the version moves.
      applyToCache(client, current, lastChangeInFlight(client) ? saved : { ...current, updated_at: saved.updated_at });
    },
    onSettled: () => settle(client),
  });
}

/** Delete: the task leaves every view at once and comes back if the server refuses. If-Match as for update. */
export function useDeleteTask({ onNotice, onConflict }: ChangeReports) {
  const api = useTaskApi();
  const client = useQueryClient();
  return useMutation({
    mutationKey: changeKey,
    scope: changeScope,
    mutationFn: ({ task }: { task: Task }) => api.remove(matchVersion(client, task)),
    onMutate: async ({ task }) => {
      await cancelReads(client);
      const before = cachedTask(client, task.id) ?? task;
      applyToCache(client, before, undefined);
      return { before };
    },
    onError: (error, { task }, context) => {
      const newer = newerVersion(error);
      applyToCache(client, undefined, newer ?? context?.before ?? task);
      if (newer) onConflict({ kind: "delete", theirs: newer });
      else onNotice(`Couldn't delete “${task.title}”: ${describeError(error)} It is back in your list.`);
    },
    onSettled: () => settle(client),
  });
}
