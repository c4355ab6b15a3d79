import { describe, expect, it } from "vitest";
import { filterTasks, insertTask, patchTask, removeTask, replaceTask, revertTask } from "@/lib/client/task-cache";
import type { TaskResponseBody } from "@/lib/tasks/schema";

function task(id: number, changes: Partial<TaskResponseBody> = {}): TaskResponseBody {
  const at = "2026-01-01T00:00:00.000Z";
  return { id, user_id: "u1", title: `Task ${id}`, description: null, complete: false, created_at: at, updated_at: at, ...changes };
}

const list = { tasks: [task(3), task(2, { complete: true }), task(1)], count: 3, next_cursor: null };

describe("optimistic edits of the cached list", () => {
  it("patchTask changes one task and nothing else", () => {
    const next = patchTask(list, 2, { complete: false, title: "Renamed" });
    expect(next.tasks[1]).toMatchObject({ id: 2, complete: false, title: "Renamed" });
    expect(next.tasks[0]).toBe(list.tasks[0]);
    expect(list.tasks[1]!.complete).toBe(true);
  });

  it("revertTask restores only the fields of the refused change", () => {
    const before = list.tasks[2]!;
    // A toggle and a rename of the same task are in flight; the toggle is refused.
    const both = patchTask(patchTask(list, 1, { complete: true }), 1, { title: "New title" });
    const reverted = revertTask(both, before, { complete: true });
    expect(reverted.tasks[2]).toMatchObject({ id: 1, complete: false, title: "New title" });
  });

  it("replaceTask takes the server's version", () => {
    const saved = task(2, { title: "From server", updated_at: "2026-01-02T00:00:00.000Z" });
    expect(replaceTask(list, saved).tasks[1]).toBe(saved);
  });

  it("removeTask and insertTask keep newest-first order and the count", () => {
    const removed = removeTask(list, 2);
    expect(removed).toEqual({ tasks: [list.tasks[0], list.tasks[2]], count: 2, next_cursor: null });
    const restored = insertTask(removed, list.tasks[1]!);
    expect(restored).toEqual(list);
    expect(insertTask(restored, list.tasks[1]!).count).toBe(3);
    expect(insertTask(list, task(4)).tasks.map((t) => t.id)).toEqual([4, 3, 2, 1]);
  });
});

describe("filterTasks", () => {
  it("All, Active and Completed", () => {
    expect(filterTasks(list.tasks, "all").map((t) => t.id)).toEqual([3, 2, 1]);
    expect(filterTasks(list.tasks, "active").map((t) => t.id)).toEqual([3, 1]);
    expect(filterTasks(list.tasks, "completed").map((t) => t.id)).toEqual([2]);
  });
});
