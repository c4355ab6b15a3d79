import { describe, expect, it } from "vitest";
import { addConflict, keepMine, mineOnTheirs, unsavedChanges, updateConflict, versionToMatch, type Conflict } from "@/lib/client/conflict";
import { etagOf } from "@/lib/tasks/task-etag";
import type { TaskResponseBody } from "@/lib/tasks/schema";

function task(changes: Partial<TaskResponseBody> = {}): TaskResponseBody {
  const at = "2026-01-01T00:00:00.000Z";
  return { id: 7, user_id: "u1", title: "Buy milk", description: null, complete: false, created_at: at, updated_at: at, ...changes };
}

// Someone renamed the task and added a description in another tab.
const theirs = task({ title: "Buy oat milk", description: "Two cartons", updated_at: "2026-01-01T00:05:00.000Z" });

describe("updateConflict", () => {
  it("asks about the fields of the change that the newer version does not have", () => {
    expect(updateConflict(theirs, { complete: true })).toEqual({ kind: "update", theirs, mine: { complete: true } });
    expect(updateConflict(theirs, { title: "Buy soy milk", description: "Two cartons" })).toEqual({ kind: "update", theirs, mine: { title: "Buy soy milk" } });
  });

  it("has nothing to ask when the newer version already has the change", () => {
    expect(updateConflict(theirs, { title: "Buy oat milk" })).toBeUndefined();
    expect(updateConflict(theirs, { description: "Two cartons", complete: false })).toBeUndefined();
  });

  it("treats clearing a description (null) as a change", () => {
    expect(unsavedChanges({ description: null }, theirs)).toEqual({ description: null });
    expect(unsavedChanges({ description: null }, task())).toEqual({});
  });
});

describe("mineOnTheirs", () => {
  it("is the newer version with the user's fields on top", () => {
    const conflict = updateConflict(theirs, { complete: true });
    expect(conflict?.kind === "update" && mineOnTheirs(conflict)).toEqual({ ...theirs, complete: true });
  });
});

describe("keepMine", () => {
  it("re-sends the change conditional on the version from the 412 body", () => {
    const conflict: Conflict = { kind: "update", theirs, mine: { title: "Buy soy milk" } };
    const resend = keepMine(conflict);
    expect(resend).toEqual({ kind: "update", task: theirs, changes: { title: "Buy soy milk" } });
    expect(etagOf(resend.task)).toBe(`"7.${Date.parse("2026-01-01T00:05:00.000Z")}"`);
  });

  it("deletes anyway conditional on the version from the 412 body", () => {
    expect(keepMine({ kind: "delete", theirs })).toEqual({ kind: "delete", task: theirs });
  });
});

describe("addConflict", () => {
  const other = task({ id: 8, title: "Walk the dog" });

  it("queues conflicts of different tasks in order", () => {
    const first: Conflict = { kind: "update", theirs, mine: { complete: true } };
    const second: Conflict = { kind: "delete", theirs: other };
    expect(addConflict(addConflict([], first), second)).toEqual([first, second]);
  });

  it("keeps one per task: a newer conflict replaces the older, in its place", () => {
    const newest = task({ title: "Buy almond milk", updated_at: "2026-01-01T00:09:00.000Z" });
    const waiting: Conflict[] = [{ kind: "delete", theirs }, { kind: "delete", theirs: other }];
    expect(addConflict(waiting, { kind: "update", theirs: newest, mine: { complete: true } })).toEqual([
      { kind: "update", theirs: newest, mine: { complete: true } },
      { kind: "delete", theirs: other },
    ]);
  });

  it("asks about two refused changes of one task together, the later change winning per field", () => {
    const newest = task({ title: "Buy almond milk", updated_at: "2026-01-01T00:09:00.000Z" });
    const waiting: Conflict[] = [{ kind: "update", theirs, mine: { title: "Buy soy milk", complete: true } }];
    expect(addConflict(waiting, { kind: "update", theirs: newest, mine: { complete: false, description: "One" } })).toEqual([
      // complete: false is what the newer version already has: nothing to ask about it.
      { kind: "update", theirs: newest, mine: { title: "Buy soy milk", description: "One" } },
    ]);
  });
});

describe("versionToMatch (If-Match of a change that waited for the one before it)", () => {
  const seen = task();
  const ownWrite = task({ complete: true, updated_at: "2026-01-01T00:01:00.000Z" });

  it("is the version the user changed when nothing came after it", () => {
    expect(versionToMatch(seen, seen, new Set())).toBe(seen);
  });

  it("is the latest confirmed version when only this tab's own writes came after it", () => {
    expect(versionToMatch(seen, ownWrite, new Set([etagOf(ownWrite)]))).toBe(ownWrite);
  });

  it("stays the version the user changed when someone else's came after it (the server then answers 412)", () => {
    expect(versionToMatch(seen, theirs, new Set([etagOf(ownWrite)]))).toBe(seen);
  });
});
