"use client";

import { useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { describeError, newerVersion } from "@/lib/client/api-error";
import { updateConflict, versionToMatch, type Conflict } from "@/lib/client/conflict";
import { etagOf } from "@/lib/client/task-api";
import { insertTask, patchTask, removeTask, replaceTask, revertTask } from "@/lib/client/task-cache";
import type { TaskCreateInput, TaskListResponseBody, TaskPatchInput, TaskResponseBody } from "@/lib/tasks/schema";
import { useTaskApi } from "./task-api-context";

type TaskList = TaskListResponseBody;
type Task = TaskResponseBody;

export const tasksKey = ["tasks"] as const;
const changeKey = ["tasks", "change"] as const;

export function useTaskList() {
  const api = useTaskApi();
  return useQuery({ queryKey: tasksKey, queryFn: () => api.list() });
}

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

/** After the last change in flight settles, the list is read again to match the server exactly. */
function settle(client: QueryClient): void {
  if (!lastChangeInFlight(client)) return;
  writtenHere(client).clear();
  void client.invalidateQueries({ queryKey: tasksKey });
}

/** Create is not optimistic (the id comes from the server) and never retried (POST). */
export function useCreateTask() {
  const api = useTaskApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TaskCreateInput) => api.create(input),
    retry: false,
    onSuccess: (task) => {
      if (client.getQueryData<TaskList>(tasksKey)) client.setQueryData<TaskList>(tasksKey, (list) => list && insertTask(list, task));
      else void client.invalidateQueries({ queryKey: tasksKey });
    },
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
 * cached entry's `updated_at` is the one the server last confirmed (optimistic changes never touch
 * it; every confirmed write stamps it).
 */
function matchVersion(client: QueryClient, task: Task): Task {
  const confirmed = client.getQueryData<TaskList>(tasksKey)?.tasks.find((item) => item.id === task.id) ?? task;
  return versionToMatch(task, confirmed, writtenHere(client));
}

/** Records the version the server just confirmed, keeping any optimistic fields still in flight. */
function stampVersion(list: TaskList, saved: Task): TaskList {
  return { ...list, tasks: list.tasks.map((task) => (task.id === saved.id ? { ...task, updated_at: saved.updated_at } : task)) };
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
 * Toggle and edit: shown at once, rolled back (only the fields changed) if the server refuses.
 * If-Match is the version of `task` the user changed (after a 412, the one they were shown),
 * moved forward only past this tab's own writes.
 */
export function useUpdateTask({ onNotice, onConflict }: ChangeReports) {
  const api = useTaskApi();
  const client = useQueryClient();
  return useMutation({
    mutationKey: changeKey,
    scope: changeScope,
    mutationFn: ({ task, changes }: { task: Task; changes: TaskPatchInput }) => api.update(matchVersion(client, task), changes),
    onMutate: async ({ task, changes }) => {
      await client.cancelQueries({ queryKey: tasksKey });
      const before = client.getQueryData<TaskList>(tasksKey)?.tasks.find((item) => item.id === task.id) ?? task;
      client.setQueryData<TaskList>(tasksKey, (list) => list && patchTask(list, task.id, changes));
      return { before };
    },
    onError: (error, { task, changes }, context) => {
      const before = context?.before ?? task;
      const newer = newerVersion(error);
      if (newer) {
        // Changed in another tab or device meanwhile: nothing is overwritten; the newer version is
        // shown, and the user chooses whether their change goes on top of it.
        client.setQueryData<TaskList>(tasksKey, (list) => list && replaceTask(list, newer));
        const conflict = updateConflict(newer, changes);
        if (conflict) onConflict(conflict);
        else onNotice(`“${newer.title}” was changed elsewhere, and already has your change.`);
        return;
      }
      client.setQueryData<TaskList>(tasksKey, (list) => list && revertTask(list, before, changes));
      onNotice(`${changeLabel(changes, before.title)}: ${describeError(error)} The change was undone.`);
    },
    onSuccess: (saved) => {
      writtenHere(client).add(etagOf(saved));
      // With other changes still in flight, their optimistic state stays until the final read.
      if (lastChangeInFlight(client)) client.setQueryData<TaskList>(tasksKey, (list) => list && replaceTask(list, saved));
      else client.setQueryData<TaskList>(tasksKey, (list) => list && stampVersion(list, saved));
    },
    onSettled: () => settle(client),
  });
}

/** Delete: the task leaves the list at once and comes back if the server refuses. If-Match as for update. */
export function useDeleteTask({ onNotice, onConflict }: ChangeReports) {
  const api = useTaskApi();
  const client = useQueryClient();
  return useMutation({
    mutationKey: changeKey,
    scope: changeScope,
    mutationFn: ({ task }: { task: Task }) => api.remove(matchVersion(client, task)),
    onMutate: async ({ task }) => {
      await client.cancelQueries({ queryKey: tasksKey });
      client.setQueryData<TaskList>(tasksKey, (list) => list && removeTask(list, task.id));
    },
    onError: (error, { task }) => {
      const newer = newerVersion(error);
      client.setQueryData<TaskList>(tasksKey, (list) => list && insertTask(list, newer ?? task));
      if (newer) onConflict({ kind: "delete", theirs: newer });
      else onNotice(`Couldn't delete “${task.title}”: ${describeError(error)} It is back in your list.`);
    },
    onSettled: () => settle(client),
  });
}
