import { describe, expect, it } from "vitest";
import { applyChange, countChange, findTask, flattenTasks, patched, reverted, viewFromLoaded, type TaskPages } from "@/lib/client/task-cache";
import { matchesView } from "@/lib/client/view-filter";
import { DEFAULT_VIEW, type TaskView } from "@/lib/client/task-view";
import type { TaskResponseBody } from "@/lib/tasks/schema";

function task(id: number, changes: Partial<TaskResponseBody> = {}): TaskResponseBody {
  const at = "2026-01-01T00:00:00.000Z";
  return { id, user_id: "u1", title: `Task ${id}`, description: null, complete: false, created_at: at, updated_at: at, ...changes };
}

/** Pages of a view as the API gives them: `count` on each, a cursor on all but the last. */
function pages(count: number, ...chunks: TaskResponseBody[][]): TaskPages {
  return {
    pages: chunks.map((tasks, index) => ({ tasks, count, next_cursor: index < chunks.length - 1 ? `cursor-${index}` : null })),
    pageParams: chunks.map((_, index) => (index === 0 ? undefined : `cursor-${index - 1}`)),
  };
}

const ids = (data: TaskPages) => flattenTasks(data).map((item) => item.id);
const counts = (data: TaskPages) => data.pages.map((page) => page.count);
const view = (changes: Partial<TaskView> = {}): TaskView => ({ ...DEFAULT_VIEW, ...changes });

describe("matchesView", () => {
  it("follows the filter, and the search in title or description, ignoring case", () => {
    const milk = task(1, { title: "Buy MILK", complete: true });
    const described = task(2, { description: "semi-skimmed milk" });
    expect(matchesView(view({ filter: "completed" }), milk)).toBe(true);
    expect(matchesView(view({ filter: "active" }), milk)).toBe(false);
    expect(matchesView(view({ q: "milk" }), milk)).toBe(true);
    expect(matchesView(view({ q: "Milk", filter: "active" }), described)).toBe(true);
    expect(matchesView(view({ q: "bread" }), described)).toBe(false);
    expect(matchesView(view({ q: "bread" }), task(3))).toBe(false);
  });
});

describe("flattenTasks and findTask", () => {
  it("lists each loaded task once, in page order", () => {
    const data = pages(4, [task(4), task(3)], [task(3), task(1)]);
    expect(ids(data)).toEqual([4, 3, 1]);
    expect(flattenTasks(undefined)).toEqual([]);
    expect(findTask(data, 1)?.id).toBe(1);
    expect(findTask(data, 2)).toBeUndefined();
  });
});

describe("applyChange: a change edits the loaded pages in place", () => {
  it("a toggle replaces the task where it is, in whichever page, and leaves the other pages untouched", () => {
    const data = pages(4, [task(4), task(3)], [task(2), task(1)]);
    const next = applyChange(data, view(), task(2), task(2, { complete: true }));
    expect(next.pages[1]!.tasks[0]).toMatchObject({ id: 2, complete: true });
    expect(next.pages[0]).toBe(data.pages[0]);
    expect(counts(next)).toEqual([4, 4]);
    expect(next.pageParams).toBe(data.pageParams);
  });

  it("a task that no longer belongs to the view leaves it, and every page's count goes down", () => {
    const data = pages(3, [task(3), task(2)], [task(1)]);
    const next = applyChange(data, view({ filter: "active" }), task(3), task(3, { complete: true }));
    expect(ids(next)).toEqual([2, 1]);
    expect(counts(next)).toEqual([2, 2]);
  });

  it("a delete removes the task; one not loaded yet still lowers the count", () => {
    const data = pages(10, [task(10), task(9)]);
    data.pages[0]!.next_cursor = "more";
    expect(ids(applyChange(data, view(), task(9), undefined))).toEqual([10]);
    const deep = applyChange(data, view(), task(2), undefined);
    expect(ids(deep)).toEqual([10, 9]);
    expect(counts(deep)).toEqual([9]);
  });

  it("a task that now belongs is put in its place by the view's sort", () => {
    const newest = pages(2, [task(5), task(1)]);
    expect(ids(applyChange(newest, view(), undefined, task(3)))).toEqual([5, 3, 1]);
    expect(ids(applyChange(newest, view(), undefined, task(9)))).toEqual([9, 5, 1]);
    const byTitle = pages(2, [task(1, { title: "apple" }), task(2, { title: "pear" })]);
    expect(ids(applyChange(byTitle, view({ sort: "title" }), undefined, task(3, { title: "banana" })))).toEqual([1, 3, 2]);
    // Equal titles: the lower id first, as the API orders them.
    expect(ids(applyChange(byTitle, view({ sort: "title" }), undefined, task(0, { title: "pear" })))).toEqual([1, 0, 2]);
    const updated = pages(2, [task(1, { updated_at: "2026-03-01T00:00:00.000Z" }), task(2)]);
    expect(ids(applyChange(updated, view({ sort: "updated" }), undefined, task(3, { updated_at: "2026-02-01T00:00:00.000Z" })))).toEqual([1, 3, 2]);
    const oldest = pages(2, [task(1), task(5)]);
    expect(ids(applyChange(oldest, view({ sort: "oldest" }), undefined, task(3)))).toEqual([1, 3, 5]);
  });

  it("past the last loaded task it waits for its page while more remain, and is appended once all are loaded", () => {
    const partial = pages(5, [task(1), task(2)], [task(3)]);
    partial.pages[1]!.next_cursor = "more";
    const waiting = applyChange(partial, view({ sort: "oldest" }), undefined, task(9));
    expect(ids(waiting)).toEqual([1, 2, 3]);
    expect(counts(waiting)).toEqual([6, 6]);
    const complete = pages(3, [task(1), task(2)], [task(3)]);
    expect(ids(applyChange(complete, view({ sort: "oldest" }), undefined, task(9)))).toEqual([1, 2, 3, 9]);
    expect(ids(applyChange({ pages: [], pageParams: [] }, view(), undefined, task(1)))).toEqual([]);
  });

  it("a task that belongs to neither version's view changes nothing but its own row", () => {
    const data = pages(1, [task(1)]);
    const next = applyChange(data, view({ q: "milk" }), task(7), task(7, { title: "Bread" }));
    expect(next.pages[0]!.tasks).toBe(data.pages[0]!.tasks);
    expect(counts(next)).toEqual([1]);
  });

  it("an undone change puts the task back where it was and restores the count", () => {
    const data = pages(3, [task(3), task(2), task(1)]);
    const active = view({ filter: "active" });
    const ticked = applyChange(data, active, task(2), task(2, { complete: true }));
    const undone = applyChange(ticked, active, task(2, { complete: true }), task(2));
    expect(ids(undone)).toEqual([3, 2, 1]);
    expect(counts(undone)).toEqual([3]);
  });

  it("a count never goes below zero", () => {
    expect(counts(applyChange(pages(0, []), view(), task(1), undefined))).toEqual([0]);
  });
});

