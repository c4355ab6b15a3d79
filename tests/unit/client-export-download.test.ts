import { describe, expect, it, vi } from "vitest";
import { fetchExport } from "@/lib/client/export-download";
import type { TokenStore } from "@/lib/client/token-store";

function tokens(...values: string[]): TokenStore & { invalidated: string[] } {
  const invalidated: string[] = [];
  return { get: vi.fn(async () => values.shift() ?? "none"), invalidate: (token) => invalidated.push(token), clear: () => undefined, invalidated };
}

const file = (body: string, filename = "todo-next-tasks-2026-01-15.csv") =>
  new Response(body, { status: 200, headers: { "content-type": "text/csv", "content-disposition": `attachment; filename="${filename}"` } });

describe("fetchExport – the settings page's download", () => {
  it("asks the export endpoint with the Bearer token and names the file from Content-Disposition", async () => {
    const doFetch = vi.fn(async () => file("id\r\n"));
    const result = await fetchExport("u/1", "csv", tokens("t1"), doFetch as unknown as typeof fetch);
    expect(doFetch).toHaveBeenCalledWith("/api/u%2F1/tasks/export?format=csv", { headers: { authorization: "Bearer t1" }, credentials: "omit", cache: "no-store" });
    expect(result.filename).toBe("todo-next-tasks-2026-01-15.csv");
    expect(await result.blob.text()).toBe("id\r\n");
  });

  it("retries once with a fresh token after a 401", async () => {
    const store = tokens("old", "new");
    const doFetch = vi.fn(async (_url: string, init: RequestInit) =>
      (init.headers as Record<string, string>).authorization === "Bearer old" ? Response.json({ detail: "expired", error_code: "AUTH_INVALID" }, { status: 401 }) : file("[]", "x.json"),
    );
    expect((await fetchExport("u", "json", store, doFetch as unknown as typeof fetch)).filename).toBe("x.json");
    expect(store.invalidated).toEqual(["old"]);
  });

  it("throws the API's error (detail and code), or a network error", async () => {
    const refused = fetchExport("u", "json", tokens("t"), (async () => Response.json({ detail: "Too many requests", error_code: "RATE_LIMITED" }, { status: 429 })) as unknown as typeof fetch);
    await expect(refused).rejects.toMatchObject({ status: 429, code: "RATE_LIMITED", detail: "Too many requests" });
    const offline = fetchExport("u", "json", tokens("t"), (async () => Promise.reject(new TypeError("failed"))) as unknown as typeof fetch);
    await expect(offline).rejects.toMatchObject({ status: 0 });
  });
});
