import { describe, expect, it } from "vitest";
import { combineCounts, companionFilter, countsOfLoaded, sameCounts } from "@/lib/client/task-counts";
import type { TaskResponseBody } from "@/lib/tasks/schema";

function task(id: number, complete: boolean): TaskResponseBody {
  const at = "2026-01-01T00:00:00.000Z";
  return { id, user_id: "u1", title: `Task ${id}`, description: null, complete, created_at: at, updated_at: at };
}

describe("the All / Active / Completed counts", () => {
  it("need one other filter's count besides the shown list's", () => {
    expect(companionFilter("all")).toBe("completed");
    expect(companionFilter("active")).toBe("completed");
    expect(companionFilter("completed")).toBe("active");
  });

  it("combine the shown list's count with its companion's", () => {
    expect(combineCounts("all", 5000, 1200)).toEqual({ all: 5000, active: 3800, completed: 1200 });
    expect(combineCounts("active", 3800, 1200)).toEqual({ all: 5000, active: 3800, completed: 1200 });
    expect(combineCounts("completed", 1200, 3800)).toEqual({ all: 5000, active: 3800, completed: 1200 });
    // Read a moment apart, the two may disagree; a count is never negative.
    expect(combineCounts("all", 2, 3)).toEqual({ all: 2, active: 0, completed: 3 });
  });

  it("come from the loaded tasks when the whole unfiltered list is loaded", () => {
    expect(countsOfLoaded(3, [task(3, false), task(2, true), task(1, false)])).toEqual({ all: 3, active: 2, completed: 1 });
    expect(countsOfLoaded(0, [])).toEqual({ all: 0, active: 0, completed: 0 });
  });

  it("sameCounts compares all three", () => {
    const counts = { all: 3, active: 2, completed: 1 };
    expect(sameCounts(counts, { ...counts })).toBe(true);
    expect(sameCounts(counts, { ...counts, all: 4 })).toBe(false);
    expect(sameCounts(counts, { ...counts, active: 1 })).toBe(false);
    expect(sameCounts(counts, { ...counts, completed: 2 })).toBe(false);
  });
});