describe("countChange", () => {
  it("is +1, -1 or 0 as the task enters, leaves or stays in (or out of) the view", () => {
    const active = { filter: "active" as const, q: "" };
    expect(countChange(active, undefined, task(1))).toBe(1);
    expect(countChange(active, task(1), undefined)).toBe(-1);
    expect(countChange(active, task(1), task(1, { complete: true }))).toBe(-1);
    expect(countChange({ filter: "completed", q: "" }, task(1), task(1, { complete: true }))).toBe(1);
    expect(countChange({ filter: "all", q: "" }, task(1), task(1, { complete: true }))).toBe(0);
    expect(countChange({ filter: "all", q: "milk" }, task(1), task(1, { title: "milk" }))).toBe(1);
  });
});

describe("patched and reverted", () => {
  it("patched applies a change ahead of the server's answer", () => {
    expect(patched(task(1), { complete: true, title: "Renamed" })).toMatchObject({ id: 1, complete: true, title: "Renamed" });
  });

  it("reverted restores only the fields of the refused change", () => {
    const before = task(1);
    // A toggle and a rename of the same task are in flight; the toggle is refused.
    const both = patched(patched(before, { complete: true }), { title: "New title" });
    expect(reverted(both, before, { complete: true })).toMatchObject({ id: 1, complete: false, title: "New title" });
  });
});

describe("viewFromLoaded: a view worked out from one already loaded in full", () => {
  const all = pages(3, [task(3, { title: "cherry" }), task(2, { title: "apple pie", complete: true }), task(1, { title: "Apple juice" })]);

  it("filters, searches and sorts the loaded tasks, as one page with its count", () => {
    const completed = viewFromLoaded(view({ filter: "completed" }), [{ view: view(), data: all }]);
    expect(completed).toEqual({ pages: [{ tasks: [all.pages[0]!.tasks[1]], count: 1, next_cursor: null }], pageParams: [undefined] });
    const apples = viewFromLoaded(view({ q: "APPLE", sort: "title" }), [{ view: view(), data: all }]);
    expect(ids(apples!)).toEqual([1, 2]);
    expect(apples!.pages[0]!.count).toBe(2);
  });

  it("uses a view whose filter and search hold the asked one: the same filter, or a shorter search", () => {
    const active = pages(2, [task(3, { title: "milk" }), task(1, { title: "oat milk" })]);
    expect(ids(viewFromLoaded(view({ filter: "active", q: "oat" }), [{ view: view({ filter: "active", q: "milk" }), data: active }])!)).toEqual([]);
    expect(ids(viewFromLoaded(view({ filter: "active", q: "oat milk" }), [{ view: view({ filter: "active", q: "MILK" }), data: active }])!)).toEqual([1]);
  });

  it("never from a narrower view, nor from one with pages left to read", () => {
    const active = pages(2, [task(3), task(1)]);
    expect(viewFromLoaded(view({ filter: "completed" }), [{ view: view({ filter: "active" }), data: active }])).toBeUndefined();
    expect(viewFromLoaded(view(), [{ view: view({ filter: "active" }), data: active }])).toBeUndefined();
    expect(viewFromLoaded(view({ q: "a" }), [{ view: view({ q: "ab" }), data: active }])).toBeUndefined();
    const partial = pages(10, [task(10), task(9)]);
    partial.pages[0]!.next_cursor = "more";
    expect(viewFromLoaded(view({ filter: "active" }), [{ view: view(), data: partial }])).toBeUndefined();
    expect(viewFromLoaded(view({ filter: "active" }), [{ view: view(), data: { pages: [], pageParams: [] } }])).toBeUndefined();
  });
});
