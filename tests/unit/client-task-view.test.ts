import { describe, expect, it } from "vitest";
import { DEFAULT_VIEW, historyMode, listQuery, normaliseSearch, sameView, searchOfView, viewFromSearch, type TaskView } from "@/lib/client/task-view";

const view = (changes: Partial<TaskView> = {}): TaskView => ({ ...DEFAULT_VIEW, ...changes });
const fromUrl = (search: string) => viewFromSearch(new URLSearchParams(search));

describe("the view in the URL", () => {
  it("reads filter, search and sort; the plain URL is the default view", () => {
    expect(fromUrl("")).toEqual({ filter: "all", q: "", sort: "newest" });
    expect(fromUrl("filter=active&q=milk&sort=title")).toEqual({ filter: "active", q: "milk", sort: "title" });
    expect(fromUrl("filter=completed&sort=updated")).toEqual({ filter: "completed", q: "", sort: "updated" });
  });

  it("falls back to the default for anything unknown, and trims the search to what the API accepts", () => {
    expect(fromUrl("filter=done&sort=priority&q=%20%20")).toEqual(DEFAULT_VIEW);
    expect(fromUrl("filter=toString")).toEqual(DEFAULT_VIEW);
    expect(fromUrl(`q=${"x".repeat(250)}`).q).toHaveLength(200);
    expect(normaliseSearch(`  ${"y".repeat(199)} z`)).toBe("y".repeat(199));
  });

  it("writes only what differs from the default, and reads back what it wrote", () => {
    expect(searchOfView(DEFAULT_VIEW)).toBe("");
    expect(searchOfView(view({ filter: "active", q: "milk", sort: "title" }))).toBe("?filter=active&q=milk&sort=title");
    const awkward = view({ q: "50% & “oat” milk?#", sort: "oldest" });
    expect(searchOfView(awkward)).toBe("?q=50%25+%26+%E2%80%9Coat%E2%80%9D+milk%3F%23&sort=oldest");
    expect(fromUrl(searchOfView(awkward).slice(1))).toEqual(awkward);
  });

  it("sameView compares all three parts", () => {
    expect(sameView(view(), view())).toBe(true);
    expect(sameView(view(), view({ q: "a" }))).toBe(false);
    expect(sameView(view(), view({ sort: "title" }))).toBe(false);
    expect(sameView(view(), view({ filter: "active" }))).toBe(false);
  });
});

describe("listQuery", () => {
  it("asks the API for the filter, the search and the sort", () => {
    expect(listQuery(view())).toEqual({ sort: "id", order: "desc" });
    expect(listQuery(view({ filter: "active", q: "milk", sort: "oldest" }))).toEqual({ complete: false, q: "milk", sort: "id", order: "asc" });
    expect(listQuery(view({ filter: "completed", sort: "title" }))).toEqual({ complete: true, sort: "title", order: "asc" });
    expect(listQuery(view({ sort: "updated" }))).toEqual({ sort: "updated_at", order: "desc" });
  });
});

describe("historyMode: what back returns to", () => {
  it("each filter, sort and new search is an entry of its own", () => {
    expect(historyMode(view(), view({ filter: "active" }))).toBe("push");
    expect(historyMode(view(), view({ sort: "title" }))).toBe("push");
    expect(historyMode(view(), view({ q: "m" }))).toBe("push");
    expect(historyMode(view({ q: "milk" }), view())).toBe("push");
    expect(historyMode(view({ q: "milk" }), view({ q: "milk", filter: "completed" }))).toBe("push");
  });

  it("typing more of a search replaces its entry", () => {
    expect(historyMode(view({ q: "m" }), view({ q: "milk" }))).toBe("replace");
    expect(historyMode(view({ q: "milk" }), view({ q: "mil" }))).toBe("replace");
  });
});
