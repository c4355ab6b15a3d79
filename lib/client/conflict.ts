import { etagOf } from "@/lib/tasks/task-etag";
import type { TaskPatchInput, TaskResponseBody } from "@/lib/tasks/schema";

/**
 * A change the server refused with 412 because the task was changed elsewhere meanwhile. Nothing
 * was overwritten; the user decides. `theirs` is the version from the 412 body: what they see,
 * and what "keep mine" is conditional on (If-Match), so a third version is never overwritten
 * without being shown first.
 */
export type Conflict = { kind: "update"; theirs: TaskResponseBody; mine: TaskPatchInput } | { kind: "delete"; theirs: TaskResponseBody };

/** What "keep mine" sends: the same change, made to the version the user was shown (its If-Match). */
export type KeepMine = { kind: "update"; task: TaskResponseBody; changes: TaskPatchInput } | { kind: "delete"; task: TaskResponseBody };

/** The fields of `mine` that `theirs` does not already have (no need to ask about the others). */
export function unsavedChanges(mine: TaskPatchInput, theirs: TaskResponseBody): TaskPatchInput {
  const left: TaskPatchInput = {};
  for (const key of Object.keys(mine) as (keyof TaskPatchInput)[]) {
    if (mine[key] !== undefined && mine[key] !== theirs[key]) Object.assign(left, { [key]: mine[key] });
  }
  return left;
}

/** A refused edit or toggle, or nothing to decide when the newer version already has the change. */
export function updateConflict(theirs: TaskResponseBody, mine: TaskPatchInput): Conflict | undefined {
  const left = unsavedChanges(mine, theirs);
  return Object.keys(left).length === 0 ? undefined : { kind: "update", theirs, mine: left };
}

/** The task as it would be with the user's change on top of the newer version. */
export function mineOnTheirs(conflict: Extract<Conflict, { kind: "update" }>): TaskResponseBody {
  return { ...conflict.theirs, ...conflict.mine };
}

/**
 * Adds a conflict to those waiting for a decision: one per task. A newer one for the same task
 * replaces the older (its `theirs` is newer); two refused edits of one task are asked about
 * together, the later change winning field by field, as it would have on the server.
 */
export function addConflict(waiting: readonly Conflict[], conflict: Conflict): Conflict[] {
  const earlier = waiting.find((item) => item.theirs.id === conflict.theirs.id);
  const merged: Conflict =
    earlier?.kind === "update" && conflict.kind === "update"
      ? (updateConflict(conflict.theirs, { ...earlier.mine, ...conflict.mine }) ?? conflict)
      : conflict;
  return earlier ? waiting.map((item) => (item === earlier ? merged : item)) : [...waiting, merged];
}

export function keepMine(conflict: Conflict): KeepMine {
  return conflict.kind === "update" ? { kind: "update", task: conflict.theirs, changes: conflict.mine } : { kind: "delete", task: conflict.theirs };
}

/**
 * The version a change waiting its turn is conditional on (If-Match). `seen` is the version the
 * user changed; `confirmed` the latest the server confirmed to this tab. If only this tab's own
 * writes came in between, `confirmed` (its own earlier change is no conflict). If anything else
 * did, such as the newer version from a 412, `seen`: the server refuses, and the user is asked,
 * rather than the change silently landing on a version they never saw.
 */
export function versionToMatch(seen: TaskResponseBody, confirmed: TaskResponseBody, writtenHere: ReadonlySet<string>): TaskResponseBody {
  return confirmed.updated_at === seen.updated_at || writtenHere.has(etagOf(confirmed)) ? confirmed : seen;
}
