import { QUERY_MAX } from "@/lib/tasks/limits";
import type { TaskListQueryInput, TaskListResponseBody } from "@/lib/tasks/schema";

/**
 * What the task page shows: a filter, a search and a sort. It lives in the URL
 * (`/tasks?filter=active&q=milk&sort=title`), so a reload, the back button and a shared link all
 * keep it; the defaults are left out, so the plain view is plain `/tasks`.
 */
export const FILTERS = ["all", "active", "completed"] as const;
export const SORTS = ["newest", "oldest", "title", "updated"] as const;
export type TaskFilter = (typeof FILTERS)[number];
export type TaskSort = (typeof SORTS)[number];

export interface TaskView {
  filter: TaskFilter;
  /** Trimmed; empty when not searching. */
  q: string;
  sort: TaskSort;
}

export const DEFAULT_VIEW: TaskView = { filter: "all", q: "", sort: "newest" };


/** How each sort choice is asked of the API. */
const apiSort: Record<TaskSort, Pick<TaskListQueryInput, "sort" | "order">> = {
  newest: { sort: "id", order: "desc" },
  oldest: { sort: "id", order: "asc" },
  title: { sort: "title", order: "asc" },
  updated: { sort: "updated_at", order: "desc" },
};

function oneOf<T extends string>(allowed: readonly T[], value: string | null, fallback: T): T {
  return allowed.find((item) => item === value) ?? fallback;
}

/** The view in a URL's query; anything unknown or malformed falls back to the default. */
export function viewFromSearch(params: { get(name: string): string | null }): TaskView {
  return {
    filter: oneOf(FILTERS, params.get("filter"), DEFAULT_VIEW.filter),
    q: normaliseSearch(params.get("q") ?? ""),
    sort: oneOf(SORTS, params.get("sort"), DEFAULT_VIEW.sort),
  };
}

/** The query string for a view (`?filter=…&q=…&sort=…`), or "" for the default view. */
export function searchOfView(view: TaskView): string {
  const params = new URLSearchParams();
  if (view.filter !== DEFAULT_VIEW.filter) params.set("filter", view.filter);
  if (view.q) params.set("q", view.q);
  if (view.sort !== DEFAULT_VIEW.sort) params.set("sort", view.sort);
  const search = params.toString();
  return search ? `?${search}` : "";
}

/** What is searched for: no surrounding spaces, and no longer than the API accepts. */
export function normaliseSearch(text: string): string {
  return text.trim().slice(0, QUERY_MAX).trim();
}

export function sameView(a: TaskView, b: TaskView): boolean {
  return a.filter === b.filter && a.q === b.q && a.sort === b.sort;
}

/** Tasks per request: a short first page shows soon; scrolling then loads longer ones well ahead. */
export const FIRST_PAGE_SIZE = 50;
export const PAGE_SIZE = 200;

/** The request for a view's first page (the browser's, and the server's when it renders the page). */
export function firstPageQuery(view: TaskView): Omit<TaskListQueryInput, "cursor"> {
  return { ...listQuery(view), limit: FIRST_PAGE_SIZE };
}

/**
 * A view as the server read it while rendering the page: its first page and, unless that page
 * holds the whole list, the companion filter's count (see companionCountQuery). With it the first
 * rows arrive in the page's HTML, with no request from the browser.
 */
export interface FirstView {
  /** This reading's own id: a page shown again (Back, Forward) brings the same one, by then old. */
  id: string;
  view: TaskView;
  page: TaskListResponseBody;
  companionCount?: number;
}

/** The list query of a view, without paging (`limit`, `cursor`). */
export function listQuery(view: Pick<TaskView, "filter" | "q" | "sort">): Omit<TaskListQueryInput, "limit" | "cursor"> {
  return {
    ...(view.filter === "all" ? {} : { complete: view.filter === "completed" }),
    ...(view.q ? { q: view.q } : {}),
    ...apiSort[view.sort],
  };
}

/**
 * Back goes to the previous view the person chose: each filter, sort and search is a history
 * entry of its own, but refining a search (typing more of it) replaces its entry rather than
 * adding one per pause in typing.
 */
export function historyMode(from: TaskView, to: TaskView): "push" | "replace" {
  const refining = from.filter === to.filter && from.sort === to.sort && from.q !== "" && to.q !== "";
  return refining ? "replace" : "push";
}
