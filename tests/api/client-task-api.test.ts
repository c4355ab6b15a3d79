import { beforeAll, describe, expect, it, vi } from "vitest";
import { ApiError, newerVersion } from "@/lib/client/api-error";
import { createTaskApi } from "@/lib/client/task-api";
import { createTokenStore, type TokenStore } from "@/lib/client/token-store";
import { call, signUp, type TestUser } from "../support/api";
import { seedTasks } from "../support/seed";

/**
 * The browser's task client (lib/client/) against the real route handlers: a fetch that hands
 * each request to the route, with the user's session cookie where a browser would send it.
 */
function browserFetch(user: TestUser) {
  return vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const path = String(input);
    const headers: Record<string, string> = { ...(init.headers as Record<string, string> | undefined) };
    if (init.credentials !== "omit") headers.cookie = user.cookie;
    const response = await call(init.method ?? "GET", path, { headers, body: init.body ?? undefined });
    return new Response(response.text || null, { status: response.status, headers: response.headers });
  });
}

function clientFor(user: TestUser, userId = user.id) {
  const fetch = browserFetch(user);
  const tokens = createTokenStore({ fetch });
  return { api: createTaskApi({ userId, tokens, fetch }), fetch, tokens };
}

let alice: TestUser;
let bob: TestUser;

beforeAll(async () => {
  [alice, bob] = await Promise.all([signUp("Alice"), signUp("Bob")]);
});

describe("browser task client against the API", () => {
  it("creates, lists newest first, changes and deletes, with a Bearer token and no cookies", async () => {
    const { api, fetch } = clientFor(alice);
    const first = await api.create({ title: "First" });
    const second = await api.create({ title: "  Second  ", description: "details" });
    expect(second).toMatchObject({ title: "Second", description: "details", complete: false, user_id: alice.id });

    const list = await api.list();
    expect(list.tasks.map((task) => task.id).slice(0, 2)).toEqual([second.id, first.id]);
    expect(list.count).toBe(list.tasks.length);

    const completed = await api.update(first, { complete: true });
    expect(completed).toMatchObject({ id: first.id, complete: true });
    const renamed = await api.update(completed, { title: "First, renamed", description: null });
    expect(renamed).toMatchObject({ title: "First, renamed", description: null });
    await api.remove(renamed);
    expect((await api.list()).tasks.some((task) => task.id === first.id)).toBe(false);

    const taskCalls = fetch.mock.calls.filter(([url]) => String(url).startsWith(`/api/${alice.id}/tasks`));
    for (const [, init] of taskCalls) {
      expect(init?.credentials).toBe("omit");
      expect((init?.headers as Record<string, string>).authorization).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
    }
    // One token for all of those calls.
    expect(fetch.mock.calls.filter(([url]) => url === "/api/auth/token")).toHaveLength(1);
  });

  it("a DELETE that finds the task already gone (a retry after a lost answer) succeeds", async () => {
    const { api } = clientFor(alice);
    const task = await api.create({ title: "Delete me twice" });
    await api.remove(task);
    await expect(api.remove(task)).resolves.toBeUndefined();
  });

  it("writes are conditional on the version the user saw: a change made elsewhere is a 412 with the newer task, never overwritten", async () => {
    const tab1 = clientFor(alice).api;
    const tab2 = clientFor(alice).api;
    const task = await tab1.create({ title: "Shared" });
    const elsewhere = await tab2.update(task, { title: "Changed in tab 2" });
    const error = await tab1.update(task, { title: "Stale edit from tab 1" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 412, code: "PRECONDITION_FAILED" });
    expect(newerVersion(error)).toEqual(elsewhere);
    await expect(tab1.remove(task)).rejects.toMatchObject({ status: 412 });
    expect((await tab1.list()).tasks.find((item) => item.id === task.id)?.title).toBe("Changed in tab 2");
    expect(newerVersion(new Error("other"))).toBeUndefined();
  });

  it("every create carries an Idempotency-Key; repeating one creates nothing new", async () => {
    const { api, fetch } = clientFor(alice);
    const once = await api.create({ title: "Double click" }, "click-1");
    const twice = await api.create({ title: "Double click" }, "click-1");
    expect(twice).toEqual(once);
    await api.create({ title: "Auto key" });
    const keys = fetch.mock.calls
      .filter(([, init]) => init?.method === "POST" && String(init?.body).includes("Auto key"))
      .map(([, init]) => (init?.headers as Record<string, string>)["idempotency-key"]);
    expect(keys).toEqual([expect.stringMatching(/^[0-9a-f-]{36}$/)]);
  });

  it("the list reads one page of a view (filter, search, sort); next_cursor reads the next", async () => {
    const carol = await signUp("Carol");
    await seedTasks(carol.id, 250, { completeEvery: 5 });
    const { api, fetch } = clientFor(carol);
    const listCalls = () => fetch.mock.calls.map(([url]) => String(url)).filter((url) => url.startsWith(`/api/${carol.id}/tasks`));

    const first = await api.list({ complete: false, q: "task 01", sort: "title", order: "asc", limit: 40 });
    expect(first.count).toBe(80);
    expect(first.tasks).toHaveLength(40);
    expect(first.tasks.every((task) => !task.complete && task.title.startsWith("task 01"))).toBe(true);
    expect(first.tasks[0]!.title).toBe("task 0101");
    const second = await api.list({ complete: false, q: "task 01", sort: "title", order: "asc", limit: 40, cursor: first.next_cursor! });
    expect(second.tasks[0]!.title).toBe("task 0151");
    expect(second.next_cursor).toBeNull();
    expect(listCalls()).toEqual([
      `/api/${carol.id}/tasks?complete=false&q=task+01&sort=title&order=asc&limit=40`,
      `/api/${carol.id}/tasks?complete=false&q=task+01&sort=title&order=asc&limit=40&cursor=${encodeURIComponent(first.next_cursor!)}`,
    ]);

    // Nothing given: the API's defaults (newest first, 100 a page), one request.
    const plain = await api.list();
    expect(plain).toMatchObject({ count: 250 });
    expect(plain.tasks).toHaveLength(100);
    expect(plain.tasks[0]!.title).toBe("task 0250");
    expect(listCalls().at(-1)).toBe(`/api/${carol.id}/tasks`);
  });

  it("the API's 422 reaches the caller with its detail and per-field messages", async () => {
    const { api } = clientFor(alice);
    const error = await api.create({ title: "x".repeat(201) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 422, code: "VALIDATION_ERROR", detail: "Validation failed: title must be at most 200 characters" });
    expect((error as ApiError).fieldErrors).toEqual({ title: "title must be at most 200 characters" });
  });

  it("another user's path is a 403 AUTH_FORBIDDEN, for reads and deletes alike", async () => {
    const { api } = clientFor(bob, alice.id);
    await expect(api.list()).rejects.toMatchObject({ status: 403, code: "AUTH_FORBIDDEN" });
    const task = await clientFor(alice).api.create({ title: "Alice's" });
    await expect(api.remove(task)).rejects.toMatchObject({ status: 403, code: "AUTH_FORBIDDEN" });
  });

  it("a refused token is dropped and the call repeated once with a fresh one", async () => {
    const fetch = browserFetch(alice);
    const real = createTokenStore({ fetch });
    const tokens: TokenStore = {
      get: vi.fn().mockResolvedValueOnce("not-a-jwt").mockImplementation(() => real.get()),
      invalidate: vi.fn(),
      clear: vi.fn(),
    };
    const list = await createTaskApi({ userId: alice.id, tokens, fetch }).list();
    expect(list.count).toBeGreaterThanOrEqual(1);
    expect(tokens.invalidate).toHaveBeenCalledWith("not-a-jwt");
    expect(tokens.get).toHaveBeenCalledTimes(2);
  });

  it("a 401 that survives the refresh is thrown as a 401", async () => {
    const fetch = browserFetch(alice);
    const tokens: TokenStore = { get: vi.fn(async () => "still-not-a-jwt"), invalidate: vi.fn(), clear: vi.fn() };
    const error = await createTaskApi({ userId: alice.id, tokens, fetch }).list().catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 401, code: "AUTH_INVALID" });
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it("a signed-out browser (no session) gets a 401 from the token endpoint, before any task call", async () => {
    const signedOut = { ...alice, cookie: "better-auth.session_token=forged" };
    const fetch = browserFetch(signedOut);
    const api = createTaskApi({ userId: alice.id, tokens: createTokenStore({ fetch }), fetch });
    await expect(api.list()).rejects.toMatchObject({ status: 401 });
    expect(fetch.mock.calls.map(([url]) => url)).toEqual(["/api/auth/token"]);
  });

  it("a request that never gets an answer is a network ApiError (status 0), retryable", async () => {
    const tokens: TokenStore = { get: vi.fn(async () => alice.token), invalidate: vi.fn(), clear: vi.fn() };
    const fetch = vi.fn(async () => {
      throw new TypeError("Failed to fetch");
    });
    const task = await clientFor(alice).api.create({ title: "Offline" });
    await expect(createTaskApi({ userId: alice.id, tokens, fetch }).update(task, { complete: true })).rejects.toMatchObject({ status: 0 });
  });

  it("uses the global fetch by default", async () => {
    const fetch = browserFetch(alice);
    vi.stubGlobal("fetch", fetch);
    try {
      const tokens = createTokenStore();
      await createTaskApi({ userId: alice.id, tokens }).list();
      expect(fetch).toHaveBeenCalledTimes(2);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
